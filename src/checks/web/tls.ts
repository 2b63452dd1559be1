// `web/tls`: declared endpoints negotiate TLS 1.2 or 1.3, refuse TLS 1.0/1.1, present a certificate that is
// trusted, covers the host name and is not about to expire, and do not accept weak cipher suites.
import type { MessageKey } from '../../messages.js';
import { daysUntil, isoDate } from '../../util/dates.js';
import type { Check, CheckContext, Finding } from '../types.js';
import type { Endpoint, EndpointFinding, EndpointKind } from './endpoints.js';
import {
  ENDPOINT_KINDS_SCHEMA,
  declaredEndpoints,
  findingsFor,
  noEndpointFinding,
  offlineFinding,
  probeFix,
  probeReason,
  sessionOrFinding,
  unreachableFinding,
} from './endpoints.js';
import type { Handshake, TlsFacts } from './tls-probe.js';
import { isBrokenCipher, lacksForwardSecrecy, probeTls } from './tls-probe.js';

export interface TlsParams {
  endpoints?: EndpointKind[];
  /** Warn when the certificate expires within this many days. */
  'warn-days'?: number;
  [key: string]: unknown;
}

const DEFAULT_WARN_DAYS = 30;
const CLIENT_CERTIFICATE_ALERT =
  /ALERT_HANDSHAKE_FAILURE|ALERT_CERTIFICATE_REQUIRED|alert handshake failure|certificate required/i;
const MIN_RSA_BITS = 2048;

/** OpenSSL verification codes, grouped by what the user has to do about them. */
const CHAIN_MESSAGES: Record<string, MessageKey> = {
  CERT_HAS_EXPIRED: 'web.cert.expired',
  CERT_NOT_YET_VALID: 'web.cert.not-yet-valid',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'web.cert.self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'web.cert.untrusted-root',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'web.cert.incomplete-chain',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'web.cert.incomplete-chain',
  UNABLE_TO_GET_ISSUER_CERT: 'web.cert.incomplete-chain',
};

export const tlsCheck: Check<TlsParams> = {
  id: 'web/tls',
  engine: 'web',
  settings: ['endpoints'],
  description: {
    fr: 'Les points d’accès déclarés négocient TLS 1.2 ou 1.3, refusent TLS 1.0/1.1, présentent un certificat valide pour leur nom et écartent les suites faibles.',
    en: 'Declared endpoints negotiate TLS 1.2 or 1.3, refuse TLS 1.0/1.1, present a certificate valid for their name and refuse weak suites.',
  },
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      endpoints: ENDPOINT_KINDS_SCHEMA,
      'warn-days': { type: 'integer', minimum: 0 },
    },
  },
  async run(ctx, params) {
    const kinds = params.endpoints ?? ['web', 'api'];
    const endpoints = declaredEndpoints(ctx, kinds);
    if (endpoints.length === 0) return [noEndpointFinding(ctx, kinds)];
    if (ctx.options.offline) return endpoints.map((e) => offlineFinding(ctx, e));
    const session = await sessionOrFinding(ctx);
    if (!('run' in session)) return [session];
    const all = declaredEndpoints(ctx, ['web', 'api']);
    const perEndpoint = await Promise.all(
      endpoints.map(async (endpoint): Promise<Finding[]> => {
        if (endpoint.url.protocol === 'http:') return [plainHttpFinding(ctx, endpoint, all)];
        ctx.log(ctx.t('web.tls.progress', { url: endpoint.url.href }));
        return tlsFindings(ctx, endpoint, await probeTls(session, endpoint.url), params);
      }),
    );
    return perEndpoint.flat();
  },
};

/** An http:// address: fine only as the entrance to an https:// one that is itself declared (and checked). */
function plainHttpFinding(ctx: CheckContext, endpoint: Endpoint, all: Endpoint[]): Finding {
  const secure = all.find((e) => e.url.protocol === 'https:' && e.url.hostname === endpoint.url.hostname);
  if (secure)
    return {
      outcome: 'info',
      code: 'web.tls.http-entrance',
      message: ctx.t('web.tls.http-entrance', { url: endpoint.url.href, secure: secure.url.href }),
      location: endpoint.location,
    };
  return {
    outcome: 'fail',
    code: 'web.tls.plain-http',
    message: ctx.t('web.tls.plain-http', { url: endpoint.url.href }),
    location: endpoint.location,
  };
}

