// StructureDefinition snapshots compiled into trees of element nodes: children by name, slices under their
// sliced element, types with their profiles, constraints, fixed/pattern values and bindings. Compiled once per
// definition and context; the validator walks these trees, never the raw snapshot.
import type { FhirContext } from '../packages/context.js';
import type { FhirResource, LoadedPackage } from '../packages/loaded-package.js';
import type { LocatedProblem } from '../snapshot/problems.js';
import { locateProblems } from '../snapshot/problems.js';
import { snapshotOf } from '../snapshot/snapshots.js';
import type { ChildTable } from './walk.js';

export interface TypeRef {
  code: string;
  profiles: string[];
  targetProfiles: string[];
}

export interface ConstraintDef {
  key: string;
  severity: 'error' | 'warning';
  human: string;
  expression?: string;
  /** Best-practice invariants are reported as warnings. */
  bestPractice: boolean;
}

export interface BindingDef {
  strength: 'required' | 'extensible' | 'preferred' | 'example';
  valueSet?: string;
}

export interface SlicingDef {
  discriminators: { type: string; path: string }[];
  rules: 'open' | 'closed' | 'openAtEnd';
  ordered: boolean;
}

export interface ElementNode {
  id: string;
  path: string;
  /** Last path segment, e.g. `value[x]`. */
  name: string;
  sliceName?: string;
  min: number;
  max: number;
  /** JSON representation is an array (the base definition repeats). */
  repeats: boolean;
  types: TypeRef[];
  choice: boolean;
  fixed?: unknown;
  pattern?: unknown;
  binding?: BindingDef;
  constraints: ConstraintDef[];
  slicing?: SlicingDef;
  slices: ElementNode[];
  children: ElementNode[];
  contentReference?: string;
  isModifier: boolean;
  maxLength?: number;
  /** minValue[x] / maxValue[x] of a primitive element (numbers, or date/time texts). */
  minValue?: number | string;
  maxValue?: number | string;
  /** Typed with a FHIRPath system type (Resource.id, Element.id, Extension.url): not a FHIR primitive. */
  systemType: boolean;
  structure: CompiledStructure;
  /** Filled lazily by the validator, keyed by type code ('' when none): child tables, type definitions, constraints. */
  tables?: Map<string, ChildTable | undefined>;
  typeDefs?: Map<string, CompiledStructure | undefined>;
  constraintLists?: Map<string, ConstraintDef[]>;
  /** Resource types a Reference may target (null: any). */
  targets?: Set<string> | null;
}

export interface CompiledStructure {
  url: string;
  version?: string;
  name: string;
  /** The type constrained (`Observation`, `Extension`, `Quantity`…). */
  type: string;
  kind: string;
  derivation?: string;
  abstract: boolean;
  baseDefinition?: string;
  root: ElementNode;
  /** Non-slice elements by path, for `contentReference`. */
  byPath: Map<string, ElementNode>;
  pkg: LoadedPackage;
  /** Extension contexts (extension definitions only). */
  contexts: { type: string; expression: string }[];
  /** The snapshot was generated here from the differential (the package shipped none). */
  generated: boolean;
  /** What the differential does that its base does not allow, located in the definition's file. */
  problems: LocatedProblem[];
}

export class StructureError extends Error {
  constructor(
    readonly reason: 'no-snapshot' | 'not-structure-definition' | 'bad-snapshot',
    readonly url: string,
  ) {
    super(`${reason}: ${url}`);
    this.name = 'StructureError';
  }
}

const FHIR_TYPE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';
const BEST_PRACTICE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice';

interface RawElement {
  id?: string;
  path: string;
  sliceName?: string;
  min?: number;
  max?: string;
  base?: { max?: string };
  type?: {
    code?: string;
    profile?: string[];
    targetProfile?: string[];
    extension?: { url: string; valueUrl?: string }[];
  }[];
  constraint?: {
    key: string;
    severity?: string;
    human?: string;
    expression?: string;
    extension?: { url: string; valueBoolean?: boolean }[];
  }[];
  slicing?: { discriminator?: { type: string; path: string }[]; rules?: string; ordered?: boolean };
  binding?: { strength: BindingDef['strength']; valueSet?: string };
  contentReference?: string;
  isModifier?: boolean;
  maxLength?: number;
  [key: string]: unknown;
}

