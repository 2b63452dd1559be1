// Shapes shared by the repository scans' findings: a bound on how many are listed, and what was not read.
import type { CheckContext, Finding } from '../types.js';
import type { ScanStats } from './scan.js';

/** Past this many, findings are summarised: a report with thousands of lines helps nobody. */
export const MAX_LISTED = 200;

/**
 * A scan's findings in report order: the pass (when the scan found nothing to hold against the criterion), the
 * located findings (capped), then what was not read.
 */
export function scanFindings(
  ctx: CheckContext,
  scan: { stats: ScanStats; maxBytes: number },
  located: Finding[],
  pass: Finding | undefined,
): Finding[] {
  return [
    ...(pass ? [pass] : []),
    ...capFindings(ctx, located),
    ...skippedFindings(ctx, scan.stats, scan.maxBytes),
  ];
}

function capFindings(ctx: CheckContext, findings: Finding[]): Finding[] {
  if (findings.length <= MAX_LISTED) return findings;
  const kept = findings.slice(0, MAX_LISTED);
  const more = findings.slice(MAX_LISTED);
  const outcome = more.some((f) => f.outcome === 'fail') ? 'fail' : 'info';
  kept.push({ outcome, code: 'repo.more', message: ctx.t('repo.more', { count: more.length }) });
  return kept;
}

function skippedFindings(ctx: CheckContext, stats: ScanStats, maxBytes: number): Finding[] {
  const findings: Finding[] = [];
  if (stats.tooLarge.length > 0)
    findings.push({
      outcome: 'info',
      code: 'repo.too-large',
      message: ctx.t('repo.too-large', {
        count: stats.tooLarge.length,
        max: Math.round(maxBytes / 1024 / 1024),
        files: list(stats.tooLarge),
      }),
    });
  if (stats.unreadable.length > 0)
    findings.push({
      outcome: 'info',
      code: 'repo.unreadable',
      message: ctx.t('repo.unreadable', { count: stats.unreadable.length, files: list(stats.unreadable) }),
    });
  return findings;
}

function list(paths: string[]): string {
  return paths.length > 5 ? `${paths.slice(0, 5).join(', ')}, …` : paths.join(', ');
}

/** Stable order for located hits: by file, then line, then column. */
export function byPlace<T extends { file: string; line: number; column: number }>(hits: readonly T[]): T[] {
  return [...hits].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
  );
}
