// The walker: one pass over a JSON resource against its compiled StructureDefinitions (base definition, declared
// and requested profiles, profiles implied by the instance, profiles assigned by Bundle entry slices). It knows
// the shape of the walk; each rule family (members, cardinality, primitives, slicing, extensions, bindings,
// references, bundles, invariants, datatypes) lives in its own module and is called from here.
import type { Params } from '../../i18n/index.js';
import type { FhirTranslate, ValidatorKey } from '../messages.js';
import type { FhirContext } from '../packages/context.js';
import type { LoadedPackage } from '../packages/loaded-package.js';
import { Terminology } from '../terminology/terminology.js';
import { checkBinding, checkCodingInSystem, CODED_TYPES } from './bindings.js';
import { checkBundle } from './bundles.js';
import { indexBundle } from './bundle-index.js';
import { checkCardinality } from './cardinality.js';
import { checkAttachment } from './datatypes.js';
import { childTable, isResourceType, safeStructure } from './definitions.js';
import { checkExtension } from './extensions.js';
import { checkFixedAndPattern } from './fixed-pattern.js';
import { impliedProfiles } from './implied-profiles.js';
import type { IssueSeverity, IssueType, JsonPath, ValidationIssue } from './issue.js';
import { expressionOf } from './issue.js';
import { checkInvariants, hasContent } from './invariants.js';
import { groupMembers, itemsOf } from './members.js';
import { checkPrimitive } from './primitive-values.js';
import { primitiveType } from './primitives.js';
import { checkReference } from './references.js';
import { checkSlices } from './slicing.js';
import type { CompiledStructure, ElementNode } from './structure.js';
import { StructureError, structureFor } from './structure.js';
import type { Frame, Item, Json, PathNode } from './walk.js';
import { child, sameCanonical, toArray } from './walk.js';
import { isObject } from './values.js';

export type UnknownExtensionPolicy = 'warning' | 'error' | 'ignore';

export interface ValidatorSettings {
  context: FhirContext;
  t: FhirTranslate;
  /** Extensions whose definition cannot be found: error (default, as the HL7 validator), warning or ignore. */
  unknownExtensions: UnknownExtensionPolicy;
  /** URL prefixes under which unknown extensions are allowed (the HL7 validator's `-extension` domains). */
  extensionDomains: string[];
  /** Profiles every top-level resource must conform to, besides its meta.profile. */
  profiles: string[];
}

const RESOURCE_TYPES = new Set(['Resource', 'DomainResource']);

export interface IssueExtra {
  profile?: string;
  constraint?: string;
  count?: number;
}

export class Validation {
  readonly issues: ValidationIssue[] = [];
  readonly terminology: Terminology;
  /** Constraint evaluations the FHIRPath engine could not carry out (reported once per constraint, counted all). */
  unevaluated = 0;
  documentType = 'Resource';
  /** A conformance probe (slicing by profile): reports nothing outside itself and records nothing shared. */
  probe = false;
  /** Issues reported once per document (terminology or invariants that cannot be checked offline). */
  private readonly once = new Map<string, ValidationIssue>();
  private readonly conformance = new WeakMap<object, Map<string, boolean>>();

  constructor(readonly settings: ValidatorSettings) {
    const memo = settings.context.memo<string, Terminology>('validator.terminology');
    let terminology = memo.get('instance');
    if (!terminology) memo.set('instance', (terminology = new Terminology(settings.context)));
    this.terminology = terminology;
  }

  get ctx(): FhirContext {
    return this.settings.context;
  }

  report(
    severity: IssueSeverity,
    code: IssueType,
    messageId: ValidatorKey,
    params: Params,
    path: PathNode | JsonPath | undefined,
    extra: IssueExtra = {},
  ): ValidationIssue {
    const array = Array.isArray(path) ? path : toArray(path as PathNode | undefined);
    const issue: ValidationIssue = {
      severity,
      code,
      expression: expressionOf(this.documentType, array),
      path: array,
      message: this.settings.t(messageId, params),
      messageId,
      ...extra,
    };
    this.issues.push(issue);
    return issue;
  }

  /** Reports an issue once per document and key; later occurrences are counted on it. */
  onceReport(
    severity: IssueSeverity,
    code: IssueType,
    messageId: ValidatorKey,
    params: Params,
    path: PathNode | JsonPath | undefined,
    key: string,
    extra: IssueExtra = {},
  ): void {
    const id = `${messageId}|${key}`;
    const known = this.once.get(id);
    if (known) {
      known.count = (known.count ?? 1) + 1;
      return;
    }
    this.once.set(id, this.report(severity, code, messageId, params, path, extra));
  }

