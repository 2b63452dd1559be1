// Markdown rendering, for the PR comment, the job summary and report.md. A busy editor reads the verdict first,
// the blocking items next; details are folded per rubrique. Long reports are folded, then cut, to fit a limit.
import { formatLocation } from '../location.js';
import type { SourceLocation } from '../location.js';
import type { Translate } from '../messages.js';
import { translator } from '../messages.js';
import type { CriterionResult, CriterionStatus, Report, ReportFinding, RubriqueSummary } from './model.js';
import { mdCode, mdHtml, mdText } from '../escape/markdown.js';
import type { FindingGroup } from './finding-groups.js';
import { capGroups, groupFindings, groupSummary, moreFindings } from './finding-groups.js';
import type { ActionItem } from './priorities.js';
import { actionItems, shownLocations, verdictText } from './priorities.js';
import type { BlobBase } from './source-links.js';
import { sourceUrl } from './source-links.js';
import { STATUS_ICON, VERDICT_ICON, cut, percent } from './text.js';

/** GitHub refuses comment bodies over 65,536 characters; keep a margin for the markers the comment adds. */
export const MARKDOWN_DEFAULT_MAX = 65_000;

export interface MarkdownOptions {
  maxLength?: number;
  /** Links shown when the report is folded or cut, and in the footer; `blob` links places to the checked commit. */
  links?: { artifact?: string; run?: string; blob?: BlobBase };
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
  const head = [
    title(report, t, options.titleLevel ?? 2),
    verdictLine(report, t),
    unverifiedAlert(report, t),
    context(report, t),
  ];
  if (options.preamble) head.push(options.preamble);
  head.push(trustSection(report, t));
  const body = [
    prioritiesSection(report, t, options.links?.blob, detail === 'full' ? 1 : 0.5),
    processSection(report, t),
    rubriqueTable(report, t),
  ];
  if (detail !== 'none')
    body.push(...report.rubriques.map((r) => rubriqueDetails(report, r, t, detail, options.links?.blob)));
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
  const icon = report.failing && report.verdict !== 'non-conforme' ? '❌' : VERDICT_ICON[report.verdict];
  const verdict = `${icon} **${verdictText(report, t)}**`;
  const shown: CriterionStatus[] = ['conforme', 'non-conforme', 'a-verifier'];
  if (c.indisponible) shown.push('indisponible');
  shown.push('non-applicable');
  const parts = shown.map((s) => `${STATUS_ICON[s]} ${t(`count.${s}`, { count: c[s] })}`);
  return `${verdict} — ${parts.join(' · ')}`;
}

function context(report: Report, t: Translate): string {
  const path = t(`md.path.${report.manifest.path}`);
  return `<sub>${t('md.context', {
    version: mdText(report.catalogue.version),
    revision: report.catalogue.revision,
    path,
    policy: `${t(`fail-on.${report.policy.failOn}`)}${report.policy.failOnUnverified ? t('fail-on.unverified') : ''}`,
    today: mdText(report.today),
    file: mdText(report.manifest.file),
  })}${report.trace.commit ? ` · ${t('md.commit', { commit: mdText(report.trace.commit.slice(0, 7)) })}` : ''}</sub>`;
}

/** Right after the verdict: what the verdict does not cover because it could not be checked. */
function unverifiedAlert(report: Report, t: Translate): string {
  const unverified = report.criteria.filter((c) => c.status === 'indisponible' && c.niveau !== 'recommande');
  if (unverified.length === 0) return '';
  const kind = report.policy.failOnUnverified ? 'CAUTION' : 'IMPORTANT';
  return [
    `> [!${kind}]`,
    `> ${STATUS_ICON.indisponible} **${t('md.unverified-title', { count: unverified.length })}**${t('punct.colon')}${unverified.map((c) => c.id).join(', ')}.`,
    `> ${t(report.policy.failOnUnverified ? 'md.unverified-blocking' : 'md.unverified-hint')}`,
  ].join('\n');
}

/** Caps per kind of item, so the section stays readable and the comment within GitHub's limit. */
const PRIORITY_CAPS: Record<ActionItem['kind'], number> = {
  secret: 10,
  failure: 15,
  unverified: 15,
  review: 25,
};
const ITEM_TEXT_MAX = 400;
/** Criteria named on one item (the same finding may decide many). */
const MAX_NAMED = 3;

