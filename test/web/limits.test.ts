// What the endpoint checks may contact and how many connections they open: only declared hosts, a bounded number
// at once, nothing at all offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gauge, Handler, KeyPair, TestServer } from './harness.js';
import {
  SECURE_HEADERS,
  caFile,
  leafCert,
  makeCa,
  page,
  runChecks,
  startHttps,
  tempRepo,
} from './harness.js';

let cert: KeyPair;
let env: Record<string, string>;
const servers: TestServer[] = [];

beforeAll(async () => {
  const ca = await makeCa();
  cert = await leafCert({ ca, dnsNames: ['localhost'], ips: ['127.0.0.1'] });
  env = { NODE_EXTRA_CA_CERTS: caFile(ca), MES_REFERENCING_WEB_TIMEOUT: '5' };
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function https(handler: Handler, gauge?: Gauge): Promise<TestServer> {
  const server = await startHttps({ keyPair: cert }, handler, gauge);
  servers.push(server);
  return server;
}

/** Answers after a pause, so that requests overlap if the client lets them. */
const slowPage: Handler = async (request, response) => {
  await new Promise((resolve) => setTimeout(resolve, 250));
  return page('<html></html>')(request, response);
};

describe('endpoint check limits', () => {
  it('contacts nothing offline and reports every endpoint criterion as skipped', async () => {
    const server = await https(page('<html></html>'));
    const run = await runChecks(tempRepo({ web: [server.url], api: [server.url] }), env, { offline: true });
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
    const run = await runChecks(tempRepo({ web: [declared.url] }), env);
    const headers = run.criterion('SEC-HEADERS');
    expect(headers.status).toBe('a-verifier');
    expect(headers.findings.map((f) => f.code)).toContain('web.redirect-undeclared');
    expect(elsewhere.requests).toEqual([]);
  });

  it('keeps at most MES_REFERENCING_WEB_CONCURRENCY requests in flight', async () => {
    const gauge: Gauge = { current: 0, peak: 0 };
    const sites = await Promise.all([1, 2, 3, 4, 5, 6].map(() => https(slowPage, gauge)));
    const repo = tempRepo({ web: sites.map((s) => s.url) });
    await runChecks(repo, { ...env, MES_REFERENCING_WEB_CONCURRENCY: '2' });
    expect(gauge.peak).toBe(2);
    gauge.peak = 0;
    await runChecks(repo, { ...env, MES_REFERENCING_WEB_CONCURRENCY: '4' });
    expect(gauge.peak).toBeGreaterThan(2);
    expect(gauge.peak).toBeLessThanOrEqual(4);
  });
});
