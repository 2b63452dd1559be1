// web/tls against real HTTPS servers on 127.0.0.1, each with a certificate generated for the test.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { HttpsOptions } from './harness.js';
import {
  STRONG_TLS12_CIPHERS,
  leafCert,
  manifestLine,
  runChecks,
  startSilent,
  tempRepo,
  testPki,
} from './harness.js';

const DAY = 86_400_000;
const pki = testPki();

const serve = (options: HttpsOptions) => pki.serve(options);

async function tlsOf(url: string) {
  const repo = tempRepo({ web: [url] });
  const result = await runChecks(repo, pki.env);
  return { ...result, tls: result.criterion('SEC-TLS'), line: manifestLine(repo, url) };
}

async function silentPort(): Promise<number> {
  return pki.track(await startSilent()).port;
}

describe('web/tls', () => {
  it('passes a TLS 1.3 endpoint with a valid certificate, and records that TLS 1.0/1.1 are refused', async () => {
    const server = await serve({ keyPair: await leafCert({ ca: pki.ca }), minVersion: 'TLSv1.3' });
    const { tls, line } = await tlsOf(server.url);
    expect(tls.status).toBe('conforme');
    expect(tls.findings.map((f) => f.code)).toEqual([
      'web.tls.protocol',
      'web.cert.valid',
      'web.tls.legacy-refused',
    ]);
    expect(tls.findings[0]?.message).toContain('TLSv1.3');
    // Located at the manifest line that declares the URL.
    for (const finding of tls.findings)
      expect(finding.location).toEqual({ file: 'mes-referencing.yml', line, column: 7 });
  });

  it('passes a TLS 1.2-only endpoint with recommended suites, recommending TLS 1.3', async () => {
    const server = await serve({
      keyPair: await leafCert({ ca: pki.ca }),
      maxVersion: 'TLSv1.2',
      ciphers: STRONG_TLS12_CIPHERS,
    });
    const { tls } = await tlsOf(server.url);
    expect(tls.status).toBe('conforme');
    expect(tls.findings.map((f) => f.code)).toEqual([
      'web.tls.protocol-12',
      'web.cert.valid',
      'web.tls.legacy-refused',
    ]);
  });

  it('fails an endpoint that only speaks TLS 1.0/1.1', async () => {
    // OpenSSL 3 only negotiates TLS < 1.2 at security level 0, on both sides.
    const server = await serve({
      keyPair: await leafCert({ ca: pki.ca }),
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
    const { tls } = await tlsOf(server.url);
    expect(tls.status).toBe('non-conforme');
    expect(tls.findings.map((f) => f.code)).toEqual(['web.tls.legacy-only']);
    expect(tls.findings[0]?.message).toMatch(/TLSv1\.1/);
    expect(tls.blocking).toBe(true);
  });

  it('fails an endpoint that still accepts TLS 1.1 next to TLS 1.3', async () => {
    const server = await serve({
      keyPair: await leafCert({ ca: pki.ca }),
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.3',
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
    const { tls } = await tlsOf(server.url);
    expect(tls.status).toBe('non-conforme');
    expect(tls.findings.find((f) => f.outcome === 'fail')?.code).toBe('web.tls.legacy-accepted');
  });

  it('warns about a TLS 1.2 suite without AEAD', async () => {
    const server = await serve({
      keyPair: await leafCert({ ca: pki.ca }),
      maxVersion: 'TLSv1.2',
      ciphers: 'ECDHE-ECDSA-AES128-SHA',
    });
    const { tls } = await tlsOf(server.url);
    expect(tls.status).toBe('conforme');
    expect(tls.attention).toBe(true);
    const warning = tls.findings.find((f) => f.outcome === 'warn');
    expect(warning?.code).toBe('web.tls.weak-cipher-cbc');
    expect(warning?.message).toContain('ECDHE-ECDSA-AES128-SHA');
  });

  it('fails an expired certificate', async () => {
    const server = await serve({
      keyPair: await leafCert({
        ca: pki.ca,
        notBefore: new Date(Date.now() - 90 * DAY),
        notAfter: new Date(Date.now() - DAY),
      }),
    });
    const { tls } = await tlsOf(server.url);
    expect(tls.status).toBe('non-conforme');
    expect(tls.findings.filter((f) => f.outcome === 'fail').map((f) => f.code)).toEqual(['web.cert.expired']);
  });

  it('warns when the certificate expires within 30 days', async () => {
    const server = await serve({
      keyPair: await leafCert({ ca: pki.ca, notAfter: new Date(Date.now() + 10 * DAY) }),
    });
    const { tls } = await tlsOf(server.url);
    expect(tls.status).toBe('conforme');
    expect(tls.findings.find((f) => f.outcome === 'warn')?.code).toBe('web.cert.expiring');
  });

  it('fails a self-signed certificate', async () => {
    const server = await serve({ keyPair: await leafCert({}) });
    const { tls } = await tlsOf(server.url);
    expect(tls.status).toBe('non-conforme');
    expect(tls.findings.filter((f) => f.outcome === 'fail').map((f) => f.code)).toEqual([
      'web.cert.self-signed',
    ]);
  });

  it('fails a certificate issued for another host name', async () => {
    const server = await serve({
      keyPair: await leafCert({ ca: pki.ca, dnsNames: ['autre.example.fr'], ips: [] }),
    });
    const { tls } = await tlsOf(server.url);
    expect(tls.status).toBe('non-conforme');
    const failure = tls.findings.find((f) => f.outcome === 'fail');
    expect(failure?.code).toBe('web.cert.hostname');
    expect(failure?.message).toContain('autre.example.fr');
  });

  it('checks api endpoints for SEX-TLS-API too, contacting the endpoint once for both criteria', async () => {
    const server = await serve({ keyPair: await leafCert({ ca: pki.ca }) });
    const repo = tempRepo({ api: [server.url] });
    const run = await runChecks(repo, pki.env);
    expect(run.criterion('SEX-TLS-API').status).toBe('conforme');
    expect(run.criterion('SEC-TLS').status).toBe('conforme');
    expect(run.criterion('SEX-TLS-API').findings[0]?.location).toMatchObject({
      line: manifestLine(repo, server.url),
    });
    // Api endpoints have no front page: nothing but the handshakes reached the server.
    expect(server.requests).toEqual([]);
  });

  it('asks for a review when a TLS 1.2 server demands a client certificate, and passes such a TLS 1.3 server', async () => {
    const mtls = { requestCert: true, rejectUnauthorized: true, ca: [pki.ca.cert] };
    const tls12 = await serve({
      keyPair: pki.cert,
      maxVersion: 'TLSv1.2',
      ciphers: STRONG_TLS12_CIPHERS,
      ...mtls,
    });
    const refused = (await tlsOf(tls12.url)).tls;
    expect(refused.status).toBe('a-verifier');
    expect(refused.findings.map((f) => f.code)).toEqual(['web.tls.handshake-refused']);
    const tls13 = await serve({ keyPair: pki.cert, minVersion: 'TLSv1.3', ...mtls });
    expect((await tlsOf(tls13.url)).tls.status).toBe('conforme');
  });

  it('makes the criterion indisponible, in bounded time, when a server never answers', async () => {
    const port = await silentPort();
    const started = Date.now();
    const run = await runChecks(tempRepo({ web: [`https://127.0.0.1:${port}/`] }), {
      ...pki.env,
      MES_REFERENCING_WEB_TIMEOUT: '1',
    });
    const tls = run.criterion('SEC-TLS');
    expect(tls.status).toBe('indisponible');
    expect(tls.findings.map((f) => f.code)).toEqual(['web.unreachable.timeout']);
    expect(tls.findings[0]?.message).toContain('1000 ms');
    // Three probes of one second each at most, run side by side: far below this bound.
    expect(Date.now() - started).toBeLessThan(20_000);
    for (const id of ['SEC-HEADERS', 'ETH-TRACEURS']) expect(run.criterion(id).status).toBe('indisponible');
  });

  it('stops every probe once the overall budget is spent', async () => {
    const port = await silentPort();
    const urls = [1, 2, 3, 4].map((n) => `https://127.0.0.1:${port}/${n}`);
    const run = await runChecks(tempRepo({ web: urls }), {
      ...pki.env,
      MES_REFERENCING_WEB_TIMEOUT: '5',
      MES_REFERENCING_WEB_BUDGET: '1',
    });
    expect(run.elapsedMs).toBeLessThan(20_000);
    const reasons = run.criterion('SEC-HEADERS').findings.map((f) => f.code);
    expect(reasons.length).toBe(4);
    expect(new Set(reasons)).toEqual(new Set(['web.unreachable.budget']));
  });

  it('reports a refused connection as indisponible with the reason', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const { tls } = await tlsOf(`https://127.0.0.1:${port}/`);
    expect(tls.status).toBe('indisponible');
    expect(tls.findings[0]?.code).toBe('web.unreachable.refused');
  });
});
