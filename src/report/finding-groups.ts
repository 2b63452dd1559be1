// Repeated findings, grouped for reading: the same check saying the same thing (same code, same message) in many
// files becomes one entry with a count and its first places. A code whose message varies from file to file (it names
// the resource, the value…) keeps its first few messages as entries and folds the rest into one entry per code.
// The console, report.md and the dossier read findings this way so their size no longer grows with the repository;
// report.json and SARIF keep every finding.
import type { Outcome } from '../checks/types.js';
import type { Lang } from '../i18n/index.js';
import type { Translate } from '../messages.js';
import type { SourceLocation } from '../location.js';
import type { ReportFinding } from './model.js';

export interface FindingGroup {
  outcome: Outcome;
  check: string;
  code: string;
  /** The message of the group's first finding. */
  message: string;
  /** Every finding of the group says `message`; otherwise they share only their code. */
  uniform: boolean;
  /** Findings in the group. */
  count: number;
  /** Distinct files among their locations. */
  files: number;
  /** The first places, in report order, without repeats. */
  locations: SourceLocation[];
  /** Distinct places beyond `locations`. */
  moreLocations: number;
  /** The first finding, as the report holds it. */
  first: ReportFinding;
}

export interface GroupOptions {
  /** Places kept per group (default 5). */
  maxLocations?: number;
  /** Distinct messages kept per code before the rest fold into one entry (default 3). */
  maxMessages?: number;
}

interface Building extends FindingGroup {
  seenFiles: Set<string>;
  seenPlaces: Set<string>;
}

/** Groups in the order their first finding appears; a finding seen once stays a group of one. */
export function groupFindings(
  findings: readonly ReportFinding[],
  options: GroupOptions = {},
): FindingGroup[] {
  const maxLocations = options.maxLocations ?? 5;
  const maxMessages = options.maxMessages ?? 3;
  const groups = new Map<string, Building>();
  const messagesPerCode = new Map<string, number>();
  for (const f of findings) {
    const codeKey = `${f.outcome}\u0000${f.check}\u0000${f.code}`;
    let key = `${codeKey}\u0000${f.message}`;
    if (!groups.has(key)) {
      const messages = messagesPerCode.get(codeKey) ?? 0;
      if (messages >= maxMessages) key = `${codeKey}\u0001`;
      else messagesPerCode.set(codeKey, messages + 1);
    }
    let group = groups.get(key);
    if (!group) {
      group = {
        outcome: f.outcome,
        check: f.check,
        code: f.code,
        message: f.message,
        uniform: true,
        count: 0,
        files: 0,
        locations: [],
        moreLocations: 0,
        first: f,
        seenFiles: new Set(),
        seenPlaces: new Set(),
      };
      groups.set(key, group);
    }
    group.count++;
    if (f.message !== group.message) group.uniform = false;
    if (f.location) {
      group.seenFiles.add(f.location.file);
      const place = `${f.location.file}:${f.location.line ?? ''}:${f.location.column ?? ''}`;
      if (!group.seenPlaces.has(place)) {
        group.seenPlaces.add(place);
        if (group.locations.length < maxLocations) group.locations.push(f.location);
        else group.moreLocations++;
      }
    }
  }
  return [...groups.values()].map(({ seenFiles, seenPlaces: _places, ...group }) => ({
    ...group,
    files: seenFiles.size,
  }));
}

const SEVERITY: Record<Outcome, number> = { fail: 0, unavailable: 1, warn: 2, review: 3, pass: 4, info: 5 };

/** The `max` most severe groups (in report order within a severity), and how many findings the others hold. */
export function capGroups(
  groups: FindingGroup[],
  max: number,
): { shown: FindingGroup[]; hiddenFindings: number } {
  const ranked = [...groups].sort((a, b) => SEVERITY[a.outcome] - SEVERITY[b.outcome]);
  const shown = ranked.slice(0, max);
  const hiddenFindings = ranked.slice(max).reduce((n, g) => n + g.count, 0);
  return { shown, hiddenFindings };
}

/** A count as the reader's language writes it (4 998 / 4,998). */
export function formatCount(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
}

/** What a group of several findings holds: "12 constats dans 12 fichiers", or "… semblables (code), par exemple :". */
export function groupSummary(g: FindingGroup, t: Translate, lang: Lang): string {
  const params = { count: formatCount(g.count, lang), files: formatCount(g.files, lang), code: g.code };
  if (g.uniform)
    return t(
      g.files > 1
        ? 'findings.group.files'
        : g.files === 1
          ? 'findings.group.one-file'
          : 'findings.group.no-file',
      params,
    );
  return t(
    g.files > 1
      ? 'findings.group.similar'
      : g.files === 1
        ? 'findings.group.similar-one-file'
        : 'findings.group.similar-no-file',
    params,
  );
}

/** "… et N autres constats (voir report.json)". */
export function moreFindings(count: number, t: Translate, lang: Lang): string {
  return count === 1 ? t('findings.more.one') : t('findings.more', { count: formatCount(count, lang) });
}
