import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputDirError } from '../../src/util/output-dir.js';
import { translator } from '../../src/messages.js';
import { DEMO, copyDemo, tempDir } from '../helpers.js';
import { runMain } from './helpers.js';

const fr = translator('fr');
const en = translator('en');
const CHECK = ['check', '--offline', '--today', '2026-11-26', '--no-color'];

describe('--out that cannot be written', () => {
  const repo = copyDemo();
  const file = path.join(tempDir(), 'a-file');
  writeFileSync(file, 'not a folder');

  it('is a usage error (exit 2) naming the path, before any check runs', async () => {
    const r = await runMain([...CHECK, '--repo', repo, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `--out : impossible d’écrire dans ${file} : c’est un fichier, pas un dossier ; choisissez un autre dossier\n`,
    );
    expect(r.stdout).toBe('');
  });

  it('names the file standing in the way of a folder to create', async () => {
    const r = await runMain([
      ...CHECK,
      '--repo',
      repo,
      '--out',
      path.join(file, 'sub', 'dir'),
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `--out: cannot create ${path.join(file, 'sub', 'dir')}: ${file} is a file, not a folder; choose another folder\n`,
    );
  });

  it('says so for a system file', async () => {
    const r = await runMain([...CHECK, '--repo', repo, '--out', '/proc/version']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out : impossible d’écrire dans /proc/version : c’est un fichier');
  });

  it('names a refused permission, a read-only disk and any other cause', () => {
    const dir = tempDir();
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(outputDirError(dir, '--out', denied).render(fr)).toBe(
      `--out : écriture refusée dans ${dir} (permissions) ; choisissez un autre dossier`,
    );
    const readOnly = Object.assign(new Error('EROFS'), { code: 'EROFS' });
    expect(outputDirError(dir, 'report-dir', readOnly).render(en)).toBe(
      `report-dir: ${dir} is on a read-only file system; choose another folder`,
    );
    const other = Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
    expect(outputDirError(dir, '--out', other).render(fr)).toBe(
      `--out : impossible d’écrire dans ${dir} (EIO: i/o error)`,
    );
  });

  it('refuses a folder without write permission (when not running as root)', async () => {
    const locked = path.join(tempDir(), 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const r = await runMain([...CHECK, '--repo', repo, '--out', path.join(locked, 'out')]);
    // root writes anywhere: then the run succeeds, which is what the operating system allows.
    if (process.getuid?.() === 0) expect(r.code).toBe(0);
    else {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--out : écriture refusée dans ${path.join(locked, 'out')}`);
    }
  });
});

describe('--repo and --manifest', () => {
  it('names a repository folder that does not exist', async () => {
    const r = await runMain([...CHECK, '--repo', '/nonexistent', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dossier introuvable : /nonexistent\n');
  });

  it('names a repository that is a file', async () => {
    const file = path.join(tempDir(), 'repo.txt');
    writeFileSync(file, '');
    const r = await runMain([...CHECK, '--repo', file, '--out', tempDir(), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${file} is not a folder (expected: the repository folder)\n`);
  });

  it('reads a relative --manifest from --repo, an absolute one as given', async () => {
    const repo = copyDemo();
    mkdirSync(path.join(repo, 'config'));
    writeFileSync(
      path.join(repo, 'config', 'mes.yml'),
      readFileSync(path.join(repo, 'mes-referencing.yml'), 'utf8'),
    );
    const withManifest = (manifest: string) =>
      runMain([...CHECK, '--repo', repo, '--manifest', manifest, '--out', tempDir()]);
    const relative = await withManifest('config/mes.yml');
    expect(relative.code).toBe(0);
    expect(relative.stderr).toContain('[manifest] manifeste config/mes.yml chargé : Tensio');
    const absolute = await withManifest(path.join(repo, 'config', 'mes.yml'));
    expect(absolute.code).toBe(0);
    const missing = await withManifest('nowhere.yml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('fichier introuvable : nowhere.yml\n');
  });
});

describe('--sandbox-target', () => {
  it.each(['ftp://x', 'not a url', 'https://user:pw@sandbox.example', 'https://sandbox.example/#x'])(
    'refuses %s before running anything',
    async (target) => {
      const r = await runMain([
        ...CHECK,
        '--repo',
        copyDemo(),
        '--out',
        tempDir(),
        '--sandbox-target',
        target,
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `--sandbox-target : « ${target} » n’est pas une cible valide (emulator, ou une URL http ou https sans identifiants ni fragment)\n`,
      );
    },
  );
});

describe('bad option values', () => {
  it('judges a negative number given as the next argument like one given with =', async () => {
    for (const args of [
      ['validate', '--max-size', '-5', 'x.json'],
      ['validate', '--max-size=-5', 'x.json'],
    ]) {
      const r = await runMain(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('--max-size : « -5 » n’est pas un nombre de mégaoctets positif\n');
    }
  });

  it('never shows the option parser’s own English', async () => {
    const cases: [string[], string][] = [
      [['check', '--out'], 'l’option --out attend une valeur\n'],
      [['check', '-o'], 'l’option --out attend une valeur\n'],
      [['check', '--offline=yes'], 'l’option --offline ne prend pas de valeur\n'],
      [
        ['check', '--out', '--offline'],
        'l’option --out attend une valeur, et « --offline » ressemble à une option ; écrivez --out=--offline si c’est bien sa valeur\n',
      ],
      [['check', 'extra'], 'argument inattendu « extra »\n'],
      [['check', '--lang', 'en', '--out'], 'option --out needs a value\n'],
    ];
    for (const [args, message] of cases) {
      const r = await runMain(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(message);
    }
  });
});

describe('the output folder inside the repository', () => {
  it('is never scanned: a second run judges the same files as the first', async () => {
    const repo = copyDemo();
    // A FHIR glob that also reaches the output folder, as an editor's `*/*.json` would.
    const manifest = path.join(repo, 'mes-referencing.yml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace(/resources:\n/, 'resources:\n    - "*/*.json"\n'),
    );
    const out = path.join(repo, 'mes-report');
    const first = await runMain([...CHECK, '--repo', repo, '--out', out]);
    expect(readdirSync(out)).toContain('report.json');
    const report = () => {
      const { generatedAt: _, ...rest } = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
      return rest as object;
    };
    const firstReport = report();
    const second = await runMain([...CHECK, '--repo', repo, '--out', out]);
    expect(second.code).toBe(first.code);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    expect(report()).toEqual(firstReport);
  });

  it('is not scanned either when it is the repository itself (--out .)', async () => {
    const repo = copyDemo();
    const first = await runMain([...CHECK, '--repo', repo, '--out', repo]);
    const second = await runMain([...CHECK, '--repo', repo, '--out', repo]);
    expect(second.stderr).toBe(first.stderr);
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('files that are not UTF-8 text', () => {
  const MESURE = 'fhir/mesures/tension-arterielle.json';

  it('validate: refuses a Latin-1 resource at its first é, reads one in UTF-16 with its BOM', async () => {
    const dir = tempDir();
    const text = readFileSync(path.join(DEMO, MESURE), 'utf8');
    const accented = text.replace(
      '"resourceType": "Bundle"',
      '"resourceType": "Bundle",\n  "language": "fr-FR",\n  "id": "Société"',
    );
    writeFileSync(path.join(dir, 'latin1.json'), Buffer.from(accented, 'latin1'));
    const latin = await runMain(['validate', path.join(dir, 'latin1.json')]);
    expect(latin.code).toBe(1);
    const line = accented.split('\n').findIndex((l) => l.includes('Société')) + 1;
    expect(latin.stdout).toMatch(
      new RegExp(
        `latin1\\.json:${line}:14: fatal processing le fichier n’est pas encodé en UTF-8 \\(octet 0xE9 invalide, Latin-1 ou Windows-1252 \\?\\) : enregistrez-le en UTF-8\\n$`,
      ),
    );
    writeFileSync(path.join(dir, 'utf8.json'), text);
    writeFileSync(
      path.join(dir, 'utf16.json'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const utf8 = await runMain(['validate', path.join(dir, 'utf8.json')]);
    const utf16 = await runMain(['validate', path.join(dir, 'utf16.json')]);
    expect(utf16.code).toBe(utf8.code);
    expect(utf16.stdout.replaceAll('utf16.json', 'utf8.json')).toBe(utf8.stdout);
  });

  it('check: a Latin-1 or NUL-carrying resource is a located failure, and nothing mangled reaches the dossier', async () => {
    const repo = copyDemo();
    const file = path.join(repo, MESURE);
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      Buffer.from(
        text.replace('"resourceType": "Bundle"', '"resourceType": "Bundle", "id": "Soci\u00e9t\u00e9"'),
        'latin1',
      ),
    );
    writeFileSync(path.join(repo, 'fhir/mesures/nul.json'), text.replace('"Bundle"', '"Bun\0dle"'));
    const out = tempDir();
    const r = await runMain([...CHECK, '--repo', repo, '--out', out]);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as {
      criteria: { findings: { message: string; location?: { file: string; line?: number } }[] }[];
    };
    const about = (file: string) =>
      report.criteria.flatMap((c) => c.findings).filter((f) => f.location?.file === file);
    expect(about(MESURE).map((f) => f.message)).toContain(
      'le fichier n’est pas encodé en UTF-8 (octet 0xE9 invalide, Latin-1 ou Windows-1252 ?) : enregistrez-le en UTF-8',
    );
    expect(about(MESURE).every((f) => f.location?.line === 2)).toBe(true);
    expect(about('fhir/mesures/nul.json').map((f) => f.message)).toContain(
      'caractère NUL (octet 0x00) : ce n’est pas un fichier texte',
    );
    for (const name of readdirSync(out)) {
      const written = readFileSync(path.join(out, name), 'utf8');
      expect(written, name).not.toContain('\uFFFD');
      expect(written, name).not.toContain('\0');
    }
  });
});
