import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyDemo, editManifest, runCli, tempDir } from '../helpers.js';

describe('mes-referencing check (real process)', () => {
  it('runs the demo, writes the four report files and exits 0', () => {
    const out = tempDir();
    const r = runCli(['check', '--repo', copyDemo(), '--out', out, '--today', '2026-11-26', '--offline']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verdict : Aucun critère bloquant');
    expect(r.stderr).toContain('[manifest] manifeste mes-referencing.yml chargé : Tensio');
    for (const f of ['report.json', 'report.md', 'report.html', 'report.sarif'])
      expect(existsSync(path.join(out, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')).verdict).toBe('a-verifier');
  });

  it('exits 1 on blocking failures and names them with their location', () => {
    const repo = copyDemo();
    rmSync(path.join(repo, 'docs', 'certificat-hds.md'));
    const r = runCli([
      'check',
      '--repo',
      repo,
      '--out',
      tempDir(),
      '--today',
      '2026-11-26',
      '--offline',
      '--quiet',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('À traiter en premier (');
    expect(r.stdout).toMatch(
      /✗ URB-HDS \(obligatoire\) Hébergement certifié HDS — bloquant\n\s+mes-referencing\.yml:\d+:\d+: Certificat HDS de l’hébergeur : le fichier docs\/certificat-hds\.md est introuvable dans le dépôt/,
    );
    expect(r.stderr).toBe('');
  });

  it('follows --fail-on', () => {
    const repo = copyDemo();
    const args = ['check', '--repo', repo, '--out', tempDir(), '--today', '2026-11-26', '--offline', '-q'];
    expect(runCli([...args, '--fail-on', 'tout']).code).toBe(1);
    expect(runCli([...args, '--fail-on', 'jamais']).code).toBe(0);
  });

  it('exits 2 with a located message and no stack trace on a configuration error', () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('  hosting:\n', '  hostng:\n'));
    const r = runCli(['check', '--repo', repo, '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^mes-referencing\.yml:\d+:3: orientation : clé inconnue « hostng » ; vouliez-vous dire « hosting » \?$/m,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('speaks English with --lang en', () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace("referentiel: '2023-10'", "referentiel: '2023-11'"));
    const r = runCli(['check', '--repo', repo, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^mes-referencing\.yml:\d+:\d+: unknown framework version "2023-11": available versions 2023-10 \(did you mean "2023-10"\?\)$/m,
    );
  });

  it('refuses unknown options and commands with a suggestion', () => {
    const option = runCli(['check', '--manfest', 'x.yml']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('option inconnue --manfest ; vouliez-vous dire --manifest ?');
    const command = runCli(['chek']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('commande inconnue « chek » ; vouliez-vous dire « check » ?');
    expect(runCli(['check', '--fail-on', 'toujours']).stderr).toContain(
      '--fail-on : valeur « toujours » invalide',
    );
  });

  it('prints the manifest schema', () => {
    const r = runCli(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});