function maxOf(text: string | undefined): number {
  if (text === undefined || text === '*') return Number.POSITIVE_INFINITY;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
}

function typeCode(type: NonNullable<RawElement['type']>[number]): string {
  const declared = type.extension?.find((e) => e.url === FHIR_TYPE_EXTENSION)?.valueUrl;
  return declared ?? type.code ?? 'Element';
}

function constraintOf(raw: NonNullable<RawElement['constraint']>[number]): ConstraintDef {
  const bestPractice =
    raw.extension?.some((e) => e.url === BEST_PRACTICE_EXTENSION && e.valueBoolean) ?? false;
  return {
    key: raw.key,
    severity: raw.severity === 'warning' || bestPractice ? 'warning' : 'error',
    human: raw.human ?? raw.key,
    ...(raw.expression ? { expression: raw.expression } : {}),
    bestPractice,
  };
}

function nodeOf(raw: RawElement, structure: CompiledStructure, isRoot: boolean): ElementNode {
  const name = raw.path.slice(raw.path.lastIndexOf('.') + 1);
  let fixed: unknown;
  let pattern: unknown;
  let minValue: unknown;
  let maxValue: unknown;
  for (const key in raw) {
    if (key.startsWith('fixed')) fixed = raw[key];
    else if (key.startsWith('pattern')) pattern = raw[key];
    else if (key.startsWith('minValue')) minValue = raw[key];
    else if (key.startsWith('maxValue')) maxValue = raw[key];
  }
  const baseMax = raw.base?.max ?? raw.max;
  const node: ElementNode = {
    id: raw.id ?? raw.path,
    path: raw.path,
    name,
    min: raw.min ?? 0,
    max: maxOf(raw.max),
    repeats: !isRoot && baseMax !== '1' && baseMax !== '0',
    types: (raw.type ?? []).map((t) => ({
      code: typeCode(t),
      profiles: t.profile ?? [],
      targetProfiles: t.targetProfile ?? [],
    })),
    choice: name.endsWith('[x]'),
    constraints: (raw.constraint ?? []).map(constraintOf),
    slices: [],
    children: [],
    isModifier: raw.isModifier === true,
    systemType: (raw.type ?? []).some((t) => t.code?.startsWith('http://hl7.org/fhirpath/System.') === true),
    structure,
  };
  if (raw.sliceName) node.sliceName = raw.sliceName;
  if (fixed !== undefined) node.fixed = fixed;
  if (pattern !== undefined) node.pattern = pattern;
  if (raw.binding?.strength)
    node.binding = {
      strength: raw.binding.strength,
      ...(raw.binding.valueSet ? { valueSet: raw.binding.valueSet } : {}),
    };
  if (raw.slicing) {
    const rules =
      raw.slicing.rules === 'closed' || raw.slicing.rules === 'openAtEnd' ? raw.slicing.rules : 'open';
    node.slicing = {
      discriminators: raw.slicing.discriminator ?? [],
      rules,
      ordered: raw.slicing.ordered === true,
    };
  }
  if (raw.contentReference) node.contentReference = raw.contentReference;
  if (typeof raw.maxLength === 'number') node.maxLength = raw.maxLength;
  if (typeof minValue === 'number' || typeof minValue === 'string') node.minValue = minValue;
  if (typeof maxValue === 'number' || typeof maxValue === 'string') node.maxValue = maxValue;
  return node;
}

/** Id of the element an element belongs to: its parent, or for a slice the element it slices. */
function ownerId(id: string): { owner: string; slice: boolean } | undefined {
  const dot = id.lastIndexOf('.');
  const last = id.slice(dot + 1);
  const colon = last.indexOf(':');
  if (colon >= 0) {
    const name = last.slice(0, colon);
    const sliceName = last.slice(colon + 1);
    const slash = sliceName.lastIndexOf('/');
    const base = slash >= 0 ? `${name}:${sliceName.slice(0, slash)}` : name;
    return { owner: `${id.slice(0, dot + 1)}${base}`, slice: true };
  }
  return dot < 0 ? undefined : { owner: id.slice(0, dot), slice: false };
}

