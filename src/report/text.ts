// Small text helpers shared by the renderers.
import type { CriterionStatus, Verdict } from './model.js';

export const STATUS_ICON: Record<CriterionStatus, string> = {
  conforme: '✅',
  'non-conforme': '❌',
  'a-verifier': '🔍',
  indisponible: '⛔',
  'non-applicable': '➖',
};

export const VERDICT_ICON: Record<Verdict, string> = {
  conforme: '✅',
  'non-conforme': '❌',
  'a-verifier': '🔍',
};

// Outside text is escaped by src/escape: these names stay for the renderers that use them.
export { mdText as mdCell } from '../escape/markdown.js';
export { escapeHtml } from '../escape/html.js';

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
