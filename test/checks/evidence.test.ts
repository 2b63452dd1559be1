import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/pipeline.js';
import type { CriterionResult } from '../../src/report/model.js';
import { DEMO_TODAY, copyDemo, editManifest, tempDir } from '../helpers.js';

async function criterion(repo: string, id: string, now = DEMO_TODAY): Promise<CriterionResult> {
  const { report } = await run({
    repoDir: repo,
    lang: 'fr',
    failOn: 'obligatoire',
    now,
    engine: { offline: true },
  });
  const found = report.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}

const codes = (c: CriterionResult) => c.findings.map((f) => f.code);

describe('evidence checks', () => {
  it('accepts a present, dated, valid proof', async () => {
    const c = await criterion(copyDemo(), 'URB-HDS');
    expect(c.status).toBe('conforme');
    expect(codes(c)).toContain('evidence.provided');
  });

  it('refuses a path that climbs out of the repository', async () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('path: docs/certificat-hds.md', 'path: ../outside/certificat.md'));
    const c = await criterion(repo, 'URB-HDS');
    expect(c.status).toBe('non-conforme');
    expect(codes(c)).toContain('evidence.path-escapes');
    expect(c.blocking).toBe(true);
  });

  it('refuses an absolute path', async () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('path: docs/certificat-hds.md', 'path: /etc/hostname'));
    expect(codes(await criterion(repo, 'URB-HDS'))).toContain('evidence.path-absolute');
  });

  it('refuses a symbolic link pointing outside the repository', async () => {
    const repo = copyDemo();
    const outside = tempDir('mes-outside-');
    writeFileSync(path.join(outside, 'secret.txt'), 'not part of the repository');
    rmSync(path.join(repo, 'docs', 'certificat-hds.md'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(repo, 'docs', 'certificat-hds.md'));
    const c = await criterion(repo, 'URB-HDS');
    expect(codes(c)).toContain('evidence.path-symlink-escapes');
    expect(c.status).toBe('non-conforme');
  });

  it('refuses a directory reached through a symlinked folder outside the repository', async () => {
    const repo = copyDemo();
    const outside = tempDir('mes-outside-');
    mkdirSync(path.join(outside, 'docs'));
    writeFileSync(path.join(outside, 'docs', 'aipd.md'), 'outside');
    symlinkSync(path.join(outside, 'docs'), path.join(repo, 'linked'));
    editManifest(repo, (t) => t.replace('path: docs/aipd.md', 'path: linked/aipd.md'));
    expect(codes(await criterion(repo, 'ETH-AIPD'))).toContain('evidence.path-symlink-escapes');
  });

  it('reports a missing file and an empty file at their location', async () => {
    const repo = copyDemo();
    rmSync(path.join(repo, 'docs', 'aipd.md'));
    writeFileSync(path.join(repo, 'docs', 'ecoscore.md'), '');
    const aipd = await criterion(repo, 'ETH-AIPD');
    expect(codes(aipd)).toContain('evidence.file-missing');
    expect(aipd.findings[0]?.location?.file).toBe('mes-referencing.yml');
    const eco = await criterion(repo, 'ETH-ECOSCORE');
    expect(codes(eco)).toContain('evidence.file-empty');
    expect(eco.findings.find((f) => f.code === 'evidence.file-empty')?.location?.file).toBe(
      'docs/ecoscore.md',
    );
  });

  it('fails an expired certificate and warns 60 days before expiry', async () => {
    const repo = copyDemo();
    const expired = await criterion(repo, 'URB-HDS', new Date('2028-07-01T12:00:00Z'));
    expect(expired.status).toBe('non-conforme');
    expect(expired.findings.find((f) => f.code === 'evidence.expired')?.message).toContain(
      'expiration le 2028-06-29, dépassée de 2 jour(s)',
    );
    const soon = await criterion(repo, 'URB-HDS', new Date('2028-05-30T12:00:00Z'));
    expect(soon.status).toBe('conforme');
    expect(soon.attention).toBe(true);
    expect(codes(soon)).toContain('evidence.expiring');
  });

  it('requires an expiry date on the HDS certificate', async () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('    expires: 2028-06-29\n', ''));
    expect(codes(await criterion(repo, 'URB-HDS'))).toContain('evidence.no-expiry');
  });

  it('fails a penetration test older than a year, and warns before', async () => {
    const repo = copyDemo();
    // Without the demo's review of the report, which would otherwise decide the criterion.
    editManifest(repo, (t) => t.replace(/\nrevues:\n( {2}.*\n| {4}.*\n| {6}.*\n)+/, '\n'));
    const old = await criterion(repo, 'SEC-PENTEST', new Date('2027-09-22T12:00:00Z'));
    expect(old.status).toBe('non-conforme');
    expect(codes(old)).toContain('evidence.too-old');
    const ageing = await criterion(repo, 'SEC-PENTEST', new Date('2027-08-01T12:00:00Z'));
    expect(ageing.status).toBe('a-verifier');
    expect(codes(ageing)).toContain('evidence.ageing');
  });

  it('refuses a proof dated in the future', async () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('issued: 2026-09-21', 'issued: 2027-01-05'));
    expect(codes(await criterion(repo, 'SEC-PENTEST'))).toContain('evidence.future-date');
  });

  it('warns about a proof published over plain http', async () => {
    const repo = copyDemo();
    editManifest(repo, (t) =>
      t.replace('url: https://tensio.example/aide', 'url: http://tensio.example/aide'),
    );
    expect(codes(await criterion(repo, 'ETH-ACCOMPAGNEMENT'))).toContain('evidence.http-url');
  });

  it('asks for missing evidence by its manifest key', async () => {
    const c = await criterion(copyDemo(), 'ETH-CONTENU');
    expect(c.findings[0]?.message).toBe(
      'preuve manquante : Qualité du contenu éditorial de santé — déclarez-la dans evidence.content-quality (path ou url)',
    );
  });
});
