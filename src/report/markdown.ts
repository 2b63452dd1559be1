// Markdown rendering, for the PR comment, the job summary and report.md. A busy editor reads the verdict first,
// the blocking items next; details are folded per rubrique. Long reports are folded, then cut, to fit a limit.
import { formatLocation } from '../location.js';
import type { Translate } from '../i18n/index.js';
import { translator } from '../i18n/index.js';
import type { CriterionResult, Report, ReportFinding, RubriqueSummary } from './model.js';
import { mdCode, mdHtml, mdText } from '../escape/markdown.js';
import { STATUS_ICON, VERDICT_ICON, cut, percent } from './text.js';

/** GitHub refuses comment bodies over 65,536 characters; keep a margin for the markers the comment adds. */
export const MARKDOWN_DEFAULT_MAX = 65_000;

export interface MarkdownOptions {
  maxLength?: number;
  /** Links shown when the report is folded or cut, and in the footer. */
  links?: { artifact?: string; run?: string };
  /** Extra Markdown placed right after the verdict (e.g. "since last run"). */
  preamble?: string;
  /** Heading level of the title (2 for comments, 1 for report.md). */
  titleLevel?: 1 | 2;
}

type Detail = 'full' | 'failures' | 'none';

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const max = options.maxLength ?? Number.POSITIVE_INFINITY;
  const t = translator(report.lang);
  for (const detail of ['full', 'failures', 'none'] as Detail[]) {
    const text = compose(report, t, options, detail, Number.POSITIVE_INFINITY);
    if (text.length <= max) return text;
  }
  // Even without details it is too long (thousands of blocking items): cut the blocking list.
  return compose(report, t, options, 'none', max);
}

function compose(
  report: Report,
  t: Translate,
  options: MarkdownOptions,
  detail: Detail,
  max: number,
): string {
  const head = [title(report, t, options.titleLevel ?? 2), verdictLine(report, t), context(report, t)];
  if (options.preamble) head.push(options.preamble);
  head.push(trustSection(report, t));
  const body = [blockingSection(report, t), rubriqueTable(report, t)];
  if (detail !== 'none') body.push(...report.rubriques.map((r) => rubriqueDetails(report, r, t, detail)));
  body.push(...waiversAndNotices(report, t));
  if (detail !== 'full') body.push(foldedNote(t, detail, options.links));
  const foot = footer(report, t, options.links);
  const join = (blocks: string[]) => blocks.filter(Boolean).join('\n\n');

  const whole = `${join([...head, ...body, foot])}\n`;
  if (whole.length <= max) return whole;
  // Keep the head and the footer; cut the middle and say where the rest is.
  const pointer = `> ${t('md.truncated', { where: pointerText(t, options.links) })}`;
  const room = max - join([...head, pointer, foot]).length - 8;
  const middle = closeOpenBlocks(cut(join(body), Math.max(0, room - 64)));
  return `${cut(join([...head, middle, pointer, foot]), max - 1)}\n`;
}

/** A cut may land inside a `<details>` block: close it so the rest of the comment renders. */
function closeOpenBlocks(text: string): string {
  const lastLine = text.lastIndexOf('\n');
  let out = lastLine > 0 ? text.slice(0, lastLine) : text;
  const open = (out.match(/<details[ >]/g) ?? []).length - (out.match(/<\/details>/g) ?? []).length;
  for (let i = 0; i < open; i++) out += '\n\n</details>';
  return out;
}

function title(report: Report, t: Translate, level: 1 | 2): string {
  return `${'#'.repeat(level)} ${t('md.title', { solution: mdText(report.manifest.solution) })}`;
}

function verdictLine(report: Report, t: Translate): string {
  const c = report.counts;
  const verdict = `${VERDICT_ICON[report.verdict]} **${t(`md.verdict.${report.verdict}`, { blocking: c.blocking })}**`;
  const parts = [
    `${STATUS_ICON.conforme} ${c.conforme} ${t('status.conforme')}`,
    `${STATUS_ICON['non-conforme']} ${c['non-conforme']} ${t('status.non-conforme')}`,
    `${STATUS_ICON['a-verifier']} ${c['a-verifier']} ${t('status.a-verifier')}`,
  ];
  if (c.indisponible) parts.push(`${STATUS_ICON.indisponible} ${c.indisponible} ${t('status.indisponible')}`);
  parts.push(`${STATUS_ICON['non-applicable']} ${c['non-applicable']} ${t('status.non-applicable')}`);
  return `${verdict} — ${parts.join(' · ')}`;
}

function context(report: Report, t: Translate): string {
  const path = t(`md.path.${report.manifest.path}`);
  return `<sub>${t('md.context', {
    version: mdText(report.catalogue.version),
    revision: report.catalogue.revision,
    path,
    policy: t(`fail-on.${report.policy.failOn}`),
    today: mdText(report.today),
    file: mdText(report.manifest.file),
  })}</sub>`;
}