function prioritiesSection(report: Report, t: Translate, blob: BlobBase | undefined, scale: number): string {
  const items = actionItems(report, t);
  if (items.length === 0) return '';
  const urgent = items.filter((i) => i.kind !== 'review');
  const reviews = items.filter((i) => i.kind === 'review');
  const lines: string[] = [`### ${t('md.todo-title')}`, ''];
  const shownUrgent = capByKind(urgent, scale);
  shownUrgent.shown.forEach((item, i) => lines.push(priorityLine(item, i + 1, t, blob)));
  if (shownUrgent.hidden > 0)
    lines.push('', `<sub>${t('md.todo-more', { count: shownUrgent.hidden })}</sub>`);
  if (reviews.length > 0) {
    const shownReviews = capByKind(reviews, scale);
    // Folded when there is something more urgent above, or too much to read at a glance.
    const open = reviews.length <= 5 && urgent.length === 0 ? ' open' : '';
    if (urgent.length > 0) lines.push('');
    lines.push(
      `<details${open}><summary>${STATUS_ICON['a-verifier']} <b>${t('md.todo-reviews', { count: reviews.length })}</b></summary>`,
      '',
      ...shownReviews.shown.map((item) => priorityLine(item, undefined, t, blob)),
      ...(shownReviews.hidden > 0
        ? ['', `<sub>${t('md.todo-more', { count: shownReviews.hidden })}</sub>`]
        : []),
      '',
      '</details>',
    );
  }
  return lines.join('\n');
}

