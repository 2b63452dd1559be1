// Applying one differential element to the snapshot element it constrains, the way the IG Publisher's
// ProfileUtilities.updateFromDefinition does: a value the differential states replaces the base's (cardinality,
// types, fixed/pattern, min/maxValue, maxLength, mustSupport, texts); constraints, aliases, conditions and
// mappings are added to the base's; a binding is merged field by field. What a constraint cannot do to its base
// is a problem: raising max, lowering min (outside slices), a type the base does not allow, weakening a required
// binding.

import type { SnapshotKey } from '../messages.js';
import type { RawElement } from './element-tree.js';

export interface MergeProblem {
  messageId: SnapshotKey;
  params: Record<string, string | number>;
}

type TypeRef = { code?: string; profile?: string[]; targetProfile?: string[] };

function maxOf(text: unknown): number {
  if (text === '*' || text === undefined) return Number.POSITIVE_INFINITY;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

const APPENDED = new Set(['alias', 'condition']);
const KEPT = new Set(['id', 'path', 'base', 'contentReference']);

/** A type code the differential may use where the base allows `allowed` (same code, or any resource for Resource). */
function typeAllowed(code: string, allowed: TypeRef[], isResourceType: (code: string) => boolean): boolean {
  return allowed.some(
    (a) =>
      a.code === code ||
      ((a.code === 'Resource' || a.code === 'DomainResource') && isResourceType(code)) ||
      a.code === '*',
  );
}

export function mergeElement(
  target: RawElement,
  diff: RawElement,
  slice: boolean,
  isResourceType: (code: string) => boolean,
): MergeProblem[] {
  const problems: MergeProblem[] = [];
  const where = String(diff.id ?? diff.path);
  for (const key of Object.keys(diff)) {
    if (KEPT.has(key)) continue;
    const value = diff[key];
    if (key === 'min') {
      const min = Number(value);
      if (!slice && typeof target.min === 'number' && min < target.min)
        problems.push({
          messageId: 'snapshot.min-below-base',
          params: { element: where, min, base: target.min },
        });
      target.min = value;
    } else if (key === 'max') {
      const base = target.max;
      if (base !== undefined && maxOf(value) > maxOf(base))
        problems.push({
          messageId: 'snapshot.max-above-base',
          params: { element: where, max: String(value), base: String(base) },
        });
      target.max = value;
    } else if (key === 'type') {
      const base = (target.type as TypeRef[] | undefined) ?? [];
      for (const t of (value as TypeRef[]) ?? []) {
        if (t.code && base.length > 0 && !typeAllowed(t.code, base, isResourceType))
          problems.push({
            messageId: 'snapshot.type-not-allowed',
            params: { element: where, type: t.code, allowed: base.map((b) => b.code).join(', ') },
          });
      }
      target.type = structuredClone(value);
    } else if (key === 'binding') {
      const d = value as Record<string, unknown>;
      const base = (target.binding as Record<string, unknown> | undefined) ?? {};
      if (base.strength === 'required' && d.strength !== undefined && d.strength !== 'required')
        problems.push({
          messageId: 'snapshot.binding-weakened',
          params: { element: where, strength: String(d.strength) },
        });
      const merged: Record<string, unknown> = { ...base };
      delete merged.description;
      for (const field of ['extension', 'strength', 'description', 'valueSet'])
        if (d[field] !== undefined) merged[field] = structuredClone(d[field]);
      // A binding is a strength and a value set: a description alone binds nothing.
      if (merged.strength === undefined) delete target.binding;
      else target.binding = merged;
    } else if (key.startsWith('fixed') || key.startsWith('pattern')) {
      const family = key.startsWith('fixed') ? 'fixed' : 'pattern';
      for (const k of Object.keys(target)) if (k.startsWith(family)) delete target[k];
      target[key] = structuredClone(value);
    } else if (key === 'constraint') {
      const base = (target.constraint as { key?: string }[] | undefined) ?? [];
      const keys = new Set(base.map((c) => c.key));
      const added = (value as { key?: string }[])
        .filter((c) => !keys.has(c.key))
        .map((c) => structuredClone(c));
      target.constraint = [...base, ...added];
    } else if (key === 'mapping') {
      const base = (target.mapping as { identity?: string; map?: string }[] | undefined) ?? [];
      const seen = new Set(base.map((m) => `${m.identity}|${m.map}`));
      const added = (value as { identity?: string; map?: string }[]).filter(
        (m) => !seen.has(`${m.identity}|${m.map}`),
      );
      target.mapping = [...base, ...added.map((m) => structuredClone(m))];
    } else if (APPENDED.has(key)) {
      const base = (target[key] as unknown[] | undefined) ?? [];
      target[key] = [...base, ...(value as unknown[]).filter((v) => !base.includes(v))];
    } else if (key === 'slicing') {
      const base = (target.slicing as { rules?: string } | undefined) ?? {};
      const merged = { ...base, ...structuredClone(value as { rules?: string }) };
      // Closed slicing stays closed: a constraint cannot admit what its base refused.
      if (base.rules === 'closed') merged.rules = 'closed';
      target.slicing = merged;
    } else {
      target[key] = structuredClone(value);
    }
  }
  return problems;
}
