// web/security-contact: /.well-known/security.txt on the declared front end, or SECURITY.md in the repository.
import { describe, expect, it } from 'vitest';
import type { Handler, TestServer } from './harness.js';
import { page, runChecks, tempRepo, testPki } from './harness.js';

const YEAR = 365 * 86_400_000;
const pki = testPki();

/** A front end whose /.well-known/security.txt answers with `body` (404 when undefined). */
async function frontEnd(body: string | undefined, type = 'text/plain; charset=utf-8'): Promise<TestServer> {
  const handler: Handler = (request, response) => {
    if (request.url === '/.well-known/security.txt' && body !== undefined) {
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    } else if (request.url === '/') return page('<html></html>')(request, response);
    else {
      response.writeHead(404);
      response.end();
    }
  };
  return pki.serve({}, handler);
}

const inAYear = () => new Date(Date.now() + YEAR / 2).toISOString();

describe('web/security-contact', () => {
  it('passes with a valid security.txt and no SECURITY.md', async () => {
    const server = await frontEnd(`Contact: mailto:secu@example.fr\nExpires: ${inAYear()}\n`);
    const contact = (await runChecks(tempRepo({ web: [server.url] }), pki.env)).criterion('SEC-CONTACT');
    expect(contact.status).toBe('conforme');
    expect(contact.findings.map((f) => f.code)).toEqual(['web.security-txt.valid']);
    expect(contact.findings[0]?.message).toContain('mailto:secu@example.fr');
  });

  it('fails an expired security.txt, even next to a SECURITY.md', async () => {
    const server = await frontEnd('Contact: mailto:secu@example.fr\nExpires: 2024-01-01T00:00:00Z\n');
    const repo = tempRepo({ web: [server.url] }, { 'SECURITY.md': 'Écrivez à secu@example.fr\n' });
    const contact = (await runChecks(repo, pki.env)).criterion('SEC-CONTACT');
    expect(contact.status).toBe('non-conforme');
    expect(contact.findings.map((f) => [f.outcome, f.code])).toEqual([
      ['pass', 'web.security-md'],
      ['fail', 'web.security-txt.expired'],
    ]);
  });

  it('does not take a single-page app’s HTML answer for a security.txt', async () => {
    const server = await frontEnd('<!doctype html><html></html>', 'text/html');
    const contact = (await runChecks(tempRepo({ web: [server.url] }), pki.env)).criterion('SEC-CONTACT');
    expect(contact.status).toBe('non-conforme');
    expect(contact.findings.map((f) => f.code)).toEqual(['web.security-txt.missing']);
  });

  it('accepts a SECURITY.md in .github/ when the front end has no security.txt', async () => {
    const server = await frontEnd(undefined);
    const repo = tempRepo(
      { web: [server.url] },
      { '.github/security.md': 'Contact : https://example.fr/securite\n' },
    );
    const contact = (await runChecks(repo, pki.env)).criterion('SEC-CONTACT');
    expect(contact.status).toBe('conforme');
    expect(contact.findings.map((f) => [f.outcome, f.code])).toEqual([
      ['pass', 'web.security-md'],
      ['info', 'web.security-txt.missing-ok'],
    ]);
    expect(contact.findings[0]?.location).toEqual({ file: '.github/security.md', line: 1 });
  });

  it('fails without any contact, and is decided by SECURITY.md alone when offline', async () => {
    const none = (await runChecks(tempRepo({}), pki.env)).criterion('SEC-CONTACT');
    expect(none.status).toBe('non-conforme');
    expect(none.findings.map((f) => f.code)).toEqual(['web.no-security-contact']);

    const server = await frontEnd(undefined);
    const repo = tempRepo({ web: [server.url] }, { 'SECURITY.md': 'secu@example.fr\n' });
    const offline = (await runChecks(repo, pki.env, { offline: true })).criterion('SEC-CONTACT');
    expect(offline.status).toBe('conforme');
    expect(offline.findings.map((f) => [f.outcome, f.code])).toEqual([
      ['pass', 'web.security-md'],
      ['info', 'web.offline'],
    ]);
    expect(server.requests).toEqual([]);
  });
});
