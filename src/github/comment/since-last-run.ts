// "Since the last result": which criteria started failing, which were fixed, what else moved. The comparison is
// between the verdicts the comment showed and the new ones; an unchanged run keeps showing the last real change,
// so that an identical run leaves the comment byte for byte as it was.
import type { MessageKey, Translate } from '../../messages.js';
import type { Report } from '../../report/model.js';
import { mdCell } from '../../report/text.js';
import type { CommentState, Snapshot, TrackedStatus } from './state.js';
import { sameSnapshot } from './state.js';

export interface StatusChange {
  id: string;
  /** Undefined when the criterion was not in that report (another catalogue version). */
  from?: TrackedStatus;
  to?: TrackedStatus;
}

export interface Changes {
  /** Now failing without a waiver, and not before. */
  failing: StatusChange[];
  /** Failing before, not any more (conforme, to review, waived, not applicable…). */
  fixed: StatusChange[];
  other: StatusChange[];
}

export function compareSnapshots(before: Snapshot, after: Snapshot): Changes {
  const changes: Changes = { failing: [], fixed: [], other: [] };
  const ids = [...Object.keys(after), ...Object.keys(before).filter((id) => !(id in after))];
  for (const id of ids) {
    const from = before[id];
    const to = after[id];
    if (from === to) continue;
    const change: StatusChange = { id, ...(from ? { from } : {}), ...(to ? { to } : {}) };
    if (to === 'non-conforme') changes.failing.push(change);
    else if (from === 'non-conforme') changes.fixed.push(change);
    else changes.other.push(change);
  }
  return changes;
}

export interface Progress {
  /** What the comment should store as the state before the last change. */
  base?: Snapshot;
  /** The change to show; undefined on a first run, or when nothing ever changed. */
  shown?: Changes;
}

export function advance(previous: CommentState | undefined, current: Snapshot): Progress {
  if (!previous) return {};
  if (sameSnapshot(previous.current, current))
    return previous.base ? { base: previous.base, shown: compareSnapshots(previous.base, current) } : {};
  return { base: previous.current, shown: compareSnapshots(previous.current, current) };
}

/** Items listed per group; the rest is counted. */
const LIST_MAX = 15;

export function renderChanges(changes: Changes, report: Report, t: Translate): string {
  const titles = new Map(report.criteria.map((c) => [c.id, c.title]));
  const status = (s: TrackedStatus | undefined) =>
    s === undefined
      ? t('github.since.absent')
      : s === 'derogation'
        ? t('github.since.waived')
        : t(`status.${s}`);
  const group = (icon: string, key: MessageKey, list: StatusChange[]) => {
    if (list.length === 0) return [];
    const items = list.slice(0, LIST_MAX).map((c) => {
      const title = titles.get(c.id);
      return `- ${icon} **${mdCell(c.id)}**${title ? ` ${mdCell(title)}` : ''}${t('punct.colon')}${status(c.from)} → ${status(c.to)}`;
    });
    if (list.length > LIST_MAX) items.push(`- ${t('github.since.more', { count: list.length - LIST_MAX })}`);
    return [`${t(key, { count: list.length })}`, ...items];
  };
  const lines = [
    ...group('❌', 'github.since.failing', changes.failing),
    ...group('✅', 'github.since.fixed', changes.fixed),
    ...group('🔁', 'github.since.other', changes.other),
  ];
  const body = lines.length ? lines.join('\n') : t('github.since.none');
  return `**${t('github.since.title')}**\n\n${body}`;
}
