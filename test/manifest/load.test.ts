import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { translator } from '../../src/messages.js';
import { loadManifest } from '../../src/manifest/load.js';
import { DEMO, copyDemo, editManifest, tempDir } from '../helpers.js';

const fr = translator('fr');
const en = translator('en');

function errorsOf(repo: string, file = 'mes-referencing.yml'): UserError[] {
  try {
    loadManifest(file, repo);
  } catch (error) {
    if (error instanceof UserError) return error.all();
    throw error;
  }
  throw new Error('expected the manifest to be refused');
}

function rendered(repo: string, lang: 'fr' | 'en' = 'fr'): string[] {
  const t = lang === 'fr' ? fr : en;
  return errorsOf(repo).map((e) => e.render(t));
}

function repoWith(text: string): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'mes-referencing.yml'), text);
  return dir;
}

describe('manifest loading', () => {
  it('loads the demo manifest and keeps positions', () => {
    const loaded = loadManifest('mes-referencing.yml', DEMO);
    expect(loaded.manifest.solution.name).toBe('Tensio');
    expect(loaded.file).toBe('mes-referencing.yml');
    const at = loaded.locate(['solution', 'solution-oid']);
    expect(at.file).toBe('mes-referencing.yml');
    expect(at.line).toBeGreaterThan(1);
  });

  it('refuses an empty file with a located message', () => {
    const [error] = rendered(repoWith('# only a comment\n'));
    expect(error).toBe('mes-referencing.yml:1:1: mes-referencing.yml est vide');
  });

  it('reports a missing manifest by name', () => {
    const [error] = rendered(tempDir());
    expect(error).toContain('fichier introuvable : mes-referencing.yml');
  });

  it('locates YAML syntax errors', () => {
    const [error] = errorsOf(repoWith('version: 1\nsolution:\n  name: [unclosed\n  editor: x\n'));
    expect(error?.location?.line).toBeGreaterThanOrEqual(3);
    expect(error?.render(fr)).toMatch(/^mes-referencing\.yml:\d+:\d+: /);
  });

  it('refuses duplicate keys at the second occurrence', () => {
    const repo = copyDemo();
    editManifest(repo, (t) =>
      t.replace('  editor: Tensio Santé SAS\n', '  editor: Tensio Santé SAS\n  editor: Autre\n'),
    );
    const [error] = errorsOf(repo);
    expect(error?.key).toBe('yaml.duplicate-key');
    const text = readFileSync(path.join(repo, 'mes-referencing.yml'), 'utf8').split('\n');
    expect(error?.location?.line).toBe(text.indexOf('  editor: Autre') + 1);
  });

  it('names the expected type of a wrongly typed value, at its line', () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('platforms: [web, ios, android]', 'platforms: web'));
    const [error] = rendered(repo);
    expect(error).toMatch(
      /^mes-referencing\.yml:\d+:\d+: solution\.platforms doit être une liste \(trouvé : "web"\)$/,
    );
  });

  it('suggests the closest key for an unknown key, pointing at the key', () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('  hds-certificate:\n', '  hds-certficate:\n'));
    const [error] = errorsOf(repo);
    expect(error?.render(fr)).toContain(
      'clé inconnue « hds-certficate » ; vouliez-vous dire « hds-certificate » ?',
    );
    expect(error?.render(en)).toContain('unknown key "hds-certficate"; did you mean "hds-certificate"?');
  });

  it('suggests the closest value for a misspelt enum value', () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('path: avec-echange', 'path: avec-echanges'));
    expect(rendered(repo)[0]).toContain('vouliez-vous dire « avec-echange » ?');
  });

  it('refuses dates in the wrong format and dates that do not exist', () => {
    const repo = copyDemo();
    editManifest(repo, (t) =>
      t
        .replace('last-decision: 2026-03-02', 'last-decision: 02/03/2026')
        .replace('expires: 2028-06-29', 'expires: 2027-02-30'),
    );
    const messages = rendered(repo);
    expect(
      messages.some((m) =>
        m.includes('referencing.last-decision : « 02/03/2026 » n’est pas une date au format AAAA-MM-JJ'),
      ),
    ).toBe(true);
    const repo2 = copyDemo();
    editManifest(repo2, (t) => t.replace('expires: 2028-06-29', 'expires: 2027-02-30'));
    expect(rendered(repo2)[0]).toMatch(
      /evidence\.hds-certificate\.expires : « 2027-02-30 » n’est pas une date du calendrier$/,
    );
  });

  it('checks OID syntax and that the solution OID sits under the editor root', () => {
    const bad = copyDemo();
    editManifest(bad, (t) => t.replace('editor-oid: 1.2.250.1.999.42', 'editor-oid: 1.2.250.01.x'));
    expect(rendered(bad)[0]).toContain('« 1.2.250.01.x » n’est pas un OID valide');
    const outside = copyDemo();
    editManifest(outside, (t) =>
      t.replace('solution-oid: 1.2.250.1.999.42.1', 'solution-oid: 1.2.250.1.999.420.1'),
    );
    const [error] = errorsOf(outside);
    expect(error?.key).toBe('manifest.oid-not-under-root');
    expect(error?.location?.line).toBeGreaterThan(1);
  });

  it('requires data domains on the with-exchange path', () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('  data-domains: [mesures, documents]\n', ''));
    expect(errorsOf(repo)[0]?.key).toBe('manifest.domains-required');
  });

  it('reports every problem of one pass, not only the first', () => {
    const repo = copyDemo();
    editManifest(repo, (t) =>
      t
        .replace('platforms: [web, ios, android]', 'platforms: [web, tv]')
        .replace('health-data: true', 'health-data: oui'),
    );
    const keys = errorsOf(repo).map((e) => e.key);
    expect(keys).toContain('schema.enum');
    expect(keys).toContain('schema.type.boolean');
  });

  it('reports format errors and calendar/OID errors together, in the order of the file', () => {
    const repo = copyDemo();
    editManifest(repo, (t) =>
      t
        .replace('version: 1', 'version: "1"')
        .replace('solution-oid: 1.2.250.1.999.42.1', 'solution-oid: 1.2.250.1.999.420.1')
        .replace('health-data: true', 'health-data: oui')
        .replace('expires: 2028-06-29', 'expires: 2027-02-30'),
    );
    const errors = errorsOf(repo);
    expect(errors.map((e) => e.key)).toEqual([
      'schema.const.string',
      'manifest.oid-not-under-root',
      'schema.type.boolean',
      'manifest.bad-date',
    ]);
    const lines = errors.map((e) => e.location?.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('judges a value the schema refused only once', () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('last-decision: 2026-03-02', 'last-decision: 02/03/2026'));
    expect(errorsOf(repo).map((e) => e.key)).toEqual(['schema.format.date']);
  });

  it('keeps judging what it can in a manifest whose sections have the wrong shape', () => {
    const repo = copyDemo();
    editManifest(repo, (t) =>
      t
        .replace('solution-oid: 1.2.250.1.999.42.1', 'solution-oid: 1.2.250.1.999.420.1')
        .replace(/^evidence:\n/m, 'evidence: []\nevidence-old:\n'),
    );
    const keys = errorsOf(repo).map((e) => e.key);
    expect(keys).toContain('manifest.oid-not-under-root');
    expect(keys).toContain('schema.type.object');
  });

  it('says the kind of value found when it differs from the one expected', () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('version: 1', 'version: "1"'));
    const [error] = errorsOf(repo);
    expect(error?.render(fr)).toBe(
      'mes-referencing.yml:8:10: version : la valeur doit être 1 (trouvé : "1", un texte)',
    );
    expect(error?.render(en)).toBe(
      'mes-referencing.yml:8:10: version: the value must be 1 (found: "1", a text)',
    );
    const two = copyDemo();
    editManifest(two, (t) => t.replace('version: 1', 'version: 2'));
    expect(errorsOf(two)[0]?.render(fr)).toBe(
      'mes-referencing.yml:8:10: version : la valeur doit être 1 (trouvé : 2)',
    );
  });

  it('refuses a 10 MB manifest before parsing it', () => {
    const repo = tempDir();
    writeFileSync(path.join(repo, 'mes-referencing.yml'), `version: 1\n# ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const [error] = errorsOf(repo);
    expect(error?.key).toBe('file.too-large');
  });

  it('refuses a manifest that is not a map', () => {
    expect(errorsOf(repoWith('- a\n- b\n'))[0]?.key).toBe('manifest.not-a-map');
  });

  it('refuses YAML alias bombs', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    const [error] = errorsOf(repoWith(`${bomb.join('\n')}\n`));
    expect(error?.key).toBe('yaml.too-many-aliases');
  });
});

describe('manifest values a pull request could abuse', () => {
  /** The demo with its sandbox, endpoints and packages replaced. */
  function demoWith(edit: (text: string) => string): string {
    const repo = copyDemo();
    editManifest(repo, edit);
    return repo;
  }

  it('refuses URLs with credentials, a fragment, another scheme or control characters, each located', () => {
    const repo = demoWith((text) =>
      text
        .replace(
          'web: [https://tensio.example]',
          'web: ["https://user:pw@tensio.example", "https://tensio.example/#"]',
        )
        .replace(
          'api: [https://api.tensio.example]',
          'api: ["javascript:alert(1)", "https://api.tensio.example/\\u0000x", "https://evil.example\\\\@tensio.example"]',
        )
        .replace('target: emulator', 'target: "http://127.0.0.1:9/internal#"'),
    );
    const errors = errorsOf(repo);
    const paths = [...new Set(errors.map((e) => String(e.params.path)))].sort();
    expect(paths).toEqual([
      'endpoints.api[0]',
      'endpoints.api[1]',
      'endpoints.api[2]',
      'endpoints.web[0]',
      'endpoints.web[1]',
      'sandbox.target',
    ]);
    for (const e of errors) expect(e.location?.line).toBeGreaterThan(1);
    expect(errors.find((e) => e.params.path === 'endpoints.web[0]')!.render(fr)).toContain(
      'sans identifiants user@',
    );
  });

  it('accepts only MES_ variable names, and says so', () => {
    const repo = demoWith((text) =>
      text
        .replace('client-secret-env: MES_CLIENT_SECRET', 'client-secret-env: DEPLOY_KEY')
        .replace(
          '    type: client-secret\n',
          '    type: client-secret\n  headers-env:\n    x-exfil: GITHUB_TOKEN\n',
        ),
    );
    const errors = errorsOf(repo);
    expect(errors.map((e) => e.params.value).sort()).toEqual(['DEPLOY_KEY', 'GITHUB_TOKEN']);
    expect(errors[0]!.render(en)).toContain('MES_ followed by capitals');
  });

  it('refuses line breaks and control characters in one-line fields, not in a justification', () => {
    const repo = demoWith((text) =>
      text
        .replace('name: Tensio', 'name: "Tensio\\n::warning::pwned"')
        .replace('provider: Hébergeur Exemple HDS', 'provider: "HDS\\u001b[31m"')
        .replace(
          'justification: Audit RGAA',
          'justification: |\n      Audit en deux lignes,\n      puis RGAA',
        ),
    );
    const errors = errorsOf(repo);
    expect(errors.map((e) => e.params.path).sort()).toEqual([
      'orientation.hosting.provider',
      'solution.name',
    ]);
    expect(errors.map((e) => e.key)).toEqual(['schema.format.line', 'schema.format.line']);
    // The message echoes nothing that could break a log line.
    for (const e of errors) for (const c of ['\n', '\u001b']) expect(fr(e.key, e.params)).not.toContain(c);
  });

  it('takes fhir.packages as id#version only', () => {
    const repo = demoWith((text) =>
      text.replace(
        '    - fhir/documents/*.json\n',
        '    - fhir/documents/*.json\n  packages: [../../etc/passwd, "leak#1", hl7.fhir.fr.core#2.1.0]\n',
      ),
    );
    const errors = errorsOf(repo);
    expect(errors.map((e) => [e.params.path, e.key])).toEqual([
      ['fhir.packages[0]', 'schema.format.packageSpec'],
    ]);
  });
});
