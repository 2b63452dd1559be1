// "À traiter en premier": what the editor does next, most urgent first. Leaked secrets (revoke now, whatever the
// policy), then what fails the job, then what could not be checked, then the other failures, then what a person must
// look at. Shared by the comment, the job summary, the console and the dossier so they never disagree.
import type { Translate } from '../messages.js';
import type { SourceLocation } from '../location.js';
import type { CriterionResult, Report, ReportFinding } from './model.js';
import { isMandatory, verdictFailures } from './policy.js';

export type ActionKind = 'secret' | 'failure' | 'unverified' | 'review';

export interface ActionItem {
  kind: ActionKind;
  /** The criteria the item is about (two criteria may share one finding, e.g. a leaked secret). */
  criteria: CriterionResult[];
  /** Whether it fails the job under the policy. */
  blocking: boolean;
  /** What was found, in the run's language. */
  what: string;
  /** What to do, when the finding does not already say it. */
  fix?: string;
  /** Where, in the editor's repository (first place first). */
  locations: SourceLocation[];
}

/** How many places an item lists; the rest are in the details and the dossier. */
const MAX_LOCATIONS = 3;

export function actionItems(report: Report, t: Translate): ActionItem[] {
  const items: ActionItem[] = [];
  for (const c of report.criteria) {
    if (c.status === 'non-conforme' && c.waiver?.active !== true) items.push(...failureItems(c));
    else if (c.status === 'indisponible') items.push(unverifiedItem(c, t));
    else if (c.status === 'a-verifier') items.push(reviewItem(c, t));
  }
  return rank(merge(items));
}

function failureItems(c: CriterionResult): ActionItem[] {
  const failures = c.findings.filter((f) => f.outcome === 'fail');
  const secrets = failures.filter(isLeakedSecret);
  const others = failures.filter((f) => !isLeakedSecret(f));
  const items: ActionItem[] = [];
  if (secrets.length > 0) items.push(itemOf('secret', c, secrets));
  if (others.length > 0 || secrets.length === 0) items.push(itemOf('failure', c, others));
  return items;
}

function unverifiedItem(c: CriterionResult, t: Translate): ActionItem {
  const unavailable = c.findings.filter((f) => f.outcome === 'unavailable');
  const item = itemOf('unverified', c, unavailable);
  return { ...item, fix: item.fix ?? t('todo.fix.unverified') };
}

function reviewItem(c: CriterionResult, t: Translate): ActionItem {
  // The findings that say why a person is needed (emulator rehearsal, sample data, lapsed review…), then the
  // criterion's reviewer guide; evidence files are where to look.
  const reasons = c.findings.filter((f) => f.outcome === 'review');
  const evidence = c.evidence.filter((e) => e.declared);
  const what =
    reasons.map((f) => f.message).join(' ; ') ||
    (evidence.length
      ? t('todo.review.evidence', { items: evidence.map((e) => e.title).join(', ') })
      : t('todo.review.no-check'));
  const fixes = [...new Set(reasons.flatMap((f) => (f.fix ? [f.fix] : [])))];
  const fix = [...fixes, ...(c.reviewGuide ? [c.reviewGuide] : [])].join(' ') || undefined;
  const locations = dedupe([
    ...reasons.flatMap((f) => (f.location ? [f.location] : [])),
    ...evidence.flatMap((e) => (e.path ? [{ file: e.path }] : [])),
  ]);
  return { kind: 'review', criteria: [c], blocking: false, what, ...(fix ? { fix } : {}), locations };
}

function itemOf(kind: ActionKind, c: CriterionResult, findings: ReportFinding[]): ActionItem {
  const first = findings[0];
  const fixes = [...new Set(findings.flatMap((f) => (f.fix ? [f.fix] : [])))];
  const locations = dedupe(findings.flatMap((f) => (f.location ? [f.location] : [])));
  return {
    kind,
    criteria: [c],
    blocking: c.blocking,
    what: first?.message ?? c.description,
    ...(fixes.length ? { fix: fixes.join(' ') } : {}),
    locations: locations.length ? locations : [c.location],
  };
}

function isLeakedSecret(f: ReportFinding): boolean {
  return f.check === 'repo/secrets' && f.outcome === 'fail';
}

function dedupe(locations: SourceLocation[]): SourceLocation[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.file}:${l.line ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Criteria decided by the same finding (SEC-SECRETS and SEX-SECRETS-ECHANGE on one leaked key, SEC-TLS and
 * SEX-TLS-API on one unreachable API) make one item, listed at the most urgent of their places.
 */
function merge(items: ActionItem[]): ActionItem[] {
  const byKey = new Map<string, ActionItem>();
  for (const item of items) {
    const key = [
      item.kind,
      item.what,
      item.fix ?? '',
      item.locations.map((l) => `${l.file}:${l.line ?? ''}`).join(','),
    ].join('\u0000');
    const existing = byKey.get(key);
    if (existing) {
      existing.criteria.push(...item.criteria);
      existing.criteria.sort((a, b) => LEVEL_RANK[a.niveau] - LEVEL_RANK[b.niveau]);
      existing.blocking ||= item.blocking;
    } else byKey.set(key, { ...item, criteria: [...item.criteria] });
  }
  return [...byKey.values()];
}

const LEVEL_RANK = { obligatoire: 0, 'obligatoire-suppose': 1, recommande: 2 } as const;

function urgency(item: ActionItem): number {
  switch (item.kind) {
    case 'secret':
      return 0;
    case 'failure':
      return item.blocking ? 1 : 4;
    case 'unverified':
      return item.blocking ? 2 : item.criteria.some((c) => isMandatory(c.niveau)) ? 3 : 5;
    case 'review':
      return 6;
  }
}

function rank(items: ActionItem[]): ActionItem[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const ca = a.item.criteria[0] as CriterionResult;
      const cb = b.item.criteria[0] as CriterionResult;
      return (
        urgency(a.item) - urgency(b.item) ||
        LEVEL_RANK[ca.niveau] - LEVEL_RANK[cb.niveau] ||
        a.index - b.index
      );
    })
    .map(({ item }) => item);
}

export function shownLocations(item: ActionItem): { shown: SourceLocation[]; more: number } {
  return {
    shown: item.locations.slice(0, MAX_LOCATIONS),
    more: Math.max(0, item.locations.length - MAX_LOCATIONS),
  };
}

/** The headline: the verdict, or why the job fails when nothing fails but unverified criteria block. */
export function verdictText(report: Report, t: Translate): string {
  if (report.verdict === 'non-conforme')
    return t('md.verdict.non-conforme', { blocking: verdictFailures(report).length });
  if (report.failing) return t('md.verdict.unverified-failing', { count: report.counts.blocking });
  return t(`md.verdict.${report.verdict}`);
}
