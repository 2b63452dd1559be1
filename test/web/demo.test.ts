// The demo editor declares https://tensio.example endpoints (a reserved name that never resolves): the real CLI must end
// in bounded time with those criteria `indisponible` (the reason given), or skipped when offline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { DEMO_TODAY } from '../helpers.js';
import { runCliCheck, tempDir } from './harness.js';

const ENDPOINT_CRITERIA = ['SEC-TLS', 'SEX-TLS-API', 'SEC-HEADERS', 'ETH-TRACEURS'];

function demo(args: string[]): { status: number | null; report: Report; stderr: string } {
  const out = tempDir('mes-demo-out-');
  // The budget bounds the run even if name resolution hangs instead of failing.
  // The demo's own dates (renewal due 2027-03-02) are judged on the day the other demo tests use, not the clock's.
  const today = ['--today', DEMO_TODAY.toISOString().slice(0, 10)];
  const { status, stderr } = runCliCheck('examples/demo-editor', out, [...today, ...args], {
    MES_REFERENCING_WEB_BUDGET: '30',
  });
  return {
    status,
    stderr,
    report: JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report,
  };
}

describe('the demo editor', () => {
  it('ends with its unreachable endpoint criteria indisponible, and the repository scans decided', () => {
    const { status, report, stderr } = demo([]);
    expect(status).toBe(0);
    // SEC-TLS and SEX-TLS-API both probe the API endpoint: one probe, one progress line, both criteria judged.
    const lines = stderr.split('\n').filter((l) => l.startsWith('[checks] web/'));
    expect(lines.filter((l) => l === '[checks] web/tls: TLS de https://api.tensio.example/')).toHaveLength(1);
    expect(new Set(lines).size).toBe(lines.length);
    for (const id of ENDPOINT_CRITERIA) {
      const criterion = report.criteria.find((c) => c.id === id);
      expect(criterion?.status).toBe('indisponible');
      expect(criterion?.findings.some((f) => f.code.startsWith('web.unreachable.'))).toBe(true);
    }
    // SECURITY.md decides the security contact; the web front end has no secret and only EU analytics.
    expect(report.criteria.find((c) => c.id === 'SEC-CONTACT')?.status).toBe('conforme');
    expect(report.criteria.find((c) => c.id === 'SEC-SECRETS')?.status).toBe('conforme');
    const trackers = report.criteria.find((c) => c.id === 'ETH-TRACEURS')?.findings ?? [];
    expect(trackers.filter((f) => f.check === 'repo/trackers').map((f) => f.outcome)).toEqual([
      'pass',
      'info',
      'info',
    ]);
  });

  it('says the endpoint checks were skipped when offline', () => {
    const { status, report } = demo(['--offline']);
    expect(status).toBe(0);
    for (const id of ENDPOINT_CRITERIA) {
      const criterion = report.criteria.find((c) => c.id === id);
      expect(criterion?.status).toBe('indisponible');
      expect(criterion?.findings.filter((f) => f.check.startsWith('web/')).map((f) => f.code)).toContain(
        'web.offline',
      );
    }
  });
});
