// Primitive rules (http://hl7.org/fhir/R4/datatypes.html#primitive): the JSON kind, the format of the type, the
// profile's maxLength, fixed/pattern and binding on the value, the `_name` partner (only `id` and `extension`),
// and the rules of the spec's special elements: `Resource.id` follows the `id` format although R4 types it
// System.String, elements typed with a FHIRPath system type (Resource.id, Element.id, Extension.url) carry no
// extension, and a string is at most 1 MB.
import type { ValidatorKey } from '../messages.js';
import { checkBinding, CODED_TYPES } from './bindings.js';
import { checkExtension } from './extensions.js';
import { checkFixedAndPattern } from './fixed-pattern.js';
import { checkInvariants, hasContent } from './invariants.js';
import { formatProblem, isValidId, jsonKindOf } from './primitives.js';
import { typeStructure } from './definitions.js';
import type { ElementNode } from './structure.js';
import type { Frame, Item } from './walk.js';
import { child } from './walk.js';
import type { Validation } from './walker.js';
import { isObject, preview } from './values.js';

/** "Strings SHALL NOT exceed 1MB in size" (R4 datatypes, string). */
const MAX_STRING = 1024 * 1024;

function isResourceId(def: ElementNode): boolean {
  return def.structure.kind === 'resource' && def.name === 'id' && def.path === `${def.structure.type}.id`;
}

export function checkPrimitive(
  v: Validation,
  item: Item,
  def: ElementNode,
  typeCode: string,
  primitive: string,
  frame: Frame,
): void {
  const { value, extras, path } = item;
  if (value !== undefined) {
    const expected = jsonKindOf(primitive);
    if (typeof value !== expected) {
      const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
      v.report('error', 'structure', 'fhir.v.primitive-kind', { type: typeCode, expected, actual }, path, {
        profile: frame.profile,
      });
    } else {
      const problem = formatProblem(primitive, value as string | number | boolean);
      if (problem === 'whitespace') {
        v.report('warning', 'value', 'fhir.v.format-whitespace', { type: typeCode }, path, {
          profile: frame.profile,
        });
      } else if (problem) {
        const messageId: ValidatorKey = `fhir.v.format-${problem === 'empty' ? 'empty' : 'type'}`;
        v.report('error', 'value', messageId, { type: typeCode, value: preview(value) }, path, {
          profile: frame.profile,
        });
      }
      if (typeof value === 'string') {
        if (isResourceId(def) && !isValidId(value))
          v.report('error', 'value', 'fhir.v.resource-id', { value: preview(value) }, path, {
            profile: frame.profile,
          });
        if (primitive === 'string' && value.length > MAX_STRING)
          v.report('error', 'value', 'fhir.v.string-too-long', { length: value.length }, path, {
            profile: frame.profile,
          });
        if (def.maxLength !== undefined && value.length > def.maxLength) {
          const params = { max: def.maxLength, length: value.length };
          v.report('error', 'value', 'fhir.v.max-length', params, path, { profile: frame.profile });
        }
      }
      checkBounds(v, value, def, item, frame);
      checkFixedAndPattern(v, value, def, path, frame);
      if (def.binding && CODED_TYPES.has(typeCode) && typeof value === 'string')
        checkBinding(v, value, typeCode, def, path, frame);
    }
  }
  if (extras !== undefined) checkExtras(v, extras, value, def, typeCode, item, frame);
  if (value !== undefined) checkInvariants(v, value, def, typeCode, path, frame, false);
}

/** The `_name` partner of a primitive: an object with `id` and `extension` only. */
function checkExtras(
  v: Validation,
  extras: unknown,
  value: unknown,
  def: ElementNode,
  typeCode: string,
  item: Item,
  frame: Frame,
): void {
  const { path } = item;
  if (def.systemType) {
    // Resource.id, Element.id and Extension.url are not FHIR primitives: nothing can extend them.
    v.report('error', 'structure', 'fhir.v.no-extension-allowed', { name: def.name }, path, {
      profile: frame.profile,
    });
    return;
  }
  if (!isObject(extras)) {
    v.report(
      'error',
      'structure',
      'fhir.v.expected-object',
      { name: `_${def.name}`, type: 'Element' },
      path,
      { profile: frame.profile },
    );
    return;
  }
  if (!hasContent(extras) && value === undefined) {
    v.report('error', 'structure', 'fhir.v.empty-element', {}, path, {
      profile: frame.profile,
      constraint: 'ele-1',
    });
    return;
  }
  for (const key in extras) {
    if (key === 'id') {
      if (typeof extras.id !== 'string') {
        const params = { type: 'string', expected: 'string', actual: typeof extras.id };
        v.report('error', 'structure', 'fhir.v.primitive-kind', params, child(path, 'id'));
      }
    } else if (key === 'extension') {
      const list = extras.extension;
      if (!Array.isArray(list)) {
        v.report(
          'error',
          'structure',
          'fhir.v.expected-array',
          { name: 'extension' },
          child(path, 'extension'),
        );
        continue;
      }
      const extensionDef = typeStructure(v.ctx, def, typeCode, frame.pkg)?.root.children.find(
        (c) => c.name === 'extension',
      );
      list.forEach((ext, i) => {
        const at = child(child(path, 'extension'), i);
        if (!isObject(ext)) {
          const params = { name: 'extension', type: 'Extension' };
          v.report('error', 'structure', 'fhir.v.expected-object', params, at);
        } else if (extensionDef) checkExtension(v, ext, extensionDef, at, frame, def);
      });
    } else {
      v.report('error', 'structure', 'fhir.v.unknown-element', { name: key }, child(path, key), {
        profile: frame.profile,
      });
    }
  }
}

/** Whether `a` is below `b`: numbers by value, dates and times as texts of the same precision (else undecided). */
function below(a: unknown, b: number | string): boolean | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string' && a.length === b.length) return a < b;
  return undefined;
}

/** minValue[x] / maxValue[x] of the profile (the HL7 validator's *_GT / *_LT checks). */
function checkBounds(v: Validation, value: unknown, def: ElementNode, item: Item, frame: Frame): void {
  if (def.minValue !== undefined && below(value, def.minValue) === true)
    v.report('error', 'value', 'fhir.v.min-value', { value: preview(value), min: def.minValue }, item.path, {
      profile: frame.profile,
    });
  if (
    def.maxValue !== undefined &&
    typeof value === typeof def.maxValue &&
    below(def.maxValue, value as number | string) === true
  )
    v.report('error', 'value', 'fhir.v.max-value', { value: preview(value), max: def.maxValue }, item.path, {
      profile: frame.profile,
    });
}
