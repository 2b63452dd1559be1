// The endpoints a web check looks at, as the manifest declares them, each with the place it is declared: every
// finding about an endpoint points at its line in the manifest. Also the findings every endpoint check shares:
// skipped offline, unreachable, broken settings.
import type { MessageKey } from '../../messages.js';
import { UserError } from '../../errors.js';
import type { SourceLocation } from '../../location.js';
import type { Params } from '../../i18n/index.js';
import type { CheckContext, Finding, Outcome } from '../types.js';
import type { ProbeError } from './probe-error.js';
import type { WebSession } from './session.js';
import { webSession } from './session.js';

export type EndpointKind = 'web' | 'api';

export interface Endpoint {
  kind: EndpointKind;
  url: URL;
  location: SourceLocation;
}

export const ENDPOINT_KINDS_SCHEMA = {
  type: 'array',
  minItems: 1,
  uniqueItems: true,
  items: { enum: ['web', 'api'] },
};

/** Declared endpoints of the given kinds, each URL once (the first declaration wins). */
export function declaredEndpoints(ctx: CheckContext, kinds: readonly EndpointKind[]): Endpoint[] {
  const seen = new Set<string>();
  const endpoints: Endpoint[] = [];
  for (const kind of kinds) {
    (ctx.manifest.endpoints?.[kind] ?? []).forEach((raw, index) => {
      // The manifest schema only admits http(s) URLs; anything else is not an endpoint to probe.
      if (!URL.canParse(raw)) return;
      const url = new URL(raw);
      if (seen.has(url.href)) return;
      seen.add(url.href);
      endpoints.push({ kind, url, location: ctx.locate(['endpoints', kind, index]) });
    });
  }
  return endpoints;
}

export function noEndpointFinding(ctx: CheckContext, kinds: readonly EndpointKind[]): Finding {
  return {
    outcome: 'info',
    code: 'web.no-endpoint',
    message: ctx.t('web.no-endpoint', { kinds: kinds.map((k) => `endpoints.${k}`).join(', ') }),
    location: ctx.manifest.endpoints ? ctx.locate(['endpoints'], { key: true }) : ctx.locate([]),
  };
}

/** Offline runs skip endpoint checks, and say so: a skipped check never passes. */
export function offlineFinding(
  ctx: CheckContext,
  endpoint: Endpoint,
  outcome: 'unavailable' | 'info' = 'unavailable',
): Finding {
  return {
    outcome,
    code: 'web.offline',
    message: ctx.t('web.offline', { url: endpoint.url.href }),
    fix: ctx.t('web.fix.offline'),
    location: endpoint.location,
  };
}

/** A probe that got no answer: the criterion cannot be decided (`indisponible`), with the reason. */
export function unreachableFinding(
  ctx: CheckContext,
  endpoint: Endpoint,
  error: ProbeError,
  outcome: 'unavailable' | 'info' = 'unavailable',
): Finding {
  return {
    outcome,
    code: `web.unreachable.${error.kind}`,
    message: ctx.t('web.unreachable', { url: endpoint.url.href, reason: probeReason(ctx, error) }),
    fix: probeFix(ctx, error),
    location: endpoint.location,
    details: { reason: error.kind, ...(error.code ? { code: error.code } : {}) },
  };
}

export function probeReason(ctx: CheckContext, error: ProbeError): string {
  return ctx.t(`web.reason.${error.kind}`, { detail: error.message, code: error.code ?? '' });
}

/** What the user does when a probe got no usable answer. */
export function probeFix(ctx: CheckContext, error: ProbeError): string {
  const key: Partial<Record<ProbeError['kind'], MessageKey>> = {
    dns: 'web.fix.network',
    refused: 'web.fix.network',
    unreachable: 'web.fix.network',
    reset: 'web.fix.network',
    timeout: 'web.fix.timeout',
    budget: 'web.fix.budget',
    tls: 'web.fix.certificate',
    certificate: 'web.fix.certificate',
    'client-unsupported': 'web.fix.client-unsupported',
  };
  return ctx.t(key[error.kind] ?? 'web.fix.retry');
}

/**
 * The run's web session, or the finding that explains why there is none (a bad MES_REFERENCING_WEB_* value).
 */
export async function sessionOrFinding(ctx: CheckContext): Promise<WebSession | Finding> {
  try {
    return await webSession(ctx);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return {
      outcome: 'unavailable',
      code: 'web.bad-setting',
      message: error.render(ctx.t),
      fix: ctx.t('web.fix.setting'),
    };
  }
}

export type EndpointFinding = (outcome: Outcome, key: MessageKey, values?: Params) => Finding;

/** Findings about one endpoint: located at its manifest line, the message given the URL probed. */
export function findingsFor(ctx: CheckContext, location: SourceLocation, url: string): EndpointFinding {
  return (outcome, key, values = {}) => ({
    outcome,
    code: key,
    message: ctx.t(key, { url, ...values }),
    location,
  });
}
