// What the endpoint checks may contact and how many connections they open: only declared hosts, a bounded number
// at once, nothing at all offline.
import { describe, expect, it } from 'vitest';
import type { Gauge, Handler } from './harness.js';
import { SECURE_HEADERS, page, runChecks, tempRepo, testPki } from './harness.js';

const pki = testPki();

const https = (handler: Handler, gauge?: Gauge) => pki.serve({}, handler, gauge);

/** Answers after a pause, so that requests overlap if the client lets them. */
const slowPage: Handler = async (request, response) => {
  await new Promise((resolve) => setTimeout(resolve, 250));
  return page('<html></html>')(request, response);
};

describe('endpoint check limits', () => {
  it('contacts nothing offline and reports every endpoint criterion as skipped', async () => {
    const server = await https(page('<html></html>'));
    const run = await runChecks(tempRepo({ web: [server.url], api: [server.url] }), pki.env, {
      offline: true,
    });
    for (const id of ['SEC-TLS', 'SEX-TLS-API', 'SEC-HEADERS']) {
      const criterion = run.criterion(id);
      expect(criterion.status).toBe('indisponible');
      expect(new Set(criterion.findings.map((f) => f.code))).toEqual(new Set(['web.offline']));
    }
    expect(run.criterion('ETH-TRACEURS').findings.find((f) => f.check === 'web/trackers')?.code).toBe(
      'web.offline',
    );
    expect(server.requests).toEqual([]);
  });

  it('does not follow a redirect to a host the manifest does not declare', async () => {
    const elsewhere = await https(page('<html></html>'));
    const declared = await https((_request, response) => {
      response.writeHead(302, { location: `https://localhost:${elsewhere.port}/`, ...SECURE_HEADERS });
      response.end();
    });
    const run = await runChecks(tempRepo({ web: [declared.url] }), pki.env);
    const headers = run.criterion('SEC-HEADERS');
    expect(headers.status).toBe('a-verifier');
    expect(headers.findings.map((f) => f.code)).toContain('web.redirect-undeclared');
    expect(elsewhere.requests).toEqual([]);
  });

  it('keeps at most MES_REFERENCING_WEB_CONCURRENCY requests in flight', async () => {
    const gauge: Gauge = { current: 0, peak: 0 };
    const sites = await Promise.all([1, 2, 3, 4, 5, 6].map(() => https(slowPage, gauge)));
    const repo = tempRepo({ web: sites.map((s) => s.url) });
    await runChecks(repo, { ...pki.env, MES_REFERENCING_WEB_CONCURRENCY: '2' });
    expect(gauge.peak).toBe(2);
    gauge.peak = 0;
    await runChecks(repo, { ...pki.env, MES_REFERENCING_WEB_CONCURRENCY: '4' });
    expect(gauge.peak).toBeGreaterThan(2);
    expect(gauge.peak).toBeLessThanOrEqual(4);
  });
});
