// Reference resolution: `#id` to contained resources, and inside a Bundle `fullUrl`, `urn:uuid:` and
// `Type/id` through an index built once per Bundle (linear in its entries, never a scan per reference).
import { isObject } from './values.js';

export type Json = Record<string, unknown>;

export interface BundleIndex {
  byFullUrl: Map<string, Json>;
  byTypeAndId: Map<string, Json>;
}

export function indexBundle(bundle: Json): BundleIndex {
  const index: BundleIndex = { byFullUrl: new Map(), byTypeAndId: new Map() };
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  for (const entry of entries) {
    if (!isObject(entry) || !isObject(entry.resource)) continue;
    const resource = entry.resource;
    if (typeof entry.fullUrl === 'string') index.byFullUrl.set(entry.fullUrl, resource);
    if (typeof resource.resourceType === 'string' && typeof resource.id === 'string')
      index.byTypeAndId.set(`${resource.resourceType}/${resource.id}`, resource);
  }
  return index;
}

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

/** The resource a reference points to, when it can be found in the document. */
export function resolveReference(
  reference: string,
  parsed: ParsedReference,
  container: Json | undefined,
  bundle: BundleIndex | undefined,
): Json | undefined {
  if (parsed.kind === 'contained') {
    if (!container) return undefined;
    if (reference === '#') return container;
    const id = reference.slice(1);
    const contained = Array.isArray(container.contained) ? container.contained : [];
    return contained.find((r): r is Json => isObject(r) && r.id === id);
  }
  if (!bundle) return undefined;
  return (
    bundle.byFullUrl.get(reference) ??
    (parsed.typeAndId ? bundle.byTypeAndId.get(parsed.typeAndId) : undefined)
  );
}
