// Assertions of a scenario step, as TestScript has them: status, resource type, headers, FHIRPath expressions,
// OperationOutcome text, a refused connection (mTLS), and the answers of the pairing flow (an authorization redirect
// carrying a code, an OAuth 2.0 error).
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import type { Lang } from '../../i18n/index.js';
import type { Translate } from '../../messages.js';
import { pick } from '../../i18n/index.js';
import type { StepResponse } from './response.js';
import type { Assertion } from './suite.js';
import type { Variables } from './variables.js';
import { substitute } from './variables.js';

export interface AssertionResult {
  ok: boolean;
  /** What was checked and, when failing, what was seen instead. */
  message: string;
}

type Compiled = (resource: unknown) => unknown[];
const compiled = new Map<string, Compiled>();

/** FHIRPath on a response body; compiled once per expression text. */
export function evaluatePath(body: unknown, expression: string): unknown[] {
  let fn = compiled.get(expression);
  if (!fn) {
    const compiledFn = fhirpath.compile(expression, r4);
    fn = (resource: unknown) => compiledFn(resource as object) as unknown[];
    compiled.set(expression, fn);
  }
  return fn(body);
}

function truthy(result: unknown[]): boolean {
  return result.length > 0 && !(result.length === 1 && result[0] === false);
}

/** Texts of every OperationOutcome issue in the answer, including the outcomes of a transaction-response. */
export function outcomeTexts(body: unknown): string[] {
  const texts: string[] = [];
  const fromOutcome = (oo: unknown) => {
    const issues = (oo as { issue?: unknown } | undefined)?.issue;
    if (!Array.isArray(issues)) return;
    for (const issue of issues as { diagnostics?: unknown; details?: { text?: unknown } }[]) {
      if (typeof issue.diagnostics === 'string') texts.push(issue.diagnostics);
      if (typeof issue.details?.text === 'string') texts.push(issue.details.text);
    }
  };
  const resource = body as { resourceType?: unknown; entry?: unknown } | undefined;
  if (resource?.resourceType === 'OperationOutcome') fromOutcome(resource);
  if (resource?.resourceType === 'Bundle' && Array.isArray(resource.entry)) {
    for (const entry of resource.entry as { response?: { outcome?: unknown }; resource?: unknown }[]) {
      fromOutcome(entry.response?.outcome);
      if ((entry.resource as { resourceType?: unknown } | undefined)?.resourceType === 'OperationOutcome')
        fromOutcome(entry.resource);
    }
  }
  return texts;
}

