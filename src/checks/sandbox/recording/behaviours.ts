// The expected behaviours of an MES client, each judged from recorded traffic: observed (an exchange shows it),
// wrong (an exchange contradicts it) or missing (the traffic never put the client in the situation). The exchange
// cited is the one a reader should open: the early retry, the second token, the identical re-send…
import type { KeySuffix } from '../../../i18n/index.js';
import type { recordingMessages } from './messages.js';
import type { Call } from './traffic.js';
import { deviceEntries } from './traffic.js';

export const BEHAVIOURS = [
  'token-obtained',
  'token-reused',
  'calls-authenticated',
  'pairing',
  'valid-measure',
  'idempotent-resend',
  'stop-on-consent-refusal',
  'retry-after-429',
  'backoff-503',
  'no-retry-422',
  'publish-and-find',
] as const;
export type BehaviourId = (typeof BEHAVIOURS)[number];
export type BehaviourResult = 'observed' | 'missing' | 'wrong' | 'not-applicable';

/** Which requirement a behaviour belongs to: the suite ids of the catalogue's `sandbox/scenarios` invocations. */
export type BehaviourSuite = 'securite' | 'appariement' | 'mesures' | 'documents' | 'robustesse';
export const BEHAVIOUR_SUITE: Record<BehaviourId, BehaviourSuite> = {
  'token-obtained': 'securite',
  'token-reused': 'securite',
  'calls-authenticated': 'securite',
  pairing: 'appariement',
  'valid-measure': 'mesures',
  'idempotent-resend': 'mesures',
  'stop-on-consent-refusal': 'robustesse',
  'retry-after-429': 'robustesse',
  'backoff-503': 'robustesse',
  'no-retry-422': 'robustesse',
  'publish-and-find': 'documents',
};

/** The messages of a wrong behaviour, after `sandbox.behaviour.wrong.`: `token-reused`, `pairing.no-pkce`… */
export type WrongVariant = KeySuffix<typeof recordingMessages, 'sandbox.behaviour.wrong.'>;
/** The reasons behaviour `I` can be wrong for, when its message has variants (`no-pkce` for `pairing`). */
type Reason<I extends BehaviourId> = WrongVariant extends infer V
  ? V extends `${I}.${infer R}`
    ? R
    : never
  : never;

export type BehaviourOutcome = BehaviourVerdict &
  (
    | { result: 'wrong'; /** Which message says what is wrong. */ variant: WrongVariant }
    | { result: Exclude<BehaviourResult, 'wrong'> }
  );

interface BehaviourVerdict {
  id: BehaviourId;
  /** The exchange that shows the verdict. */
  exchange?: number;
  /** Every exchange involved, for the dossier. */
  exchanges: number[];
  /** Variant of the message (`too-early`, `abandoned`…). */
  reason?: string;
  params: Record<string, string | number>;
}

export interface BehaviourContext {
  calls: Call[];
  /** The measures the MES rules and profiles accept, by exchange id. */
  validRequests: ReadonlySet<number>;
  /** The catalogue's consent refusal message (« Consent not given, access refused. »). */
  consentMessage: string;
}

/** Tolerance on measured delays: the recorder rounds durations to the millisecond, clocks are one process's. */
const SLACK_MS = 50;
/** A retry sooner than this after a 5xx is no backoff at all. */
const MIN_BACKOFF_MS = 100;
/**
 * The most a slow machine is assumed to add to a client's reaction: beyond it, a long pace is the client's own
 * choice (a pause between measures), and a backoff shorter than that pause is still a backoff.
 */
const PACE_CAP_MS = 250;

export function judgeBehaviours(ctx: BehaviourContext): BehaviourOutcome[] {
  return [
    tokenObtained(ctx),
    tokenReused(ctx),
    callsAuthenticated(ctx),
    pairing(ctx),
    validMeasure(ctx),
    idempotentResend(ctx),
    stopOnConsentRefusal(ctx),
    retryAfter429(ctx),
    backoff503(ctx),
    noRetry422(ctx),
    publishAndFind(ctx),
  ];
}

