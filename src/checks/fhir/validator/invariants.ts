// FHIRPath invariants: each (base path, expression) compiled once with fhirpath.js and the R4 model, then run on
// every element it applies to. An expression the engine cannot compile or run (functions it lacks, such as
// conformsTo() or memberOf() offline) makes that constraint "not checked", never an error. Two invariants that
// sit on almost every element are evaluated natively with exactly their R4 meaning (ele-1, ext-1).
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4/index.js';
import type { ConstraintDef } from './structure.js';

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

function nativeOutcome(constraint: ConstraintDef, value: unknown): InvariantOutcome | undefined {
  if (constraint.expression === DOM_3 && value && typeof value === 'object') return dom3(value);
  if (constraint.expression === ELE_1) return { status: 'pass' }; // checked structurally by the walker (empty elements)
  if (constraint.expression === EXT_1 && value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const hasExtensions = Array.isArray(record.extension) && record.extension.length > 0;
    let hasValue = false;
    for (const key in record) if (key.startsWith('value')) hasValue = true;
    return hasExtensions !== hasValue ? { status: 'pass' } : { status: 'fail' };
  }
  return undefined;
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
  const native = nativeOutcome(constraint, value);
  if (native) return native;
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