  /** Validates a top-level resource (a file's content). */
  validateDocument(value: unknown): void {
    if (!isObject(value)) {
      const kind = Array.isArray(value) ? 'array' : typeof value;
      this.report('fatal', 'structure', 'fhir.v.not-an-object', { kind }, []);
      return;
    }
    if (typeof value.resourceType === 'string') this.documentType = value.resourceType;
    this.resource(value, undefined, undefined, this.settings.profiles, false);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Resources

  resource(
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
    const base = safeStructure(this.ctx, type, parent?.pkg);
    if (!base || base.kind !== 'resource' || base.derivation === 'constraint' || base.abstract) {
      const at = path ? child(path, 'resourceType') : ['resourceType'];
      this.report('error', 'structure', 'fhir.v.resource-type-unknown', { type }, at);
      return;
    }
    const bundle = type === 'Bundle' ? indexBundle(value) : parent?.bundle;
    const frame: Frame = {
      resource: value,
      root: contained && parent ? parent.root : value,
      bundle,
      profile: base.url,
      pkg: base.pkg,
    };
    const meta = isObject(value.meta) ? value.meta : undefined;
    const declared = Array.isArray(meta?.profile)
      ? meta.profile.filter((p): p is string => typeof p === 'string')
      : [];
    const structures: CompiledStructure[] = [];
    const add = (structure: CompiledStructure | undefined) => {
      if (structure && !structures.includes(structure)) structures.push(structure);
    };
    const metaPath = child(child(path, 'meta'), 'profile');
    declared.forEach((url, i) => add(this.profile(url, type, child(metaPath, i), parent?.pkg)));
    for (const url of extraProfiles.filter((p) => !declared.some((d) => sameCanonical(d, p))))
      add(this.profile(url, type, path, parent?.pkg));
    if (structures.length === 0) structures.push(base);
    // Profiles the HL7 validator applies without being asked: vital signs by code, ImplementationGuide globals.
    for (const url of impliedProfiles(this.ctx, value)) {
      if (!structures.some((s) => sameCanonical(s.url, url))) add(safeStructure(this.ctx, url, undefined));
    }
    for (const structure of structures) {
      const own = { ...frame, profile: structure.url, pkg: structure.pkg };
      this.complex(value, structure.root, structure.type, path, own, true);
    }
    if (type === 'Bundle' && bundle) checkBundle(this, value, path, frame, bundle);
  }

  /** A profile to apply, or undefined (with an issue) when it cannot be. */
  private profile(
    url: string,
    type: string,
    path: PathNode | undefined,
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
      this.report('warning', 'not-found', 'fhir.v.profile-unknown', { url }, path);
      return undefined;
    }
    if (structure.type !== type) {
      const params = { url, expected: structure.type, type };
      this.report('error', 'invalid', 'fhir.v.profile-wrong-type', params, path);
      return undefined;
    }
    this.definitionProblems(structure);
    return structure;
  }

  /** What a generated snapshot found wrong in its differential: errors located in the definition's file. */
  definitionProblems(structure: CompiledStructure): void {
    for (const p of structure.problems) {
      const id = `definition|${structure.url}|${p.index}|${p.messageId}`;
      if (this.once.has(id)) continue;
      const issue: ValidationIssue = {
        severity: 'error',
        code: 'invalid',
        expression: '',
        path: p.path,
        message: this.settings.t('fhir.v.profile-problem', {
          url: structure.url,
          problem: this.settings.t(p.messageId, p.params),
        }),
        messageId: `fhir.v.${p.messageId}`,
        profile: structure.url,
        file: p.file,
        ...(p.line !== undefined ? { line: p.line, column: p.column } : {}),
      };
      this.once.set(id, issue);
      this.issues.push(issue);
    }
  }

