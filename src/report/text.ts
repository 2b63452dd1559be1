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

/** A Markdown table cell: no pipes or newlines, and no HTML from the data. */
export function mdCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A CSS string literal for any text: every character outside letters, digits and space is written as a hex
 * escape, so no quote, backslash or `</style>` in the data can leave the string.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text.replace(/\p{Cc}/gu, ' ')) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${(ch.codePointAt(0) as number).toString(16)} `;
  }
  return `${out}"`;
}

/** The URL when it is an http(s) address, otherwise undefined: no javascript: or data: link from data. */
export function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) && URL.canParse(url) ? url : undefined;
}

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
