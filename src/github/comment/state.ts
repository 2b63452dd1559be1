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

const STATE_PATTERN = /^<!-- mes-referencing:state v1 ([A-Za-z0-9_-]+) -->$/;
/** One letter per status keeps the hidden block small (a few hundred bytes for the whole catalogue). */
const CODES: Record<TrackedStatus, string> = {
  conforme: 'c',
  'non-conforme': 'n',
  'a-verifier': 'v',
  indisponible: 'i',
  'non-applicable': 'a',
  derogation: 'd',
};
const STATUS_OF = new Map(Object.entries(CODES).map(([status, code]) => [code, status as TrackedStatus]));

export function snapshotOf(report: Report): Snapshot {
  const snapshot: Snapshot = {};
  for (const c of report.criteria)
    snapshot[c.id] = c.status === 'non-conforme' && c.waiver?.active ? 'derogation' : c.status;
  return snapshot;
}

/**
 * The state as `{c: current, b: base as a difference from current (absent ids as ""), h: hash}`, in base64url so
 * that nothing in it can close the HTML comment that carries it.
 */
export function encodeState(state: CommentState): string {
  const current = Object.fromEntries(Object.entries(state.current).map(([id, s]) => [id, CODES[s]]));
  const wire: Record<string, unknown> = { c: current, h: state.hash };
  if (state.base) {
    const base: Record<string, string> = {};
    for (const id of new Set([...Object.keys(state.current), ...Object.keys(state.base)])) {
      const before = state.base[id];
      if (before !== state.current[id]) base[id] = before ? CODES[before] : '';
    }
    wire.b = base;
  }
  return `<!-- mes-referencing:state v1 ${Buffer.from(JSON.stringify(wire)).toString('base64url')} -->`;
}

/**
 * The state a comment carries; undefined when it has none or it does not read as one. It is read only where the
 * action writes it, the comment's last line after the marker: text anywhere else in the body (a forged report's
 * message, say) can never be taken for it.
 */
export function decodeState(body: string, marker: string): CommentState | undefined {
  const lines = body.replace(/\n+$/, '').split('\n');
  if (lines.at(-2) !== marker) return undefined;
  const match = STATE_PATTERN.exec(lines.at(-1) ?? '');
  if (!match?.[1]) return undefined;
  try {
    const wire: unknown = JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8'));
    if (typeof wire !== 'object' || wire === null) return undefined;
    const { c, b, h } = wire as Record<string, unknown>;
    const current = decodeCodes(c, false);
    if (!current || typeof h !== 'string') return undefined;
    if (b === undefined) return { current, hash: h };
    const delta = decodeCodes(b, true);
    if (!delta) return undefined;
    const base: Snapshot = { ...current };
    for (const [id, status] of Object.entries(delta)) {
      if (status) base[id] = status;
      else delete base[id];
    }
    return { current, base, hash: h };
  } catch {
    return undefined;
  }
}

function decodeCodes(
  value: unknown,
  allowAbsent: true,
): Record<string, TrackedStatus | undefined> | undefined;
function decodeCodes(value: unknown, allowAbsent: false): Snapshot | undefined;
function decodeCodes(
  value: unknown,
  allowAbsent: boolean,
): Record<string, TrackedStatus | undefined> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, TrackedStatus | undefined> = {};
  for (const [id, code] of Object.entries(value)) {
    if (allowAbsent && code === '') out[id] = undefined;
    else if (typeof code === 'string' && STATUS_OF.has(code)) out[id] = STATUS_OF.get(code);
    else return undefined;
  }
  return out;
}

export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}