/** What the pull request proposes for where the run connects, shown for review; the base's values were used. */
function trustSection(report: Report, t: Translate): string {
  const trust = report.trust;
  if (!trust || trust.changes.length === 0) return '';
  const unset = `*${t('md.trust.unset')}*`;
  const rows = trust.changes.map(
    (c) =>
      `| ${mdCode(c.setting, { inTable: true })} | ${c.base !== undefined ? mdCode(c.base, { inTable: true }) : unset} | ${c.proposed !== undefined ? mdCode(c.proposed, { inTable: true }) : unset} |`,
  );
  const pending = trust.pending.length
    ? [t('md.trust.pending', { checks: trust.pending.map((g) => t(`md.trust.group.${g}`)).join(', ') })]
    : [];
  return [
    `### ${t('md.trust.title')}`,
    '',
    t(`md.trust.${trust.base}`, { ref: mdCode(trust.ref), detail: mdText(trust.detail ?? '') }),
    '',
    `| ${t('md.trust.col.setting')} | ${t('md.trust.col.base')} | ${t('md.trust.col.proposed')} |`,
    '|---|---|---|',
    ...rows,
    ...(pending.length ? ['', ...pending] : []),
  ].join('\n');
}

function firstProblem(c: CriterionResult): { message: string; where: string } {
  const finding =
    c.findings.find((f) => f.outcome === 'fail') ??
    c.findings.find((f) => f.outcome === 'unavailable') ??
    c.findings[0];
  const loc = finding?.location ?? c.location;
  return { message: finding?.message ?? '', where: formatLocation(loc) };
}

function blockingSection(report: Report, t: Translate): string {
  const blocking = report.criteria.filter((c) => c.blocking);
  if (blocking.length === 0) return '';
  const rows = blocking.map((c) => {
    const { message, where } = firstProblem(c);
    const more = c.findings.filter((f) => f.outcome === 'fail').length - 1;
    const extra = more > 0 ? ` ${t('md.more-problems', { count: more })}` : '';
    return `| **${mdText(c.id)}** ${mdText(c.title)} | ${mdText(message)}${extra} | ${mdCode(where, { inTable: true })} |`;
  });
  return [
    `### ${t('md.blocking-title', { count: blocking.length })}`,
    '',
    `| ${t('md.col.criterion')} | ${t('md.col.finding')} | ${t('md.col.where')} |`,
    '|---|---|---|',
    ...rows,
  ].join('\n');
}

/** A ten-square bar: green conforme, yellow to review, red failing, grey unavailable. */
export function complianceBar(r: RubriqueSummary): string {
  if (r.applicable === 0) return '—';
  const slots = 10;
  const parts: [number, string][] = [
    [r.counts.conforme, '🟩'],
    [r.counts['a-verifier'], '🟨'],
    [r.counts['non-conforme'], '🟥'],
    [r.counts.indisponible, '⬛'],
  ];
  // Largest-remainder rounding so the squares always add up to ten.
  const exact = parts.map(([n]) => (n / r.applicable) * slots);
  const whole = exact.map(Math.floor);
  let left = slots - whole.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    if (exact[i]! > 0) {
      whole[i]!++;
      left--;
    }
  }
  return parts.map(([, sq], i) => sq.repeat(whole[i]!)).join('');
}

