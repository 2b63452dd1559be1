// Offline terminology: ValueSets expanded from the loaded packages (include/exclude, concept lists, whole code
// systems with `content: complete`, `is-a` / `descendent-of` / `=` filters, imported ValueSets), expansions
// cached per context, UCUM checked by its library. Whatever cannot be decided offline (LOINC, SNOMED CT, a
// ValueSet or CodeSystem not loaded) is "not checked", never invalid.
import type { FhirContext } from '../packages/context.js';
import type { FhirResource, LoadedPackage } from '../packages/loaded-package.js';
import { isValidUcum, UCUM_SYSTEM } from './ucum.js';

export type CodeVerdict =
  | { status: 'valid' }
  | { status: 'invalid'; system?: string }
  | {
      status: 'not-checked';
      reason: 'value-set-unknown' | 'system-unknown' | 'filter-unsupported';
      what: string;
    };

interface Concept {
  code: string;
  concept?: Concept[];
  property?: {
    code: string;
    valueCode?: string;
    valueString?: string;
    valueBoolean?: boolean;
    valueCoding?: { code?: string };
  }[];
}

interface CodeSystemIndex {
  url: string;
  complete: boolean;
  codes: Map<string, { concept: Concept; parent?: string }>;
}

/** The codes a ValueSet allows, by system. */
interface Expansion {
  /** Enumerated codes per system. */
  codes: Map<string, Set<string>>;
  /** Systems included whole where the code system can check codes itself (UCUM). */
  wholeSystems: Set<string>;
  /** Why some codes cannot be decided offline (systems or ValueSets not loaded, unsupported filters). */
  unknown: {
    reason: 'value-set-unknown' | 'system-unknown' | 'filter-unsupported';
    what: string;
    system?: string;
  }[];
  excluded: Map<string, Set<string>>;
}

interface ComposeInclude {
  system?: string;
  concept?: { code: string }[];
  filter?: { property: string; op: string; value: string }[];
  valueSet?: string[];
}

const EXPANSIONS = 'terminology.expansions';
const CODE_SYSTEMS = 'terminology.code-systems';

function indexCodeSystem(cs: FhirResource): CodeSystemIndex {
  const codes = new Map<string, { concept: Concept; parent?: string }>();
  const walk = (concepts: Concept[] | undefined, parent?: string) => {
    for (const concept of concepts ?? []) {
      if (typeof concept?.code !== 'string') continue;
      codes.set(concept.code, parent ? { concept, parent } : { concept });
      walk(concept.concept, concept.code);
    }
  };
  walk(cs.concept as Concept[] | undefined);
  return { url: String(cs.url), complete: cs.content === 'complete', codes };
}

export class Terminology {
  constructor(private readonly ctx: FhirContext) {}

  codeSystem(url: string, from?: LoadedPackage): CodeSystemIndex | undefined {
    const memo = this.ctx.memo<string, CodeSystemIndex | null>(CODE_SYSTEMS);
    const key = `${from?.key ?? ''}|${url}`;
    let index = memo.get(key);
    if (index === undefined) {
      const found = this.ctx.fetch(url, from);
      index = found && found.resource.resourceType === 'CodeSystem' ? indexCodeSystem(found.resource) : null;
      memo.set(key, index);
    }
    return index ?? undefined;
  }

  /** A code in a code system, when the code system is loaded and complete. */
  checkCodeInSystem(system: string, code: string, from?: LoadedPackage): CodeVerdict {
    if (system === UCUM_SYSTEM)
      return isValidUcum(code) ? { status: 'valid' } : { status: 'invalid', system };
    const cs = this.codeSystem(system, from);
    if (!cs || !cs.complete) return { status: 'not-checked', reason: 'system-unknown', what: system };
    return cs.codes.has(code) ? { status: 'valid' } : { status: 'invalid', system };
  }

  /** Whether a ValueSet is loaded (a binding to an absent one is reported as not checked). */
  hasValueSet(url: string, from?: LoadedPackage): boolean {
    return this.expand(url, from) !== undefined;
  }

  /** Checks a code (with its system when known) against a ValueSet. */
  checkCode(valueSet: string, system: string | undefined, code: string, from?: LoadedPackage): CodeVerdict {
    const expansion = this.expand(valueSet, from);
    if (!expansion)
      return { status: 'not-checked', reason: 'value-set-unknown', what: valueSet.split('|')[0] as string };
    const systems = system === undefined ? [...expansion.codes.keys(), ...expansion.wholeSystems] : [system];
    for (const s of systems) {
      if (expansion.excluded.get(s)?.has(code)) continue;
      if (expansion.codes.get(s)?.has(code)) return { status: 'valid' };
      if (expansion.wholeSystems.has(s) && this.checkCodeInSystem(s, code, from).status === 'valid')
        return { status: 'valid' };
    }
    const undecided = expansion.unknown.find(
      (u) => system === undefined || u.system === undefined || u.system === system,
    );
    if (undecided) return { status: 'not-checked', reason: undecided.reason, what: undecided.what };
    // A code from a code system that is not available offline is never declared invalid.
    if (system && system !== UCUM_SYSTEM && !expansion.codes.has(system) && !this.codeSystem(system, from))
      return { status: 'not-checked', reason: 'system-unknown', what: system };
    return system === undefined ? { status: 'invalid' } : { status: 'invalid', system };
  }

