// The terminal summary of `mes-referencing check`: verdict and counts, then what could not be checked, then what to do
// first (most urgent first, each with where and what to do), in colour on a TTY.
import { styleText } from 'node:util';
import { logText } from '../escape/log.js';
import { formatLocation } from '../location.js';
import { translator } from '../messages.js';
import type { Report } from './model.js';
import { capGroups, formatCount, groupFindings, groupSummary, moreFindings } from './finding-groups.js';
import type { ActionItem } from './priorities.js';
import { actionItems, shownLocations, verdictText } from './priorities.js';

type Style = Parameters<typeof styleText>[0];

/** Beyond this many urgent items the console points at report.md. */
const CONSOLE_MAX_ITEMS = 20;
/** Warnings shown per criterion (after grouping repeats), and places named per warning; report.json has them all. */
const CONSOLE_MAX_FINDINGS = 5;
const CONSOLE_MAX_PLACES = 3;

export function renderConsole(report: Report, color: boolean): string {
  const t = translator(report.lang);
  const paint = (style: Style, text: string) => (color ? styleText(style, text) : text);
  const c = report.counts;
  const verdictStyle: Style =
    report.verdict === 'non-conforme' || report.failing
      ? ['bold', 'red']
      : report.verdict === 'conforme'
        ? ['bold', 'green']
        : ['bold', 'yellow'];
  const lines = [
    paint(verdictStyle, t('console.verdict', { verdict: verdictText(report, t) })),
    t('console.counts', {
      conforme: c.conforme,
      failed: c['non-conforme'],
      review: c['a-verifier'],
      unavailable: c.indisponible,
      na: c['non-applicable'],
    }),
  ];
  // Titles, messages and file names come from the manifest, the catalogue or a server: one line each, no escapes.
  const s = logText;
  const where = (loc: Parameters<typeof formatLocation>[0]) => s(formatLocation(loc));
  const unverified = report.criteria.filter((x) => x.status === 'indisponible' && x.niveau !== 'recommande');
  if (unverified.length)
    lines.push(
      paint(
        report.policy.failOnUnverified ? ['bold', 'red'] : ['bold', 'yellow'],
        t('console.unverified', { count: unverified.length, ids: s(unverified.map((x) => x.id).join(', ')) }),
      ),
    );

  const items = actionItems(report, t);
  const urgent = items.filter((i) => i.kind !== 'review');
  if (urgent.length) {
    lines.push('', paint('bold', t('console.todo', { count: urgent.length })));
    for (const item of urgent.slice(0, CONSOLE_MAX_ITEMS))
      lines.push(...itemLines(item, t, report.lang, paint));
    if (urgent.length > CONSOLE_MAX_ITEMS)
      lines.push(`  ${t('console.more', { count: urgent.length - CONSOLE_MAX_ITEMS })}`);
  }
  const reviews = items.filter((i) => i.kind === 'review');
  const toReview = reviews.flatMap((i) => i.criteria.map((c) => c.id));
  if (toReview.length)
    lines.push(
      '',
      paint('yellow', t('console.reviews', { count: toReview.length, ids: s(toReview.join(', ')) })),
    );
  const waived = report.criteria.filter((x) => x.status === 'non-conforme' && x.waiver?.active);
  for (const x of waived)
    lines.push(`${paint('dim', '🛡')} ${s(x.id)} ${t('md.waiver', { date: s(x.waiver?.expires ?? '') })}`);
  const warnings = report.criteria.flatMap((x) =>
    x.findings.filter((f) => f.outcome === 'warn').map((f) => ({ x, f })),
  );
  if (warnings.length) {
    lines.push('', paint('yellow', t('console.attention', { count: warnings.length })));
    // Per criterion, the first few (grouped when the same warning repeats over many files), then a count.
    for (const x of report.criteria) {
      const groups = groupFindings(
        x.findings.filter((f) => f.outcome === 'warn'),
        { maxLocations: CONSOLE_MAX_PLACES },
      );
      const { shown, hiddenFindings } = capGroups(groups, CONSOLE_MAX_FINDINGS);
      for (const g of shown) {
        const places = g.locations.map(where).join(', ') + (g.moreLocations > 0 ? ', …' : '');
        const head = `  ${paint('bold', s(x.id))} ${places ? `${paint('cyan', places)}: ` : ''}`;
        lines.push(
          g.count === 1
            ? `${head}${s(g.message)}`
            : g.uniform
              ? `${head}${s(g.message)} — ${groupSummary(g, t, report.lang)}`
              : `${head}${groupSummary(g, t, report.lang)} ${s(g.message)}`,
        );
      }
      if (hiddenFindings > 0) lines.push(`  ${paint('dim', moreFindings(hiddenFindings, t, report.lang))}`);
    }
  }
  for (const n of report.notices)
    lines.push(`${paint('dim', 'ℹ')} ${n.location ? `${where(n.location)}: ` : ''}${s(n.message)}`);
  return `${lines.join('\n')}\n`;
}

const KIND_MARK: Record<ActionItem['kind'], string> = {
  secret: '!',
  failure: '✗',
  unverified: '?',
  review: '·',
};

function itemLines(
  item: ActionItem,
  t: ReturnType<typeof translator>,
  lang: Report['lang'],
  paint: (style: Style, text: string) => string,
): string[] {
  const style: Style = item.kind === 'unverified' ? 'yellow' : 'red';
  const s = logText;
  const named = item.criteria
    .map((c) => `${paint('bold', s(c.id))} (${t(`niveau.${c.niveau}`)}) ${s(c.title)}`)
    .join(' · ');
  const blocking = item.blocking ? ` — ${paint(['bold', 'red'], t('md.todo-blocking'))}` : '';
  const { shown, more } = shownLocations(item);
  const extra =
    more === 1
      ? ` ${t('console.more-places.one')}`
      : more > 1
        ? ` ${t('console.more-places', { count: formatCount(more, lang) })}`
        : '';
  const where = shown.length ? `${paint('cyan', s(shown.map(formatLocation).join(', ')))}${extra}: ` : '';
  const out = [`  ${paint(style, KIND_MARK[item.kind])} ${named}${blocking}`, `    ${where}${s(item.what)}`];
  if (item.fix) out.push(`    → ${t('md.todo-fix')} ${s(item.fix)}`);
  return out;
}
