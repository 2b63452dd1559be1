// FHIRPath invariants: each (base path, expression) compiled once with fhirpath.js and the R4 model, then run on
// every element it applies to. An expression the engine cannot compile or run (functions it lacks, such as
// conformsTo() or memberOf() offline) makes that constraint "not checked", never an error. A few R4 invariants are
// evaluated natively with exactly their R4 meaning: ele-1 and ext-1 (on almost every element), dom-3 (which
// fhirpath.js rejects) and bdl-7 (quadratic in fhirpath.js on large Bundles).
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4/index.js';
import type { ConstraintDef } from './structure.js';
import { deepEqual } from './values.js';

export type InvariantOutcome =
  { status: 'pass' } | { status: 'fail' } | { status: 'not-checked'; detail: string };

type Compiled = ((value: unknown, env: Record<string, unknown>) => unknown[]) | { error: string };

const compiled = new Map<string, Compiled>();

const ELE_1 = 'hasValue() or (children().count() > id.count())';
const EXT_1 = 'extension.exists() != value.exists()';

/** ele-1 on an object: it has a value or children other than `id`. */
export function hasContent(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return value !== undefined && value !== null;
  for (const key in value) if (key !== 'id' && key !== 'fhir_comments') return true;
  return false;
}

const DOM_3 =
  "contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().as(canonical) | %resource.descendants().as(uri) | %resource.descendants().as(url))) or descendants().where(reference = '#').exists() or descendants().where(as(canonical) = '#').exists() or descendants().where(as(canonical) = '#').exists()).not()).trace('unmatched', id).empty()";

/** Every string value in a JSON tree (the references, canonicals and URIs dom-3 looks at are among them). */
function collectStrings(value: unknown, into: Set<string>): void {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') into.add(v);
    else if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') stack.push(...Object.values(v));
  }
}

/**
 * dom-3: each contained resource is referenced from the resource (`#id`) or refers to its container (`#`).
 * fhirpath.js rejects its `descendants().as(canonical)` (a collection on the left of `as`), which the FHIR
 * tooling evaluates item by item; this is that item-by-item reading.
 */
function dom3(value: unknown): InvariantOutcome {
  const record = value as Record<string, unknown>;
  const contained = Array.isArray(record.contained) ? record.contained : [];
  if (contained.length === 0) return { status: 'pass' };
  const strings = new Set<string>();
  collectStrings(value, strings);
  for (const c of contained) {
    const id = (c as Record<string, unknown> | null)?.id;
    if (typeof id === 'string' && strings.has(`#${id}`)) continue;
    const own = new Set<string>();
    collectStrings(c, own);
    if (own.has('#')) continue;
    return { status: 'fail' };
  }
  return { status: 'pass' };
}

const BDL_7 =
  "(type = 'history') or entry.where(fullUrl.exists()).select(fullUrl&resource.meta.versionId).isDistinct()";

/** bdl-7 with a hash set: fhirpath.js compares strings pairwise in isDistinct(), quadratic on large Bundles. */
function bdl7(value: unknown): InvariantOutcome {
  const bundle = value as { type?: unknown; entry?: unknown };
  if (bundle.type === 'history' || !Array.isArray(bundle.entry)) return { status: 'pass' };
  const seen = new Set<string>();
  for (const entry of bundle.entry as {
    fullUrl?: unknown;
    resource?: { meta?: { versionId?: unknown } };
  }[]) {
    if (typeof entry?.fullUrl !== 'string') continue;
    const versionId = entry.resource?.meta?.versionId;
    const key = `${entry.fullUrl}${typeof versionId === 'string' ? versionId : ''}`;
    if (seen.has(key)) return { status: 'fail' };
    seen.add(key);
  }
  return { status: 'pass' };
}

type Json = Record<string, unknown>;

/** FHIRPath `exists()` of a child: a value (non-empty array), a primitive's `_name` partner, or a choice form. */
function has(value: unknown, name: string): boolean {
  if (!value || typeof value !== 'object') return false;
  const record = value as Json;
  const present = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
  if (present(record[name]) || present(record[`_${name}`])) return true;
  for (const key in record) {
    const bare = key.charCodeAt(0) === 95 ? key.slice(1) : key;
    if (
      bare.length > name.length &&
      bare.startsWith(name) &&
      /[A-Z]/.test(bare.charAt(name.length)) &&
      present(record[key])
    )
      return true;
  }
  return false;
}

function list(value: unknown): Json[] {
  if (Array.isArray(value)) return value.filter((v): v is Json => !!v && typeof v === 'object');
  return value && typeof value === 'object' ? [value as Json] : [];
}

function contained(value: unknown): Json[] {
  return list((value as Json | null)?.contained);
}

const verdict = (ok: boolean): InvariantOutcome => (ok ? { status: 'pass' } : { status: 'fail' });

/** bdl-3 / bdl-4: every entry has `member` exactly when the Bundle type is one of `types` (none when no type). */
function entriesAll(value: unknown, member: string, types: string[]): InvariantOutcome {
  const bundle = value as Json;
  const entries = list(bundle.entry);
  if (typeof bundle.type !== 'string') return verdict(entries.length === 0);
  const expected = types.includes(bundle.type);
  return verdict(entries.every((e) => has(e, member) === expected));
}

/**
 * R4 invariants met on (almost) every resource, evaluated natively with exactly their FHIRPath meaning, keyed by
 * their exact expression text (anything else goes to fhirpath.js). A test compares each with fhirpath.js.
 */
export const NATIVE_INVARIANTS: Record<
  string,
  (value: unknown, base: string, root: unknown) => InvariantOutcome
