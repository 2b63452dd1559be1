// Package problems in words, for the `validate` command and the `fhir/profiles` findings.
import type { Translate } from '../../messages.js';
import type { PackageProblem } from './context.js';

export function describeProblem(problem: PackageProblem, t: Translate): string {
  return t(`fhir.pkg.${problem.kind}`, {
    spec: problem.spec,
    requiredBy: problem.requiredBy ?? '',
    searched: problem.searched.join(', ') || '—',
    substitute: problem.substitute ?? '',
    detail: problem.detail ?? '',
  });
}

/**
 * Problems with dependencies in one line, for a finding: how many could not be loaded and which, without the
 * folders searched (the `validate` command lists them, one problem a line).
 */
export function summarizeProblems(problems: PackageProblem[], t: Translate): string {
  const parts: string[] = [];
  const missing = problems.filter((p) => p.kind === 'missing-dependency' || p.kind === 'missing');
  if (missing.length)
    parts.push(
      t('fhir.pkg.summary.missing', { count: missing.length, list: missing.map((p) => p.spec).join(', ') }),
    );
  const substituted = problems.filter((p) => p.kind === 'substituted-dependency');
  if (substituted.length)
    parts.push(
      t('fhir.pkg.summary.substituted', {
        count: substituted.length,
        list: substituted.map((p) => `${p.spec} → ${p.substitute ?? '?'}`).join(', '),
      }),
    );
  const other = problems.filter((p) => !missing.includes(p) && !substituted.includes(p));
  if (other.length)
    parts.push(
      t('fhir.pkg.summary.other', { count: other.length, list: other.map((p) => p.spec).join(', ') }),
    );
  return parts.join(' ; ');
}
