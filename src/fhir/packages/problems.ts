// Package problems in words, for the `validate` command and the `fhir/profiles` findings.
import type { Translate } from '../../i18n/index.js';
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
