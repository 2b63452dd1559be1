// The verdicts shown by the comment, kept in a hidden block of the comment itself: the next run reads them back
// to say what changed, so no other storage is needed.
import type { CriterionStatus, Report } from '../../report/model.js';

/** A criterion's status as the comment tracks it: a waived failure is told apart from a blocking one. */
export type TrackedStatus = CriterionStatus | 'derogation';
/** Criterion id → status, in report order. */
export type Snapshot = Record<string, TrackedStatus>;

export interface CommentState {
  /** The verdicts the comment shows. */
  current: Snapshot;
  /** The verdicts before the last change, when there was one: the "since last result" section compares them. */
  base?: Snapshot;
  /** Fingerprint of the visible body, links aside: an equal fingerprint means nothing to rewrite. */
  hash: string;
}

const STATE_PATTERN = /<!-- mes-referencing:state v1 ([A-Za-z0-9_-]+) -->/;
const TRACKED: readonly string[] = [
  'conforme',
  'non-conforme',
  'a-verifier',
  'indisponible',
  'non-applicable',
  'derogation',
];

export function snapshotOf(report: Report): Snapshot {
  const snapshot: Snapshot = {};
  for (const c of report.criteria)
    snapshot[c.id] = c.status === 'non-conforme' && c.waiver?.active ? 'derogation' : c.status;
  return snapshot;
}

/** Base64url keeps the JSON from ever closing the HTML comment that carries it. */
export function encodeState(state: CommentState): string {
  return `<!-- mes-referencing:state v1 ${Buffer.from(JSON.stringify(state)).toString('base64url')} -->`;
}

/** The state a comment carries; undefined when it has none or it does not read as one. */
export function decodeState(body: string): CommentState | undefined {
  const match = STATE_PATTERN.exec(body);
  if (!match?.[1]) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { current, base, hash } = value as Record<string, unknown>;
    if (!isSnapshot(current) || typeof hash !== 'string') return undefined;
    return isSnapshot(base) ? { current, base, hash } : { current, hash };
  } catch {
    return undefined;
  }
}

function isSnapshot(value: unknown): value is Snapshot {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((s) => typeof s === 'string' && TRACKED.includes(s))
  );
}

export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