  private expand(canonical: string, from?: LoadedPackage, stack: string[] = []): Expansion | undefined {
    const memo = this.ctx.memo<string, Expansion | null>(EXPANSIONS);
    const key = `${from?.key ?? ''}|${canonical}`;
    const known = memo.get(key);
    if (known !== undefined) return known ?? undefined;
    if (stack.includes(canonical)) return undefined;
    const found = this.ctx.fetch(canonical, from);
    const expansion =
      found && found.resource.resourceType === 'ValueSet'
        ? this.compose(found.resource, found.pkg, [...stack, canonical])
        : null;
    memo.set(key, expansion);
    return expansion ?? undefined;
  }

  private compose(vs: FhirResource, pkg: LoadedPackage, stack: string[]): Expansion {
    const expansion: Expansion = {
      codes: new Map(),
      wholeSystems: new Set(),
      unknown: [],
      excluded: new Map(),
    };
    const compose = vs.compose as { include?: ComposeInclude[]; exclude?: ComposeInclude[] } | undefined;
    const preExpanded = (vs.expansion as { contains?: { system?: string; code?: string }[] } | undefined)
      ?.contains;
    if (!compose && preExpanded) {
      for (const c of flattenContains(preExpanded))
        if (c.system && c.code) add(expansion.codes, c.system, c.code);
      return expansion;
    }
    for (const include of compose?.include ?? []) this.include(expansion, include, pkg, stack, false);
    for (const exclude of compose?.exclude ?? []) this.include(expansion, exclude, pkg, stack, true);
    return expansion;
  }

  private include(
    target: Expansion,
    part: ComposeInclude,
    pkg: LoadedPackage,
    stack: string[],
    exclude: boolean,
  ): void {
    const codes = exclude ? target.excluded : target.codes;
    // Codes from imported ValueSets (intersected with the system part when both are given, approximated by union).
    for (const url of part.valueSet ?? []) {
      const imported = this.expand(url, pkg, stack);
      if (!imported) {
        if (!exclude) target.unknown.push({ reason: 'value-set-unknown', what: url });
        continue;
      }
      if (exclude) continue;
      for (const [system, set] of imported.codes) for (const code of set) add(codes, system, code);
      for (const s of imported.wholeSystems) target.wholeSystems.add(s);
      target.unknown.push(...imported.unknown);
    }
    const system = part.system;
    if (!system) return;
    if (part.concept && part.concept.length > 0) {
      for (const c of part.concept) if (typeof c?.code === 'string') add(codes, system, c.code);
      return;
    }
    const filters = part.filter ?? [];
    if (system === UCUM_SYSTEM && filters.length === 0) {
      if (!exclude) target.wholeSystems.add(system);
      return;
    }
    const cs = this.codeSystem(system, pkg);
    if (!cs || !cs.complete) {
      if (!exclude) target.unknown.push({ reason: 'system-unknown', what: system, system });
      return;
    }
    let selected = [...cs.codes.keys()];
    for (const filter of filters) {
      const chosen = applyFilter(cs, filter);
      if (!chosen) {
        if (!exclude)
          target.unknown.push({
            reason: 'filter-unsupported',
            what: `${system} ${filter.property} ${filter.op}`,
            system,
          });
        return;
      }
      selected = selected.filter((code) => chosen.has(code));
    }
    for (const code of selected) add(codes, system, code);
  }
}

function add(map: Map<string, Set<string>>, system: string, code: string): void {
  let set = map.get(system);
  if (!set) map.set(system, (set = new Set()));
  set.add(code);
}

function flattenContains(
  contains: { system?: string; code?: string; contains?: unknown[] }[],
): { system?: string; code?: string }[] {
  const out: { system?: string; code?: string }[] = [];
  for (const c of contains) {
    out.push(c);
    if (Array.isArray(c.contains)) out.push(...flattenContains(c.contains as typeof contains));
  }
  return out;
}

function descendants(cs: CodeSystemIndex, code: string, includeSelf: boolean): Set<string> {
  const result = new Set<string>();
  const start = cs.codes.get(code);
  if (!start) return result;
  if (includeSelf) result.add(code);
  const children = new Map<string, string[]>();
  for (const [c, { parent }] of cs.codes) {
    if (!parent) continue;
    const list = children.get(parent);
    if (list) list.push(c);
    else children.set(parent, [c]);
  }
  const queue = [...(children.get(code) ?? [])];
  while (queue.length > 0) {
    const c = queue.shift() as string;
    if (result.has(c)) continue;
    result.add(c);
    queue.push(...(children.get(c) ?? []));
  }
  return result;
}

function applyFilter(
  cs: CodeSystemIndex,
  filter: { property: string; op: string; value: string },
): Set<string> | undefined {
  if ((filter.property === 'concept' || filter.property === 'code') && filter.op === 'is-a')
    return descendants(cs, filter.value, true);
  if ((filter.property === 'concept' || filter.property === 'code') && filter.op === 'descendent-of')
    return descendants(cs, filter.value, false);
  if ((filter.property === 'concept' || filter.property === 'code') && filter.op === 'is-not-a') {
    const excluded = descendants(cs, filter.value, true);
    return new Set([...cs.codes.keys()].filter((c) => !excluded.has(c)));
  }
  if (filter.op === '=') {
    const result = new Set<string>();
    for (const [code, { concept, parent }] of cs.codes) {
      if (filter.property === 'parent' && parent === filter.value) result.add(code);
      const property = concept.property?.find((p) => p.code === filter.property);
      if (!property) continue;
      const value =
        property.valueCode ??
        property.valueString ??
        property.valueCoding?.code ??
        String(property.valueBoolean);
      if (value === filter.value) result.add(code);
    }
    return result;
  }
  return undefined;
}
