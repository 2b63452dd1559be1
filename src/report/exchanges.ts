// The dossier de recette in the HTML report: the hooking tests, test by test, with every exchange (request and
// answer) under its step. On screen each exchange folds under its summary; in print every one is expanded. Long
// bodies are cut, with the size and SHA-256 of the whole body so the reader can match exchanges.json, which the
// sandbox check already redacted and which keeps them whole.
import { createHash } from 'node:crypto';
import type { ExchangesDocument, Exchange } from '../checks/sandbox/recorder.js';
import { EXCHANGES_SCHEMA } from '../checks/sandbox/recorder.js';
import type { Lang } from '../i18n/index.js';
import { translator } from '../messages.js';
import type { HtmlSection } from './html.js';
import type { CriterionStatus } from './model.js';
import { STATUS_SHAPE } from './palette.js';
import { cut, escapeHtml as e } from './text.js';

export const EXCHANGES_FILE = 'exchanges.json';
/** Characters and lines of a body printed in the dossier (its beginning); the rest is in exchanges.json. */
export const PRINTED_BODY_CHARS = 500;
export const PRINTED_BODY_LINES = 10;
/** Runs of one test with one result printed in the dossier (a test may run once per resource of the repository). */
export const PRINTED_TESTS_PER_RESULT = 3;

type StepResult = 'pass' | 'fail' | 'warn' | 'skip' | 'error';

const RESULT_STATUS: Record<StepResult, CriterionStatus> = {
  pass: 'conforme',
  fail: 'non-conforme',
  warn: 'a-verifier',
  skip: 'non-applicable',
  error: 'indisponible',
};

/** The HTML section for an exchanges.json text, or undefined when the text is not one. */
export function exchangesSection(json: string, lang: Lang): HtmlSection | undefined {
  let doc: ExchangesDocument;
  // Only the printed tests' exchanges are kept while parsing (the tests come first in the document): a large
  // repository records tens of MB of exchanges, which the dossier does not print.
  let printed: Set<number> | undefined;
  let exchangeCount = 0;
  try {
    doc = JSON.parse(json, function (this: unknown, key, value: unknown) {
      if (key === 'tests' && Array.isArray(value) && !Array.isArray(this))
        printed = new Set(
          selectTests(value as ExchangesDocument['tests']).shown.flatMap((test) =>
            test.steps.flatMap((step) => step.exchanges),
          ),
        );
      else if (Array.isArray(this) && isExchange(value)) {
        exchangeCount++;
        if (printed && !printed.has(value.id)) return undefined;
      }
      return value;
    }) as ExchangesDocument;
  } catch {
    return undefined;
  }
  if (doc?.schema !== EXCHANGES_SCHEMA || !Array.isArray(doc.tests) || !Array.isArray(doc.exchanges))
    return undefined;
  const t = translator(lang);
  const byId = new Map(doc.exchanges.filter(isExchange).map((x) => [x.id, x]));
  const suiteTitle = new Map(doc.suites.map((s) => [s.id, s.title]));
  // The emulator (run by the check or recording the editor's tests) listens on a port of the moment: the dossier
  // names it, not its address.
  const local = doc.target.kind === 'emulator' || doc.target.kind === 'recording';
  const base = local && URL.canParse(doc.target.url) ? new URL(doc.target.url).origin : '';
  const intro = `<p class="small">${e(
    t('exchanges.intro', {
      tests: doc.tests.length,
      target: t(`exchanges.target.${doc.target.kind}`),
      url: local ? t('exchanges.local-address') : doc.target.url,
      runId: doc.runId,
      exchanges: exchangeCount,
    }),
  )} ${e(t('exchanges.printed', { chars: PRINTED_BODY_CHARS, lines: PRINTED_BODY_LINES }))}</p>`;
  // A test replayed for each of thousands of resources prints its first few runs of each result; the others are
  // counted (exchanges.json keeps them all), so the dossier stays a size one can print.
  const { shown: shownTests, seen } = selectTests(doc.tests);
  const lastShown = new Map<string, number>();
  shownTests.forEach((test, i) => lastShown.set(`${test.suite}\u0000${test.id}\u0000${test.result}`, i));
  const notes = new Map<number, string[]>();
  for (const [key, n] of seen) {
    if (n <= PRINTED_TESTS_PER_RESULT) continue;
    const index = lastShown.get(key) as number;
    const test = shownTests[index] as (typeof shownTests)[number];
    const note = `<p class="small">${e(t('exchanges.more-tests', { count: n - PRINTED_TESTS_PER_RESULT, title: test.title, result: t(`exchanges.result.${test.result}`) }))}</p>`;
    notes.set(index, [...(notes.get(index) ?? []), note]);
  }
  const tests = shownTests
    .map((test, index) => {
      const steps = test.steps
        .map((step) => {
          const exchanges = step.exchanges
            .map((id) => byId.get(id))
            .filter((x): x is Exchange => x !== undefined);
          return `<li><code>${e(step.id)}</code> ${e(step.title !== step.id ? step.title : '')} — ${pill(step.result, t)}${step.messages.length ? `<br><span class="small">${e(step.messages.join(' ; '))}</span>` : ''}${exchanges.map((x) => exchange(x, base, t)).join('')}</li>`;
        })
        .join('');
      return `<div class="criterion"><header>${pill(test.result, t)}<span class="id">${e(suiteTitle.get(test.suite) ?? test.suite)}</span><strong>${e(test.title)}</strong></header>${test.reason ? `<p class="small">${e(test.reason)}</p>` : ''}<ul>${steps}</ul></div>${(notes.get(index) ?? []).join('')}`;
    })
    .join('');
  return { id: 'dossier-de-recette', title: t('exchanges.title'), html: intro + tests };
}

