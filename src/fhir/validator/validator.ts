// The snapshot-driven validator: walks a JSON resource against compiled StructureDefinitions (base definition,
// declared and requested profiles, profiles assigned by Bundle entry slices) and collects issues. Generic for any
// profile: every rule comes from the snapshots, the loaded ValueSets and the invariants' FHIRPath.
import type { Params, Translate } from '../../i18n/index.js';
import type { FhirContext } from '../packages/context.js';
import type { LoadedPackage } from '../packages/loaded-package.js';
import { Terminology } from '../terminology/terminology.js';
import type { CodeVerdict } from '../terminology/terminology.js';
import type { IssueSeverity, IssueType, JsonPath, ValidationIssue } from './issue.js';
import { expressionOf } from './issue.js';
import { evaluateInvariant, hasContent } from './invariants.js';
import { formatProblem, jsonKindOf, primitiveType } from './primitives.js';
import type { BundleIndex, Json } from './references.js';
import { indexBundle, parseReference, resolveReference } from './references.js';
import type { CompiledStructure, ConstraintDef, ElementNode, TypeRef } from './structure.js';
import { StructureError, structureFor } from './structure.js';
import { deepEqual, isObject, matchesPattern, preview } from './values.js';

export type UnknownExtensionPolicy = 'warning' | 'error' | 'ignore';

export interface ValidatorSettings {
  context: FhirContext;
  t: Translate;
  unknownExtensions: UnknownExtensionPolicy;
  /** Profiles every top-level resource must conform to, besides its meta.profile. */
  profiles: string[];
}

/** A path as a linked list: O(1) per step of the walk, turned into an array only for issues. */
interface PathNode {
  parent: PathNode | undefined;
  key: string | number;
}

function child(parent: PathNode | undefined, key: string | number): PathNode {
  return { parent, key };
}

function toArray(path: PathNode | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let p = path; p; p = p.parent) out.push(p.key);
  return out.reverse();
}

/** The resource being walked and what its references can reach. */
interface Frame {
  resource: Json;
  /** %rootResource: the container for contained resources, the resource itself otherwise. */
  root: Json;
  bundle: BundleIndex | undefined;
  /** Profile whose definitions are being applied (for issues). */
  profile: string;
  /** Package the profile comes from (canonical resolution follows its dependencies). */
  pkg: LoadedPackage | undefined;
}

interface ChildMatch {
  node: ElementNode;
  /** The type chosen by the JSON name, for choice elements. */
  typeCode?: string;
}

interface ChildTable {
  byName: Map<string, ChildMatch>;
  list: ElementNode[];
  /** Base names of choice elements (`value` for `value[x]`), to explain a type not allowed. */
  choices: Map<string, ElementNode>;
}

interface Item {
  value: unknown;
  /** The `_name` partner of a primitive. */
  extras: unknown;
  typeCode: string | undefined;
  path: PathNode;
}

