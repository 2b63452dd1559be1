// The dossier de recette in the HTML report: the hooking tests, test by test, with every exchange (request and
// answer) folded under its step. Built from exchanges.json, which the sandbox check already redacted.
import type { ExchangesDocument, Exchange } from '../checks/sandbox/recorder.js';
import { EXCHANGES_SCHEMA } from '../checks/sandbox/recorder.js';
import type { Lang } from '../i18n/index.js';
import { translator } from '../i18n/index.js';
import type { HtmlSection } from './html.js';
import { escapeHtml as e } from './text.js';

export const EXCHANGES_FILE = 'exchanges.json';
// Long bodies wrap inside the page (and on paper) instead of widening it.
const STYLE =
  '<style>#dossier-de-recette pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.78rem;background:#f6f6f6;padding:.4rem .6rem;border-radius:4px;max-height:28rem;overflow:auto}#dossier-de-recette details{margin:.2rem 0}#dossier-de-recette h4{margin:.4rem 0 .2rem;font-size:.85rem}@media print{#dossier-de-recette pre{max-height:none}}</style>';
const RESULT_COLOR = { pass: '#1b7f3b', fail: '#c62828', warn: '#c98a00', skip: '#777777', error: '#555555' };

/** The HTML section for an exchanges.json text, or undefined when the text is not one. */
export function exchangesSection(json: string, lang: Lang): HtmlSection | undefined {
  let doc: ExchangesDocument;
  try {
    doc = JSON.parse(json) as ExchangesDocument;
  } catch {
    return undefined;
  }
  if (doc?.schema !== EXCHANGES_SCHEMA || !Array.isArray(doc.tests) || !Array.isArray(doc.exchanges))
    return undefined;
  const t = translator(lang);
  const byId = new Map(doc.exchanges.map((x) => [x.id, x]));
  const suiteTitle = new Map(doc.suites.map((s) => [s.id, s.title]));
  const intro = `<p class="small">${e(
    t('exchanges.intro', {
      tests: doc.tests.length,
      target: t(`exchanges.target.${doc.target.kind}`),
      url: doc.target.url,
      runId: doc.runId,
      exchanges: doc.exchanges.length,
    }),
  )}</p>`;
  const tests = doc.tests
    .map((test) => {
      const badge = `<span class="badge" style="background:${RESULT_COLOR[test.result]}">${e(t(`exchanges.result.${test.result}`))}</span>`;
      const steps = test.steps
        .map((step) => {
          const exchanges = step.exchanges
            .map((id) => byId.get(id))
            .filter((x): x is Exchange => x !== undefined);
          return `<li><code>${e(step.id)}</code> ${e(step.title !== step.id ? step.title : '')} — ${e(t(`exchanges.result.${step.result}`))}${step.messages.length ? `<br><span class="small">${e(step.messages.join(' ; '))}</span>` : ''}${exchanges.map((x) => exchange(x, t)).join('')}</li>`;
        })
        .join('');
      return `<div class="criterion"><header>${badge}<span class="id">${e(suiteTitle.get(test.suite) ?? test.suite)}</span><strong>${e(test.title)}</strong><span class="small">${test.durationMs} ms</span></header>${test.reason ? `<p class="small">${e(test.reason)}</p>` : ''}<ul class="findings">${steps}</ul></div>`;
    })
    .join('');
  return { id: 'dossier-de-recette', title: t('exchanges.title'), html: STYLE + intro + tests };
}

function exchange(x: Exchange, t: ReturnType<typeof translator>): string {
  const status = x.status !== undefined ? String(x.status) : t('exchanges.no-response');
  const summary = `#${x.id} ${x.method} ${x.url} → ${status} (${x.durationMs} ms${x.attempt > 1 ? `, ${t('exchanges.attempt', { attempt: x.attempt })}` : ''})`;
  const headers = (h: Record<string, string>) =>
    Object.entries(h)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
  const request = `<h4>${e(t('exchanges.request'))}</h4><pre>${e(headers(x.request.headers))}${x.request.body ? `\n\n${e(x.request.body)}` : ''}</pre>`;
  const response = x.response
    ? `<h4>${e(t('exchanges.response'))}</h4><pre>${e(headers(x.response.headers))}${x.response.body ? `\n\n${e(x.response.body)}` : ''}</pre>`
    : `<p class="small">${e(x.failure ?? t('exchanges.no-response'))}</p>`;
  return `<details><summary><code>${e(summary)}</code></summary>${request}${response}</details>`;
}