/** The runs of each test printed: the first few of each result, with how many runs each test and result had. */
function selectTests(tests: ExchangesDocument['tests']) {
  const seen = new Map<string, number>();
  const shown = tests.filter((test) => {
    const key = `${test.suite}\u0000${test.id}\u0000${test.result}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n <= PRINTED_TESTS_PER_RESULT;
  });
  return { shown, seen };
}

function isExchange(value: unknown): value is Exchange {
  const x = value as Partial<Exchange> | null;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof x.id === 'number' &&
    typeof x.method === 'string' &&
    typeof x.url === 'string' &&
    typeof x.request === 'object'
  );
}

function pill(text: string, t: ReturnType<typeof translator>): string {
  // The file may come from elsewhere (`from-report`): an unknown result is shown as an error, never as a key.
  const result: StepResult = Object.hasOwn(RESULT_STATUS, text) ? (text as StepResult) : 'error';
  const status = RESULT_STATUS[result];
  return `<span class="pill st-${status}"><span class="shape ${STATUS_SHAPE[status]}" aria-hidden="true"></span>${e(t(`exchanges.result.${result}`))}</span>`;
}

function body(text: string | undefined, t: ReturnType<typeof translator>): string {
  if (!text) return '';
  const lines = text.split('\n');
  if (text.length <= PRINTED_BODY_CHARS && lines.length <= PRINTED_BODY_LINES) return `\n\n${e(text)}`;
  const head = cut(lines.slice(0, PRINTED_BODY_LINES).join('\n'), PRINTED_BODY_CHARS);
  const digest = createHash('sha256').update(text, 'utf8').digest('hex');
  return `\n\n${e(head)}\n… ${e(t('exchanges.cut', { size: Buffer.byteLength(text, 'utf8'), sha256: digest }))}`;
}

function exchange(x: Exchange, base: string, t: ReturnType<typeof translator>): string {
  const status = x.status !== undefined ? String(x.status) : t('exchanges.no-response');
  const url = base && x.url.startsWith(base) ? x.url.slice(base.length) || '/' : x.url;
  const summary = `#${x.id} ${x.method} ${url} → ${status}${x.attempt > 1 ? ` (${t('exchanges.attempt', { attempt: x.attempt })})` : ''}`;
  const headers = (h: Record<string, string>) =>
    Object.entries(h)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
  const request = `<h4>${e(t('exchanges.request'))}</h4><pre>${e(headers(x.request.headers))}${body(x.request.body, t)}</pre>`;
  const response = x.response
    ? `<h4>${e(t('exchanges.response'))}</h4><pre>${e(headers(x.response.headers))}${body(x.response.body, t)}</pre>`
    : `<p class="small">${e(x.failure ?? t('exchanges.no-response'))}</p>`;
  return `<details class="exchange"><summary><code>${e(summary)}</code></summary>${request}${response}</details>`;
}
