// Bundle rules the HL7 validator enforces besides the bdl-* invariants (http://hl7.org/fhir/R4/bundle.html), in
// one pass over the entries:
// - a fullUrl is an absolute URL, and a RESTful one (`…/Type/id`) agrees with the resource's type and id; every
//   entry has one except in transactions and batches;
// - a link relation `self` at most once, and paging relations (first, previous, next, last) only in search and
//   history Bundles, once each;
// - the same resource (type, id and version) at most once (history Bundles excepted);
// - a document's Composition and a message's MessageHeader find the resources they point to in the Bundle, and
//   every entry is reachable from them through references (forwards, or backwards for Provenance).
// References between entries are recorded by the reference rule during the walk; this module only reads them.
import type { BundleIndex } from './bundle-index.js';
import { parseReference, resolveReference } from './references.js';
import type { Frame, Json, PathNode } from './walk.js';
import { child } from './walk.js';
import type { Validation } from './walker.js';
import { isObject } from './values.js';

const FULL_URL_OPTIONAL = new Set(['transaction', 'transaction-response', 'batch', 'batch-response']);
const PAGING = new Set(['first', 'previous', 'next', 'last']);
const SEARCHES = new Set(['searchset', 'history']);
const KNOWN_TYPES = new Set([
  'document',
  'message',
  'transaction',
  'transaction-response',
  'batch',
  'batch-response',
  'history',
  'searchset',
  'collection',
  'subscription-notification',
]);
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
/** A RESTful URL: `[base/]Type/id[/_history/version]` (the HL7 validator's URI_REGEX). */
const RESTFUL =
  /^(https?:\/\/([A-Za-z0-9\\.:%$]*\/)*)?([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export function checkBundle(
  v: Validation,
  bundle: Json,
  path: PathNode | undefined,
  frame: Frame,
  index: BundleIndex,
): void {
  const type = typeof bundle.type === 'string' ? bundle.type : '';
  checkLinks(v, bundle, type, path);
  checkEntries(v, bundle, type, path);
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  if (type === 'document' || type === 'message') {
    const at = child(path, 'entry');
    if (entries.length === 0) {
      v.report('error', 'invalid', 'fhir.v.bundle-no-entry', { type }, path);
      return;
    }
    const first = entries[0];
    if (!isObject(first) || !isObject(first.resource)) {
      v.report('error', 'invalid', 'fhir.v.bundle-first-no-resource', {}, child(at, 0));
      return;
    }
    const head = first.resource;
    const headPath = child(child(at, 0), 'resource');
    const headFrame: Frame = { ...frame, resource: head, root: head };
    if (type === 'document' && head.resourceType === 'Composition')
      checkComposition(v, head, headPath, headFrame);
    if (type === 'message' && head.resourceType === 'MessageHeader') {
      const focus = Array.isArray(head.focus) ? head.focus : [];
      focus.forEach((f, i) =>
        mustResolve(v, f, child(child(headPath, 'focus'), i), headFrame, 'MessageHeader.focus'),
      );
    }
    checkReachable(v, entries, index, type, at);
  }
}

function checkLinks(v: Validation, bundle: Json, type: string, path: PathNode | undefined): void {
  const links = Array.isArray(bundle.link) ? bundle.link : [];
  if (!KNOWN_TYPES.has(type)) return;
  const seen = new Set<string>();
  links.forEach((link, i) => {
    if (!isObject(link) || typeof link.relation !== 'string') return;
    const relation = link.relation;
    const at = child(child(child(path, 'link'), i), 'relation');
    if (PAGING.has(relation) && !SEARCHES.has(type)) {
      v.report('error', 'invalid', 'fhir.v.bundle-link-paging', { relation, type }, at);
      return;
    }
    if (relation === 'self' || PAGING.has(relation)) {
      if (seen.has(relation)) v.report('error', 'invalid', 'fhir.v.bundle-link-duplicate', { relation }, at);
      seen.add(relation);
    }
  });
}

function checkEntries(v: Validation, bundle: Json, type: string, path: PathNode | undefined): void {
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  const fullUrlRequired = !FULL_URL_OPTIONAL.has(type);
  const resources = type === 'history' ? undefined : new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!isObject(entry)) continue;
    const at = child(child(path, 'entry'), i);
    const resource = isObject(entry.resource) ? entry.resource : undefined;
    const rtype = typeof resource?.resourceType === 'string' ? resource.resourceType : undefined;
    const id = typeof resource?.id === 'string' ? resource.id : undefined;
    const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
    if (fullUrl !== undefined) {
      const urlAt = child(at, 'fullUrl');
      if (!ABSOLUTE.test(fullUrl))
        v.report('error', 'invalid', 'fhir.v.bundle-fullurl-absolute', { fullUrl }, urlAt);
      else if (rtype && RESTFUL.test(fullUrl)) {
        if (id === undefined) v.report('error', 'invalid', 'fhir.v.bundle-fullurl-no-id', { fullUrl }, urlAt);
        else if (!fullUrl.endsWith(`/${rtype}/${id}`))
          v.report('error', 'invalid', 'fhir.v.bundle-fullurl-id', { fullUrl, type: rtype, id }, urlAt);
      }
    } else if (fullUrlRequired) {
      v.report('error', 'invalid', 'fhir.v.bundle-fullurl-required', { type }, at);
    }
    if (resources && rtype && id !== undefined) {
      const meta = isObject(resource?.meta) ? resource.meta : undefined;
      const key = `${rtype}/${id}${typeof meta?.versionId === 'string' ? `/_history/${meta.versionId}` : ''}`;
      if (resources.has(key))
        v.report('error', 'invalid', 'fhir.v.bundle-duplicate-resource', { resource: key }, at);
      resources.add(key);
    }
  }
}

