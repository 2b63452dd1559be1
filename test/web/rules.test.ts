// The pure rules behind web/headers and web/security-contact: security headers, cookies, security.txt.
import { describe, expect, it } from 'vitest';
import { assessCookie, parseSetCookie } from '../../src/checks/web/cookies.js';
import { assessSecurityHeaders, cspDirectives } from '../../src/checks/web/header-rules.js';
import { assessSecurityTxt, parseSecurityTxt } from '../../src/checks/web/security-txt.js';
import { scriptSources } from '../../src/checks/web/page-scripts.js';
import { SECURE_HEADERS } from './harness.js';

const keys = (headers: Record<string, string>) =>
  assessSecurityHeaders(headers)
    .filter((v) => v.outcome !== 'pass')
    .map((v) => v.key);

describe('security headers', () => {
  it('accepts a complete set', () => {
    expect(keys(SECURE_HEADERS)).toEqual([]);
  });

  it('names every missing header', () => {
    expect(keys({})).toEqual([
      'web.header.hsts-missing',
      'web.header.csp-missing',
      'web.header.nosniff-missing',
      'web.header.framing-missing',
      'web.header.referrer-missing',
    ]);
  });

  it('wants HSTS for at least six months', () => {
    expect(keys({ ...SECURE_HEADERS, 'strict-transport-security': 'max-age=86400' })).toEqual([
      'web.header.hsts-short',
    ]);
    expect(keys({ ...SECURE_HEADERS, 'strict-transport-security': 'max-age=15768000' })).toEqual([]);
  });

  it('takes X-Frame-Options when the CSP has no frame-ancestors, and refuses a wildcard', () => {
    const base = { ...SECURE_HEADERS, 'content-security-policy': "default-src 'self'" };
    expect(keys(base)).toEqual(['web.header.framing-missing']);
    expect(keys({ ...base, 'x-frame-options': 'SAMEORIGIN' })).toEqual([]);
    expect(keys({ ...base, 'content-security-policy': "default-src 'self'; frame-ancestors *" })).toEqual([
      'web.header.framing-missing',
    ]);
  });

  it('fails a report-only CSP and warns about inline scripts without nonce', () => {
    const { 'content-security-policy': _csp, ...rest } = SECURE_HEADERS;
    expect(
      keys({
        ...rest,
        'x-frame-options': 'DENY',
        'content-security-policy-report-only': "default-src 'self'",
      }),
    ).toEqual(['web.header.csp-report-only']);
    expect(
      keys({
        ...SECURE_HEADERS,
        'content-security-policy': "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
      }),
    ).toEqual(['web.header.csp-permissive']);
    expect(
      keys({
        ...SECURE_HEADERS,
        'content-security-policy': "script-src 'self' 'unsafe-inline' 'nonce-abc'; frame-ancestors 'none'",
      }),
    ).toEqual([]);
  });

  it('keeps the first occurrence of a CSP directive', () => {
    expect(cspDirectives("script-src 'self'; script-src *").get('script-src')).toEqual(["'self'"]);
  });

  it('refuses a referrer policy that leaks full addresses, reading the last value', () => {
    expect(keys({ ...SECURE_HEADERS, 'referrer-policy': 'unsafe-url' })).toEqual([
      'web.header.referrer-leaky',
    ]);
    expect(keys({ ...SECURE_HEADERS, 'referrer-policy': 'unsafe-url, no-referrer' })).toEqual([]);
  });
});