const outcome = <I extends BehaviourId>(
  id: I,
  result: BehaviourResult,
  exchanges: number[] = [],
  extra: { exchange?: number; reason?: Reason<I>; params?: Record<string, string | number> } = {},
): BehaviourOutcome =>
  ({
    id,
    result,
    exchanges,
    ...(extra.exchange !== undefined
      ? { exchange: extra.exchange }
      : exchanges[0] !== undefined
        ? { exchange: exchanges[0] }
        : {}),
    ...(extra.reason ? { reason: extra.reason } : {}),
    // The reason is typed from the message keys above; a behaviour without variants has a message of its own.
    ...(result === 'wrong' ? { variant: (extra.reason ? `${id}.${extra.reason}` : id) as WrongVariant } : {}),
    params: extra.params ?? {},
  }) as BehaviourOutcome;

/** The next call of the same logical request after `call` (its retry or re-send). */
function nextSame(calls: Call[], call: Call): Call | undefined {
  return calls.find(
    (c) => c.start >= call.end - SLACK_MS && c.id !== call.id && c.key === call.key && c.start >= call.start,
  );
}

function grantOf(call: Call): string {
  const body = call.exchange.request.body ?? '';
  return new URLSearchParams(body).get('grant_type') ?? '';
}

function issued(call: Call): string | undefined {
  return call.status === 200 ? call.exchange.fingerprints?.issued : undefined;
}

function tokenObtained({ calls }: BehaviourContext): BehaviourOutcome {
  const first = calls.find((c) => c.operation === 'token' && issued(c));
  if (first) return outcome('token-obtained', 'observed', [first.id], { params: { grant: grantOf(first) } });
  return outcome('token-obtained', calls.some((c) => c.api) ? 'missing' : 'not-applicable');
}

function tokenReused({ calls }: BehaviourContext): BehaviourOutcome {
  const grants = calls.filter((c) => c.operation === 'token' && issued(c));
  const uses = new Map<string, number[]>();
  for (const c of calls) {
    const token = c.api ? c.exchange.fingerprints?.accessToken : undefined;
    if (token) uses.set(token, [...(uses.get(token) ?? []), c.id]);
  }
  // A new token while the one before was still valid and never refused: one token per request (or per batch).
  for (const [i, grant] of grants.entries()) {
    // Each pairing (authorization_code) legitimately yields the tokens of its patient.
    if (i === 0 || grantOf(grant) === 'authorization_code') continue;
    const previous = grants
      .slice(0, i)
      .reverse()
      .find((g) => grantOf(g) !== 'authorization_code' || grantOf(grant) === 'refresh_token');
    if (!previous) continue;
    const token = issued(previous) as string;
    const ttl = Number((previous.responseBody as { expires_in?: unknown } | undefined)?.expires_in ?? 0);
    const stillValid = ttl <= 0 || grant.start < previous.end + ttl * 1000 - 60_000;
    const refused = calls.some(
      (c) =>
        c.start > previous.end &&
        c.start < grant.start &&
        c.status === 401 &&
        c.exchange.fingerprints?.accessToken === token,
    );
    if (stillValid && !refused)
      return outcome('token-reused', 'wrong', [previous.id, grant.id], {
        exchange: grant.id,
        params: { previous: previous.id, uses: uses.get(token)?.length ?? 0, tokens: grants.length },
      });
  }
  const reused = [...uses.entries()].find(([, ids]) => ids.length >= 2);
  if (reused)
    return outcome('token-reused', 'observed', reused[1], {
      exchange: reused[1][1] as number,
      params: { uses: reused[1].length, tokens: grants.length },
    });
  return outcome('token-reused', grants.length > 0 ? 'missing' : 'not-applicable');
}

function callsAuthenticated({ calls }: BehaviourContext): BehaviourOutcome {
  const api = calls.filter((c) => c.api);
  if (api.length === 0) return outcome('calls-authenticated', 'not-applicable');
  const bare = api.find((c) => !c.exchange.fingerprints?.accessToken || !c.exchange.fingerprints?.idToken);
  if (bare)
    return outcome('calls-authenticated', 'wrong', [bare.id], {
      reason: bare.exchange.fingerprints?.accessToken ? 'no-id-token' : 'no-access-token',
    });
  return outcome('calls-authenticated', 'observed', [api[0]?.id as number], {
    params: { count: api.length },
  });
}

