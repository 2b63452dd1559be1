// Structure rules: the JSON members of an element against the element's children (http://hl7.org/fhir/R4/json.html).
// Unknown members, choice types (one form only, a type the definition allows), arrays exactly where the element
// repeats, `null` only inside arrays aligned with their `_name` partner, no empty arrays.
import type { ElementNode } from './structure.js';
import type { ChildTable, Frame, Item, Json, PathNode } from './walk.js';
import { child } from './walk.js';
import type { Validation } from './walker.js';

/** The members of an object that belong to one child definition (`name`, `_name`, or one choice form). */
export interface MemberGroup {
  def: ElementNode;
  name: string | undefined;
  values: unknown;
  extras: unknown;
  typeCode?: string;
}

/** Groups an object's members by child definition, one group per definition (empty when absent), in order. */
export function groupMembers(
  v: Validation,
  value: Json,
  table: ChildTable | undefined,
  path: PathNode | undefined,
  frame: Frame,
  isRoot: boolean,
): MemberGroup[] {
  const list = table?.list ?? [];
  // One slot per child definition, in definition order: an array, not a map (this runs on every object).
  const groups: MemberGroup[] = new Array(list.length);
  for (const key in value) {
    if (isRoot && key === 'resourceType') continue;
    const underscore = key.charCodeAt(0) === 95;
    const name = underscore ? key.slice(1) : key;
    const match = table?.byName.get(name);
    if (!match || match.index === undefined) {
      unknownMember(v, key, name, table, path, frame);
      continue;
    }
    let group = groups[match.index];
    if (!group) {
      group = { def: match.node, name, values: undefined, extras: undefined };
      if (match.typeCode) group.typeCode = match.typeCode;
      groups[match.index] = group;
    }
    if (match.typeCode && group.typeCode !== match.typeCode) {
      const params = { name: match.node.name };
      v.report('error', 'structure', 'fhir.v.choice-several', params, child(path, key), {
        profile: frame.profile,
      });
      continue;
    }
    if (underscore) group.extras = value[key];
    else group.values = value[key];
  }
  for (let i = 0; i < list.length; i++) {
    if (!groups[i])
      groups[i] = { def: list[i] as ElementNode, name: undefined, values: undefined, extras: undefined };
  }
  return groups;
}

function unknownMember(
  v: Validation,
  key: string,
  name: string,
  table: ChildTable | undefined,
  path: PathNode | undefined,
  frame: Frame,
): void {
  for (const [baseName, node] of table?.choices ?? []) {
    if (name.startsWith(baseName) && /^[A-Z]/.test(name.slice(baseName.length))) {
      const params = {
        name: key,
        type: name.slice(baseName.length),
        allowed: node.types.map((t) => t.code).join(', '),
      };
      v.report('error', 'structure', 'fhir.v.choice-type', params, child(path, key), {
        profile: frame.profile,
      });
      return;
    }
  }
  v.report('error', 'structure', 'fhir.v.unknown-element', { name: key }, child(path, key), {
    profile: frame.profile,
  });
}

/** Turns a member (and its `_` partner) into items, checking array/single form and nulls. */
export function itemsOf(v: Validation, group: MemberGroup, path: PathNode | undefined, frame: Frame): Item[] {
  const { def, values, extras } = group;
  if (group.name === undefined) return [];
  const name = group.name;
  const typeCode = group.typeCode ?? (def.types.length === 1 ? def.types[0]?.code : undefined);
  const isArray = Array.isArray(values) || Array.isArray(extras);
  if (def.repeats !== isArray) {
    const offending =
      def.repeats || Array.isArray(values) ? (values !== undefined ? name : `_${name}`) : `_${name}`;
    const messageId = def.repeats ? 'fhir.v.expected-array' : 'fhir.v.unexpected-array';
    v.report('error', 'structure', messageId, { name }, child(path, offending), { profile: frame.profile });
    if (!isArray)
      return [
        { value: values, extras, typeCode, path: child(path, values !== undefined ? name : `_${name}`) },
      ];
  }
  if (!isArray) {
    if (values === null && (extras === undefined || extras === null)) {
      v.report('error', 'structure', 'fhir.v.null', { name }, child(path, name), { profile: frame.profile });
      return [];
    }
    return [
      {
        value: values ?? undefined,
        extras,
        typeCode,
        path: child(path, values !== undefined ? name : `_${name}`),
      },
    ];
  }
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  const partner = Array.isArray(extras) ? extras : extras === undefined ? [] : [extras];
  if ((values !== undefined && list.length === 0) || (extras !== undefined && partner.length === 0)) {
    const where = child(path, list.length === 0 && values !== undefined ? name : `_${name}`);
    v.report('error', 'structure', 'fhir.v.empty-array', { name }, where, { profile: frame.profile });
    return [];
  }
  if (values !== undefined && extras !== undefined && list.length !== partner.length) {
    const params = { name, count: list.length, extras: partner.length };
    v.report('error', 'structure', 'fhir.v.misaligned', params, child(path, `_${name}`), {
      profile: frame.profile,
    });
  }
  const items: Item[] = [];
  const count = Math.max(list.length, partner.length);
  for (let i = 0; i < count; i++) {
    const value = list[i];
    const e = partner[i];
    if ((value === null || value === undefined) && (e === null || e === undefined)) {
      const where = child(child(path, values !== undefined ? name : `_${name}`), i);
      v.report('error', 'structure', 'fhir.v.null', { name }, where, { profile: frame.profile });
      continue;
    }
    const key = value !== undefined && value !== null ? name : `_${name}`;
    items.push({
      value: value ?? undefined,
      extras: e ?? undefined,
      typeCode,
      path: child(child(path, key), i),
    });
  }
  return items;
}