> = {
  [ELE_1]: () => ({ status: 'pass' }), // checked structurally by the walker (empty elements)
  [EXT_1]: (v) => verdict(has(v, 'extension') !== has(v, 'value')),
  [DOM_3]: (v) => dom3(v),
  [BDL_7]: (v) => bdl7(v),
  'contained.contained.empty()': (v) => verdict(!contained(v).some((c) => has(c, 'contained'))),
  'contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()': (v) =>
    verdict(!contained(v).some((c) => has(c.meta, 'versionId') || has(c.meta, 'lastUpdated'))),
  'contained.meta.security.empty()': (v) => verdict(!contained(v).some((c) => has(c.meta, 'security'))),
  'text.`div`.exists()': (v) => verdict(has((v as Json | null)?.text, 'div')),
  'dataAbsentReason.empty() or value.empty()': (v) =>
    verdict(!has(v, 'dataAbsentReason') || !has(v, 'value')),
  'value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()': (v) => {
    if (!has(v, 'value')) return { status: 'pass' };
    const codings = list(((v as Json).code as Json | undefined)?.coding);
    return verdict(
      !list((v as Json).component).some((c) =>
        list((c.code as Json | undefined)?.coding).some((x) => codings.some((y) => deepEqual(x, y))),
      ),
    );
  },
  '(component.empty() and hasMember.empty()) implies (dataAbsentReason.exists() or value.exists())': (v) =>
    verdict(has(v, 'component') || has(v, 'hasMember') || has(v, 'dataAbsentReason') || has(v, 'value')),
  'value.exists() or dataAbsentReason.exists()': (v) =>
    verdict(has(v, 'value') || has(v, 'dataAbsentReason')),
  '($this as dateTime).toString().length() >= 8': (v, base) =>
    verdict(!(base === 'dateTime' && typeof v === 'string') || v.length >= 8),
  '$this is dateTime implies $this.toString().length() >= 10': (v, base) =>
    verdict(!(base === 'dateTime' && typeof v === 'string') || v.length >= 10),
  "entry.all(request.exists() = (%resource.type = 'batch' or %resource.type = 'transaction' or %resource.type = 'history'))":
    (v) => entriesAll(v, 'request', ['batch', 'transaction', 'history']),
  "entry.all(response.exists() = (%resource.type = 'batch-response' or %resource.type = 'transaction-response' or %resource.type = 'history'))":
    (v) => entriesAll(v, 'response', ['batch-response', 'transaction-response', 'history']),
  'resource.exists() or request.exists() or response.exists()': (v) =>
    verdict(has(v, 'resource') || has(v, 'request') || has(v, 'response')),
  "fullUrl.exists() implies fullUrl.contains('/_history/').not()": (v) => {
    const fullUrl = (v as Json | null)?.fullUrl;
    return verdict(typeof fullUrl !== 'string' || !fullUrl.includes('/_history/'));
  },
  'code.empty() or system.exists()': (v) => verdict(!has(v, 'code') || has(v, 'system')),
  'value.empty() or system.exists()': (v) => verdict(!has(v, 'value') || has(v, 'system')),
  'name.exists() or telecom.exists() or address.exists() or organization.exists()': (v) =>
    verdict(has(v, 'name') || has(v, 'telecom') || has(v, 'address') || has(v, 'organization')),
  "reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))":
    (v, _base, root) => {
      const reference = (v as Json | null)?.reference;
      if (typeof reference !== 'string' || !reference.startsWith('#')) return { status: 'pass' };
      return verdict(contained(root).some((c) => c.id === reference.slice(1)));
    },
};

/** Evaluates an invariant with fhirpath.js only (the reference the native evaluations are tested against). */
export function evaluateWithFhirpath(
  constraint: ConstraintDef,
  base: string,
  value: unknown,
  resource: unknown,
  root: unknown,
): InvariantOutcome {
  if (!constraint.expression) return { status: 'not-checked', detail: 'no expression' };
  const fn = compiledFor(base, constraint.expression);
  if (typeof fn !== 'function') return { status: 'not-checked', detail: fn.error };
  // The narrative rules allow `xml:lang` (the IG Publisher writes it) where fhirpath.js' htmlChecks() does not.
  const input =
    base === 'xhtml' && typeof value === 'string' ? value.replace(/\sxml:lang="[^"]*"/g, '') : value;
  let result: unknown[];
  try {
    result = fn(input, { resource, rootResource: root });
  } catch (error) {
    return { status: 'not-checked', detail: (error as Error).message.split('\n')[0] ?? 'evaluation error' };
  }
  if (result instanceof Promise) return { status: 'not-checked', detail: 'asynchronous function' };
  // An invariant holds unless it evaluates to false; an empty result says nothing against the instance.
  return result.length === 1 && result[0] === false ? { status: 'fail' } : { status: 'pass' };
}

function compiledFor(base: string, expression: string): Compiled {
  const key = `${base}\n${expression}`;
  let fn = compiled.get(key);
  if (!fn) {
    try {
      fn = fhirpath.compile({ base, expression }, r4Model, {
        traceFn: () => undefined,
        async: false,
      }) as Compiled;
    } catch (error) {
      fn = { error: (error as Error).message.split('\n')[0] ?? 'compile error' };
    }
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * Evaluates one invariant on a value. `base` is the FHIRPath type or path of the value (`Observation`,
 * `Quantity`, `Observation.component`), `resource` the resource that holds it (`%resource`), `root` the
 * outermost one (`%rootResource`).
 */
export function evaluateInvariant(
  constraint: ConstraintDef,
  base: string,
  value: unknown,
  resource: unknown,
  root: unknown,
): InvariantOutcome {
  const native = constraint.expression === undefined ? undefined : NATIVE_INVARIANTS[constraint.expression];
  if (native) return native(value, base, root);
  return evaluateWithFhirpath(constraint, base, value, resource, root);
}
