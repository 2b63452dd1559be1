// FHIRPath invariants: each (base path, expression) compiled once with fhirpath.js and the R4 model, then run on
// every element it applies to. An expression the engine cannot compile or run (functions it lacks, such as
// conformsTo() or memberOf() offline) makes that constraint "not checked" — counted and reported, never an error
// and never silent. A few R4 invariants are evaluated natively with exactly their R4 meaning: ele-1 and ext-1 (on
// almost every element), dom-3 (which fhirpath.js rejects) and the Bundle-wide bdl-* (quadratic or
// stack-overflowing in fhirpath.js on large Bundles).
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4/index.js';
import { BUNDLE_INVARIANTS } from './bundle-invariants.js';
import type { InvariantOutcome } from './native-helpers.js';
import { contained, has, list, verdict } from './native-helpers.js';
import { constraintsOf, fhirpathBase } from './definitions.js';
import type { ConstraintDef, ElementNode } from './structure.js';
import type { Frame, PathNode } from './walk.js';
import type { Validation } from './walker.js';
import { deepEqual } from './values.js';

type Json = Record<string, unknown>;

export type { InvariantOutcome } from './native-helpers.js';

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
  ...BUNDLE_INVARIANTS,
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

/** The invariant rule of the walk: every constraint of an element (and of its type) on its value. */
export function checkInvariants(
  v: Validation,
  value: unknown,
  node: ElementNode,
  typeCode: string | undefined,
  path: PathNode | undefined,
  frame: Frame,
  isRoot: boolean,
): void {
  const constraints = constraintsOf(v.ctx, node, typeCode, frame.pkg, isRoot);
  if (constraints.length === 0) return;
  const base = fhirpathBase(node, typeCode, isRoot);
  for (const constraint of constraints) {
    const outcome = evaluateInvariant(constraint, base, value, frame.resource, frame.root);
    const extra = { profile: frame.profile, constraint: constraint.key };
    if (outcome.status === 'fail') {
      const messageId = constraint.bestPractice ? 'fhir.v.invariant-best-practice' : 'fhir.v.invariant';
      v.report(
        constraint.severity,
        'invariant',
        messageId,
        { key: constraint.key, human: constraint.human },
        path,
        extra,
      );
    } else if (outcome.status === 'not-checked') {
      v.unevaluated++;
      const messageId = constraint.expression
        ? 'fhir.v.invariant-not-checked'
        : 'fhir.v.invariant-no-expression';
      const key = `${constraint.key}|${constraint.expression ?? ''}`;
      v.onceReport(
        'information',
        'informational',
        messageId,
        { key: constraint.key, detail: outcome.detail },
        path,
        key,
        extra,
      );
    }
  }
}
