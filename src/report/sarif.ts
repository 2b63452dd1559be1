// SARIF 2.1.0 for GitHub code scanning: one rule per criterion of the catalogue, one result per failing or
// warning finding, located in the file the finding names (or the manifest). Upload is left to
// github/codeql-action/upload-sarif.
import path from 'node:path';
import { safeHref } from '../escape/html.js';
import { mdText } from '../escape/markdown.js';
import { translator } from '../messages.js';
import type { SourceLocation } from '../location.js';
import type { CriterionResult, Report, ReportFinding } from './model.js';

type Level = 'error' | 'warning' | 'note';

function level(c: CriterionResult, f: ReportFinding): Level | undefined {
  if (f.outcome === 'fail') return c.blocking ? 'error' : 'warning';
  if (f.outcome === 'warn') return 'warning';
  if (f.outcome === 'unavailable') return 'note';
  return undefined;
}

/** SARIF wants repository-relative URIs; anything else falls back to the manifest. */
function sarifLocation(loc: SourceLocation | undefined, manifestFile: string) {
  const usable =
    loc && !path.isAbsolute(loc.file) && !loc.file.startsWith('..') ? loc : { file: manifestFile, line: 1 };
  const region: Record<string, number> = { startLine: usable.line ?? 1 };
  if (usable.column) region.startColumn = usable.column;
  if (usable.endLine) region.endLine = usable.endLine;
  if (usable.endColumn) region.endColumn = usable.endColumn;
  return { physicalLocation: { artifactLocation: { uri: usable.file }, region } };
}

export interface SarifOptions {
  /** The action's `header`: each instance keeps its own results in code scanning. */
  instance?: string;
}

/**
 * `runAutomationDetails.id`: everything before the last `/` is the category code scanning groups analyses by, so
 * two instances of the action on one commit (`header`) do not replace each other's results. upload-sarif's
 * `category` input only fills an id that the file lacks.
 */
export function sarifAutomationId(instance: string | undefined): string {
  const name = (instance ?? '')
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `mes-referencing/${name || 'default'}/`;
}

/** GitHub code scanning accepts at most 25,000 results per run (SARIF support for code scanning, upload limits). */
export const SARIF_MAX_RESULTS = 25_000;

const LEVEL_RANK: Record<string, number> = { error: 0, warning: 1, note: 2 };

function withinLimit<R extends { level: string }>(results: R[], max: number): { kept: R[]; dropped: number } {
  if (results.length <= max) return { kept: results, dropped: 0 };
  const keep = new Set(
    results
      .map((r, i) => ({ rank: LEVEL_RANK[r.level] ?? 3, i }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .slice(0, max)
      .map(({ i }) => i),
  );
  return { kept: results.filter((_, i) => keep.has(i)), dropped: results.length - max };
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const t = translator(report.lang);
  const rules = report.criteria.map((c) => ({
    id: c.id,
    name: c.id.replace(/-/g, ''),
    shortDescription: { text: c.title.slice(0, 1024) },
    fullDescription: { text: c.description.slice(0, 1024) },
    help: {
      text: `${t('sarif.help', { id: c.id, niveau: t(`niveau.${c.niveau}`), rubrique: c.rubrique })} ${c.description}`.slice(
        0,
        1024,
      ),
      // Code scanning renders this as Markdown: the text is escaped, only http(s) sources become links.
      markdown: [
        `**${mdText(c.title)}** — ${t(`niveau.${c.niveau}`)}`,
        '',
        mdText(c.description),
        '',
        `${t(`niveau-desc.${c.niveau}`)}${t('punct.colon')}${mdText(c.fondement.text)}`,
        '',
        ...c.sources.map((s) => {
          const href = safeHref(s.url);
          // A parsed href has no space, `<` or `>` left: it fits a `<…>` link destination as it is.
          return href ? `- [${mdText(s.title)}](<${href}>)` : `- ${mdText(s.title)}`;
        }),
      ].join('\n'),
    },
    defaultConfiguration: { level: c.niveau === 'recommande' ? 'warning' : 'error' },
    properties: {
      tags: ['compliance', 'mes-referencing', c.rubrique, c.niveau],
      precision: 'high',
      'problem.severity': c.niveau === 'recommande' ? 'warning' : 'error',
    },
  }));
  const index = new Map(report.criteria.map((c, i) => [c.id, i]));
  const results = report.criteria.flatMap((c) =>
    c.status === 'non-applicable'
      ? []
      : c.findings.flatMap((f) => {
          const lvl = level(c, f);
          if (!lvl) return [];
          const waived = c.waiver?.active && f.outcome === 'fail';
          return [
            {
              ruleId: c.id,
              ruleIndex: index.get(c.id),
              level: waived ? 'note' : lvl,
              message: { text: `${c.id}: ${f.message}` },
              locations: [sarifLocation(f.location, report.manifest.file)],
              properties: { check: f.check, code: f.code, ...(waived ? { waived: true } : {}) },
            },
          ];
        }),
  );
  // Code scanning rejects a run over its results limit: keep the most severe, in report order, and say what was left.
  const { kept, dropped } = withinLimit(results, SARIF_MAX_RESULTS);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mes-referencing',
            semanticVersion: report.tool.version,
            informationUri: 'https://github.com/mes-referencing/mes-referencing',
            rules,
          },
        },
        automationDetails: { id: sarifAutomationId(options.instance) },
        ...(dropped > 0
          ? {
              invocations: [
                {
                  executionSuccessful: true,
                  toolExecutionNotifications: [
                    {
                      level: 'warning',
                      message: {
                        text: t('sarif.dropped', { dropped, total: results.length, max: SARIF_MAX_RESULTS }),
                      },
                    },
                  ],
                },
              ],
            }
          : {}),
        results: kept,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
