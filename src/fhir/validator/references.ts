// Reference rules (http://hl7.org/fhir/R4/references.html): `#id` resolves to a contained resource, and inside a
// Bundle a fullUrl, `urn:uuid:` or `Type/id` resolves through the Bundle's index (a lookup, never a scan). A
// reference that matches several entries is ambiguous; a resolved or typed target must be one the element allows.
import { lookupInBundle } from './bundle-index.js';
import type { Lookup } from './bundle-index.js';
import { allowedTargets, isResourceType } from './definitions.js';
import type { ElementNode } from './structure.js';
import type { Frame, Json, PathNode } from './walk.js';
import { child } from './walk.js';
import type { Validation } from './walker.js';
import { isObject } from './values.js';

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const ABSOLUTE = /\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export interface ParsedReference {
  kind: 'contained' | 'relative' | 'absolute' | 'urn' | 'other';
  /** Resource type named by the reference itself, when its form says it. */
  type?: string;
  typeAndId?: string;
}

export function parseReference(reference: string): ParsedReference {
  if (reference.startsWith('#')) return { kind: 'contained' };
  if (reference.startsWith('urn:uuid:') || reference.startsWith('urn:oid:')) return { kind: 'urn' };
  const relative = RELATIVE.exec(reference);
  if (relative)
    return { kind: 'relative', type: relative[1] as string, typeAndId: `${relative[1]}/${relative[2]}` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) {
    const absolute = ABSOLUTE.exec(reference);
    return absolute
      ? { kind: 'absolute', type: absolute[1] as string, typeAndId: `${absolute[1]}/${absolute[2]}` }
      : { kind: 'other' };
  }
  return { kind: 'other' };
}

/** The resource a reference points to inside the document, and how many candidates there were. */
export function resolveReference(reference: string, parsed: ParsedReference, frame: Frame): Lookup {
  if (parsed.kind === 'contained') {
    const container = frame.root;
    if (reference === '#') return { target: container, matches: 1 };
    const id = reference.slice(1);
    const contained = Array.isArray(container.contained) ? container.contained : [];
    const target = contained.find((r): r is Json => isObject(r) && r.id === id);
    return target ? { target, matches: 1 } : { matches: 0 };
  }
  if (!frame.bundle || parsed.kind === 'other') return { matches: 0 };
  const found = lookupInBundle(frame.bundle, reference, parsed.kind === 'relative', frame.root);
  // An absolute RESTful URL not among the fullUrls may still name an entry by type and id.
  if (!found && parsed.kind === 'absolute' && parsed.typeAndId)
    return lookupInBundle(frame.bundle, parsed.typeAndId, true, undefined) ?? { matches: 0 };
  return found ?? { matches: 0 };
}

export function checkReference(
  v: Validation,
  value: Json,
  node: ElementNode,
  path: PathNode | undefined,
  frame: Frame,
): void {
  const reference = value.reference;
  if (typeof reference !== 'string') return;
  const parsed = parseReference(reference);
  const found = resolveReference(reference, parsed, frame);
  const at = child(path, 'reference');
  const extra = { profile: frame.profile };
  if (found.matches > 1) {
    v.report(
      'error',
      'invalid',
      'fhir.v.reference-ambiguous',
      { reference, count: found.matches },
      at,
      extra,
    );
    return;
  }
  const target = found.target;
  if (frame.bundle && (frame.bundle.type === 'document' || frame.bundle.type === 'message') && !v.probe)
    linkEntries(v, frame, target, parsed, reference, at);
  if (!target) {
    if (parsed.kind === 'contained') {
      v.report('error', 'not-found', 'fhir.v.reference-contained', { reference }, at, extra);
      return;
    }
    if (parsed.kind === 'urn' && frame.bundle) {
      v.report('error', 'not-found', 'fhir.v.reference-unresolved', { reference }, at, extra);
      return;
    }
  }
  const actual =
    (target && typeof target.resourceType === 'string' ? target.resourceType : undefined) ?? parsed.type;
  if (!actual) return;
  if (!target && !isResourceType(v.ctx, actual)) {
    v.report('error', 'invalid', 'fhir.v.reference-type-name', { reference, type: actual }, at, extra);
    return;
  }
  if (typeof value.type === 'string' && value.type !== actual)
    v.report(
      'error',
      'invalid',
      'fhir.v.reference-type-mismatch',
      { reference, type: value.type },
      at,
      extra,
    );
  const allowed = allowedTargets(v.ctx, node, frame.pkg);
  if (allowed && !allowed.has(actual)) {
    const params = { reference, type: actual, allowed: [...allowed].sort().join(', ') };
    v.report('error', 'invalid', 'fhir.v.reference-target', params, at, extra);
  }
}

/** Records a reference between two entries of a document or message (for reachability), or says it leads out. */
function linkEntries(
  v: Validation,
  frame: Frame,
  target: Json | undefined,
  parsed: ParsedReference,
  reference: string,
  at: PathNode,
): void {
  const index = frame.bundle as NonNullable<Frame['bundle']>;
  if (parsed.kind === 'contained') return;
  if (target && index.entryOf.has(target)) {
    if (target === frame.root) return;
    const known = index.links.get(frame.root);
    if (known) known.add(target);
    else index.links.set(frame.root, new Set([target]));
    return;
  }
  v.onceReport('information', 'not-found', 'fhir.v.bundle-reference-outside', { reference }, at, reference);
}