function rubriqueTable(report: Report, t: Translate): string {
  const rows = report.rubriques
    .filter((r) => r.applicable > 0 || r.counts['non-applicable'] > 0)
    .map((r) => {
      const pct = percent(r.counts.conforme, r.applicable);
      return `| ${mdText(r.title)} | ${complianceBar(r)} ${r.applicable ? `${pct} %` : ''} | ${r.counts.conforme} | ${r.counts['non-conforme']} | ${r.counts['a-verifier']} | ${r.counts.indisponible} | ${r.counts['non-applicable']} |`;
    });
  return [
    `### ${t('md.rubriques-title')}`,
    '',
    `| ${t('md.col.rubrique')} | ${t('md.col.compliance')} | ${STATUS_ICON.conforme} | ${STATUS_ICON['non-conforme']} | ${STATUS_ICON['a-verifier']} | ${STATUS_ICON.indisponible} | ${STATUS_ICON['non-applicable']} |`,
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

function rubriqueDetails(report: Report, r: RubriqueSummary, t: Translate, detail: Detail): string {
  const criteria = report.criteria.filter((c) => c.rubrique === r.id && c.status !== 'non-applicable');
  if (criteria.length === 0) return '';
  const rows = criteria.map((c) => {
    const shown = shownFindings(c, detail);
    const passes = c.findings.filter((f) => f.outcome === 'pass').length;
    const hiddenPasses = detail === 'full' ? passes - shown.filter((f) => f.outcome === 'pass').length : 0;
    const findings = [
      ...shown.map(
        (f) =>
          `${findingIcon(f.outcome)} ${mdText(f.message)}${f.location ? ` <sub>${mdCode(formatLocation(f.location), { inTable: true })}</sub>` : ''}`,
      ),
      ...(hiddenPasses > 0 ? [`${findingIcon('pass')} ${t('md.more-passes', { count: hiddenPasses })}`] : []),
    ].join('<br>');
    const toReview =
      c.status === 'a-verifier' && shown.length === 0
        ? t('md.review-evidence', { items: c.evidence.map((e) => e.title).join(', ') || '—' })
        : '';
    const waiver = c.waiver?.active ? `<br>🛡️ ${t('md.waiver', { date: mdText(c.waiver.expires) })}` : '';
    const official = c.officialId ? ` <sub>(${mdText(c.officialId)})</sub>` : '';
    return `| ${STATUS_ICON[c.status]} | **${mdText(c.id)}**${official} ${mdText(c.title)} | ${t(`niveau.${c.niveau}`)} | ${findings || mdText(toReview)}${waiver} |`;
  });
  const summary = t('md.rubrique-summary', {
    // Inside <details><summary>: a raw HTML block, where only entities protect.
    title: mdHtml(r.title),
    conforme: r.counts.conforme,
    applicable: r.applicable,
  });
  const open = r.blocking > 0 ? ' open' : '';
  return [
    `<details${open}><summary><b>${summary}</b>${r.blocking ? ` — ${STATUS_ICON['non-conforme']} ${t('md.blocking-count', { count: r.blocking })}` : ''}</summary>`,
    '',
    `| | ${t('md.col.criterion')} | ${t('md.col.niveau')} | ${t('md.col.findings')} |`,
    '|---|---|---|---|',
    ...rows,
    '',
    '</details>',
  ].join('\n');
}

/**
 * What a row shows: every problem (failure, warning, review, unavailable), and of the passes only the first —
 * enough to say what was checked; the others are counted. Folded reports keep the failures only.
 */
function shownFindings(c: CriterionResult, detail: Detail): ReportFinding[] {
  if (detail !== 'full') return c.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'unavailable');
  const problems = c.findings.filter((f) => f.outcome !== 'info' && f.outcome !== 'pass');
  const firstPass = c.findings.find((f) => f.outcome === 'pass');
  return firstPass ? [...problems, firstPass] : problems;
}

function findingIcon(outcome: string): string {
  return { pass: '✔️', fail: '❌', warn: '⚠️', review: '🔍', unavailable: '⛔', info: 'ℹ️' }[outcome] ?? '•';
}

function waiversAndNotices(report: Report, t: Translate): string[] {
  const blocks: string[] = [];
  const waived = report.criteria.filter((c) => c.waiver?.active && c.status === 'non-conforme');
  if (waived.length) {
    blocks.push(
      [
        `### 🛡️ ${t('md.waivers-title', { count: waived.length })}`,
        '',
        ...waived.map(
          (c) =>
            `- **${mdText(c.id)}** ${mdText(c.title)} — ${t('md.waiver', { date: mdText(c.waiver!.expires) })} : ${mdText(c.waiver!.justification)}`,
        ),
      ].join('\n'),
    );
  }
  const attention = report.criteria.filter((c) => c.attention && c.status !== 'non-conforme');
  if (attention.length) {
    const lines = attention.flatMap((c) =>
      c.findings.filter((f) => f.outcome === 'warn').map((f) => `- **${mdText(c.id)}** ${mdText(f.message)}`),
    );
    blocks.push([`### ⚠️ ${t('md.attention-title', { count: lines.length })}`, '', ...lines].join('\n'));
  }
  if (report.notices.length) {
    blocks.push(
      [
        `### ℹ️ ${t('md.notices-title')}`,
        '',
        ...report.notices.map(
          (n) =>
            `- ${mdText(n.message)}${n.location ? ` <sub>${mdCode(formatLocation(n.location))}</sub>` : ''}`,
        ),
      ].join('\n'),
    );
  }
  return blocks;
}

function pointerText(t: Translate, links: MarkdownOptions['links']): string {
  if (links?.artifact) return t('md.pointer.artifact', { url: links.artifact });
  if (links?.run) return t('md.pointer.run', { url: links.run });
  return t('md.pointer.files');
}

function foldedNote(t: Translate, detail: Detail, links: MarkdownOptions['links']): string {
  return `> ${t(detail === 'failures' ? 'md.folded.failures' : 'md.folded.none', { where: pointerText(t, links) })}`;
}

function footer(report: Report, t: Translate, links: MarkdownOptions['links']): string {
  const parts = [t('md.footer', { version: mdText(report.tool.version) })];
  if (links?.artifact) parts.push(`[${t('md.link.dossier')}](${links.artifact})`);
  if (links?.run) parts.push(`[${t('md.link.run')}](${links.run})`);
  return `<sub>${parts.join(' · ')}</sub>`;
}
