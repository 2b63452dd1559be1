// Evaluates the catalogue's declarative conditions against the manifest. Never `eval`: a closed set of operators.
import type { Manifest } from '../manifest/types.js';
import type { Condition } from './types.js';

export function fieldValue(manifest: Manifest, field: string): unknown {
  let value: unknown = manifest;
  for (const segment of field.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

export function holds(condition: Condition, manifest: Manifest): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, manifest));
  if ('any' in condition) return condition.any.some((c) => holds(c, manifest));
  if ('not' in condition) return !holds(condition.not, manifest);
  const value = fieldValue(manifest, condition.field);
  if ('equals' in condition) return value === condition.equals;
  if ('in' in condition) return condition.in.includes(value as string | number);
  if ('includes' in condition) return Array.isArray(value) && value.includes(condition.includes);
  if ('includes-any' in condition)
    return Array.isArray(value) && condition['includes-any'].some((v) => value.includes(v));
  // exists: an empty list counts as absent, as it declares nothing.
  const present = value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
  return present === condition.exists;
}

/** Fields a condition reads, in order (used to point findings at the manifest and to validate the catalogue). */
export function conditionFields(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields);
  if ('any' in condition) return condition.any.flatMap(conditionFields);
  if ('not' in condition) return conditionFields(condition.not);
  return [condition.field];
}