const RESOURCE_TYPES = new Set(['Resource', 'DomainResource']);
const CODED_TYPES = new Set([
  'code',
  'Coding',
  'CodeableConcept',
  'Quantity',
  'string',
  'uri',
  'CodeableReference',
]);
const UNIVERSAL_CONTEXTS = new Set(['Element', 'Base']);

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class Validation {
  readonly issues: ValidationIssue[] = [];
  private readonly terminology: Terminology;
  private documentType = 'Resource';
  /** Issues reported once per run (terminology or invariants that cannot be checked offline). */
  private readonly once = new Set<string>();
  private readonly conformance = new WeakMap<object, Map<string, boolean>>();

  constructor(private readonly settings: ValidatorSettings) {
    const memo = settings.context.memo<string, Terminology>('validator.terminology');
    let terminology = memo.get('instance');
    if (!terminology) memo.set('instance', (terminology = new Terminology(settings.context)));
    this.terminology = terminology;
  }

  private get ctx(): FhirContext {
    return this.settings.context;
  }

  report(
    severity: IssueSeverity,
    code: IssueType,
    messageId: string,
    params: Params,
    path: PathNode | JsonPath | undefined,
    extra: { profile?: string; constraint?: string } = {},
  ): void {
    const array = Array.isArray(path) ? path : toArray(path as PathNode | undefined);
    // A profile from a substituted dependency version cannot condemn the instance: its errors become warnings.
    const profile = extra.profile;
    if (severity === 'error' && profile && this.fromSubstitute(profile)) {
      severity = 'warning';
      this.onceReport(
        'information',
        'informational',
        'fhir.v.substituted-profile',
        { url: profile },
        array,
        profile,
      );
    }
    this.issues.push({
      severity,
      code,
      expression: expressionOf(this.documentType, array),
      path: array,
      message: this.settings.t(messageId, params),
      messageId,
      ...extra,
    });
  }

  private fromSubstitute(profile: string): boolean {
    const substitutes = this.ctx.substitutes;
    if (substitutes.size === 0) return false;
    const memo = this.ctx.memo<string, boolean>('validator.substituted');
    let known = memo.get(profile);
    if (known === undefined) {
      const ref = this.ctx.resolve(profile);
      known = ref !== undefined && substitutes.has(ref.pkg);
      memo.set(profile, known);
    }
    return known;
  }

  /** Validates a top-level resource (a file's content). */
  validateDocument(value: unknown): void {
    if (!isObject(value)) {
      this.report(
        'fatal',
        'structure',
        'fhir.v.not-an-object',
        { kind: Array.isArray(value) ? 'array' : typeof value },
        [],
      );
      return;
    }
    if (typeof value.resourceType === 'string') this.documentType = value.resourceType;
    this.resource(value, undefined, undefined, this.settings.profiles, false);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Resources

  private resource(
    value: unknown,
    path: PathNode | undefined,
    parent: Frame | undefined,
    extraProfiles: string[],
    contained: boolean,
  ): void {
    if (!isObject(value)) {
      this.report('error', 'structure', 'fhir.v.resource-not-object', {}, path);
      return;
    }
    const type = value.resourceType;
    if (typeof type !== 'string') {
      this.report('error', 'structure', 'fhir.v.resource-type-missing', {}, path);
      return;
    }
    let base: CompiledStructure | undefined;
    try {
      base = structureFor(this.ctx, type, parent?.pkg);
    } catch {
      base = undefined;
    }
    if (!base || base.kind !== 'resource' || base.derivation === 'constraint' || base.abstract) {
      this.report(
        'error',
        'structure',
        'fhir.v.resource-type-unknown',
        { type },
        path ? child(path, 'resourceType') : ['resourceType'],
      );
      return;
    }
    const frame: Frame = {
      resource: value,
      root: contained && parent ? parent.root : value,
      bundle: type === 'Bundle' ? indexBundle(value) : parent?.bundle,
      profile: base.url,
      pkg: base.pkg,
    };
    const meta = isObject(value.meta) ? value.meta : undefined;
    const declared = Array.isArray(meta?.profile)
      ? meta.profile.filter((p): p is string => typeof p === 'string')
      : [];
    const structures: CompiledStructure[] = [];
    const metaPath = child(child(path, 'meta'), 'profile');
    declared.forEach((url, i) => {
      const structure = this.profile(url, type, child(metaPath, i), 'warning', parent?.pkg);
      if (structure && !structures.includes(structure)) structures.push(structure);
    });
    for (const url of extraProfiles.filter((p) => !declared.some((d) => sameCanonical(d, p)))) {
      const structure = this.profile(url, type, path, 'warning', parent?.pkg);
      if (structure && !structures.includes(structure)) structures.push(structure);
    }
    if (structures.length === 0) structures.push(base);
    for (const structure of structures) {
      this.complex(
        value,
        structure.root,
        structure.type,
        path,
        { ...frame, profile: structure.url, pkg: structure.pkg },
        true,
      );
    }
  }

  /** A profile to apply, or undefined (with an issue) when it cannot be. */
  private profile(
    url: string,
    type: string,
    path: PathNode | undefined,
    unknownSeverity: IssueSeverity,
    from: LoadedPackage | undefined,
  ): CompiledStructure | undefined {
    let structure: CompiledStructure | undefined;
    try {
      structure = structureFor(this.ctx, url, from);
    } catch (error) {
      const reason = error instanceof StructureError ? error.reason : 'bad-snapshot';
      this.report('error', 'processing', `fhir.v.profile-${reason}`, { url }, path);
      return undefined;
    }
    if (!structure) {
      this.report(unknownSeverity, 'not-found', 'fhir.v.profile-unknown', { url }, path);
      return undefined;
    }
    if (structure.type !== type) {
      this.report(
        'error',
        'invalid',
        'fhir.v.profile-wrong-type',
        { url, expected: structure.type, type },
        path,
      );
      return undefined;
    }
    return structure;
  }

  /** Whether a value conforms to a profile (for `profile` discriminators), without reporting. */
  private conformsTo(value: unknown, url: string, frame: Frame): boolean {
    if (!isObject(value)) return false;
    let table = this.conformance.get(value);
    if (!table) this.conformance.set(value, (table = new Map()));
    const known = table.get(url);
    if (known !== undefined) return known;
    const probe = new Validation(this.settings);
    probe.documentType = this.documentType;
    let structure: CompiledStructure | undefined;
    try {
      structure = structureFor(this.ctx, url, frame.pkg);
    } catch {
      structure = undefined;
    }
    let result = false;
    if (structure) {
      if (typeof value.resourceType === 'string') {
        probe.resource(value, undefined, frame, [url], false);
      } else {
        probe.complex(
          value,
          structure.root,
          structure.type,
          undefined,
          { ...frame, profile: url, pkg: structure.pkg },
          false,
        );
      }
      result = !probe.issues.some((i) => i.severity === 'error' || i.severity === 'fatal');
    }
    table.set(url, result);
    return result;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Elements

  /** Children of an element: its own in the snapshot, else those of its type (or type profile). */
  private childTable(node: ElementNode, typeCode: string | undefined, frame: Frame): ChildTable | undefined {
    const key = `children:${typeCode ?? ''}`;
    if (node.memo.has(key)) return node.memo.get(key) as ChildTable | undefined;
    let list = node.children;
    if (list.length === 0 && node.contentReference) {
      // A content reference names an element of the base definition, not its constrained copy in a profile.
      const base = this.safeStructure(node.structure.type, frame) ?? node.structure;
      const target = base.byPath.get(node.contentReference.slice(node.contentReference.indexOf('#') + 1));
      list = target?.children ?? [];
      if (list.length === 0 && target) {
        const table = this.childTable(target, target.types[0]?.code, frame);
        node.memo.set(key, table);
        return table;
      }
    }
    if (list.length === 0) {
      const structure = this.typeStructure(node, typeCode, frame);
      list = structure?.root.children ?? [];
    }
    const table: ChildTable | undefined =
      list.length === 0 ? undefined : { byName: new Map(), list, choices: new Map() };
    for (const c of list) {
      if (!table) break;
      if (c.choice) {
        const baseName = c.name.slice(0, -3);
        table.choices.set(baseName, c);
        for (const t of c.types)
          table.byName.set(baseName + upperFirst(t.code), { node: c, typeCode: t.code });
      } else {
        table.byName.set(c.name, { node: c });
      }
    }
    node.memo.set(key, table);
    return table;
  }

  /** The definition of an element's type: its type profile when it has one, else the base type. */
  private typeStructure(
    node: ElementNode,
    typeCode: string | undefined,
    frame: Frame,
  ): CompiledStructure | undefined {
    const key = `type:${typeCode ?? ''}`;
    if (node.memo.has(key)) return node.memo.get(key) as CompiledStructure | undefined;
    const ref = typeCode ? node.types.find((t) => t.code === typeCode) : node.types[0];
    const code = typeCode ?? ref?.code;
    let structure: CompiledStructure | undefined;
    if (code && code !== 'Extension') {
      for (const url of [...(ref?.profiles ?? []), code]) {
        try {
          structure = structureFor(this.ctx, url, node.structure.pkg ?? frame.pkg);
        } catch {
          structure = undefined;
        }
        if (structure) break;
      }
    } else if (code === 'Extension') {
      structure = structureFor(this.ctx, 'Extension');
    }
    node.memo.set(key, structure);
    return structure;
  }

  /** Constraints of an element and of its type's root (ref-1, qty-3…), each key once. */
  private constraintsOf(
    node: ElementNode,
    typeCode: string | undefined,
    frame: Frame,
    isRoot: boolean,
  ): ConstraintDef[] {
    const key = `constraints:${typeCode ?? ''}`;
    const known = node.memo.get(key) as ConstraintDef[] | undefined;
    if (known) return known;
    const all = [...node.constraints];
    if (!isRoot && typeCode && !primitiveType(typeCode)) {
      const structure = this.typeStructure(node, typeCode, frame);
      for (const c of structure?.root.constraints ?? []) all.push(c);
    }
    const seen = new Set<string>();
    const unique = all.filter((c) => {
      const id = `${c.key}\n${c.expression ?? ''}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    node.memo.set(key, unique);
    return unique;
  }

  /** FHIRPath base for an element's invariants: its datatype, or its path for backbone elements. */
  private fhirpathBase(node: ElementNode, typeCode: string | undefined, isRoot: boolean): string {
    if (isRoot) return node.structure.type;
    if (!typeCode || typeCode === 'BackboneElement' || typeCode === 'Element')
      return node.path.replace('[x]', '');
    return typeCode;
  }

  private complex(
    value: Json,
    node: ElementNode,
    typeCode: string | undefined,
    path: PathNode | undefined,
    frame: Frame,
    isRoot: boolean,
  ): void {
    if (!isRoot && !hasContent(value)) {
      this.report('error', 'structure', 'fhir.v.empty-element', {}, path, {
        constraint: 'ele-1',
        profile: frame.profile,
      });
      return;
    }
    if (typeCode === 'Extension' && !isRoot && node.children.length === 0) {
      this.extension(value, node, path, frame);
      return;
    }
    const table = this.childTable(node, typeCode, frame);
    this.members(value, table, node, path, frame, isRoot);
    this.fixedAndPattern(value, node, path, frame);
    if (node.binding && typeCode && CODED_TYPES.has(typeCode))
      this.binding(value, typeCode, node, path, frame);
    if (typeCode === 'Coding') this.codingInSystem(value, path, frame);
    if (typeCode === 'Reference') this.reference(value, node, path, frame);
    this.invariants(value, node, typeCode, path, frame, isRoot);
  }

  private members(
    value: Json,
    table: ChildTable | undefined,
    owner: ElementNode,
    path: PathNode | undefined,
    frame: Frame,
    isRoot: boolean,
  ): void {
    const groups = new Map<
      ElementNode,
      { keys: string[]; values: unknown; extras: unknown; typeCode?: string }
    >();
    for (const key in value) {
      if (isRoot && key === 'resourceType') continue;
      const underscore = key.charCodeAt(0) === 95;
      const name = underscore ? key.slice(1) : key;
      const match = table?.byName.get(name);
      if (!match) {
        this.unknownMember(key, name, table, path, frame);
        continue;
      }
      let group = groups.get(match.node);
      if (!group) {
        group = { keys: [], values: undefined, extras: undefined };
        if (match.typeCode) group.typeCode = match.typeCode;
        groups.set(match.node, group);
      }
      if (match.typeCode && group.typeCode !== match.typeCode) {
        this.report(
          'error',
          'structure',
          'fhir.v.choice-several',
          { name: match.node.name },
          child(path, key),
          { profile: frame.profile },
        );
        continue;
      }
      if (!group.keys.includes(name)) group.keys.push(name);
      if (underscore) group.extras = value[key];
      else group.values = value[key];
    }
    for (const def of table?.list ?? []) {
      const group = groups.get(def);
      const items = group ? this.items(group, def, path, frame) : [];
      if (def.max === 0 && items.length > 0) {
        this.report(
          'error',
          'structure',
          'fhir.v.prohibited',
          { name: def.name.replace('[x]', ''), profile: frame.profile },
          items[0]?.path,
          {
            profile: frame.profile,
          },
        );
        continue;
      }
      if (items.length < def.min) {
        this.report(
          'error',
          'required',
          'fhir.v.min',
          { name: def.name.replace('[x]', ''), min: def.min, count: items.length },
          items[0]?.path ?? child(path, def.name.replace('[x]', '')),
          { profile: frame.profile },
        );
      }
      if (items.length > def.max) {
        this.report(
          'error',
          'structure',
          'fhir.v.max',
          { name: def.name.replace('[x]', ''), max: def.max, count: items.length },
          items[def.max]?.path,
          {
            profile: frame.profile,
          },
        );
      }
      if (def.slicing && def.slices.length > 0) this.sliced(items, def, owner, path, frame);
      else if (items.length === 0) continue;
      else for (const item of items) this.item(item, def, owner, frame);
    }
  }

  private unknownMember(
    key: string,
    name: string,
    table: ChildTable | undefined,
    path: PathNode | undefined,
    frame: Frame,
  ): void {
    for (const [baseName, node] of table?.choices ?? []) {
      if (name.startsWith(baseName) && /^[A-Z]/.test(name.slice(baseName.length))) {
        this.report(
          'error',
          'structure',
          'fhir.v.choice-type',
          { name: key, type: name.slice(baseName.length), allowed: node.types.map((t) => t.code).join(', ') },
          child(path, key),
          { profile: frame.profile },
        );
        return;
      }
    }
    this.report('error', 'structure', 'fhir.v.unknown-element', { name: key }, child(path, key), {
      profile: frame.profile,
    });
  }

  /** Turns a JSON member (and its `_` partner) into items, checking array/single form and nulls. */
  private items(
    group: { keys: string[]; values: unknown; extras: unknown; typeCode?: string },
    def: ElementNode,
    path: PathNode | undefined,
    frame: Frame,
  ): Item[] {
    const name = group.keys[0] as string;
    const typeCode = group.typeCode ?? (def.types.length === 1 ? def.types[0]?.code : undefined);
    const primitive = typeCode !== undefined && primitiveType(typeCode) !== undefined;
    const { values, extras } = group;
    const at = (key: string) => child(path, key);
    const isArray = Array.isArray(values) || Array.isArray(extras);
    if (def.repeats !== isArray && !(values === undefined && extras === undefined)) {
      const offending =
        def.repeats || Array.isArray(values) ? (values !== undefined ? name : `_${name}`) : `_${name}`;
      this.report(
        'error',
        'structure',
        def.repeats ? 'fhir.v.expected-array' : 'fhir.v.unexpected-array',
        { name },
        at(offending),
        {
          profile: frame.profile,
        },
      );
      if (!isArray)
        return [{ value: values, extras, typeCode, path: at(values !== undefined ? name : `_${name}`) }];
    }
    if (!isArray) {
      if (values === null && (extras === undefined || extras === null)) {
        this.report('error', 'structure', 'fhir.v.null', { name }, at(name), { profile: frame.profile });
        return [];
      }
      if (values !== undefined && extras !== undefined && !primitive) {
        this.report('error', 'structure', 'fhir.v.unknown-element', { name: `_${name}` }, at(`_${name}`), {
          profile: frame.profile,
        });
      }
      return [
        { value: values ?? undefined, extras, typeCode, path: at(values !== undefined ? name : `_${name}`) },
      ];
    }
    const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
    const partner = Array.isArray(extras) ? extras : extras === undefined ? [] : [extras];
    if ((values !== undefined && list.length === 0) || (extras !== undefined && partner.length === 0)) {
      this.report(
        'error',
        'structure',
        'fhir.v.empty-array',
        { name },
        at(list.length === 0 && values !== undefined ? name : `_${name}`),
        {
          profile: frame.profile,
        },
      );
      return [];
    }
    if (values !== undefined && extras !== undefined && list.length !== partner.length) {
      this.report(
        'error',
        'structure',
        'fhir.v.misaligned',
        { name, count: list.length, extras: partner.length },
        at(`_${name}`),
        {
          profile: frame.profile,
        },
      );
    }
    const items: Item[] = [];
    const count = Math.max(list.length, partner.length);
    for (let i = 0; i < count; i++) {
      const v = list[i];
      const e = partner[i];
      const key = v !== undefined && v !== null ? name : `_${name}`;
      if ((v === null || v === undefined) && (e === null || e === undefined)) {
        this.report(
          'error',
          'structure',
          'fhir.v.null',
          { name },
          child(at(values !== undefined ? name : `_${name}`), i),
          { profile: frame.profile },
        );
        continue;
      }
      items.push({ value: v ?? undefined, extras: e ?? undefined, typeCode, path: child(at(key), i) });
    }
    return items;
  }

  /** Validates one item against an element definition (a slice or the element itself). */
  private item(item: Item, def: ElementNode, owner: ElementNode, frame: Frame): void {
    const typeCode =
      item.typeCode ??
      (def.types.length === 1 ? def.types[0]?.code : this.resourceTypeAmong(item.value, def));
    const primitive = typeCode ? primitiveType(typeCode) : undefined;
    if (primitive && typeCode) {
      this.primitive(item, def, typeCode, primitive, frame);
      return;
    }
    if (item.extras !== undefined) {
      this.report('error', 'structure', 'fhir.v.unknown-element', { name: `_${def.name}` }, item.path, {
        profile: frame.profile,
      });
    }
    const { value } = item;
    if (typeCode && (RESOURCE_TYPES.has(typeCode) || this.isResourceType(typeCode))) {
      const profiles = def.types
        .filter((t) => t.code === typeCode || RESOURCE_TYPES.has(t.code))
        .flatMap((t) => t.profiles);
      this.nestedResource(value, item.path, frame, profiles, def.name === 'contained');
      return;
    }
    if (!isObject(value)) {
      this.report(
        'error',
        'structure',
        'fhir.v.expected-object',
        { name: def.name.replace('[x]', ''), type: typeCode ?? 'Element' },
        item.path,
        {
          profile: frame.profile,
        },
      );
      return;
    }
    if (typeCode === 'Extension' && def.children.length === 0) {
      this.extension(value, def, item.path, frame, owner);
      return;
    }
    this.complex(value, def, typeCode, item.path, frame, false);
  }

  /** For an element typed with several resource types (`Binary | Bundle`), the one the value has. */
  private resourceTypeAmong(value: unknown, def: ElementNode): string | undefined {
    if (!isObject(value) || typeof value.resourceType !== 'string') return undefined;
    if (!def.types.every((t) => RESOURCE_TYPES.has(t.code) || this.isResourceType(t.code))) return undefined;
    return def.types.some((t) => t.code === value.resourceType) ? value.resourceType : 'Resource';
  }

  private isResourceType(code: string): boolean {
    if (!/^[A-Z]/.test(code)) return false;
    const memo = this.ctx.memo<string, boolean>('validator.resource-types');
    let known = memo.get(code);
    if (known === undefined) {
      const ref = this.ctx.resolve(`http://hl7.org/fhir/StructureDefinition/${code}`);
      known = ref?.entry.kind === 'resource';
      memo.set(code, known);
    }
    return known;
  }

  private nestedResource(
    value: unknown,
    path: PathNode,
    frame: Frame,
    profiles: string[],
    contained: boolean,
  ): void {
    if (profiles.length <= 1 || !isObject(value)) {
      this.resource(value, path, frame, profiles, contained);
      return;
    }
    // Several profiles on one type: the resource must conform to one of them (the one it declares, if any).
    const declared = isObject(value.meta) && Array.isArray(value.meta.profile) ? value.meta.profile : [];
    const chosen = profiles.filter((p) => declared.some((d) => typeof d === 'string' && sameCanonical(d, p)));
    if (chosen.length > 0) {
      this.resource(value, path, frame, [], contained);
      return;
    }
    const matching = profiles.find((p) => this.conformsTo(value, p, frame));
    if (matching) {
      this.resource(value, path, frame, [matching], contained);
      return;
    }
    this.report('error', 'structure', 'fhir.v.no-profile-matches', { profiles: profiles.join(', ') }, path, {
      profile: frame.profile,
    });
    this.resource(value, path, frame, [], contained);
  }

  private primitive(item: Item, def: ElementNode, typeCode: string, primitive: string, frame: Frame): void {
    const { value, extras, path } = item;
    if (value !== undefined) {
      const expected = jsonKindOf(primitive);
      if (typeof value !== expected) {
        this.report(
          'error',
          'structure',
          'fhir.v.primitive-kind',
          {
            type: typeCode,
            expected,
            actual: Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value,
          },
          path,
          {
            profile: frame.profile,
          },
        );
      } else {
        const problem = formatProblem(primitive, value as string | number | boolean);
        if (problem) {
          this.report(
            'error',
            'value',
            `fhir.v.format-${problem === 'empty' ? 'empty' : 'type'}`,
            { type: typeCode, value: preview(value) },
            path,
            {
              profile: frame.profile,
            },
          );
        }
        if (def.maxLength !== undefined && typeof value === 'string' && value.length > def.maxLength) {
          this.report(
            'error',
            'value',
            'fhir.v.max-length',
            { max: def.maxLength, length: value.length },
            path,
            { profile: frame.profile },
          );
        }
        this.fixedAndPattern(value, def, path, frame);
        if (def.binding && CODED_TYPES.has(typeCode) && typeof value === 'string')
          this.binding(value, typeCode, def, path, frame);
      }
    }
    if (extras !== undefined) {
      if (!isObject(extras)) {
        this.report(
          'error',
          'structure',
          'fhir.v.expected-object',
          { name: `_${def.name}`, type: 'Element' },
          path,
          { profile: frame.profile },
        );
      } else if (!hasContent(extras) && value === undefined) {
        this.report('error', 'structure', 'fhir.v.empty-element', {}, path, {
          constraint: 'ele-1',
          profile: frame.profile,
        });
      } else {
        for (const key in extras) {
          if (key === 'id') {
            if (typeof extras.id !== 'string')
              this.report(
                'error',
                'structure',
                'fhir.v.primitive-kind',
                { type: 'string', expected: 'string', actual: typeof extras.id },
                child(path, 'id'),
              );
          } else if (key === 'extension') {
            const list = extras.extension;
            if (!Array.isArray(list)) {
              this.report(
                'error',
                'structure',
                'fhir.v.expected-array',
                { name: 'extension' },
                child(path, 'extension'),
              );
              continue;
            }
            const extensionDef = this.primitiveExtensionDef(typeCode, def, frame);
            list.forEach((ext, i) => {
              const at = child(child(path, 'extension'), i);
              if (!isObject(ext))
                this.report(
                  'error',
                  'structure',
                  'fhir.v.expected-object',
                  { name: 'extension', type: 'Extension' },
                  at,
                );
              else if (extensionDef) this.extension(ext, extensionDef, at, frame, def);
            });
          } else {
            this.report('error', 'structure', 'fhir.v.unknown-element', { name: key }, child(path, key), {
              profile: frame.profile,
            });
          }
        }
      }
    }
    if (value !== undefined) this.invariants(value, def, typeCode, path, frame, false);
  }

  private primitiveExtensionDef(typeCode: string, def: ElementNode, frame: Frame): ElementNode | undefined {
    const structure = this.typeStructure(def, typeCode, frame);
    return structure?.root.children.find((c) => c.name === 'extension');
  }

  private fixedAndPattern(value: unknown, node: ElementNode, path: PathNode | undefined, frame: Frame): void {
    if (typeof value === 'string' && node.types[0]?.code === 'canonical') {
      // A canonical without a version matches the same canonical with any version.
      const expected = node.fixed ?? node.pattern;
      if (
        typeof expected === 'string' &&
        (!value.includes('|') || !expected.includes('|')) &&
        sameCanonical(value, expected)
      )
        return;
    }
    if (node.fixed !== undefined && !deepEqual(value, node.fixed)) {
      this.report(
        'error',
        'value',
        'fhir.v.fixed',
        { expected: preview(node.fixed), actual: preview(value) },
        path,
        { profile: frame.profile },
      );
    }
    if (node.pattern !== undefined && !matchesPattern(value, node.pattern)) {
      this.report(
        'error',
        'value',
        'fhir.v.pattern',
        { expected: preview(node.pattern), actual: preview(value) },
        path,
        { profile: frame.profile },
      );
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Slicing

  private sliced(
    items: Item[],
    def: ElementNode,
    owner: ElementNode,
    path: PathNode | undefined,
    frame: Frame,
  ): void {
    const slicing = def.slicing as NonNullable<ElementNode['slicing']>;
    const counts = new Map<ElementNode, Item[]>();
    const missingAt = items.length === 0 ? child(path, def.name.replace('[x]', '')) : undefined;
    let lastSliceIndex = -1;
    let seenUnmatched = false;
    for (const item of items) {
      const sliceIndex = def.slices.findIndex((slice) => this.matchesSlice(item, slice, def, frame));
      const slice = def.slices[sliceIndex];
      if (!slice) {
        seenUnmatched = true;
        if (slicing.rules === 'closed') {
          this.report(
            'error',
            'structure',
            'fhir.v.slice-closed',
            { name: def.name.replace('[x]', '') },
            item.path,
            { profile: frame.profile },
          );
        }
        this.item(item, def, owner, frame);
        continue;
      }
      if (slicing.ordered && sliceIndex < lastSliceIndex) {
        this.report('error', 'structure', 'fhir.v.slice-order', { slice: slice.sliceName ?? '' }, item.path, {
          profile: frame.profile,
        });
      }
      if (slicing.rules === 'openAtEnd' && seenUnmatched) {
        this.report(
          'error',
          'structure',
          'fhir.v.slice-open-at-end',
          { slice: slice.sliceName ?? '' },
          item.path,
          { profile: frame.profile },
        );
      }
      lastSliceIndex = Math.max(lastSliceIndex, sliceIndex);
      const list = counts.get(slice);
      if (list) list.push(item);
      else counts.set(slice, [item]);
      const resliced = slice.slicing && slice.slices.length > 0;
      if (!resliced) this.item(item, slice, owner, frame);
    }
    for (const slice of def.slices) {
      const matched = counts.get(slice) ?? [];
      const name = slice.sliceName ?? '';
      if (matched.length < slice.min) {
        this.report(
          'error',
          'required',
          'fhir.v.slice-min',
          { name: def.name.replace('[x]', ''), slice: name, min: slice.min, count: matched.length },
          matched[0]?.path ?? items[0]?.path ?? missingAt,
          {
            profile: frame.profile,
          },
        );
      }
      if (matched.length > slice.max) {
        this.report(
          'error',
          'structure',
          'fhir.v.slice-max',
          { name: def.name.replace('[x]', ''), slice: name, max: slice.max, count: matched.length },
          matched[slice.max]?.path,
          {
            profile: frame.profile,
          },
        );
      }
      if (slice.slicing && slice.slices.length > 0 && matched.length > 0)
        this.sliced(matched, slice, owner, path, frame);
    }
  }

  private matchesSlice(item: Item, slice: ElementNode, sliced: ElementNode, frame: Frame): boolean {
    const discriminators = sliced.slicing?.discriminators ?? [];
    if (discriminators.length === 0) return false;
    return discriminators.every((d) => this.discriminatorMatches(item, slice, d.type, d.path, frame));
  }

  private discriminatorMatches(
    item: Item,
    slice: ElementNode,
    type: string,
    path: string,
    frame: Frame,
  ): boolean {
    const segments = splitDiscriminatorPath(path);
    const values = this.navigate(item.value, segments, frame);
    const target = this.definitionAt(slice, item.typeCode, segments, frame);
    switch (type) {
      case 'value':
      case 'pattern': {
        const expected = this.expectedValue(slice, target, segments);
        if (expected === undefined) {
          if (target?.binding?.strength === 'required' && target.binding.valueSet) {
            const vs = target.binding.valueSet;
            return values.some(
              (v) =>
                typeof v === 'string' &&
                this.terminology.checkCode(vs, undefined, v, frame.pkg).status === 'valid',
            );
          }
          return false;
        }
        const canonical = target?.types[0]?.code === 'canonical' && typeof expected.value === 'string';
        if (canonical)
          return values.some((v) => typeof v === 'string' && sameCanonical(v, expected.value as string));
        if (expected.kind === 'fixed') return values.some((v) => deepEqual(v, expected.value));
        return values.some((v) => matchesPattern(v, expected.value));
      }
      case 'exists':
        if (!target) return false;
        return target.min > 0 ? values.length > 0 : target.max === 0 ? values.length === 0 : true;
      case 'type': {
        if (!target) return false;
        const allowed = new Set(target.types.map((t) => t.code));
        if (segments.length === 1 && segments[0] === '$this' && item.typeCode)
          return allowed.has(item.typeCode);
        return values.some(
          (v) => isObject(v) && typeof v.resourceType === 'string' && allowed.has(v.resourceType),
        );
      }
      case 'profile': {
        if (!target) return false;
        const resolves = segments[segments.length - 1] === 'resolve()';
        const urls = target.types.flatMap((t) => (resolves ? t.targetProfiles : t.profiles));
        if (urls.length === 0) return false;
        return values.some((v) => urls.some((url) => this.conformsTo(v, url, frame)));
      }
      default:
        return false;
    }
  }

  /** The fixed or pattern value a slice gives at a discriminator path (an extension slice's url is its profile). */
  private expectedValue(
    slice: ElementNode,
    target: ElementNode | undefined,
    segments: string[],
  ): { kind: 'fixed' | 'pattern'; value: unknown } | undefined {
    if (target?.fixed !== undefined) return { kind: 'fixed', value: target.fixed };
    if (target?.pattern !== undefined) return { kind: 'pattern', value: target.pattern };
    if (segments.length === 1 && segments[0] === 'url') {
      const profile = slice.types.find((t) => t.code === 'Extension')?.profiles[0];
      if (profile) return { kind: 'fixed', value: profile.split('|')[0] };
    }
    return undefined;
  }

  /** Values at a discriminator path inside an instance. */
  private navigate(value: unknown, segments: string[], frame: Frame): unknown[] {
    let current: unknown[] = value === undefined ? [] : [value];
    for (const segment of segments) {
      const next: unknown[] = [];
      for (const v of current) {
        if (segment === '$this') next.push(v);
        else if (segment === 'resolve()') {
          if (isObject(v) && typeof v.reference === 'string') {
            const target = resolveReference(
              v.reference,
              parseReference(v.reference),
              frame.root,
              frame.bundle,
            );
            if (target) next.push(target);
          }
        } else if (segment.startsWith('extension(')) {
          const url = segment.slice(11, -2);
          const list = isObject(v) && Array.isArray(v.extension) ? v.extension : [];
          for (const e of list) if (isObject(e) && e.url === url) next.push(e);
        } else if (segment.startsWith('ofType(')) {
          const type = segment.slice(7, -1);
          if (isObject(v) && (v.resourceType === undefined || v.resourceType === type)) next.push(v);
        } else if (isObject(v)) {
          let member = v[segment];
          if (member === undefined) {
            for (const key in v) {
              if (key.startsWith(segment) && /^[A-Z]/.test(key.slice(segment.length))) member = v[key];
            }
          }
          if (Array.isArray(member)) next.push(...member);
          else if (member !== undefined) next.push(member);
        }
      }
      current = next;
    }
    return current;
  }

  /**
   * The element definition at a discriminator path inside a slice. When the path goes through a sliced element
   * whose own definition says nothing there, the required slices of that element are searched too.
   */
  private definitionAt(
    slice: ElementNode,
    typeCode: string | undefined,
    segments: string[],
    frame: Frame,
  ): ElementNode | undefined {
    const found = this.definitionWalk(slice, typeCode, segments, frame);
    if (!found || found.fixed !== undefined || found.pattern !== undefined || segments.length < 2)
      return found;
    for (let i = segments.length - 2; i >= 0; i--) {
      const through = this.definitionWalk(slice, typeCode, segments.slice(0, i + 1), frame);
      for (const required of through?.slices.filter((s) => s.min > 0) ?? []) {
        const rest = this.definitionWalk(required, required.types[0]?.code, segments.slice(i + 1), frame);
        if (rest && (rest.fixed !== undefined || rest.pattern !== undefined)) return rest;
      }
    }
    return found;
  }

  private definitionWalk(
    slice: ElementNode,
    typeCode: string | undefined,
    segments: string[],
    frame: Frame,
  ): ElementNode | undefined {
    let node: ElementNode | undefined = slice;
    let type = typeCode;
    for (const segment of segments) {
      if (!node) return undefined;
      if (segment === '$this' || segment.startsWith('ofType(')) continue;
      if (segment === 'resolve()') {
        const url: string | undefined = node.types.flatMap((t) => t.targetProfiles)[0];
        node = url ? this.safeStructure(url, frame)?.root : undefined;
        type = undefined;
        continue;
      }
      if (segment.startsWith('extension(')) {
        const url = segment.slice(11, -2);
        const extensions: ChildMatch | undefined = this.childTable(node, type, frame)?.byName.get(
          'extension',
        );
        const slice = extensions?.node.slices.find((s) =>
          s.types.some((t) => t.profiles.some((p) => sameCanonical(p, url))),
        );
        node = slice ?? this.safeStructure(url, frame)?.root;
        type = 'Extension';
        continue;
      }
      if (type === 'Extension' && node.children.length === 0) {
        const url = node.types.find((t) => t.code === 'Extension')?.profiles[0];
        const structure = url ? this.safeStructure(url, frame) : undefined;
        if (structure) node = structure.root;
      }
      const table = this.childTable(node, type, frame);
      const choice = table?.choices.get(segment);
      const match: ChildMatch | undefined =
        table?.byName.get(segment) ?? (choice ? { node: choice } : undefined);
      node = match?.node;
      type = match?.typeCode ?? (node && node.types.length === 1 ? node.types[0]?.code : undefined);
    }
    return node;
  }

  private safeStructure(url: string, frame: Frame): CompiledStructure | undefined {
    try {
      return structureFor(this.ctx, url, frame.pkg);
    } catch {
      return undefined;
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Extensions

  private extension(
    value: Json,
    def: ElementNode,
    path: PathNode | undefined,
    frame: Frame,
    host?: ElementNode,
  ): void {
    if (!hasContent(value)) {
      this.report('error', 'structure', 'fhir.v.empty-element', {}, path, {
        constraint: 'ele-1',
        profile: frame.profile,
      });
      return;
    }
    const url = typeof value.url === 'string' ? value.url : undefined;
    const declared = def.types.find((t) => t.code === 'Extension')?.profiles[0];
    const modifier = def.name === 'modifierExtension';
    let structure: CompiledStructure | undefined;
    if (declared) structure = this.safeStructure(declared, frame);
    else if (url && /^[a-z][a-z0-9+.-]*:/i.test(url)) {
      try {
        structure = structureFor(this.ctx, url, frame.pkg);
      } catch (error) {
        const reason = error instanceof StructureError ? error.reason : 'bad-snapshot';
        this.report('error', 'processing', `fhir.v.profile-${reason}`, { url }, child(path, 'url'), {
          profile: frame.profile,
        });
        structure = undefined;
      }
    }
    if (!structure) {
      const policy = modifier ? 'error' : this.settings.unknownExtensions;
      if (url && /^[a-z][a-z0-9+.-]*:/i.test(url) && policy !== 'ignore' && !declared) {
        this.report(
          policy,
          'extension',
          modifier ? 'fhir.v.modifier-extension-unknown' : 'fhir.v.extension-unknown',
          { url },
          path,
          {
            profile: frame.profile,
          },
        );
      } else if (declared && this.settings.unknownExtensions !== 'ignore') {
        this.onceReport(
          'information',
          'not-found',
          'fhir.v.extension-definition-missing',
          { url: declared },
          path,
          declared,
        );
      }
      const generic = this.safeStructure('Extension', frame);
      if (generic) this.complex(value, generic.root, 'Extension', path, frame, false);
      return;
    }
    if (structure.type !== 'Extension') {
      this.report(
        'error',
        'invalid',
        'fhir.v.extension-not-extension',
        { url: structure.url },
        child(path, 'url'),
        { profile: frame.profile },
      );
      return;
    }
    if (host) this.extensionContext(structure, host, path, frame);
    if (modifier !== structure.root.isModifier && structure.root.isModifier) {
      this.report('error', 'structure', 'fhir.v.extension-modifier-mismatch', { url: structure.url }, path, {
        profile: frame.profile,
      });
    }
    this.complex(
      value,
      structure.root,
      'Extension',
      path,
      { ...frame, profile: structure.url, pkg: structure.pkg },
      true,
    );
  }

  private extensionContext(
    structure: CompiledStructure,
    host: ElementNode,
    path: PathNode | undefined,
    frame: Frame,
  ): void {
    const contexts = structure.contexts;
    // Inside a datatype reached through its base definition, the element's full path is not known here: the
    // context cannot be judged, so it is not held against the instance.
    if (contexts.length === 0 || (host === host.structure.root && host.structure.kind !== 'resource')) return;
    const hostPath = host.path.replace(/\.(extension|modifierExtension)$/, '');
    const hostTypes = hostPath === host.path ? host.types.map((t) => t.code) : this.hostTypes(hostPath, host);
    const ok = contexts.some((c) => {
      if (c.type === 'fhirpath') return true;
      if (c.type === 'extension')
        return host.structure.url === c.expression || host.structure.type === 'Extension';
      const expression = c.expression;
      if (UNIVERSAL_CONTEXTS.has(expression) || expression === hostPath) return true;
      if (hostTypes.includes(expression)) return true;
      if (expression === 'Resource' || expression === 'DomainResource') return !hostPath.includes('.');
      const firstDot = expression.indexOf('.');
      return firstDot > 0 && hostPath.endsWith(expression.slice(firstDot));
    });
    if (!ok) {
      this.report(
        'error',
        'business-rule',
        'fhir.v.extension-context',
        { url: structure.url, place: hostPath, allowed: contexts.map((c) => c.expression).join(', ') },
        path,
        { profile: frame.profile },
      );
    }
  }

  private hostTypes(hostPath: string, host: ElementNode): string[] {
    const owner = host.structure.byPath.get(hostPath);
    const types = owner?.types.map((t) => t.code) ?? [];
    if (!hostPath.includes('.')) types.push(host.structure.type);
    return types;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Terminology

  private binding(
    value: unknown,
    typeCode: string,
    node: ElementNode,
    path: PathNode | undefined,
    frame: Frame,
  ): void {
    const binding = node.binding;
    if (!binding?.valueSet || binding.strength === 'preferred' || binding.strength === 'example') return;
    const valueSet = binding.valueSet;
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
    if (codings.length === 0) return;
    const verdicts: CodeVerdict[] = codings.map((c) =>
      typeCode === 'code' || typeCode === 'string' || typeCode === 'uri'
        ? this.terminology.checkCode(valueSet, undefined, c.code, frame.pkg)
        : this.terminology.checkCode(valueSet, c.system ?? '', c.code, frame.pkg),
    );
    if (verdicts.some((v) => v.status === 'valid')) return;
    const undecided = verdicts.find(
      (v): v is Extract<CodeVerdict, { status: 'not-checked' }> => v.status === 'not-checked',
    );
    if (undecided) {
      this.onceReport(
        'information',
        'informational',
        `fhir.v.binding-not-checked-${undecided.reason}`,
        { valueSet, what: undecided.what },
        path,
        `${node.path}|${valueSet}`,
      );
      return;
    }
    const shown = codings.map((c) => (c.system ? `${c.system}|${c.code}` : c.code)).join(', ');
    if (binding.strength === 'required') {
      this.report('error', 'code-invalid', 'fhir.v.binding-required', { code: shown, valueSet }, path, {
        profile: frame.profile,
      });
    } else {
      this.report('warning', 'code-invalid', 'fhir.v.binding-extensible', { code: shown, valueSet }, path, {
        profile: frame.profile,
      });
    }
  }

  /** A Coding whose code system is loaded and complete must use one of its codes. */
  private codingInSystem(value: Json, path: PathNode | undefined, frame: Frame): void {
    if (typeof value.system !== 'string' || typeof value.code !== 'string') return;
    const verdict = this.terminology.checkCodeInSystem(value.system, value.code, frame.pkg);
    if (verdict.status === 'invalid') {
      this.report(
        'error',
        'code-invalid',
        'fhir.v.code-unknown',
        { code: value.code, system: value.system },
        child(path, 'code'),
        {
          profile: frame.profile,
        },
      );
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // References

  private reference(value: Json, node: ElementNode, path: PathNode | undefined, frame: Frame): void {
    const reference = value.reference;
    if (typeof reference !== 'string') return;
    const parsed = parseReference(reference);
    const target = resolveReference(reference, parsed, frame.root, frame.bundle);
    const at = child(path, 'reference');
    if (!target) {
      if (parsed.kind === 'contained') {
        this.report('error', 'not-found', 'fhir.v.reference-contained', { reference }, at, {
          profile: frame.profile,
        });
        return;
      }
      if (parsed.kind === 'urn' && frame.bundle) {
        this.report('error', 'not-found', 'fhir.v.reference-unresolved', { reference }, at, {
          profile: frame.profile,
        });
        return;
      }
    }
    const actual =
      (target && typeof target.resourceType === 'string' ? target.resourceType : undefined) ?? parsed.type;
    if (!actual) return;
    if (!target && !this.isResourceType(actual)) {
      this.report('error', 'invalid', 'fhir.v.reference-type-name', { reference, type: actual }, at, {
        profile: frame.profile,
      });
      return;
    }
    if (typeof value.type === 'string' && value.type !== actual) {
      this.report('error', 'invalid', 'fhir.v.reference-type-mismatch', { reference, type: value.type }, at, {
        profile: frame.profile,
      });
    }
    const allowed = this.allowedTargets(node, frame);
    if (allowed && !allowed.has(actual)) {
      this.report(
        'error',
        'invalid',
        'fhir.v.reference-target',
        { reference, type: actual, allowed: [...allowed].sort().join(', ') },
        at,
        {
          profile: frame.profile,
        },
      );
    }
  }

  /** Resource types a Reference element may point to, or undefined when any (or unknown) may. */
  private allowedTargets(node: ElementNode, frame: Frame): Set<string> | undefined {
    const key = 'targets';
    if (node.memo.has(key)) return node.memo.get(key) as Set<string> | undefined;
    const profiles = node.types
      .filter((t: TypeRef) => t.code === 'Reference')
      .flatMap((t) => t.targetProfiles);
    let allowed: Set<string> | undefined = new Set<string>();
    for (const url of profiles) {
      const structure = this.safeStructure(url, frame);
      const type =
        structure?.type ??
        (url.startsWith('http://hl7.org/fhir/StructureDefinition/') ? url.slice(40) : undefined);
      if (!type || type === 'Resource' || type === 'DomainResource') {
        allowed = undefined;
        break;
      }
      allowed.add(type);
    }
    if (allowed && allowed.size === 0) allowed = undefined;
    node.memo.set(key, allowed);
    return allowed;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Invariants

  private invariants(
    value: unknown,
    node: ElementNode,
    typeCode: string | undefined,
    path: PathNode | undefined,
    frame: Frame,
    isRoot: boolean,
  ): void {
    const constraints = this.constraintsOf(node, typeCode, frame, isRoot);
    if (constraints.length === 0) return;
    const base = this.fhirpathBase(node, typeCode, isRoot);
    for (const constraint of constraints) {
      const outcome = evaluateInvariant(constraint, base, value, frame.resource, frame.root);
      if (outcome.status === 'fail') {
        this.report(
          constraint.severity,
          'invariant',
          constraint.bestPractice ? 'fhir.v.invariant-best-practice' : 'fhir.v.invariant',
          { key: constraint.key, human: constraint.human },
          path,
          { profile: frame.profile, constraint: constraint.key },
        );
      } else if (outcome.status === 'not-checked') {
        const messageId = constraint.expression
          ? 'fhir.v.invariant-not-checked'
          : 'fhir.v.invariant-no-expression';
        this.onceReport(
          'information',
          'informational',
          messageId,
          { key: constraint.key, detail: outcome.detail },
          path,
          `${constraint.key}|${constraint.expression ?? ''}`,
          {
            constraint: constraint.key,
            profile: frame.profile,
          },
        );
      }
    }
  }

  private onceReport(
    severity: IssueSeverity,
    code: IssueType,
    messageId: string,
    params: Params,
    path: PathNode | JsonPath | undefined,
    key: string,
    extra: { profile?: string; constraint?: string } = {},
  ): void {
    const id = `${messageId}|${key}`;
    if (this.once.has(id)) return;
    this.once.add(id);
    this.report(severity, code, messageId, params, path, extra);
  }
}

/** Two canonical URLs name the same resource, ignoring a `|version` on either. */
export function sameCanonical(a: string, b: string): boolean {
  return a.split('|')[0] === b.split('|')[0];
}

/** Splits a discriminator path on dots outside `extension('…')` and `ofType(…)` arguments. */
export function splitDiscriminatorPath(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  let depth = 0;
  let quoted = false;
  for (const c of path) {
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    if (c === '.' && depth === 0 && !quoted) {
      segments.push(current);
      current = '';
    } else current += c;
  }
  if (current) segments.push(current);
  return segments;
}
