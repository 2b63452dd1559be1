// The fail-on policy: which criteria fail the job. Kept apart from evaluation so that a report made by an earlier run
// (`from-report`) can be published under another policy with the same rules.
import type { Niveau } from '../catalogue/types.js';
import type { CriterionResult, FailOn, Policy, Report, Verdict } from './model.js';

const BLOCKED_LEVELS: Record<FailOn, readonly Niveau[]> = {
  obligatoire: ['obligatoire'],
  'obligatoire-suppose': ['obligatoire', 'obligatoire-suppose'],
  tout: ['obligatoire', 'obligatoire-suppose', 'recommande'],
  jamais: [],
};

export const DEFAULT_POLICY: Policy = { failOn: 'obligatoire', failOnUnverified: false };

/** Published or inferred mandatory: what an editor must not leave unchecked. */
export function isMandatory(niveau: Niveau): boolean {
  return niveau === 'obligatoire' || niveau === 'obligatoire-suppose';
}

/** A mandatory criterion whose checks could not run. */
export function isUnverified(c: Pick<CriterionResult, 'niveau' | 'status'>): boolean {
  return c.status === 'indisponible' && isMandatory(c.niveau);
}

export function blocks(c: Pick<CriterionResult, 'niveau' | 'status' | 'waiver'>, policy: Policy): boolean {
  if (!BLOCKED_LEVELS[policy.failOn].includes(c.niveau)) return false;
  if (c.status === 'non-conforme') return c.waiver?.active !== true;
  return c.status === 'indisponible' && policy.failOnUnverified;
}

/**
 * The failures the verdict is about: those at the levels the policy blocks, and always the published mandatory ones
 * (`fail-on: jamais` keeps the job green, it does not hide a published requirement that fails).
 */
export function verdictFailures(report: Pick<Report, 'criteria' | 'policy'>): CriterionResult[] {
  const levels = new Set<Niveau>(['obligatoire', ...BLOCKED_LEVELS[report.policy.failOn]]);
  return report.criteria.filter(
    (c) => c.status === 'non-conforme' && c.waiver?.active !== true && levels.has(c.niveau),
  );
}

/** The report under `policy`: each criterion's blocking flag, the counts, the verdict and whether the job fails. */
export function applyPolicy(report: Report, policy: Policy): Report {
  const criteria = report.criteria.map((c) => ({ ...c, blocking: blocks(c, policy) }));
  const failures = verdictFailures({ criteria, policy }).length;
  const allConforme = criteria.every((c) => c.status === 'conforme' || c.status === 'non-applicable');
  const verdict: Verdict = failures > 0 ? 'non-conforme' : allConforme ? 'conforme' : 'a-verifier';
  const blocking = criteria.filter((c) => c.blocking).length;
  return {
    ...report,
    policy,
    verdict,
    failing: blocking > 0,
    counts: { ...report.counts, blocking, unverified: criteria.filter(isUnverified).length },
    rubriques: report.rubriques.map((r) => ({
      ...r,
      blocking: criteria.filter((c) => c.rubrique === r.id && c.blocking).length,
    })),
    criteria,
  };
}