/** Compiles a StructureDefinition from its snapshot elements (shipped, or generated from its differential). */
export function compileStructure(
  sd: FhirResource,
  pkg: LoadedPackage,
  elements: RawElement[] | undefined = (sd.snapshot as { element?: RawElement[] } | undefined)?.element,
  snapshot: { generated: boolean; problems: LocatedProblem[] } = { generated: false, problems: [] },
): CompiledStructure {
  const url = typeof sd.url === 'string' ? sd.url : String(sd.id ?? '?');
  if (sd.resourceType !== 'StructureDefinition') throw new StructureError('not-structure-definition', url);
  if (!Array.isArray(elements) || elements.length === 0) throw new StructureError('no-snapshot', url);
  const structure = {
    url,
    ...(typeof sd.version === 'string' ? { version: sd.version } : {}),
    name: typeof sd.name === 'string' ? sd.name : url,
    type: String(sd.type ?? elements[0]?.path ?? ''),
    kind: String(sd.kind ?? ''),
    ...(typeof sd.derivation === 'string' ? { derivation: sd.derivation } : {}),
    abstract: sd.abstract === true,
    ...(typeof sd.baseDefinition === 'string' ? { baseDefinition: sd.baseDefinition } : {}),
    byPath: new Map(),
    pkg,
    ...snapshot,
    contexts: Array.isArray(sd.context)
      ? (sd.context as { type?: string; expression?: string }[]).map((c) => ({
          type: c.type ?? 'element',
          expression: c.expression ?? '',
        }))
      : [],
  } as unknown as CompiledStructure;
  const byId = new Map<string, ElementNode>();
  elements.forEach((raw, i) => {
    if (!raw || typeof raw.path !== 'string') throw new StructureError('bad-snapshot', url);
    const node = nodeOf(raw, structure, i === 0);
    byId.set(node.id, node);
    if (i === 0) {
      structure.root = node;
      structure.byPath.set(node.path, node);
      return;
    }
    const owner = ownerId(node.id);
    const parent = owner && byId.get(owner.owner);
    if (!owner || !parent) return;
    if (owner.slice) parent.slices.push(node);
    else {
      parent.children.push(node);
      if (!node.id.includes(':')) structure.byPath.set(node.path, node);
    }
  });
  return structure;
}

const STRUCTURES = 'structures';

/** The compiled structure of a canonical URL (or a type name), cached per context. */
export function structureFor(
  ctx: FhirContext,
  canonical: string,
  from?: LoadedPackage,
): CompiledStructure | undefined {
  const url = canonical.includes('/') ? canonical : `http://hl7.org/fhir/StructureDefinition/${canonical}`;
  const ref = ctx.resolve(url, from);
  if (!ref) return undefined;
  const memo = ctx.memo<object, CompiledStructure | StructureError>(STRUCTURES);
  const known = memo.get(ref.entry);
  if (known instanceof StructureError) throw known;
  if (known) return known;
  const resource = ref.pkg.read(ref.entry);
  try {
    if (!resource) throw new StructureError('bad-snapshot', url);
    if (resource.resourceType !== 'StructureDefinition')
      throw new StructureError('not-structure-definition', url);
    // The shipped snapshot, or one generated from the differential (kept for the run).
    const snapshot = snapshotOf(ctx, ref);
    const problems = snapshot?.problems.length ? locateProblems(ref, snapshot.problems) : [];
    const compiled = compileStructure(resource, ref.pkg, snapshot?.elements, {
      generated: snapshot?.generated ?? false,
      problems,
    });
    memo.set(ref.entry, compiled);
    return compiled;
  } catch (error) {
    if (error instanceof StructureError) memo.set(ref.entry, error);
    throw error;
  }
}
