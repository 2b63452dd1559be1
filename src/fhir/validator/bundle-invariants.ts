// The R4 Bundle invariants (bdl-1 … bdl-12) evaluated natively, each exactly with the meaning of its FHIRPath.
// They look at every entry: through fhirpath.js they are quadratic (isDistinct) or overflow the call stack on
// large Bundles (arguments spread over 100,000 entries), and a Bundle-wide rule must never go unchecked. One
// pass over the entries each, no recursion. A test compares each with fhirpath.js.
import type { InvariantOutcome } from './native-helpers.js';
import { has, list, verdict } from './native-helpers.js';

type Json = Record<string, unknown>;
type Native = (value: unknown, base: string, root: unknown) => InvariantOutcome;

function typeOf(value: unknown): unknown {
  return (value as Json | null)?.type;
}

function entries(value: unknown): unknown[] {
  const entry = (value as Json | null)?.entry;
  return Array.isArray(entry) ? entry : entry && typeof entry === 'object' ? [entry] : [];
}

/** bdl-3 / bdl-4: every entry has `member` exactly when the Bundle type is one of `types` (none when no type). */
function entriesAll(value: unknown, member: string, types: string[]): InvariantOutcome {
  const all = list((value as Json).entry);
  const type = typeOf(value);
  if (typeof type !== 'string') return verdict(all.length === 0);
  const expected = types.includes(type);
  for (const e of all) if (has(e, member) !== expected) return verdict(false);
  return verdict(true);
}

/** bdl-7 with a hash set: fhirpath.js compares pairwise in isDistinct(), quadratic on large Bundles. */
function bdl7(value: unknown): InvariantOutcome {
  if (typeOf(value) === 'history') return verdict(true);
  const seen = new Set<string>();
  for (const entry of entries(value) as {
    fullUrl?: unknown;
    resource?: { meta?: { versionId?: unknown } };
  }[]) {
    if (typeof entry?.fullUrl !== 'string') continue;
    const versionId = entry.resource?.meta?.versionId;
    const key = `${entry.fullUrl}${typeof versionId === 'string' ? versionId : ''}`;
    if (seen.has(key)) return verdict(false);
    seen.add(key);
  }
  return verdict(true);
}

/** `type = 'X' implies entry.first().resource.is(T)`: empty (so passing) when there is no first resource. */
function firstIs(value: unknown, bundleType: string, resourceType: string): InvariantOutcome {
  if (typeOf(value) !== bundleType) return verdict(true);
  const first = entries(value)[0] as Json | undefined;
  const resource = first?.resource as Json | undefined;
  if (!resource || typeof resource !== 'object') return verdict(true);
  return verdict(resource.resourceType === resourceType);
}

export const BUNDLE_INVARIANTS: Record<string, Native> = {
  // bdl-1
  "total.empty() or (type = 'searchset') or (type = 'history')": (v) =>
    verdict(!has(v, 'total') || typeOf(v) === 'searchset' || typeOf(v) === 'history'),
  // bdl-2
  "entry.search.empty() or (type = 'searchset')": (v) => {
    if (typeOf(v) === 'searchset') return verdict(true);
    for (const e of list((v as Json).entry)) if (has(e, 'search')) return verdict(false);
    return verdict(true);
  },
  // bdl-3
  "entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or %resource.type = 'history'))":
    (v) => entriesAll(v, 'request', ['batch', 'transaction', 'history']),
  // bdl-4
  "entry.all(response.exists() = (%resource.type = 'batch-response' or %resource.type = 'transaction-response' or %resource.type = 'history'))":
    (v) => entriesAll(v, 'response', ['batch-response', 'transaction-response', 'history']),
  // bdl-5 (on Bundle.entry)
  'resource.exists() or request.exists() or response.exists()': (v) =>
    verdict(has(v, 'resource') || has(v, 'request') || has(v, 'response')),
  // bdl-7
  "(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()":
    (v) => bdl7(v),
  // bdl-8 (on Bundle.entry)
  "fullUrl.exists() implies fullUrl.contains('/_history/').not()": (v) => {
    const fullUrl = (v as Json | null)?.fullUrl;
    return verdict(typeof fullUrl !== 'string' || !fullUrl.includes('/_history/'));
  },
  // bdl-9
  "type = 'document' implies (identifier.system.exists() and identifier.value.exists())": (v) => {
    if (typeOf(v) !== 'document') return verdict(true);
    const identifier = (v as Json).identifier;
    return verdict(has(identifier, 'system') && has(identifier, 'value'));
  },
  // bdl-10
  "type = 'document' implies (timestamp.hasValue())": (v) =>
    verdict(typeOf(v) !== 'document' || typeof (v as Json).timestamp === 'string'),
  // bdl-11
  "type = 'document' implies entry.first().resource.is(Composition)": (v) =>
    firstIs(v, 'document', 'Composition'),
  // bdl-12
  "type = 'message' implies entry.first().resource.is(MessageHeader)": (v) =>
    firstIs(v, 'message', 'MessageHeader'),
};
