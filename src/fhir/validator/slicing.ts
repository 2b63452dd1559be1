// Slicing rules (http://hl7.org/fhir/R4/profiling.html#slicing): each item goes to the first slice whose
// discriminators it matches (value, pattern, exists, type, profile), closed slicing refuses the others, ordered
// slicing keeps the slices' order, openAtEnd keeps unmatched items last, and each slice's own cardinality holds.
// Re-slices are checked inside their slice. On a primitive, the discriminator path `value` is the value itself.
import { childTable, safeStructure } from './definitions.js';
import { primitiveType } from './primitives.js';
import { parseReference, resolveReference } from './references.js';
import type { ElementNode } from './structure.js';
import type { ChildMatch, Frame, Item, PathNode } from './walk.js';
import { bareName, child, sameCanonical } from './walk.js';
import type { Validation } from './walker.js';
import { deepEqual, isObject, matchesPattern } from './values.js';

export function checkSlices(
  v: Validation,
  items: Item[],
  def: ElementNode,
  owner: ElementNode,
  path: PathNode | undefined,
  frame: Frame,
): void {
  const slicing = def.slicing as NonNullable<ElementNode['slicing']>;
  const counts = new Map<ElementNode, Item[]>();
  const name = bareName(def);
  const missingAt = items.length === 0 ? child(path, name) : undefined;
  let lastSliceIndex = -1;
  let seenUnmatched = false;
  for (const item of items) {
    const sliceIndex = def.slices.findIndex((slice) => matchesSlice(v, item, slice, def, frame));
    const slice = def.slices[sliceIndex];
    if (!slice) {
      seenUnmatched = true;
      if (slicing.rules === 'closed')
        v.report('error', 'structure', 'fhir.v.slice-closed', { name }, item.path, {
          profile: frame.profile,
        });
      v.item(item, def, owner, frame);
      continue;
    }
    const sliceName = slice.sliceName ?? '';
    if (slicing.ordered && sliceIndex < lastSliceIndex)
      v.report('error', 'structure', 'fhir.v.slice-order', { slice: sliceName }, item.path, {
        profile: frame.profile,
      });
    if (slicing.rules === 'openAtEnd' && seenUnmatched)
      v.report('error', 'structure', 'fhir.v.slice-open-at-end', { slice: sliceName }, item.path, {
        profile: frame.profile,
      });
    lastSliceIndex = Math.max(lastSliceIndex, sliceIndex);
    const list = counts.get(slice);
    if (list) list.push(item);
    else counts.set(slice, [item]);
    if (!(slice.slicing && slice.slices.length > 0)) v.item(item, slice, owner, frame);
  }
  for (const slice of def.slices) {
    const matched = counts.get(slice) ?? [];
    const sliceName = slice.sliceName ?? '';
    if (matched.length < slice.min) {
      const params = { name, slice: sliceName, min: slice.min, count: matched.length };
      v.report(
        'error',
        'required',
        'fhir.v.slice-min',
        params,
        matched[0]?.path ?? items[0]?.path ?? missingAt,
        { profile: frame.profile },
      );
    }
    if (matched.length > slice.max) {
      const params = { name, slice: sliceName, max: slice.max, count: matched.length };
      v.report('error', 'structure', 'fhir.v.slice-max', params, matched[slice.max]?.path, {
        profile: frame.profile,
      });
    }
    if (slice.slicing && slice.slices.length > 0 && matched.length > 0)
      checkSlices(v, matched, slice, owner, path, frame);
  }
}

function matchesSlice(
  v: Validation,
  item: Item,
  slice: ElementNode,
  sliced: ElementNode,
  frame: Frame,
): boolean {
  const discriminators = sliced.slicing?.discriminators ?? [];
  if (discriminators.length === 0) return false;
  return discriminators.every((d) => discriminatorMatches(v, item, slice, d.type, d.path, frame));
}

function discriminatorMatches(
  v: Validation,
  item: Item,
  slice: ElementNode,
  type: string,
  path: string,
  frame: Frame,
): boolean {
  const segments = splitDiscriminatorPath(path);
  const values = navigate(v, item.value, segments, frame);
  const target = definitionAt(v, slice, item.typeCode, segments, frame);
  switch (type) {
    case 'value':
    case 'pattern': {
      const expected = expectedValue(slice, target, segments);
      if (expected === undefined) {
        if (target?.binding?.strength === 'required' && target.binding.valueSet) {
          const vs = target.binding.valueSet;
          return values.some(
            (x) =>
              typeof x === 'string' &&
              v.terminology.checkCode(vs, undefined, x, frame.pkg).status === 'valid',
          );
        }
        return false;
      }
      if (target?.types[0]?.code === 'canonical' && typeof expected.value === 'string')
        return values.some((x) => typeof x === 'string' && sameCanonical(x, expected.value as string));
      if (expected.kind === 'fixed') return values.some((x) => deepEqual(x, expected.value));
      return values.some((x) => matchesPattern(x, expected.value));
    }
    case 'exists':
      if (!target) return false;
      return target.min > 0 ? values.length > 0 : target.max === 0 ? values.length === 0 : true;
    case 'type': {
      if (!target) return false;
      const allowed = new Set(target.types.map((t) => t.code));
      if (segments.length === 1 && segments[0] === '$this' && item.typeCode)
        return allowed.has(item.typeCode);
      return values.some(
        (x) => isObject(x) && typeof x.resourceType === 'string' && allowed.has(x.resourceType),
      );
    }
    case 'profile': {
      if (!target) return false;
      const resolves = segments[segments.length - 1] === 'resolve()';
      const urls = target.types.flatMap((t) => (resolves ? t.targetProfiles : t.profiles));
      if (urls.length === 0) return false;
      return values.some((x) => urls.some((url) => v.conformsTo(x, url, frame)));
    }
    default:
      return false;
  }
}