function pairing({ calls }: BehaviourContext): BehaviourOutcome {
  const authorizations = calls.filter((c) => c.operation === 'authorize');
  if (authorizations.length === 0) return outcome('pairing', 'not-applicable');
  for (const a of authorizations) {
    const query = new URL(a.exchange.url, 'http://recording').searchParams;
    if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge'))
      return outcome('pairing', 'wrong', [a.id], { reason: 'no-pkce' });
    if (!query.get('state')) return outcome('pairing', 'wrong', [a.id], { reason: 'no-state' });
  }
  const exchanges = calls.filter((c) => c.operation === 'token' && grantOf(c) === 'authorization_code');
  const refused = exchanges.find((c) => c.status === 400);
  if (refused) return outcome('pairing', 'wrong', [refused.id], { reason: 'code-refused' });
  const done = exchanges.find((c) => issued(c));
  if (done)
    return outcome('pairing', 'observed', [authorizations[0]?.id as number, done.id], { exchange: done.id });
  return outcome('pairing', 'missing', [authorizations[0]?.id as number]);
}

function validMeasure({ calls, validRequests }: BehaviourContext): BehaviourOutcome {
  const measures = calls.filter((c) => c.operation === 'mesures');
  if (measures.length === 0) return outcome('valid-measure', 'missing');
  const accepted = measures.find((c) => c.status === 200 && validRequests.has(c.id));
  if (accepted)
    return outcome('valid-measure', 'observed', [accepted.id], { params: { count: measures.length } });
  const invalid = measures.find((c) => !validRequests.has(c.id)) ?? measures[0];
  return outcome('valid-measure', 'wrong', [invalid?.id as number]);
}

function idempotentResend({ calls }: BehaviourContext): BehaviourOutcome {
  const measures = calls.filter((c) => c.operation === 'mesures' && c.status !== undefined);
  for (const c of measures) {
    if (deviceEntries(c.body).some((d) => d.ifNoneExist === undefined))
      return outcome('idempotent-resend', 'wrong', [c.id], { reason: 'no-if-none-exist' });
  }
  // The same measure stored twice: a re-send of a request MES had already accepted.
  const stored = new Map<string, Call>();
  for (const c of measures.filter((m) => m.status === 200)) {
    const first = stored.get(c.key);
    if (first)
      return outcome('idempotent-resend', 'wrong', [first.id, c.id], { exchange: c.id, reason: 'duplicate' });
    stored.set(c.key, c);
  }
  // A Device sent again under the same conditional identity, answered « 200 Success »: not created twice.
  const seen = new Map<string, number>();
  for (const c of measures.filter((m) => m.status === 200)) {
    for (const d of deviceEntries(c.body)) {
      const before = seen.get(d.ifNoneExist as string);
      const answer = (c.responseBody as { entry?: { response?: { status?: string } }[] } | undefined)
        ?.entry?.[d.index]?.response?.status;
      if (before !== undefined && typeof answer === 'string' && answer.startsWith('200'))
        return outcome('idempotent-resend', 'observed', [before, c.id], { exchange: c.id });
      seen.set(d.ifNoneExist as string, before ?? c.id);
    }
  }
  return outcome('idempotent-resend', 'missing');
}

function stopOnConsentRefusal({ calls, consentMessage }: BehaviourContext): BehaviourOutcome {
  const refusals = calls.filter(
    (c) => c.api && c.status === 403 && (c.exchange.response?.body ?? '').includes(consentMessage),
  );
  if (refusals.length === 0) return outcome('stop-on-consent-refusal', 'missing');
  for (const r of refusals) {
    const again = calls.find(
      (c) =>
        c.start >= r.end - SLACK_MS &&
        c.id !== r.id &&
        c.operation === r.operation &&
        c.patient === r.patient &&
        c.patient !== undefined,
    );
    if (again) return outcome('stop-on-consent-refusal', 'wrong', [r.id, again.id], { exchange: again.id });
  }
  return outcome(
    'stop-on-consent-refusal',
    'observed',
    refusals.map((r) => r.id),
  );
}

