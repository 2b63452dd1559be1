// Lookups in the compiled definitions the rule families share: the children of an element (its own, its type's
// or its type profile's), the definition of its type, its constraints, the resource types a Reference may
// target. Each answer is memoised on the element node, so the walk pays for it once per definition.
import type { FhirContext } from '../packages/context.js';
import type { LoadedPackage } from '../packages/loaded-package.js';
import { primitiveType } from './primitives.js';
import type { CompiledStructure, ConstraintDef, ElementNode } from './structure.js';
import { structureFor } from './structure.js';
import type { ChildTable } from './walk.js';
import { upperFirst } from './walk.js';

/** The compiled structure of a canonical, or undefined when it is missing or cannot be compiled. */
export function safeStructure(
  ctx: FhirContext,
  url: string,
  from: LoadedPackage | undefined,
): CompiledStructure | undefined {
  try {
    return structureFor(ctx, url, from);
  } catch {
    return undefined;
  }
}

/** Whether a type name is a resource type of the loaded core definitions. */
export function isResourceType(ctx: FhirContext, code: string): boolean {
  const first = code.charCodeAt(0);
  if (!(first >= 65 && first <= 90)) return false;
  const memo = ctx.memo<string, boolean>('validator.resource-types');
  let known = memo.get(code);
  if (known === undefined) {
    const ref = ctx.resolve(`http://hl7.org/fhir/StructureDefinition/${code}`);
    known = ref?.entry.kind === 'resource';
    memo.set(code, known);
  }
  return known;
}

/** The definition of an element's type: its type profile when it has one, else the base type. */
export function typeStructure(
  ctx: FhirContext,
  node: ElementNode,
  typeCode: string | undefined,
  from: LoadedPackage | undefined,
): CompiledStructure | undefined {
  const key = typeCode ?? '';
  const cache = (node.typeDefs ??= new Map());
  if (cache.has(key)) return cache.get(key);
  const ref = typeCode ? node.types.find((t) => t.code === typeCode) : node.types[0];
  const code = typeCode ?? ref?.code;
  let structure: CompiledStructure | undefined;
  if (code === 'Extension') structure = safeStructure(ctx, 'Extension', undefined);
  else if (code) {
    for (const url of [...(ref?.profiles ?? []), code]) {
      structure = safeStructure(ctx, url, node.structure.pkg ?? from);
      if (structure) break;
    }
  }
  cache.set(key, structure);
  return structure;
}

/** Children of an element: its own in the snapshot, else those of its type (or type profile). */
export function childTable(
  ctx: FhirContext,
  node: ElementNode,
  typeCode: string | undefined,
  from: LoadedPackage | undefined,
): ChildTable | undefined {
  const key = typeCode ?? '';
  const cache = (node.tables ??= new Map());
  if (cache.has(key)) return cache.get(key);
  let list = node.children;
  if (list.length === 0 && node.contentReference) {
    // A content reference names an element of the base definition, not its constrained copy in a profile.
    const base = safeStructure(ctx, node.structure.type, from) ?? node.structure;
    const target = base.byPath.get(node.contentReference.slice(node.contentReference.indexOf('#') + 1));
    list = target?.children ?? [];
    if (list.length === 0 && target) {
      const table = childTable(ctx, target, target.types[0]?.code, from);
      cache.set(key, table);
      return table;
    }
  }
  if (list.length === 0) list = typeStructure(ctx, node, typeCode, from)?.root.children ?? [];
  const table: ChildTable | undefined =
    list.length === 0 ? undefined : { byName: new Map(), list, choices: new Map() };
  list.forEach((c, index) => {
    if (!table) return;
    if (c.choice) {
      const baseName = c.name.slice(0, -3);
      table.choices.set(baseName, c);
      for (const t of c.types)
        table.byName.set(baseName + upperFirst(t.code), { node: c, typeCode: t.code, index });
    } else {
      table.byName.set(c.name, { node: c, index });
    }
  });
  cache.set(key, table);
  return table;
}

/** Constraints of an element and of its type's root (ref-1, qty-3…), each key once. */
export function constraintsOf(
  ctx: FhirContext,
  node: ElementNode,
  typeCode: string | undefined,
  from: LoadedPackage | undefined,
  isRoot: boolean,
): ConstraintDef[] {
  const key = typeCode ?? '';
  const cache = (node.constraintLists ??= new Map());
  const known = cache.get(key);
  if (known) return known;
  const all = [...node.constraints];
  if (!isRoot && typeCode && !primitiveType(typeCode)) {
    for (const c of typeStructure(ctx, node, typeCode, from)?.root.constraints ?? []) all.push(c);
  }
  const seen = new Set<string>();
  const unique = all.filter((c) => {
    const id = `${c.key}\n${c.expression ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  cache.set(key, unique);
  return unique;
}

/** FHIRPath base for an element's invariants: its datatype, or its path for backbone elements. */
export function fhirpathBase(node: ElementNode, typeCode: string | undefined, isRoot: boolean): string {
  if (isRoot) return node.structure.type;
  if (!typeCode || typeCode === 'BackboneElement' || typeCode === 'Element')
    return node.path.replace('[x]', '');
  return typeCode;
}

/** Resource types a Reference element may point to, or undefined when any (or unknown) may. */
export function allowedTargets(
  ctx: FhirContext,
  node: ElementNode,
  from: LoadedPackage | undefined,
): Set<string> | undefined {
  if (node.targets !== undefined) return node.targets ?? undefined;
  const profiles = node.types.filter((t) => t.code === 'Reference').flatMap((t) => t.targetProfiles);
  let allowed: Set<string> | undefined = new Set<string>();
  for (const url of profiles) {
    const type =
      safeStructure(ctx, url, from)?.type ??
      (url.startsWith('http://hl7.org/fhir/StructureDefinition/') ? url.slice(40) : undefined);
    if (!type || type === 'Resource' || type === 'DomainResource') {
      allowed = undefined;
      break;
    }
    allowed.add(type);
  }
  if (allowed && allowed.size === 0) allowed = undefined;
  node.targets = allowed ?? null;
  return allowed;
}