function capByKind(items: ActionItem[], scale: number) {
  const used: Partial<Record<ActionItem['kind'], number>> = {};
  const shown = items.filter((item) => {
    used[item.kind] = (used[item.kind] ?? 0) + 1;
    return (used[item.kind] as number) <= Math.max(3, Math.floor(PRIORITY_CAPS[item.kind] * scale));
  });
  return { shown, hidden: items.length - shown.length };
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

const KIND_ICON: Record<ActionItem['kind'], string> = {
  secret: '🔑',
  failure: STATUS_ICON['non-conforme'],
  unverified: STATUS_ICON.indisponible,
  review: STATUS_ICON['a-verifier'],
};

/** One item: icon, criteria and level, what was found, where (linked at the commit), and what to do. */
function priorityLine(
  item: ActionItem,
  n: number | undefined,
  t: Translate,
  blob: BlobBase | undefined,
): string {
  const others = item.criteria.length - MAX_NAMED;
  const named = [
    ...item.criteria.slice(0, MAX_NAMED).map((c) => `**${mdText(c.id)}** ${mdText(c.title)}`),
    ...(others > 0 ? [t('md.todo-more-criteria', { count: others })] : []),
  ].join(' · ');
  const levels = [...new Set(item.criteria.map((c) => t(`niveau.${c.niveau}`)))];
  const tags = [
    ...levels,
    ...(item.blocking ? [t('md.todo-blocking')] : []),
    ...(item.kind === 'unverified' ? [t('md.todo-unverified')] : []),
  ].join(' · ');
  const { shown, more } = shownLocations(item);
  const where = shown.map((loc) => placeLink(loc, blob));
  const extra = more > 0 ? ` ${t('md.more-problems', { count: more })}` : '';
  const whereText = where.length ? ` — ${where.join(', ')}${extra}` : '';
  const head = `${n !== undefined ? `${n}.` : '-'} ${KIND_ICON[item.kind]} ${named} <sub>${tags}</sub><br>`;
  const body = `${mdText(cut(item.what, ITEM_TEXT_MAX))}${whereText}`;
  const fix = item.fix ? `<br>**${t('md.todo-fix')}** ${mdText(cut(item.fix, ITEM_TEXT_MAX))}` : '';
  return `${head}${body}${fix}`;
}

/** The process deadlines passed or close, and what is due next: a line each, only when there is something. */
function processSection(report: Report, t: Translate): string {
  const p = report.process;
  const lines = p.alerts.map(
    (a) =>
      `- ${a.state === 'overdue' ? '⏰' : '⏳'} **${t(`deadline.${a.state}`)}** — ${mdText(a.message)} <sub>${mdCode(formatLocation(a.location))}</sub>`,
  );
  const current = p.steps.find((s) => s.status === 'current');
  if (current)
    lines.push(
      `- ${t('dossier.current-step', { number: String(current.number).padStart(2, '0'), title: mdText(current.title) })} (${mdText(current.actors.join(', '))})`,
    );
  const next = p.next.find((n) => n.due && n.state !== 'overdue');
  if (next) lines.push(`- ${t('dossier.next-due', { label: mdText(next.label), date: next.due ?? '' })}`);
  if (p.alerts.length === 0) return '';
  return [`### ${t('dossier.process')}`, '', ...lines].join('\n');
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

/**
 * A place in the repository: a link to the file and line at the checked commit, named from the repository root, or
 * (no commit known, or a place outside the repository) the location as code.
 */
function placeLink(loc: SourceLocation, blob: BlobBase | undefined, inTable = false): string {
  const url = sourceUrl(blob, loc);
  if (!url || !blob) return mdCode(formatLocation(loc), { inTable });
  const file = blob.prefix ? `${blob.prefix}/${loc.file}` : loc.file;
  // The URL is ours (server, repository, commit, path): percent-encoded so no character of a path ends the link.
  const href = encodeURI(url).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${mdText(formatLocation({ ...loc, file }))}](${href})`;
}

function rubriqueDetails(
  report: Report,
  r: RubriqueSummary,
  t: Translate,
  detail: Detail,
  blob: BlobBase | undefined,
): string {
  const criteria = report.criteria.filter((c) => c.rubrique === r.id && c.status !== 'non-applicable');
  if (criteria.length === 0) return '';
  const rows = criteria.map((c) => {
    const shown = shownFindings(c, detail);
    const passes = c.findings.filter((f) => f.outcome === 'pass').length;
    const hiddenPasses = detail === 'full' ? passes - shown.filter((f) => f.outcome === 'pass').length : 0;
    // The same finding over many files is one line with a count and its first places.
    const { shown: groups, hiddenFindings } = capGroups(
      groupFindings(shown, { maxLocations: MD_MAX_PLACES }),
      MD_MAX_GROUPS,
    );
    const findings = [
      ...groups.map((g) => groupLine(g, report, t, blob)),
      ...(hiddenFindings > 0 ? [moreFindings(hiddenFindings, t, report.lang)] : []),
      ...(hiddenPasses > 0 ? [`${findingIcon('pass')} ${t('md.more-passes', { count: hiddenPasses })}`] : []),
    ].join('<br>');
    const toReview =
      c.status === 'a-verifier' && shown.length === 0
        ? t('md.review-evidence', { items: c.evidence.map((e) => e.title).join(', ') || '—' })
        : '';
    const guide =
      c.status === 'a-verifier' && c.reviewGuide
        ? `<br>🔍 ${mdText(t('md.review-guide', { guide: c.reviewGuide }))}`
        : '';
    const waiver = c.waiver?.active ? `<br>🛡️ ${t('md.waiver', { date: mdText(c.waiver.expires) })}` : '';
    const official = c.officialId ? ` <sub>(${mdText(c.officialId)})</sub>` : '';
    const niveau = `${t(`niveau.${c.niveau}`)}${detail === 'full' ? `<br><sub>${mdText(c.fondement.text)}</sub>` : ''}`;
    return `| ${STATUS_ICON[c.status]} | **${mdText(c.id)}**${official} ${mdText(c.title)} | ${niveau} | ${findings || mdText(toReview)}${guide}${waiver} |`;
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

/** Findings groups per criterion row, places named per group, and characters of a message. */
const MD_MAX_GROUPS = 10;
const MD_MAX_PLACES = 5;
const MD_MESSAGE_MAX = 1000;

/** One finding as it always was; several as one line: the message, how many, where the first are. */
function groupLine(g: FindingGroup, report: Report, t: Translate, blob: BlobBase | undefined): string {
  const message = mdText(cut(g.message, MD_MESSAGE_MAX));
  const places = g.locations.map((loc) => placeLink(loc, blob, true));
  if (g.count === 1)
    return `${findingIcon(g.outcome)} ${message}${places.length ? ` <sub>${places[0]}</sub>` : ''}`;
  const list = places.length ? `${places.join(', ')}${g.moreLocations > 0 ? ', …' : ''} ` : '';
  const rest = `(${t('findings.group.rest')})`;
  // The summary names the finding's code: from a published report.json, that is outside text too.
  const summary = mdText(groupSummary(g, t, report.lang));
  return g.uniform
    ? `${findingIcon(g.outcome)} ${message} <sub>${summary}${list ? t('punct.colon') : ' '}${list}${rest}</sub>`
    : `${findingIcon(g.outcome)} ${summary} ${message} <sub>${list}${rest}</sub>`;
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
            `- **${mdText(c.id)}** ${mdText(c.title)} — ${t('md.waiver', { date: mdText(c.waiver!.expires) })}${t('punct.colon')}${mdText(c.waiver!.justification)}`,
        ),
      ].join('\n'),
    );
  }
  const attention = report.criteria.filter((c) => c.attention && c.status !== 'non-conforme');
  if (attention.length) {
    const warnings = attention.flatMap((c) => c.findings.filter((f) => f.outcome === 'warn'));
    const lines = attention.flatMap((c) => {
      const { shown, hiddenFindings } = capGroups(
        groupFindings(
          c.findings.filter((f) => f.outcome === 'warn'),
          { maxLocations: MD_MAX_PLACES },
        ),
        MD_MAX_GROUPS,
      );
      return [
        ...shown.map(
          (g) => `- **${mdText(c.id)}** ${groupLine(g, report, t, undefined).replace(/^\S+ /, '')}`,
        ),
        ...(hiddenFindings > 0
          ? [`- **${mdText(c.id)}** ${moreFindings(hiddenFindings, t, report.lang)}`]
          : []),
      ];
    });
    blocks.push([`### ⚠️ ${t('md.attention-title', { count: warnings.length })}`, '', ...lines].join('\n'));
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