function retryAfter429({ calls }: BehaviourContext): BehaviourOutcome {
  const throttled = calls.filter((c) => c.status === 429);
  if (throttled.length === 0) return outcome('retry-after-429', 'missing');
  const shown: number[] = [];
  for (const t of throttled) {
    const retry = nextSame(calls, t);
    if (!retry) return outcome('retry-after-429', 'wrong', [t.id], { reason: 'abandoned' });
    const delay = retry.start - t.end;
    const wanted = (t.retryAfter ?? 0) * 1000;
    if (delay < wanted - SLACK_MS)
      return outcome('retry-after-429', 'wrong', [t.id, retry.id], {
        exchange: retry.id,
        reason: 'too-early',
        params: { delay, retryAfter: t.retryAfter ?? 0, throttled: t.id },
      });
    shown.push(t.id, retry.id);
  }
  return outcome('retry-after-429', 'observed', shown, { exchange: shown[1] as number });
}

const RETRYABLE = new Set([429, 502, 503, 504]);

/**
 * How soon this client sends its next request after an answer that asks for no wait (lower quartile of those
 * gaps): its own pace on this machine. A backoff is judged on the delay beyond that pace, so that a loaded machine,
 * where even an immediate retry takes a few hundred milliseconds, neither hides an immediate retry nor fails a
 * real backoff. The lower quartile, not the median, so that a client pacing its own requests is not held to it.
 */
function clientPace(calls: Call[]): number {
  const gaps: number[] = [];
  for (let i = 0; i + 1 < calls.length; i++) {
    const answered = calls[i]!;
    if (answered.status === undefined || RETRYABLE.has(answered.status)) continue;
    const gap = calls[i + 1]!.start - answered.end;
    if (gap >= 0) gaps.push(gap);
  }
  if (gaps.length === 0) return 0;
  gaps.sort((a, b) => a - b);
  return Math.min(PACE_CAP_MS, gaps[Math.floor((gaps.length - 1) / 4)]!);
}

function backoff503({ calls }: BehaviourContext): BehaviourOutcome {
  const unavailable = calls.filter((c) => c.status === 502 || c.status === 503 || c.status === 504);
  if (unavailable.length === 0) return outcome('backoff-503', 'missing');
  const pace = clientPace(calls);
  const shown: number[] = [];
  /** Per logical request, its retries without Retry-After, in order: the client's own backoff. */
  const chains = new Map<string, { unavailable: Call; retry: Call; delay: number; waited: number }[]>();
  const retried = new Set<string>();
  for (const u of unavailable) {
    const retry = nextSame(calls, u);
    const firstOfChain = !retried.has(u.key);
    if (!retry) {
      // Giving up after some retries is a client's choice; never retrying at all loses the request.
      if (firstOfChain) return outcome('backoff-503', 'wrong', [u.id], { reason: 'abandoned' });
      continue;
    }
    retried.add(u.key);
    const delay = retry.start - u.end;
    // Retry-After is a floor in wall-clock time: a slow machine only makes the client later, never early.
    const waited = u.retryAfter !== undefined ? delay : delay - pace - preparation(calls, u, retry, pace);
    const wanted = u.retryAfter !== undefined ? u.retryAfter * 1000 : MIN_BACKOFF_MS;
    if (waited < wanted - SLACK_MS) return tooSoon(u, retry, 'immediate', wanted + delay - waited);
    if (u.retryAfter === undefined) {
      const chain = chains.get(u.key) ?? [];
      chain.push({ unavailable: u, retry, delay, waited });
      chains.set(u.key, chain);
    }
    shown.push(u.id, retry.id);
  }
  // Growth is judged over a whole chain, last retry against first: a single step cannot tell a slow machine or
  // a jittered backoff (gRPC's connection backoff: ×1.6 ± 20 %, so one step may grow by only 7 %) from no growth.
  for (const chain of chains.values()) {
    const first = chain[0]!;
    const last = chain[chain.length - 1]!;
    if (chain.length > 1 && last.waited < first.waited + SLACK_MS)
      return tooSoon(
        last.unavailable,
        last.retry,
        'not-growing',
        first.waited + SLACK_MS + last.delay - last.waited,
      );
  }
  return outcome('backoff-503', 'observed', [...new Set(shown)], { exchange: shown[1] as number });
}