  /** Whether a value conforms to a profile (for `profile` discriminators), without reporting. */
  conformsTo(value: unknown, url: string, frame: Frame): boolean {
    if (!isObject(value)) return false;
    let table = this.conformance.get(value);
    if (!table) this.conformance.set(value, (table = new Map()));
    const known = table.get(url);
    if (known !== undefined) return known;
    const probe = new Validation(this.settings);
    probe.documentType = this.documentType;
    probe.probe = true;
    const structure = safeStructure(this.ctx, url, frame.pkg);
    let result = false;
    if (structure) {
      if (typeof value.resourceType === 'string') probe.resource(value, undefined, frame, [url], false);
      else {
        const own = { ...frame, profile: url, pkg: structure.pkg };
        probe.complex(value, structure.root, structure.type, undefined, own, false);
      }
      result = !probe.issues.some((i) => i.severity === 'error' || i.severity === 'fatal');
    }
    table.set(url, result);
    return result;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Elements

  complex(
    value: Json,
    node: ElementNode,
    typeCode: string | undefined,
    path: PathNode | undefined,
    frame: Frame,
    isRoot: boolean,
  ): void {
    if (!isRoot && !hasContent(value)) {
      const extra = { constraint: 'ele-1', profile: frame.profile };
      this.report('error', 'structure', 'fhir.v.empty-element', {}, path, extra);
      return;
    }
    if (typeCode === 'Extension' && !isRoot && node.children.length === 0) {
      checkExtension(this, value, node, path, frame);
      return;
    }
    const table = childTable(this.ctx, node, typeCode, frame.pkg);
    for (const group of groupMembers(this, value, table, path, frame, isRoot)) {
      const def = group.def;
      const items = itemsOf(this, group, path, frame);
      if (!checkCardinality(this, def, items, path, frame)) continue;
      if (def.slicing && def.slices.length > 0) checkSlices(this, items, def, node, path, frame);
      else for (const item of items) this.item(item, def, node, frame);
    }
    checkFixedAndPattern(this, value, node, path, frame);
    if (node.binding && typeCode && CODED_TYPES.has(typeCode))
      checkBinding(this, value, typeCode, node, path, frame);
    if (typeCode === 'Coding') checkCodingInSystem(this, value, path, frame);
    else if (typeCode === 'Reference') checkReference(this, value, node, path, frame);
    else if (typeCode === 'Attachment') checkAttachment(this, value, path, frame);
    checkInvariants(this, value, node, typeCode, path, frame, isRoot);
  }

  /** Validates one item against an element definition (a slice or the element itself). */
  item(item: Item, def: ElementNode, owner: ElementNode, frame: Frame): void {
    const typeCode =
      item.typeCode ??
      (def.types.length === 1 ? def.types[0]?.code : this.resourceTypeAmong(item.value, def));
    const primitive = typeCode ? primitiveType(typeCode) : undefined;
    if (primitive && typeCode) {
      checkPrimitive(this, item, def, typeCode, primitive, frame);
      return;
    }
    if (item.extras !== undefined) {
      const params = { name: `_${def.name}` };
      this.report('error', 'structure', 'fhir.v.unknown-element', params, item.path, {
        profile: frame.profile,
      });
    }
    const { value } = item;
    if (typeCode && (RESOURCE_TYPES.has(typeCode) || isResourceType(this.ctx, typeCode))) {
      const profiles = def.types
        .filter((t) => t.code === typeCode || RESOURCE_TYPES.has(t.code))
        .flatMap((t) => t.profiles);
      this.nestedResource(value, item.path, frame, profiles, def.name === 'contained');
      return;
    }
    if (!isObject(value)) {
      const params = { name: def.name.replace('[x]', ''), type: typeCode ?? 'Element' };
      this.report('error', 'structure', 'fhir.v.expected-object', params, item.path, {
        profile: frame.profile,
      });
      return;
    }
    if (typeCode === 'Extension' && def.children.length === 0) {
      checkExtension(this, value, def, item.path, frame, owner);
      return;
    }
    this.complex(value, def, typeCode, item.path, frame, false);
  }

  /** For an element typed with several resource types (`Binary | Bundle`), the one the value has. */
  private resourceTypeAmong(value: unknown, def: ElementNode): string | undefined {
    if (!isObject(value) || typeof value.resourceType !== 'string') return undefined;
    if (!def.types.every((t) => RESOURCE_TYPES.has(t.code) || isResourceType(this.ctx, t.code)))
      return undefined;
    return def.types.some((t) => t.code === value.resourceType) ? value.resourceType : 'Resource';
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
    if (profiles.some((p) => declared.some((d) => typeof d === 'string' && sameCanonical(d, p)))) {
      this.resource(value, path, frame, [], contained);
      return;
    }
    const matching = profiles.find((p) => this.conformsTo(value, p, frame));
    if (matching) {
      this.resource(value, path, frame, [matching], contained);
      return;
    }
    const params = { profiles: profiles.join(', ') };
    this.report('error', 'structure', 'fhir.v.no-profile-matches', params, path, { profile: frame.profile });
    this.resource(value, path, frame, [], contained);
  }
}
