// The entries of a Bundle indexed once (linear in their number) by fullUrl and by `Type/id`, each also under its
// `/_history/{versionId}` form, so that resolving a reference is a lookup and a reference that matches several
// entries is seen (http://hl7.org/fhir/R4/bundle.html#references).
import type { Json } from './walk.js';
import { isObject } from './values.js';

/** One resource, or several when the key is shared (then any reference to it is ambiguous). */
type Slot = Json | Json[];

export interface BundleIndex {
  bundle: Json;
  type: string | undefined;
  byFullUrl: Map<string, Slot>;
  byTypeAndId: Map<string, Slot>;
  /** The entry each resource sits in (its fullUrl anchors the relative references it makes). */
  entryOf: Map<Json, Json>;
  /** References between entries' resources, recorded during the walk of documents and messages. */
  links: Map<Json, Set<Json>>;
}

function put(map: Map<string, Slot>, key: string, resource: Json): void {
  const known = map.get(key);
  if (known === undefined) map.set(key, resource);
  else if (Array.isArray(known)) known.push(resource);
  else if (known !== resource) map.set(key, [known, resource]);
}

export function indexBundle(bundle: Json): BundleIndex {
  const index: BundleIndex = {
    bundle,
    type: typeof bundle.type === 'string' ? bundle.type : undefined,
    byFullUrl: new Map(),
    byTypeAndId: new Map(),
    entryOf: new Map(),
    links: new Map(),
  };
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  for (const entry of entries) {
    if (!isObject(entry) || !isObject(entry.resource)) continue;
    const resource = entry.resource;
    index.entryOf.set(resource, entry);
    const meta = isObject(resource.meta) ? resource.meta : undefined;
    const version = typeof meta?.versionId === 'string' ? meta.versionId : undefined;
    if (typeof entry.fullUrl === 'string') {
      put(index.byFullUrl, entry.fullUrl, resource);
      if (version) put(index.byFullUrl, `${entry.fullUrl}/_history/${version}`, resource);
    }
    if (typeof resource.resourceType === 'string' && typeof resource.id === 'string') {
      const key = `${resource.resourceType}/${resource.id}`;
      put(index.byTypeAndId, key, resource);
      if (version) put(index.byTypeAndId, `${key}/_history/${version}`, resource);
    }
  }
  return index;
}

export interface Lookup {
  /** The resource found, when exactly one matches. */
  target?: Json;
  /** How many entries match (more than one: the reference is ambiguous). */
  matches: number;
}

function lookup(map: Map<string, Slot>, key: string): Lookup | undefined {
  const slot = map.get(key);
  if (slot === undefined) return undefined;
  return Array.isArray(slot) ? { matches: slot.length } : { target: slot, matches: 1 };
}

const RESTFUL = /^(.*\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/**
 * Finds the entry a reference designates. An absolute reference (URL or URN) is a fullUrl. A relative one is
 * resolved against the RESTful base of the referring entry's fullUrl, then by type and id.
 */
export function lookupInBundle(
  index: BundleIndex,
  reference: string,
  relative: boolean,
  from: Json | undefined,
): Lookup | undefined {
  if (!relative) return lookup(index.byFullUrl, reference);
  const fullUrl = from && index.entryOf.get(from)?.fullUrl;
  if (typeof fullUrl === 'string') {
    const base = RESTFUL.exec(fullUrl)?.[1];
    const found = base ? lookup(index.byFullUrl, base + reference) : undefined;
    if (found) return found;
  }
  return lookup(index.byTypeAndId, reference);
}