/**
 * The time a retry spent being prepared rather than waited for: the token requests between the failure and the
 * retry, each with the client's pace before it. A client that fetches a token before every request and retries
 * at once has waited for nothing, however long the token took.
 */
function preparation(calls: Call[], failed: Call, retry: Call, pace: number): number {
  let spent = 0;
  for (const c of calls)
    if (c.operation === 'token' && c.start >= failed.end && c.end <= retry.start)
      spent += pace + (c.end - c.start);
  return spent;
}

/** A retry that came sooner than it should have; `wanted` in wall-clock time, as the client would measure it. */
function tooSoon(
  u: Call,
  retry: Call,
  reason: 'immediate' | 'not-growing',
  wanted: number,
): BehaviourOutcome {
  return outcome('backoff-503', 'wrong', [u.id, retry.id], {
    exchange: retry.id,
    reason,
    params: {
      delay: retry.start - u.end,
      wanted: Math.round(wanted),
      unavailable: u.id,
      unavailable_status: u.status ?? 503,
    },
  });
}

function noRetry422({ calls }: BehaviourContext): BehaviourOutcome {
  const refused = calls.filter((c) => c.status === 422);
  if (refused.length === 0) return outcome('no-retry-422', 'missing');
  for (const r of refused) {
    const again = calls.find(
      (c) =>
        c.start >= r.end - SLACK_MS &&
        c.id !== r.id &&
        c.bodyHash === r.bodyHash &&
        c.operation === r.operation,
    );
    if (again)
      return outcome('no-retry-422', 'wrong', [r.id, again.id], {
        exchange: again.id,
        params: { refused: r.id },
      });
  }
  return outcome(
    'no-retry-422',
    'observed',
    refused.map((r) => r.id),
  );
}

function publishAndFind({ calls }: BehaviourContext): BehaviourOutcome {
  const published = calls.filter((c) => c.operation === 'iti-105' && c.status === 201);
  if (published.length === 0)
    return outcome(
      'publish-and-find',
      calls.some((c) => c.operation === 'iti-105') ? 'missing' : 'not-applicable',
    );
  for (const p of published) {
    const resource = p.responseBody as
      { id?: string; content?: { attachment?: { url?: string } }[] } | undefined;
    const id = resource?.id ?? '';
    const binary = resource?.content?.[0]?.attachment?.url?.split('/').pop() ?? '\u0000';
    const later = calls.filter((c) => c.start >= p.end - SLACK_MS && c.id !== p.id);
    const found = later.find(
      (c) =>
        c.status === 200 &&
        ((c.operation === 'iti-67' && (c.exchange.response?.body ?? '').includes(`"id":"${id}"`)) ||
          (c.operation === 'iti-68' && c.exchange.url.endsWith(`/Binary/${binary}`)) ||
          (c.operation === 'read-document' && c.exchange.url.endsWith(`/DocumentReference/${id}`))),
    );
    if (found) continue;
    // A search of this patient's documents that answers without the one just published: the document is lost.
    const lost = later.find((c) => c.operation === 'iti-67' && c.status === 200 && c.patient === p.patient);
    if (lost)
      return outcome('publish-and-find', 'wrong', [p.id, lost.id], {
        exchange: lost.id,
        params: { published: p.id },
      });
    return outcome('publish-and-find', 'missing', [p.id], { params: { published: p.id } });
  }
  const finds = calls.filter(
    (c) => ['iti-67', 'iti-68', 'read-document'].includes(c.operation) && c.status === 200,
  );
  return outcome('publish-and-find', 'observed', [published[0]?.id as number, ...finds.map((c) => c.id)], {
    exchange: finds[0]?.id as number,
  });
}
