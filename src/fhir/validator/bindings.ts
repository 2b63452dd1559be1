// Binding rules (http://hl7.org/fhir/R4/terminologies.html#strength): a required binding is an error when no
// code is in the ValueSet, an extensible one a warning; preferred and example bindings are not checked. A
// Coding of a loaded, complete CodeSystem must use one of its codes. What cannot be decided offline (ValueSet
// or code system not loaded) is reported once as "not checked", never as invalid.
import type { ValidatorKey } from '../messages.js';
import type { CodeVerdict } from '../terminology/terminology.js';
import type { ElementNode } from './structure.js';
import type { Frame, Json, PathNode } from './walk.js';
import { child } from './walk.js';
import type { Validation } from './walker.js';
import { isObject } from './values.js';

export const CODED_TYPES = new Set([
  'code',
  'Coding',
  'CodeableConcept',
  'Quantity',
  'string',
  'uri',
  'CodeableReference',
]);

function codingsOf(value: unknown, typeCode: string): { system?: string; code: string }[] {
  const codings: { system?: string; code: string }[] = [];
  if (typeof value === 'string') codings.push({ code: value });
  else if (isObject(value)) {
    if (typeCode === 'CodeableConcept' || typeCode === 'CodeableReference') {
      const concept = typeCode === 'CodeableReference' && isObject(value.concept) ? value.concept : value;
      for (const c of Array.isArray(concept.coding) ? concept.coding : []) {
        if (isObject(c) && typeof c.code === 'string')
          codings.push({ ...(typeof c.system === 'string' ? { system: c.system } : {}), code: c.code });
      }
    } else if (typeof value.code === 'string') {
      codings.push({
        ...(typeof value.system === 'string' ? { system: value.system } : {}),
        code: value.code,
      });
    }
  }
  return codings;
}

export function checkBinding(
  v: Validation,
  value: unknown,
  typeCode: string,
  node: ElementNode,
  path: PathNode | undefined,
  frame: Frame,
): void {
  const binding = node.binding;
  if (!binding?.valueSet || binding.strength === 'preferred' || binding.strength === 'example') return;
  const valueSet = binding.valueSet;
  const codings = codingsOf(value, typeCode);
  if (codings.length === 0) return;
  const bare = typeCode === 'code' || typeCode === 'string' || typeCode === 'uri';
  const verdicts: CodeVerdict[] = codings.map((c) =>
    v.terminology.checkCode(valueSet, bare ? undefined : (c.system ?? ''), c.code, frame.pkg),
  );
  if (verdicts.some((x) => x.status === 'valid')) return;
  const undecided = verdicts.find(
    (x): x is Extract<CodeVerdict, { status: 'not-checked' }> => x.status === 'not-checked',
  );
  if (undecided) {
    const params = { valueSet, what: undecided.what };
    const messageId: ValidatorKey = `fhir.v.binding-not-checked-${undecided.reason}`;
    v.onceReport('information', 'informational', messageId, params, path, `${node.path}|${valueSet}`);
    return;
  }
  const shown = codings.map((c) => (c.system ? `${c.system}|${c.code}` : c.code)).join(', ');
  const extra = { profile: frame.profile };
  if (binding.strength === 'required')
    v.report('error', 'code-invalid', 'fhir.v.binding-required', { code: shown, valueSet }, path, extra);
  else
    v.report('warning', 'code-invalid', 'fhir.v.binding-extensible', { code: shown, valueSet }, path, extra);
}

/** A Coding whose code system is loaded and complete must use one of its codes. */
export function checkCodingInSystem(
  v: Validation,
  value: Json,
  path: PathNode | undefined,
  frame: Frame,
): void {
  if (typeof value.system !== 'string' || typeof value.code !== 'string') return;
  const verdict = v.terminology.checkCodeInSystem(value.system, value.code, frame.pkg);
  if (verdict.status === 'invalid') {
    const params = { code: value.code, system: value.system };
    v.report('error', 'code-invalid', 'fhir.v.code-unknown', params, child(path, 'code'), {
      profile: frame.profile,
    });
  }
}