/** The Composition's references that a document must carry (subject, author, attester, sections…). */
function checkComposition(v: Validation, composition: Json, path: PathNode, frame: Frame): void {
  const single = (name: string) => {
    if (composition[name] !== undefined)
      mustResolve(v, composition[name], child(path, name), frame, `Composition.${name}`);
  };
  const many = (owner: Json, name: string, at: PathNode, label: string) => {
    const list = Array.isArray(owner[name]) ? owner[name] : [];
    list.forEach((r, i) => mustResolve(v, r, child(child(at, name), i), frame, label));
  };
  single('subject');
  many(composition, 'author', path, 'Composition.author');
  single('encounter');
  single('custodian');
  (Array.isArray(composition.attester) ? composition.attester : []).forEach((a, i) => {
    if (isObject(a) && a.party !== undefined)
      mustResolve(
        v,
        a.party,
        child(child(child(path, 'attester'), i), 'party'),
        frame,
        'Composition.attester.party',
      );
  });
  (Array.isArray(composition.event) ? composition.event : []).forEach((e, i) => {
    if (isObject(e)) many(e, 'detail', child(child(path, 'event'), i), 'Composition.event.detail');
  });
  // Sections nest: a stack, not recursion, whatever their depth.
  const stack: [Json, PathNode][] = [];
  (Array.isArray(composition.section) ? composition.section : []).forEach((s, i) => {
    if (isObject(s)) stack.push([s, child(child(path, 'section'), i)]);
  });
  while (stack.length > 0) {
    const [section, at] = stack.pop() as [Json, PathNode];
    many(section, 'author', at, 'Composition.section.author');
    if (section.focus !== undefined)
      mustResolve(v, section.focus, child(at, 'focus'), frame, 'Composition.section.focus');
    many(section, 'entry', at, 'Composition.section.entry');
    (Array.isArray(section.section) ? section.section : []).forEach((s, i) => {
      if (isObject(s)) stack.push([s, child(child(at, 'section'), i)]);
    });
  }
}

function mustResolve(v: Validation, value: unknown, path: PathNode, frame: Frame, element: string): void {
  if (!isObject(value) || typeof value.reference !== 'string' || value.reference.startsWith('#')) return;
  const reference = value.reference;
  const found = resolveReference(reference, parseReference(reference), frame);
  if (found.matches === 0)
    v.report(
      'error',
      'not-found',
      'fhir.v.bundle-reference-missing',
      { reference, element },
      child(path, 'reference'),
    );
}

/**
 * Every entry of a document or message is reachable from the first one through references between entries,
 * followed forwards, or backwards (a Provenance points at what it describes; anything else found only that way
 * is suspicious). Linear: each entry and each link is visited once.
 */
function checkReachable(
  v: Validation,
  entries: unknown[],
  index: BundleIndex,
  type: 'document' | 'message',
  at: PathNode,
): void {
  const links = index.links;
  const resources = entries.map((e) => (isObject(e) && isObject(e.resource) ? e.resource : undefined));
  const position = new Map<Json, number>();
  resources.forEach((r, i) => r && position.set(r, i));
  const backwards = new Map<Json, Json[]>();
  for (const [from, targets] of links) {
    for (const to of targets) {
      const list = backwards.get(to);
      if (list) list.push(from);
      else backwards.set(to, [from]);
    }
  }
  const visited = new Set<Json>();
  const queue: Json[] = [];
  const visit = (r: Json) => {
    if (visited.has(r)) return;
    visited.add(r);
    queue.push(r);
  };
  const first = resources[0];
  if (first) visit(first);
  for (let next = 0; next < queue.length; next++) {
    const r = queue[next] as Json;
    for (const target of links.get(r) ?? []) visit(target);
    for (const source of backwards.get(r) ?? []) {
      if (visited.has(source)) continue;
      if (source.resourceType !== 'Provenance') {
        const params = { fullUrl: String(index.entryOf.get(source)?.fullUrl ?? '') };
        v.report(
          'warning',
          'invalid',
          'fhir.v.bundle-entry-reverse',
          params,
          child(at, position.get(source) ?? 0),
        );
      }
      visit(source);
    }
  }
  resources.forEach((r, i) => {
    if (!r || visited.has(r)) return;
    const params = { fullUrl: String(index.entryOf.get(r)?.fullUrl ?? '') };
    const severity = type === 'document' ? 'error' : 'warning';
    v.report(severity, 'informational', `fhir.v.bundle-entry-orphan-${type}`, params, child(at, i));
  });
}