export function checkAssertion(
  assertion: Assertion,
  response: StepResponse,
  vars: Variables,
  t: Translate,
  lang: Lang,
): AssertionResult {
  const described = (fallback: string) =>
    assertion.description ? pick(assertion.description, lang) : fallback;
  if (assertion.connection === 'refused') {
    const ok = response.failure !== undefined && response.failure.kind !== 'timeout';
    return {
      ok,
      message: ok
        ? t('sandbox.assert.refused')
        : t('sandbox.assert.not-refused', { status: response.status ?? response.failure?.kind ?? '' }),
    };
  }
  if (assertion.redirect !== undefined) return redirectAssertion(response, t);
  if (assertion['oauth-error'] !== undefined)
    return oauthErrorAssertion(assertion['oauth-error'], response, t);
  if (assertion.status !== undefined) {
    const expected = Array.isArray(assertion.status) ? assertion.status : [assertion.status];
    const ok = response.status !== undefined && expected.includes(response.status);
    return {
      ok,
      message: ok
        ? t('sandbox.assert.status', { expected: expected.join(' | ') })
        : t('sandbox.assert.status-failed', {
            expected: expected.join(' | '),
            actual: response.status ?? '—',
            detail: outcomeTexts(response.body).slice(0, 2).join(' ; ') || '—',
          }),
    };
  }
  if (assertion.resourceType !== undefined) {
    const actual = (response.body as { resourceType?: unknown } | undefined)?.resourceType;
    const ok = actual === assertion.resourceType;
    return {
      ok,
      message: ok
        ? t('sandbox.assert.resource', { expected: assertion.resourceType })
        : t('sandbox.assert.resource-failed', {
            expected: assertion.resourceType,
            actual: String(actual ?? '—'),
          }),
    };
  }
  if (assertion.header !== undefined) {
    const name = assertion.header.toLowerCase();
    const value = response.headers[name];
    const wantsPresent = assertion.exists !== false;
    let ok = wantsPresent ? value !== undefined : value === undefined;
    if (ok && assertion.matches !== undefined)
      ok = new RegExp(substitute(assertion.matches, vars)).test(value ?? '');
    return {
      ok,
      message: ok
        ? t('sandbox.assert.header', { name })
        : t('sandbox.assert.header-failed', { name, actual: value ?? '—' }),
    };
  }
  if (assertion.expression !== undefined) {
    const expression = substitute(assertion.expression, vars);
    let ok = false;
    let error: string | undefined;
    try {
      ok =
        typeof response.body === 'object' &&
        response.body !== null &&
        truthy(evaluatePath(response.body, expression));
    } catch (e) {
      error = (e as Error).message;
    }
    return {
      ok,
      message: ok
        ? described(t('sandbox.assert.expression', { expression }))
        : error
          ? t('sandbox.assert.expression-error', { expression, error })
          : t('sandbox.assert.expression-failed', { what: described(expression), expression }),
    };
  }
  if (assertion.outcome !== undefined) {
    const expected = substitute(assertion.outcome, vars);
    const texts = outcomeTexts(response.body);
    const ok = texts.some((text) => text.trim() === expected.trim());
    return {
      ok,
      message: ok
        ? t('sandbox.assert.outcome', { expected })
        : t('sandbox.assert.outcome-failed', { expected, actual: texts.slice(0, 3).join(' ; ') || '—' }),
    };
  }
  return { ok: false, message: t('sandbox.assert.empty') };
}

/** What an authorization answer did, in words (never the code itself). */
function redirectSeen(response: StepResponse, t: Translate): string {
  const r = response.redirect;
  if (!r)
    return t('sandbox.assert.no-redirect', { status: response.status ?? response.failure?.kind ?? '—' });
  const seen: string[] = [];
  if (r.error) seen.push(`error=${r.error}${r.errorDescription ? ` (${r.errorDescription})` : ''}`);
  if (r.code) seen.push('code');
  if (!r.toRedirectUri) seen.push(t('sandbox.assert.redirect-elsewhere'));
  if (!r.stateReturned) seen.push(t('sandbox.assert.state-lost'));
  return seen.join(', ') || '—';
}

/** RFC 6749 §4.1.2: back to the redirect_uri, with a code and the state the request sent. */
function redirectAssertion(response: StepResponse, t: Translate): AssertionResult {
  const r = response.redirect;
  const ok = r !== undefined && r.code && !r.error && r.toRedirectUri && r.stateReturned;
  return {
    ok,
    message: ok
      ? t('sandbox.assert.redirect')
      : t('sandbox.assert.redirect-failed', { actual: redirectSeen(response, t) }),
  };
}

/**
 * An OAuth 2.0 error: in the redirect of an authorization answer (back to the redirect_uri with the state, no code:
 * RFC 6749 §4.1.2.1), or in the JSON of a token answer (§5.2).
 */
function oauthErrorAssertion(expected: string, response: StepResponse, t: Translate): AssertionResult {
  const r = response.redirect;
  let ok: boolean;
  let actual: string;
  if (r) {
    ok = r.error === expected && !r.code && r.toRedirectUri && r.stateReturned;
    actual = redirectSeen(response, t);
  } else {
    const body = response.body as { error?: unknown; error_description?: unknown } | undefined;
    const error = typeof body?.error === 'string' ? body.error : undefined;
    ok = error === expected;
    actual = error
      ? `error=${error}${typeof body?.error_description === 'string' ? ` (${body.error_description})` : ''}`
      : t('sandbox.assert.no-oauth-error', { status: response.status ?? response.failure?.kind ?? '—' });
  }
  return {
    ok,
    message: ok
      ? t('sandbox.assert.oauth-error', { expected })
      : t('sandbox.assert.oauth-error-failed', { expected, actual }),
  };
}
