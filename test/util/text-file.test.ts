import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/messages.js';
import { loadManifest } from '../../src/manifest/load.js';
import { UserError } from '../../src/errors.js';
import { decodeText } from '../../src/util/text-file.js';
import { readRecording } from '../../src/exchanges/recording.js';
import { readJsonResources } from '../../src/util/json-resources.js';
import { DEMO, tempDir } from '../helpers.js';
import { readFileSync } from 'node:fs';

const fr = translator('fr');
const en = translator('en');
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};

describe('decodeText', () => {
  it('reads UTF-8, with or without a BOM, and UTF-16 announced by its BOM', () => {
    const text = 'name: Société\nemoji: 🩺\n';
    expect(decodeText(Buffer.from(text))).toEqual({ ok: true, text, encoding: 'UTF-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({
      ok: true,
      text,
      encoding: 'UTF-8',
    });
    expect(decodeText(utf16le(text))).toEqual({ ok: true, text, encoding: 'UTF-16LE' });
    expect(decodeText(utf16be(text))).toEqual({ ok: true, text, encoding: 'UTF-16BE' });
  });

  it('refuses Latin-1 at the first byte that is not UTF-8', () => {
    expect(decodeText(latin1('a: 1\nname: Soci\xe9t\xe9\n'))).toEqual({
      ok: false,
      problem: { kind: 'not-utf8', line: 2, column: 11, byte: '0xE9', encoding: 'UTF-8' },
    });
  });

  it('counts columns in characters and looks past a real U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('é\uFFFD🩺 '), Buffer.from([0x80])]);
    expect(decodeText(bytes)).toMatchObject({ ok: false, problem: { line: 1, column: 5, byte: '0x80' } });
  });

  it('refuses a NUL byte where it is, and names UTF-16 written without its BOM', () => {
    expect(decodeText(Buffer.from('a: 1\nb: x\0y\n'))).toEqual({
      ok: false,
      problem: { kind: 'nul', line: 2, column: 5, byte: '0x00', encoding: 'UTF-8' },
    });
    expect(decodeText(Buffer.from('version: 1\nname: Société\n', 'utf16le'))).toMatchObject({
      ok: false,
      problem: { kind: 'utf16-without-bom' },
    });
  });

  it('refuses a file whose BOM announces UTF-16 but whose body is not', () => {
    const odd = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('ab', 'utf16le'),
      Buffer.from([0x00, 0xdc]),
    ]);
    expect(decodeText(odd)).toMatchObject({
      ok: false,
      problem: { kind: 'bad-utf16', encoding: 'UTF-16LE' },
    });
  });
});

describe('every reader of user files', () => {
  const demoManifest = readFileSync(path.join(DEMO, 'mes-referencing.yml'), 'utf8');
  const loadError = (bytes: Buffer): UserError => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'mes-referencing.yml'), bytes);
    try {
      loadManifest('mes-referencing.yml', dir);
    } catch (error) {
      if (error instanceof UserError) return error;
      throw error;
    }
    throw new Error('expected the manifest to be refused');
  };

  it('manifest: a Latin-1 one is refused at the first é, never mangled', () => {
    const error = loadError(
      latin1([...demoManifest].map((c) => (c.charCodeAt(0) > 0xff ? '?' : c)).join('')),
    );
    const line = demoManifest.split('\n').findIndex((l) => /[é]/.test(l)) + 1;
    expect(error.render(fr)).toMatch(
      new RegExp(
        `^mes-referencing\\.yml:${line}:\\d+: le fichier n’est pas encodé en UTF-8 \\(octet 0xE9 invalide, Latin-1 ou Windows-1252 \\?\\) : enregistrez-le en UTF-8$`,
      ),
    );
    expect(error.render(en)).toContain('the file is not UTF-8 encoded (invalid byte 0xE9');
  });

  it('manifest: UTF-16 with its BOM and UTF-8 with a BOM load as the UTF-8 one does', () => {
    for (const bytes of [
      utf16le(demoManifest),
      utf16be(demoManifest),
      Buffer.from(`\uFEFF${demoManifest}`),
    ]) {
      const dir = tempDir();
      writeFileSync(path.join(dir, 'mes-referencing.yml'), bytes);
      expect(loadManifest('mes-referencing.yml', dir).manifest.solution.editor).toBe('Tensio Santé SAS');
    }
  });

  it('manifest: a NUL byte is refused where it is', () => {
    const error = loadError(Buffer.from(demoManifest.replace('Tensio Santé SAS', 'Tensio\0 Santé SAS')));
    const line = demoManifest.split('\n').findIndex((l) => l.includes('Tensio Santé SAS')) + 1;
    expect(error.render(fr)).toMatch(
      new RegExp(
        `^mes-referencing\\.yml:${line}:\\d+: caractère NUL \\(octet 0x00\\) : ce n’est pas un fichier texte$`,
      ),
    );
  });

  it('FHIR resources listed by the manifest: a bad file is a located problem, the others are read', () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'a.json'),
      latin1('{\n  "resourceType": "Patient",\n  "name": [{"family": "H\xe9bert"}]\n}\n'),
    );
    writeFileSync(path.join(dir, 'b.json'), utf16le('{"resourceType": "Patient"}'));
    writeFileSync(path.join(dir, 'c.json'), '{"resourceType": "Pat\0ient"}');
    const { files } = readJsonResources(dir, ['*.json']);
    expect(files).toEqual([
      expect.objectContaining({ file: 'a.json', ok: false, reason: 'bad-encoding', line: 3, column: 25 }),
      expect.objectContaining({ file: 'b.json', ok: true, value: { resourceType: 'Patient' } }),
      expect.objectContaining({ file: 'c.json', ok: false, reason: 'bad-encoding', line: 1, column: 22 }),
    ]);
  });

  it('recordings: a recording that is not text is refused with where it breaks', () => {
    const file = path.join(tempDir(), 'exchanges.json');
    writeFileSync(file, latin1('{"schema":"x","exchanges":[\n{"note":"r\xe9ponse"}\n'));
    expect(() => readRecording(file, 'exchanges.json')).toThrow(
      expect.objectContaining({
        key: 'recording.not-text',
        params: { file: 'exchanges.json', line: 2, column: 11, byte: '0xE9' },
      }),
    );
    expect(
      en('sandbox.recording.not-text', { file: 'exchanges.json', line: 2, column: 11, byte: '0xE9' }),
    ).toBe('the recording exchanges.json is not UTF-8 text (line 2, column 11, byte 0xE9)');
  });
});
