// The plan: which criteria apply to this service, and the distinct check invocations they need (a check that
// several criteria share runs once).
import type { Manifest } from '../manifest/types.js';
import { holds } from './conditions.js';
import type { Catalogue, CheckInvocation, Criterion } from './types.js';

export interface PlannedCriterion {
  criterion: Criterion;
  applicable: boolean;
  /** Keys of the invocations deciding it, in catalogue order. */
  invocations: string[];
}

export interface Plan {
  criteria: PlannedCriterion[];
  /** Distinct invocations, by key, in first-use order. */
  invocations: Map<string, CheckInvocation>;
}

/** Canonical JSON (sorted keys) so equal parameters written in another order share one invocation. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function invocationKey(inv: CheckInvocation): string {
  return `${inv.check}${canonical(inv.with ?? {})}${inv.from ? `@${inv.from}` : ''}`;
}

export function plan(catalogue: Catalogue, manifest: Manifest): Plan {
  const invocations = new Map<string, CheckInvocation>();
  const criteria = catalogue.criteria.map((criterion) => {
    const applies = criterion['applies-if'] ? holds(criterion['applies-if'], manifest) : true;
    const keys = criterion.checks.map(invocationKey);
    if (applies) criterion.checks.forEach((inv, i) => invocations.set(keys[i] as string, inv));
    return { criterion, applicable: applies, invocations: applies ? keys : [] };
  });
  return { criteria, invocations };
}
