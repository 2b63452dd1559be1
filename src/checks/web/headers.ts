// `web/headers`: declared web front ends are served over HTTPS only (plain HTTP redirects to HTTPS), send the
// security headers, and set cookies with Secure, SameSite and, for session cookies, HttpOnly.
import type { Check, CheckContext, Finding } from '../types.js';
import { assessCookie, parseSetCookie } from './cookies.js';
import type { Endpoint } from './endpoints.js';
import {
  declaredEndpoints,
  findingsFor,
  noEndpointFinding,
  offlineFinding,
  sessionOrFinding,
  unreachableFinding,
} from './endpoints.js';
import { assessSecurityHeaders, DEFAULT_HSTS_MIN_AGE } from './header-rules.js';
import type { FetchResult, HttpResponse } from './http-client.js';
import { httpGet } from './http-client.js';
import { frontPage } from './page.js';
import { attempt } from './probe-error.js';
import type { WebSession } from './session.js';

export interface HeadersParams {
  /** Minimum Strict-Transport-Security max-age, in seconds. */
  'hsts-min-age'?: number;
  [key: string]: unknown;
}

/** An http:// probe only needs the status line and headers. */
const REDIRECT_PROBE_BYTES = 64 * 1024;

export const headersCheck: Check<HeadersParams> = {
  id: 'web/headers',
  engine: 'web',
  settings: ['endpoints'],
  description: {
    fr: 'Les frontaux web déclarés imposent HTTPS, envoient les en-têtes de sécurité et posent des cookies Secure, SameSite et HttpOnly.',
    en: 'Declared web front ends enforce HTTPS, send the security headers and set Secure, SameSite and HttpOnly cookies.',
  },
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { 'hsts-min-age': { type: 'integer', minimum: 0 } },
  },
  async run(ctx, params) {
    const endpoints = declaredEndpoints(ctx, ['web']);
    if (endpoints.length === 0) return [noEndpointFinding(ctx, ['web'])];
    if (ctx.options.offline) return endpoints.map((e) => offlineFinding(ctx, e));
    const session = await sessionOrFinding(ctx);
    if (!('run' in session)) return [session];
    const perEndpoint = await Promise.all(
      endpoints.map(async (endpoint) => {
        ctx.log(ctx.t('web.headers.progress', { url: endpoint.url.href }));
        const page = await frontPage(session, endpoint.url);
        if (!page.ok) return [unreachableFinding(ctx, endpoint, page.error)];
        const entrance =
          endpoint.url.protocol === 'http:'
            ? [redirectFinding(ctx, endpoint, page.value.chain[0] as HttpResponse)]
            : await httpEntranceFindings(ctx, session, endpoint);
        return [...entrance, ...pageFindings(ctx, endpoint, page.value, params)];
      }),
    );
    return perEndpoint.flat();
  },
};

/** Is a plain-HTTP response a redirect to HTTPS? */
function redirectFinding(ctx: CheckContext, endpoint: Endpoint, response: HttpResponse): Finding {
  const location = response.headers.location;
  const target =
    location && URL.canParse(location, response.url.href) ? new URL(location, response.url) : undefined;
  const redirects = response.status >= 300 && response.status < 400 && target?.protocol === 'https:';
  return redirects
    ? {
        outcome: 'pass',
        code: 'web.http-redirects',
        message: ctx.t('web.http-redirects', {
          url: response.url.href,
          target: target.href,
          status: response.status,
        }),
        location: endpoint.location,
      }
    : {
        outcome: 'fail',
        code: 'web.http-no-redirect',
        message: ctx.t('web.http-no-redirect', { url: response.url.href, status: response.status }),
        location: endpoint.location,
      };
}

/**
 * The http:// counterpart of an https:// front end on the default ports: it must redirect, or not answer at
 * all. On another port the HTTP port cannot be guessed; declaring the http:// URL checks it.
 */
async function httpEntranceFindings(
  ctx: CheckContext,
  session: WebSession,
  endpoint: Endpoint,
): Promise<Finding[]> {
  if (endpoint.url.port !== '')
    return [
      {
        outcome: 'info',
        code: 'web.http-not-checked',
        message: ctx.t('web.http-not-checked', { url: endpoint.url.href }),
        location: endpoint.location,
      },
    ];
  const plain = new URL(`http://${endpoint.url.hostname}/`);
  const probe = await session.once(`http:${plain.host}`, () =>
    attempt(() => httpGet(session, plain, REDIRECT_PROBE_BYTES)),
  );
  if (probe.ok) return [redirectFinding(ctx, endpoint, probe.value)];
  if (['refused', 'timeout', 'unreachable', 'reset'].includes(probe.error.kind))
    return [
      {
        outcome: 'pass',
        code: 'web.http-closed',
        message: ctx.t('web.http-closed', { url: plain.href }),
        location: endpoint.location,
      },
    ];
  return [unreachableFinding(ctx, { ...endpoint, url: plain }, probe.error)];
}

function pageFindings(
  ctx: CheckContext,
  endpoint: Endpoint,
  page: FetchResult,
  params: HeadersParams,
): Finding[] {
  const { final, stopped } = page;
  const at = findingsFor(ctx, endpoint.location, final.url.href);
  const findings = cookieFindings(ctx, endpoint, page.chain);
  if (stopped?.reason === 'undeclared-host')
    return [at('review', 'web.redirect-undeclared', { target: stopped.location }), ...findings];
  if (stopped)
    return [at('fail', `web.redirect-${stopped.reason}`, { target: stopped.location }), ...findings];
  if (final.url.protocol !== 'https:') return [at('fail', 'web.https-not-reached'), ...findings];
  const verdicts = assessSecurityHeaders(final.headers, params['hsts-min-age'] ?? DEFAULT_HSTS_MIN_AGE);
  const passed = verdicts.filter((v) => v.outcome === 'pass');
  if (passed.length > 0)
    findings.unshift(
      at('pass', 'web.headers.present', {
        headers: passed.map((v) => ctx.t(v.key, { url: final.url.href, ...v.params })).join(' ; '),
      }),
    );
  for (const v of verdicts) if (v.outcome !== 'pass') findings.push(at(v.outcome, v.key, v.params));
  return findings;
}

function cookieFindings(ctx: CheckContext, endpoint: Endpoint, chain: HttpResponse[]): Finding[] {
  const findings: Finding[] = [];
  for (const response of chain) {
    for (const header of response.headers['set-cookie'] ?? []) {
      const cookie = parseSetCookie(header);
      // A cookie value may be a session token: it must never reach a report.
      ctx.secrets.add(cookie.value);
      const verdict = assessCookie(cookie);
      if (verdict.outcome === 'pass') continue;
      findings.push({
        outcome: verdict.outcome,
        code: verdict.key,
        message: ctx.t(verdict.key, { name: verdict.name, missing: verdict.missing, url: response.url.href }),
        location: endpoint.location,
        details: { cookie: verdict.name },
      });
    }
  }
  return findings;
}
