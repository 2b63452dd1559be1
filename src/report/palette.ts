// The colours of the dossier, in one place so their contrast is checked once (WCAG 2.1 AA: 4.5:1 for text, 3:1
// for the shapes and chart bars that carry meaning). A status is never told by colour alone: each has a word
// and a shape.
import type { CriterionStatus } from './model.js';

export interface StatusColours {
  /** Text on the tinted background. */
  text: string;
  background: string;
  /** The shape and the chart bar (against white). */
  mark: string;
}

export const STATUS_COLOURS: Record<CriterionStatus, StatusColours> = {
  conforme: { text: '#14532d', background: '#e3f1e7', mark: '#1b7f3b' },
  'non-conforme': { text: '#8c1d18', background: '#fbe9e7', mark: '#c62828' },
  'a-verifier': { text: '#5c3d00', background: '#fdf0cf', mark: '#a86b00' },
  indisponible: { text: '#303030', background: '#ebebeb', mark: '#555555' },
  'non-applicable': { text: '#454545', background: '#f4f4f4', mark: '#767676' },
};

/** Shapes of the statuses, drawn in CSS (no emoji: they print as empty boxes without an emoji font). */
export const STATUS_SHAPE: Record<CriterionStatus, 'circle' | 'cross' | 'triangle' | 'square' | 'bar'> = {
  conforme: 'circle',
  'non-conforme': 'cross',
  'a-verifier': 'triangle',
  indisponible: 'square',
  'non-applicable': 'bar',
};

export const TEXT = '#1d1d1f';
export const MUTED = '#4d4d4d';
export const ACCENT = '#000091';
export const PAGE = '#ffffff';

/** Relative luminance of a #rrggbb colour (WCAG 2.1). */
export function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
