import type { Report } from './model.js';

/** report.json: stable key order (the model's construction order), two-space indent, final newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
