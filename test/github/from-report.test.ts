// A report.json from an earlier run is untrusted (a fork's job may have written it): it must match its schema, with
// patterns for ids, versions and dates, and its verdict, counts and blocking flags are recomputed, never believed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { loadReport } from '../../src/github/from-report.js';
import type { Report } from '../../src/report/model.js';
import { cleanTempDirs, expireHdsCertificate, tempDir } from './harness.js';
import { demoReport } from './reports.js';

let failing: Report;
beforeAll(async () => {
  failing = await demoReport(expireHdsCertificate);
});
afterAll(cleanTempDirs);

function load(report: unknown): Report {
  const dir = tempDir();
  const file = path.join(dir, 'report.json');
  writeFileSync(file, JSON.stringify(report, null, 2));
  return loadReport(file, dir);
}

function refusal(report: unknown): UserError[] {
  try {
    load(report);
  } catch (error) {
    if (error instanceof UserError) return error.all();
    throw error;
  }
  throw new Error('expected the report to be refused');
}

describe('from-report', () => {
  it('takes a report the action made as it is', () => {
    expect(load(failing)).toEqual(failing);
  });

  it('recomputes blocking flags, counts, verdict and the policy outcome from the criteria', () => {
    const forged = {
      ...failing,
      verdict: 'conforme',
      failing: false,
      counts: {
        ...failing.counts,
        blocking: 0,
        failed: 0,
        'non-conforme': 0,
        conforme: failing.counts.total,
      },
      criteria: failing.criteria.map((c) => ({ ...c, blocking: false })),
      rubriques: failing.rubriques.map((r) => ({ ...r, blocking: 0 })),
    };
    const loaded = load(forged);
    expect(loaded.verdict).toBe('non-conforme');
    expect(loaded.failing).toBe(true);
    expect(loaded.counts).toEqual(failing.counts);
    expect(loaded.rubriques).toEqual(failing.rubriques);
    expect(loaded.criteria.find((c) => c.id === 'URB-HDS')?.blocking).toBe(true);
  });

  it('refuses markup in ids, versions, dates and languages, each at its place', () => {
    const [first, ...others] = failing.criteria;
    const forged = {
      ...failing,
      lang: 'fr"><script>',
      tool: { name: 'mes-referencing', version: '1.0 <img src=x>' },
      catalogue: { ...failing.catalogue, version: '2023-10\n## pwned' },
      criteria: [
        { ...first!, id: '<h1>X</h1>', waiver: { justification: 'x', expires: 'demain', active: true } },
        ...others,
      ],
      attachments: ['../../etc/passwd'],
    };
    const errors = refusal(forged);
    const paths = errors.map((e) => String(e.params.path));
    for (const p of [
      'lang',
      'tool.version',
      'catalogue.version',
      'criteria[0].id',
      'criteria[0].waiver.expires',
      'attachments[0]',
    ])
      expect(paths, p).toContain(p);
    for (const e of errors) expect(e.location?.line).toBeGreaterThan(0);
  });
});
