// The HTTP security headers a front page must send, judged from the response headers alone (pure, so the rules
// are tested without a server). Each rule yields one verdict with a message key and its parameters.
import type { MessageKey } from '../../messages.js';
import type { IncomingHttpHeaders } from 'node:http';

export interface HeaderVerdict {
  outcome: 'pass' | 'fail' | 'warn';
  key: MessageKey;
  params: Record<string, string | number>;
}

/** Six months, as Mozilla's guidance counts them (182.5 days). */
export const DEFAULT_HSTS_MIN_AGE = 15_768_000;

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : value;
}

export function cspDirectives(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    // The first occurrence of a directive wins (CSP3 §2.2.1).
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

export function assessSecurityHeaders(
  headers: IncomingHttpHeaders,
  hstsMinAge = DEFAULT_HSTS_MIN_AGE,
): HeaderVerdict[] {
  const verdicts: HeaderVerdict[] = [];

  const hsts = single(headers, 'strict-transport-security');
  const maxAge = hsts ? /(?:^|;)\s*max-age\s*=\s*"?(\d+)"?/i.exec(hsts)?.[1] : undefined;
  if (!hsts) verdicts.push({ outcome: 'fail', key: 'web.header.hsts-missing', params: { min: hstsMinAge } });
  else if (maxAge === undefined || Number(maxAge) < hstsMinAge)
    verdicts.push({
      outcome: 'fail',
      key: 'web.header.hsts-short',
      params: { value: hsts, min: hstsMinAge },
    });
  else verdicts.push({ outcome: 'pass', key: 'web.header.hsts', params: { value: hsts } });

  const csp = single(headers, 'content-security-policy');
  const directives = csp ? cspDirectives(csp) : new Map<string, string[]>();
  if (!csp) {
    verdicts.push(
      single(headers, 'content-security-policy-report-only')
        ? { outcome: 'fail', key: 'web.header.csp-report-only', params: {} }
        : { outcome: 'fail', key: 'web.header.csp-missing', params: {} },
    );
  } else {
    const scripts = directives.get('script-src') ?? directives.get('default-src');
    const permissive =
      !scripts ||
      scripts.includes('*') ||
      (scripts.includes("'unsafe-inline'") &&
        !scripts.some((s) => /^'(?:nonce-|sha(?:256|384|512)-|strict-dynamic')/.test(s)));
    verdicts.push(
      permissive
        ? { outcome: 'warn', key: 'web.header.csp-permissive', params: { value: csp } }
        : { outcome: 'pass', key: 'web.header.csp', params: { value: csp } },
    );
  }

  const nosniff = single(headers, 'x-content-type-options');
  verdicts.push(
    nosniff === undefined
      ? { outcome: 'fail', key: 'web.header.nosniff-missing', params: {} }
      : nosniff.trim().toLowerCase() === 'nosniff'
        ? { outcome: 'pass', key: 'web.header.nosniff', params: {} }
        : { outcome: 'fail', key: 'web.header.nosniff-wrong', params: { value: nosniff } },
  );

  const frameAncestors = directives.get('frame-ancestors');
  const xfo = single(headers, 'x-frame-options')?.trim().toUpperCase();
  if (frameAncestors && !frameAncestors.includes('*'))
    verdicts.push({
      outcome: 'pass',
      key: 'web.header.framing',
      params: { value: `frame-ancestors ${frameAncestors.join(' ')}` },
    });
  else if (xfo === 'DENY' || xfo === 'SAMEORIGIN')
    verdicts.push({
      outcome: 'pass',
      key: 'web.header.framing',
      params: { value: `X-Frame-Options: ${xfo}` },
    });
  else verdicts.push({ outcome: 'fail', key: 'web.header.framing-missing', params: {} });

  const referrer = single(headers, 'referrer-policy');
  // Several comma-separated values are allowed; the browser uses the last one it understands.
  const effective = referrer
    ?.split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean)
    .at(-1);
  if (!effective) verdicts.push({ outcome: 'fail', key: 'web.header.referrer-missing', params: {} });
  else if (effective === 'unsafe-url' || effective === 'no-referrer-when-downgrade')
    verdicts.push({ outcome: 'fail', key: 'web.header.referrer-leaky', params: { value: effective } });
  else verdicts.push({ outcome: 'pass', key: 'web.header.referrer', params: { value: effective } });

  return verdicts;
}