describe('cookies', () => {
  it('reads the attributes of a Set-Cookie header', () => {
    expect(parseSetCookie('sid=abc=def; Path=/; Secure; HttpOnly; SameSite=Lax')).toEqual({
      name: 'sid',
      value: 'abc=def',
      secure: true,
      httpOnly: true,
      sameSite: 'lax',
    });
  });

  it('demands Secure, SameSite, and HttpOnly for session cookies only', () => {
    expect(assessCookie(parseSetCookie('session=x; Secure; HttpOnly; SameSite=Strict')).outcome).toBe('pass');
    expect(assessCookie(parseSetCookie('session=x; SameSite=Lax'))).toMatchObject({
      outcome: 'fail',
      missing: 'Secure, HttpOnly',
    });
    expect(assessCookie(parseSetCookie('theme=dark; Secure'))).toMatchObject({
      outcome: 'fail',
      missing: 'SameSite',
    });
    expect(assessCookie(parseSetCookie('theme=dark; Secure; SameSite=Lax'))).toMatchObject({
      outcome: 'info',
      key: 'web.cookie.script-readable',
    });
    expect(assessCookie(parseSetCookie('PHPSESSID=x; Secure; SameSite=None')).missing).toBe('HttpOnly');
  });
});

describe('security.txt (RFC 9116)', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const verdicts = (text: string) =>
    assessSecurityTxt(parseSecurityTxt(text), now).map((v) => `${v.outcome}:${v.key}`);

  it('accepts Contact and a future Expires', () => {
    expect(verdicts('Contact: mailto:secu@example.fr\nExpires: 2027-05-01T00:00:00Z\n')).toEqual([
      'pass:web.security-txt.valid',
    ]);
  });

  it('fails an expired file, a missing Contact, a missing or repeated Expires', () => {
    expect(verdicts('Contact: mailto:secu@example.fr\nExpires: 2026-01-01T00:00:00Z')).toEqual([
      'fail:web.security-txt.expired',
    ]);
    expect(verdicts('Expires: 2027-01-01T00:00:00Z')).toEqual(['fail:web.security-txt.no-contact']);
    expect(verdicts('Contact: https://example.fr/secu')).toEqual(['fail:web.security-txt.no-expires']);
    expect(
      verdicts(
        'Contact: https://example.fr/secu\nExpires: 2027-01-01T00:00:00Z\nExpires: 2027-02-01T00:00:00Z',
      ),
    ).toEqual(['fail:web.security-txt.many-expires']);
    expect(verdicts('Contact: https://example.fr/secu\nExpires: next year')).toEqual([
      'fail:web.security-txt.bad-expires',
    ]);
  });

  it('warns about an Expires more than a year away and a contact that is not a URI', () => {
    expect(verdicts('Contact: secu@example.fr\nExpires: 2029-01-01T00:00:00Z')).toEqual([
      'pass:web.security-txt.valid',
      'warn:web.security-txt.bad-contact',
      'warn:web.security-txt.far-expires',
    ]);
  });

  it('reads a file wrapped in an OpenPGP cleartext signature, with comments', () => {
    const signed = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA512',
      '',
      '# Our contact',
      'Contact: mailto:secu@example.fr',
      'Expires: 2027-05-01T00:00:00Z',
      '- --not-a-field',
      '-----BEGIN PGP SIGNATURE-----',
      'iQIzBAEBCgAdFiEE',
      '-----END PGP SIGNATURE-----',
    ].join('\n');
    const file = parseSecurityTxt(signed);
    expect(file.contacts).toEqual(['mailto:secu@example.fr']);
    expect(file.expires).toEqual(['2027-05-01T00:00:00Z']);
    expect([...file.fields.keys()]).toEqual(['contact', 'expires']);
  });
});

describe('script sources of a page', () => {
  it('reads src in every quoting style, decodes entities, and skips comments and other attributes', () => {
    const html = `<html><head>
      <script src="/a.js"></script>
      <SCRIPT type=module src='/b.js?x=1&amp;y=2'></SCRIPT>
      <script async src=/c.js></script>
      <!-- <script src="/commented.js"></script> -->
      <script data-src="/lazy.js"></script>
      <script>var src = "/inline.js";</script>
      <img src="/pixel.gif">
    </head></html>`;
    expect(scriptSources(html)).toEqual(['/a.js', '/b.js?x=1&y=2', '/c.js']);
  });
});
