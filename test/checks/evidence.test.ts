import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceCheck } from '../../src/checks/evidence/check.js';
import type { EvidenceParams } from '../../src/checks/evidence/check.js';
import type { Finding } from '../../src/checks/types.js';
import { run } from '../../src/pipeline.js';
import type { CriterionResult } from '../../src/report/model.js';
import { DEMO_TODAY, copyDemo, editManifest, tempDir } from '../helpers.js';
import { MINIMAL_MANIFEST, checkContext, runCheck } from '../helpers/check-context.js';

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

const codes = (c: CriterionResult | Finding[]) => (Array.isArray(c) ? c : c.findings).map((f) => f.code);

/** The minimal manifest with one evidence item. */
function withEvidence(key: string, item: Record<string, string>): string {
  const fields = Object.entries(item).map(([k, v]) => `    ${k}: ${v}`);
  return `${MINIMAL_MANIFEST}evidence:\n  ${key}:\n${fields.join('\n')}\n`;
}

function manifestLines(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

/** The `evidence` check alone on an HDS certificate declared as given, with the file present when it has a path. */
async function hds(item: Record<string, string>, params: Partial<EvidenceParams> = {}): Promise<Finding[]> {
  const files = item.path?.startsWith('docs/') ? { [item.path]: 'Certificat HDS' } : {};
  return runCheck(
    evidenceCheck,
    { items: ['hds-certificate'], ...params },
    { manifest: withEvidence('hds-certificate', item), files },
  );
}

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
    expect(codes(await hds({ path: '/etc/hostname' }))).toEqual(['evidence.path-absolute']);
  });

  it('refuses a symbolic link pointing outside the repository', async () => {
    const outside = tempDir('mes-outside-');
    writeFileSync(path.join(outside, 'secret.txt'), 'not part of the repository');
    const ctx = checkContext({ manifest: withEvidence('hds-certificate', { path: 'docs/hds.md' }) });
    mkdirSync(path.join(ctx.repoDir, 'docs'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(ctx.repoDir, 'docs', 'hds.md'));
    const findings = await evidenceCheck.run(ctx, { items: ['hds-certificate'] });
    expect(findings.map((f) => [f.outcome, f.code])).toEqual([['fail', 'evidence.path-symlink-escapes']]);
  });

  it('refuses a directory reached through a symlinked folder outside the repository', async () => {
    const outside = tempDir('mes-outside-');
    mkdirSync(path.join(outside, 'docs'));
    writeFileSync(path.join(outside, 'docs', 'aipd.md'), 'outside');
    const ctx = checkContext({ manifest: withEvidence('aipd', { path: 'linked/aipd.md' }) });
    symlinkSync(path.join(outside, 'docs'), path.join(ctx.repoDir, 'linked'));
    expect(codes(await evidenceCheck.run(ctx, { items: ['aipd'] }))).toEqual([
      'evidence.path-symlink-escapes',
    ]);
  });

  it('reports a missing file at its manifest line and an empty file in the file itself', async () => {
    const manifest = withEvidence('aipd', { path: 'docs/aipd.md' });
    const [missing] = await runCheck(evidenceCheck, { items: ['aipd'] }, { manifest });
    expect(missing).toMatchObject({ outcome: 'fail', code: 'evidence.file-missing' });
    expect(missing?.location).toEqual({
      file: 'mes-referencing.yml',
      line: manifestLines(manifest, 'path: docs/aipd.md'),
      column: 11,
    });
    const [empty] = await runCheck(
      evidenceCheck,
      { items: ['aipd'] },
      { manifest, files: { 'docs/aipd.md': '' } },
    );
    expect(empty).toMatchObject({
      outcome: 'fail',
      code: 'evidence.file-empty',
      location: { file: 'docs/aipd.md' },
    });
  });

  it('fails an expired certificate and warns 60 days before expiry', async () => {
    const repo = copyDemo();
    const expired = await criterion(repo, 'URB-HDS', new Date('2028-07-01T12:00:00Z'));
    expect(expired.status).toBe('non-conforme');
    expect(expired.findings.find((f) => f.code === 'evidence.expired')?.message).toContain(
      'expiration le 2028-06-29, dépassée de 2 jours',
    );
    const soon = await criterion(repo, 'URB-HDS', new Date('2028-05-30T12:00:00Z'));
    expect(soon.status).toBe('conforme');
    expect(soon.attention).toBe(true);
    expect(codes(soon)).toContain('evidence.expiring');
  });

  it('requires an expiry date on the HDS certificate', async () => {
    const findings = await hds({ path: 'docs/hds.md', issued: '2025-06-30' }, { expires: 'required' });
    expect(codes(findings)).toContain('evidence.no-expiry');
    expect(findings.find((f) => f.code === 'evidence.no-expiry')?.outcome).toBe('fail');
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
    expect(codes(await hds({ path: 'docs/hds.md', issued: '2027-01-05' }))).toContain('evidence.future-date');
  });

  it('warns about a proof published over plain http', async () => {
    const findings = await runCheck(
      evidenceCheck,
      { items: ['support'] },
      { manifest: withEvidence('support', { url: 'http://tensio.example/aide' }) },
    );
    expect(findings.find((f) => f.code === 'evidence.http-url')?.outcome).toBe('warn');
  });

  it('asks for missing evidence by its manifest key', async () => {
    const c = await criterion(copyDemo(), 'ETH-CONTENU');
    expect(c.findings[0]?.message).toBe(
      'preuve manquante : Qualité du contenu éditorial de santé — déclarez-la dans evidence.content-quality (path ou url)',
    );
  });
});
