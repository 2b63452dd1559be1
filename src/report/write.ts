// Writes the dossier files: report.json, report.md, report.html, report.sarif, convergence.csv and the checks'
// attachments.
// Everything passes through the redactor on its way to disk.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Redactor } from '../secrets.js';
import { CONVERGENCE_FILE, renderConvergenceCsv } from './convergence.js';
import { EXCHANGES_FILE, exchangesSection } from './exchanges.js';
import type { HtmlSection } from './html.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { MarkdownOptions } from './markdown.js';
import type { Report } from './model.js';
import { renderSarif } from './sarif.js';

export const REPORT_FILES = [
  'report.json',
  'report.md',
  'report.html',
  'report.sarif',
  CONVERGENCE_FILE,
] as const;

/**
 * report.md groups repeated findings, so it stays far below this; the bound is a guarantee whatever the repository
 * (beyond it the details fold, as in the comment). report.json keeps everything.
 */
export const REPORT_MD_MAX = 2_000_000;

export interface WriteOptions {
  links?: MarkdownOptions['links'];
  sections?: HtmlSection[];
  /** The action's `header`, naming this instance's SARIF category. */
  instance?: string;
}

/** Returns the absolute paths written, report files first. */
export function writeReportFiles(
  outDir: string,
  report: Report,
  attachments: Map<string, string>,
  secrets: Redactor,
  options: WriteOptions = {},
): string[] {
  mkdirSync(outDir, { recursive: true });
  // The recorded exchanges of the hooking tests become a readable section of the dossier.
  const sections = [...(options.sections ?? [])];
  // Attachments are redacted once (exchanges.json runs to tens of MB in a large repository), for the dossier and disk.
  const redacted = new Map([...attachments].map(([name, content]) => [name, secrets.redact(content)]));
  const exchanges = redacted.get(EXCHANGES_FILE);
  const section = exchanges !== undefined ? exchangesSection(exchanges, report.lang) : undefined;
  if (section && !sections.some((s) => s.id === section.id)) sections.push(section);
  const files: [string, string][] = [
    ['report.json', renderJson(report)],
    [
      'report.md',
      renderMarkdown(report, {
        titleLevel: 1,
        maxLength: REPORT_MD_MAX,
        ...(options.links ? { links: options.links } : {}),
      }),
    ],
    ['report.html', renderHtml(report, { sections })],
    ['report.sarif', renderSarif(report, options.instance ? { instance: options.instance } : {})],
    [CONVERGENCE_FILE, renderConvergenceCsv(report)],
  ];
  const written = files.map(([name, content]) => {
    const target = path.join(outDir, path.basename(name));
    writeFileSync(target, secrets.redact(content));
    return target;
  });
  for (const [name, content] of [...redacted].sort(([a], [b]) => a.localeCompare(b))) {
    const target = path.join(outDir, path.basename(name));
    writeFileSync(target, content);
    written.push(target);
  }
  return written;
}