/** The fixed or pattern value a slice gives at a discriminator path (an extension slice's url is its profile). */
function expectedValue(
  slice: ElementNode,
  target: ElementNode | undefined,
  segments: string[],
): { kind: 'fixed' | 'pattern'; value: unknown } | undefined {
  if (target?.fixed !== undefined) return { kind: 'fixed', value: target.fixed };
  if (target?.pattern !== undefined) return { kind: 'pattern', value: target.pattern };
  if (segments.length === 1 && segments[0] === 'url') {
    const profile = slice.types.find((t) => t.code === 'Extension')?.profiles[0];
    if (profile) return { kind: 'fixed', value: profile.split('|')[0] };
  }
  return undefined;
}

function isPrimitiveValue(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Values at a discriminator path inside an instance. */
function navigate(v: Validation, value: unknown, segments: string[], frame: Frame): unknown[] {
  let current: unknown[] = value === undefined ? [] : [value];
  for (const segment of segments) {
    const next: unknown[] = [];
    for (const x of current) {
      if (segment === '$this' || (segment === 'value' && isPrimitiveValue(x))) next.push(x);
      else if (segment === 'resolve()') {
        if (isObject(x) && typeof x.reference === 'string') {
          const found = resolveReference(x.reference, parseReference(x.reference), frame);
          if (found.target) next.push(found.target);
        }
      } else if (segment.startsWith('extension(')) {
        const url = segment.slice(11, -2);
        const list = isObject(x) && Array.isArray(x.extension) ? x.extension : [];
        for (const e of list) if (isObject(e) && e.url === url) next.push(e);
      } else if (segment.startsWith('ofType(')) {
        const type = segment.slice(7, -1);
        if (isObject(x) && (x.resourceType === undefined || x.resourceType === type)) next.push(x);
      } else if (isObject(x)) {
        let member = x[segment];
        if (member === undefined) {
          for (const key in x) {
            if (key.startsWith(segment) && /^[A-Z]/.test(key.slice(segment.length))) member = x[key];
          }
        }
        if (Array.isArray(member)) next.push(...member);
        else if (member !== undefined) next.push(member);
      }
    }
    current = next;
  }
  return current;
}

/**
 * The element definition at a discriminator path inside a slice. When the path goes through a sliced element
 * whose own definition says nothing there, the required slices of that element are searched too.
 */
function definitionAt(
  v: Validation,
  slice: ElementNode,
  typeCode: string | undefined,
  segments: string[],
  frame: Frame,
): ElementNode | undefined {
  const found = definitionWalk(v, slice, typeCode, segments, frame);
  if (!found || found.fixed !== undefined || found.pattern !== undefined || segments.length < 2) return found;
  for (let i = segments.length - 2; i >= 0; i--) {
    const through = definitionWalk(v, slice, typeCode, segments.slice(0, i + 1), frame);
    for (const required of through?.slices.filter((s) => s.min > 0) ?? []) {
      const rest = definitionWalk(v, required, required.types[0]?.code, segments.slice(i + 1), frame);
      if (rest && (rest.fixed !== undefined || rest.pattern !== undefined)) return rest;
    }
  }
  return found;
}

function definitionWalk(
  v: Validation,
  slice: ElementNode,
  typeCode: string | undefined,
  segments: string[],
  frame: Frame,
): ElementNode | undefined {
  let node: ElementNode | undefined = slice;
  let type = typeCode ?? (slice.types.length === 1 ? slice.types[0]?.code : undefined);
  for (const segment of segments) {
    if (!node) return undefined;
    if (segment === '$this' || segment.startsWith('ofType(')) continue;
    // On a primitive, `value` is the primitive's own value: the definition is the element itself.
    if (segment === 'value' && type !== undefined && primitiveType(type) && node.children.length === 0)
      continue;
    if (segment === 'resolve()') {
      const url: string | undefined = node.types.flatMap((t) => t.targetProfiles)[0];
      node = url ? safeStructure(v.ctx, url, frame.pkg)?.root : undefined;
      type = undefined;
      continue;
    }
    if (segment.startsWith('extension(')) {
      const url = segment.slice(11, -2);
      const extensions: ChildMatch | undefined = childTable(v.ctx, node, type, frame.pkg)?.byName.get(
        'extension',
      );
      const found = extensions?.node.slices.find((s) =>
        s.types.some((t) => t.profiles.some((p) => sameCanonical(p, url))),
      );
      node = found ?? safeStructure(v.ctx, url, frame.pkg)?.root;
      type = 'Extension';
      continue;
    }
    if (type === 'Extension' && node.children.length === 0) {
      const url = node.types.find((t) => t.code === 'Extension')?.profiles[0];
      const structure = url ? safeStructure(v.ctx, url, frame.pkg) : undefined;
      if (structure) node = structure.root;
    }
    const table = childTable(v.ctx, node, type, frame.pkg);
    const choice = table?.choices.get(segment);
    const match: ChildMatch | undefined =
      table?.byName.get(segment) ?? (choice ? { node: choice } : undefined);
    node = match?.node;
    type = match?.typeCode ?? (node && node.types.length === 1 ? node.types[0]?.code : undefined);
  }
  return node;
}

/** Splits a discriminator path on dots outside `extension('…')` and `ofType(…)` arguments. */
export function splitDiscriminatorPath(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (const c of path) {
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    if (c === '.' && depth === 0 && !quoted) {
      segments.push(current);
      current = '';
    } else current += c;
  }
  if (current) segments.push(current);
  return segments;
}
