import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/pipeline.js';
import type { RunOptions } from '../../src/pipeline.js';
import { renderJson } from '../../src/report/json.js';
import { writeReportFiles } from '../../src/report/write.js';
import { Redactor } from '../../src/secrets.js';
import { DEMO_TODAY, copyDemo, editManifest, tempDir } from '../helpers.js';

const base = (repoDir: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  repoDir,
  lang: 'fr',
  failOn: 'obligatoire',
  now: DEMO_TODAY,
  engine: { offline: true },
  ...extra,
});

describe('evaluation, waivers and policies', () => {
  it('turns an obligatoire failure into a visible, non-blocking dérogation while the waiver runs', async () => {
    const { report } = await run(base(copyDemo()));
    const c = report.criteria.find((x) => x.id === 'ETH-ACCESSIBILITE');
    expect(c?.status).toBe('non-conforme');
    expect(c?.waiver).toEqual({
      justification: expect.stringContaining('Audit RGAA'),
      expires: '2027-03-31',
      active: true,
    });
    expect(c?.blocking).toBe(false);
    expect(report.counts.waived).toBe(1);
    expect(report.failing).toBe(false);
  });

  it('stops honouring an expired waiver, and says so; an inferred criterion blocks only under obligatoire-suppose', async () => {
    const repo = copyDemo();
    const later = new Date('2027-04-01T12:00:00Z');
    const { report } = await run(base(repo, { now: later }));
    const c = report.criteria.find((x) => x.id === 'ETH-ACCESSIBILITE');
    expect(c?.waiver?.active).toBe(false);
    // ETH-ACCESSIBILITE is obligatoire-suppose: no published text makes it mandatory, so it does not block by default.
    expect(c?.niveau).toBe('obligatoire-suppose');
    expect(c?.fondement.text).toContain('accessibilité');
    expect(c?.blocking).toBe(false);
    // The yearly renewal, due 2027-03-02, is a published rule (the G_NIUS roadmap): overdue, it blocks by default.
    expect(report.criteria.filter((x) => x.blocking).map((x) => x.id)).toEqual(['REF-RENOUVELLEMENT']);
    expect(report.verdict).toBe('non-conforme');
    expect(report.failing).toBe(true);
    const notice = report.notices.find((n) => n.code === 'waiver.expired');
    expect(notice?.message).toBe(
      'dérogation pour ETH-ACCESSIBILITE expirée le 2027-03-31 : elle ne s’applique plus',
    );
    expect(notice?.location?.file).toBe('mes-referencing.yml');

    const strict = (await run(base(repo, { now: later, failOn: 'obligatoire-suppose' }))).report;
    const s = strict.criteria.find((x) => x.id === 'ETH-ACCESSIBILITE');
    expect(s?.blocking).toBe(true);
    expect(strict.verdict).toBe('non-conforme');
    expect(strict.failing).toBe(true);
    // The continuous evaluation report (obligatoire-suppose), due with the renewal, is overdue by then too.
    expect(strict.criteria.filter((x) => x.blocking).map((x) => x.id)).toEqual([
      'ETH-ACCESSIBILITE',
      'REF-EVALUATION-CONTINUE',
      'REF-RENOUVELLEMENT',
    ]);
    expect(strict.counts.blocking).toBe(3);
  });

  it('notes waivers on unknown, non-applicable or passing criteria', async () => {
    const repo = copyDemo();
    editManifest(repo, (t) =>
      t.replace(
        'waivers:\n',
        'waivers:\n  - criterion: SEC-INCONNU\n    justification: une dérogation sans objet\n    expires: 2027-01-01\n  - criterion: ETH-IA\n    justification: pas d’IA pour le moment\n    expires: 2027-01-01\n  - criterion: URB-HDS\n    justification: inutile car conforme\n    expires: 2027-01-01\n',
      ),
    );
    const { report } = await run(base(repo));
    expect(report.notices.map((n) => n.code).sort()).toEqual([
      'waiver.not-applicable',
      'waiver.unknown-criterion',
      'waiver.unused',
    ]);
  });

  it('applies the fail-on policy: tout blocks on a recommended criterion, jamais never fails the job', async () => {
    const repo = copyDemo();
    const obligatoire = (await run(base(repo))).report;
    const tout = (await run(base(repo, { failOn: 'tout' }))).report;
    // ETH-CONTENU (recommande) fails in the demo: only `tout` fails the job for it.
    expect(obligatoire.failing).toBe(false);
    expect(obligatoire.verdict).toBe('a-verifier');
    expect(tout.failing).toBe(true);
    expect(tout.verdict).toBe('non-conforme');
    expect(tout.criteria.filter((c) => c.blocking).map((c) => c.id)).toEqual(['ETH-CONTENU']);

    // A published mandatory criterion failing: non-conforme whatever the policy, but `jamais` keeps the job green.
    editManifest(repo, (t) => t.replace('    hds: true', '    hds: false'));
    const failing = (await run(base(repo))).report;
    const jamais = (await run(base(repo, { failOn: 'jamais' }))).report;
    expect(failing.criteria.find((c) => c.id === 'URB-HDS')?.blocking).toBe(true);
    expect(failing.failing).toBe(true);
    expect(jamais.verdict).toBe('non-conforme');
    expect(jamais.failing).toBe(false);
    expect(jamais.counts.blocking).toBe(0);
  });

  it('maps official ids from the manifest onto the report', async () => {
    const repo = copyDemo();
    editManifest(repo, (t) => t.replace('official-ids: {}', 'official-ids:\n  URB-HDS: "URB.04"'));
    const { report } = await run(base(repo));
    expect(report.criteria.find((c) => c.id === 'URB-HDS')?.officialId).toBe('URB.04');
  });

  it('gives byte-identical report.json for identical inputs, apart from the timestamp', async () => {
    const repo = copyDemo();
    const a = renderJson((await run(base(repo))).report);
    const b = renderJson((await run(base(repo))).report);
    const strip = (s: string) => s.replace(/"generatedAt": "[^"]+"/, '"generatedAt": ""');
    expect(strip(a)).toBe(strip(b));
    // And the files written to disk follow (the Markdown, HTML and SARIF renderings hold no timestamp but the HTML date).
    const out1 = tempDir();
    const out2 = tempDir();
    const r = (await run(base(repo))).report;
    writeReportFiles(out1, r, new Map(), new Redactor());
    writeReportFiles(out2, r, new Map(), new Redactor());
    for (const f of ['report.md', 'report.sarif', 'report.html', 'report.json']) {
      expect(readFileSync(path.join(out1, f), 'utf8')).toBe(readFileSync(path.join(out2, f), 'utf8'));
    }
  });

  it('orders criteria by rubrique then id', async () => {
    const { report } = await run(base(copyDemo()));
    const order = report.rubriques.map((r) => r.id);
    const keys = report.criteria.map((c) => [order.indexOf(c.rubrique), c.id] as const);
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
    expect(keys).toEqual(sorted);
  });
});
