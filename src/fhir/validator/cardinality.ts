// Cardinality rules: min and max of an element as its (profiled) definition states them, max 0 as "prohibited".
import type { ElementNode } from './structure.js';
import type { Frame, Item, PathNode } from './walk.js';
import { bareName, child } from './walk.js';
import type { Validation } from './walker.js';

/** Checks the number of items of an element; false when the element is prohibited (its items are not walked). */
export function checkCardinality(
  v: Validation,
  def: ElementNode,
  items: Item[],
  path: PathNode | undefined,
  frame: Frame,
): boolean {
  const count = items.length;
  if (count === 0 ? def.min === 0 : count <= def.max && count >= def.min && def.max !== 0) return true;
  const extra = { profile: frame.profile };
  const name = bareName(def);
  if (def.max === 0 && count > 0) {
    v.report(
      'error',
      'structure',
      'fhir.v.prohibited',
      { name, profile: frame.profile },
      items[0]?.path,
      extra,
    );
    return false;
  }
  if (count < def.min) {
    const params = { name, min: def.min, count };
    v.report('error', 'required', 'fhir.v.min', params, items[0]?.path ?? child(path, name), extra);
  }
  if (count > def.max) {
    const params = { name, max: def.max, count };
    v.report('error', 'structure', 'fhir.v.max', params, items[def.max]?.path, extra);
  }
  return true;
}
