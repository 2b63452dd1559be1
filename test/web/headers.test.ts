// web/headers against real servers: security headers, HTTP → HTTPS, cookies (whose values never reach a report).
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/report/json.js';
import { SECURE_HEADERS, page, runChecks, startHttp, tempRepo, testPki } from './harness.js';

const pki = testPki();

const https = (handler = page('<html></html>')) => pki.serve({}, handler);

describe('web/headers', () => {
  it('passes a front end that sends every security header and sets a well-protected session cookie', async () => {
    const server = await https(
      page('<html></html>', {
        ...SECURE_HEADERS,
        'set-cookie': ['session=opaque-value-123; Path=/; Secure; HttpOnly; SameSite=Lax'],
      }),
    );
    const run = await runChecks(tempRepo({ web: [server.url] }), pki.env);
    const headers = run.criterion('SEC-HEADERS');
    expect(headers.status).toBe('conforme');
    expect(headers.findings.map((f) => f.code)).toEqual(['web.http-not-checked', 'web.headers.present']);
    expect(headers.findings[1]?.message).toContain('max-age=31536000');
  });

  it('fails a front end without security headers, one finding per missing header', async () => {
    const server = await https(page('<html></html>', {}));
    const run = await runChecks(tempRepo({ web: [server.url] }), pki.env);
    const headers = run.criterion('SEC-HEADERS');
    expect(headers.status).toBe('non-conforme');
    expect(headers.blocking).toBe(true);
    expect(headers.findings.filter((f) => f.outcome === 'fail').map((f) => f.code)).toEqual([
      'web.header.hsts-missing',
      'web.header.csp-missing',
      'web.header.nosniff-missing',
      'web.header.framing-missing',
      'web.header.referrer-missing',
    ]);
  });

  it('fails an HTTP address that serves the page instead of redirecting to HTTPS', async () => {
    const secure = await https();
    const plain = pki.track(await startHttp(page('<html>plain</html>', {})));
    const run = await runChecks(tempRepo({ web: [plain.url, secure.url] }), pki.env);
    const headers = run.criterion('SEC-HEADERS');
    expect(headers.status).toBe('non-conforme');
    const fails = headers.findings.filter((f) => f.outcome === 'fail');
    expect(fails.map((f) => f.code)).toEqual(['web.http-no-redirect', 'web.https-not-reached']);
    expect(fails[0]?.message).toContain(plain.url);
    // The TLS criterion does not hold the http:// address against the service: its https:// twin is checked.
    expect(run.codes('SEC-TLS')).toContain('web.tls.http-entrance');
  });

  it('passes an HTTP address that redirects to the declared HTTPS front end', async () => {
    const secure = await https();
    const plain = pki.track(
      await startHttp((_request, response) => {
        response.writeHead(301, { location: secure.url });
        response.end();
      }),
    );
    const run = await runChecks(tempRepo({ web: [plain.url, secure.url] }), pki.env);
    const headers = run.criterion('SEC-HEADERS');
    expect(headers.status).toBe('conforme');
    expect(headers.findings.map((f) => f.code)).toContain('web.http-redirects');
    // The declared https:// page was fetched once although two criteria and a redirect lead to it.
    expect(secure.requests.filter((r) => r === '/')).toEqual(['/']);
  });

  it('fails cookies without Secure, SameSite or HttpOnly and keeps their values out of the report', async () => {
    const value = 'c00kie-s3cret-valu3-42';
    const server = await https(
      page('<html></html>', {
        ...SECURE_HEADERS,
        'set-cookie': [`sid=${value}; Path=/`, 'theme=dark; Secure; SameSite=Lax'],
      }),
    );
    const run = await runChecks(tempRepo({ web: [server.url] }), pki.env);
    const headers = run.criterion('SEC-HEADERS');
    expect(headers.status).toBe('non-conforme');
    const cookies = headers.findings.filter((f) => f.code.startsWith('web.cookie'));
    expect(cookies.map((f) => [f.outcome, f.details?.cookie])).toEqual([
      ['fail', 'sid'],
      ['info', 'theme'],
    ]);
    expect(cookies[0]?.message).toContain('Secure, SameSite, HttpOnly');
    expect(renderJson(run.report)).not.toContain(value);
  });
});
