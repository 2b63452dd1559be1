// The job summary: always written, the same Markdown as the comment without its 65,536-character cap, under
// GitHub's 1 MiB per step, with a banner on top when something could not be published.
import * as core from '@actions/core';
import type { Translate } from '../messages.js';
import { formatLocation } from '../location.js';
import { renderMarkdown } from '../report/markdown.js';
import type { MarkdownOptions } from '../report/markdown.js';
import type { Report } from '../report/model.js';
import { mdCode, mdText } from '../escape/markdown.js';
import { cut } from '../report/text.js';
import type { Annotation } from './annotations.js';

/** GitHub drops a step summary over 1 MiB (and says so with an error annotation). */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

export interface BannerLine {
  text: string;
  level: 'warning' | 'notice';
}

/** A GitHub alert block listing what was not published; empty when everything was. */
export function problemBanner(t: Translate, lines: BannerLine[]): string {
  if (lines.length === 0) return '';
  const kind = lines.some((l) => l.level === 'warning') ? 'WARNING' : 'NOTE';
  return [
    `> [!${kind}]`,
    `> **${t('github.banner.title')}**`,
    ...lines.map((l) => `> - ${mdText(l.text)}`),
  ].join('\n');
}

/**
 * The longest rendering whose UTF-8 size fits `maxBytes`. The renderer counts UTF-16 units, and a unit is one to
 * three bytes, so the limit is narrowed by the measured ratio until it fits.
 */
export function fitToBytes(render: (maxLength: number) => string, maxBytes: number): string {
  let maxLength = maxBytes;
  for (let attempt = 0; attempt < 6; attempt++) {
    const text = render(maxLength);
    const bytes = Buffer.byteLength(text);
    if (bytes <= maxBytes) return text;
    maxLength = Math.floor(maxLength * (maxBytes / bytes) * 0.98);
  }
  return render(Math.floor(maxBytes / 3));
}

export interface SummaryInput {
  report: Report;
  banner: string;
  preamble?: string;
  links: NonNullable<MarkdownOptions['links']>;
}

export function reportSummary({ report, banner, preamble, links }: SummaryInput): string {
  const head = banner ? `${banner}\n\n` : '';
  const room = SUMMARY_MAX_BYTES - Buffer.byteLength(head);
  return (
    head +
    fitToBytes(
      (maxLength) => renderMarkdown(report, { maxLength, links, ...(preamble ? { preamble } : {}) }),
      room,
    )
  );
}

/** The summary of a run stopped before any report (configuration or internal error): each problem with its place. */
export function errorSummary(title: string, errors: Annotation[], hint: string): string {
  const lines = errors.map((e) => {
    const where = e.location ? `${mdCode(formatLocation(e.location))} ` : '';
    return `- ${where}${mdText(e.message)}`;
  });
  return fitToBytes(
    (maxLength) => `## ❌ ${title}\n\n${cut(lines.join('\n'), maxLength)}\n${hint ? `\n${hint}\n` : ''}`,
    SUMMARY_MAX_BYTES,
  );
}

/** Appends to $GITHUB_STEP_SUMMARY; nothing to do outside a runner. */
export async function writeSummary(text: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(text, true).write();
}