export function tlsFindings(
  ctx: CheckContext,
  endpoint: Endpoint,
  facts: TlsFacts,
  params: TlsParams,
): Finding[] {
  const at = findingsFor(ctx, endpoint.location, endpoint.url.href);
  const { modern, legacy, weakCiphers } = facts;
  if (!modern.ok) {
    if (modern.error.kind !== 'tls') return [unreachableFinding(ctx, endpoint, modern.error)];
    // The server answered, but not with TLS 1.2+: does it speak an older version?
    if (legacy !== 'refused' && legacy.ok)
      return [at('fail', 'web.tls.legacy-only', { protocol: legacy.value.protocol })];
    // A TLS 1.2 server that demands a client certificate (mTLS, advised for sensitive APIs) aborts an anonymous
    // handshake this way, as does one with no suite in common: only a person can tell which.
    if (CLIENT_CERTIFICATE_ALERT.test(`${modern.error.code ?? ''} ${modern.error.message}`))
      return [at('review', 'web.tls.handshake-refused', { reason: probeReason(ctx, modern.error) })];
    return [at('fail', 'web.tls.handshake-failed', { reason: probeReason(ctx, modern.error) })];
  }
  const findings: Finding[] = [];
  const hs = modern.value;
  findings.push(
    hs.protocol === 'TLSv1.3'
      ? at('pass', 'web.tls.protocol', { protocol: hs.protocol, cipher: hs.cipher })
      : at('pass', 'web.tls.protocol-12', { protocol: hs.protocol, cipher: hs.cipher }),
  );
  findings.push(...certificateFindings(ctx, hs, params, at));
  if (legacy === 'refused') findings.push(at('pass', 'web.tls.legacy-refused'));
  else if (legacy.ok)
    findings.push(at('fail', 'web.tls.legacy-accepted', { protocol: legacy.value.protocol }));
  else
    findings.push({
      ...at('unavailable', 'web.tls.legacy-unknown', { reason: probeReason(ctx, legacy.error) }),
      fix: probeFix(ctx, legacy.error),
    });
  if (weakCiphers !== 'refused' && weakCiphers !== 'not-tried') {
    if (weakCiphers.ok) {
      const cipher = weakCiphers.value.cipher;
      if (isBrokenCipher(cipher)) findings.push(at('fail', 'web.tls.broken-cipher', { cipher }));
      else
        findings.push(
          at('warn', lacksForwardSecrecy(cipher) ? 'web.tls.weak-cipher-kx' : 'web.tls.weak-cipher-cbc', {
            cipher,
          }),
        );
    } else
      findings.push(at('info', 'web.tls.ciphers-unknown', { reason: probeReason(ctx, weakCiphers.error) }));
  }
  return findings;
}

function certificateFindings(
  ctx: CheckContext,
  hs: Handshake,
  params: TlsParams,
  at: EndpointFinding,
): Finding[] {
  const cert = hs.certificate;
  if (!cert) return [at('fail', 'web.cert.none')];
  const findings: Finding[] = [];
  const until = isoDate(cert.validTo);
  const left = daysUntil(until, ctx.now);
  // Node reports a name mismatch as the chain error too; it has its own, clearer finding below.
  const chainError = hs.chainError === 'ERR_TLS_CERT_ALTNAME_INVALID' ? null : hs.chainError;
  if (chainError) {
    const key = CHAIN_MESSAGES[chainError] ?? 'web.cert.invalid';
    findings.push(
      at('fail', key, {
        code: chainError,
        issuer: cert.issuer || '?',
        date: until,
        subject: cert.subject,
      }),
    );
  } else if (left < 0) {
    // The chain was valid when OpenSSL checked it, but the run's date ("today") is later.
    findings.push(at('fail', 'web.cert.expired', { date: until, issuer: cert.issuer }));
  }
  if (hs.hostnameError)
    findings.push(at('fail', 'web.cert.hostname', { names: cert.altNames || cert.subject }));
  if (cert.rsaBits !== undefined && cert.rsaBits < MIN_RSA_BITS)
    findings.push(at('fail', 'web.cert.weak-key', { bits: cert.rsaBits, min: MIN_RSA_BITS }));
  if (findings.length > 0) return findings;
  const warnDays = params['warn-days'] ?? DEFAULT_WARN_DAYS;
  if (left < warnDays)
    return [at('warn', 'web.cert.expiring', { date: until, days: left, issuer: cert.issuer })];
  return [at('pass', 'web.cert.valid', { date: until, days: left, issuer: cert.issuer })];
}
