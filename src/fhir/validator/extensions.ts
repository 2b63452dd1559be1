// Extension rules (http://hl7.org/fhir/R4/extensibility.html), as the HL7 validator applies them: an extension
// whose definition cannot be found is not allowed (error by default, relaxable), except under example domains and
// the domains the caller allows; a modifier extension nobody knows is always an error. An extension whose
// canonical belongs to a declared dependency that could not be loaded, or a cross-version core extension
// (`http://hl7.org/fhir/5.0/StructureDefinition/extension-…`), is known but not checked here. A known extension
// must be used where its context allows and as a modifier exactly when it is one; its content is validated
// against its definition.
import { missingDependencyOwning } from '../packages/known-canonicals.js';
import { safeStructure } from './definitions.js';
import type { CompiledStructure, ElementNode } from './structure.js';
import { StructureError, structureFor } from './structure.js';
import type { Frame, Json, PathNode } from './walk.js';
import { child } from './walk.js';
import type { Validation } from './walker.js';
import { hasContent } from './invariants.js';

const UNIVERSAL_CONTEXTS = new Set(['Element', 'Base']);
const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
/** Core extensions of another FHIR version, which the HL7 validator builds from that version's definitions. */
const CROSS_VERSION = /^http:\/\/hl7\.org\/fhir\/([0-9.]+)\/StructureDefinition\/extension-[A-Za-z]/;

/** Unknown extensions the HL7 validator lets through: example domains and tooling namespaces. */
function allowedUnknown(url: string, domains: readonly string[]): boolean {
  return (
    url.includes('example.org') ||
    url.includes('acme.com') ||
    url.includes('nema.org') ||
    url.startsWith('http://hl7.org/fhir/tools/StructureDefinition/') ||
    domains.some((d) => url.startsWith(d))
  );
}

export function checkExtension(
  v: Validation,
  value: Json,
  def: ElementNode,
  path: PathNode | undefined,
  frame: Frame,
  host?: ElementNode,
): void {
  const extra = { profile: frame.profile };
  if (!hasContent(value)) {
    v.report('error', 'structure', 'fhir.v.empty-element', {}, path, { ...extra, constraint: 'ele-1' });
    return;
  }
  const url = typeof value.url === 'string' ? value.url : undefined;
  const declared = def.types.find((t) => t.code === 'Extension')?.profiles[0];
  const modifier = def.name === 'modifierExtension';
  let structure: CompiledStructure | undefined;
  if (declared) structure = safeStructure(v.ctx, declared, frame.pkg);
  else if (url && ABSOLUTE.test(url)) {
    try {
      structure = structureFor(v.ctx, url, frame.pkg);
    } catch (error) {
      const reason = error instanceof StructureError ? error.reason : 'bad-snapshot';
      v.report('error', 'processing', `fhir.v.profile-${reason}`, { url }, child(path, 'url'), extra);
    }
  }
  if (!structure) {
    unknownExtension(v, url, declared, modifier, path, frame);
    const generic = safeStructure(v.ctx, 'Extension', undefined);
    if (generic) v.complex(value, generic.root, 'Extension', path, frame, false);
    return;
  }
  if (structure.type !== 'Extension') {
    const params = { url: structure.url };
    v.report('error', 'invalid', 'fhir.v.extension-not-extension', params, child(path, 'url'), extra);
    return;
  }
  v.definitionProblems(structure);
  if (host) checkContext(v, structure, host, path, frame);
  if (modifier !== structure.root.isModifier && structure.root.isModifier)
    v.report('error', 'structure', 'fhir.v.extension-modifier-mismatch', { url: structure.url }, path, extra);
  v.complex(
    value,
    structure.root,
    'Extension',
    path,
    { ...frame, profile: structure.url, pkg: structure.pkg },
    true,
  );
}

/** An extension whose definition is not in the loaded packages. */
function unknownExtension(
  v: Validation,
  url: string | undefined,
  declared: string | undefined,
  modifier: boolean,
  path: PathNode | undefined,
  frame: Frame,
): void {
  const policy = v.settings.unknownExtensions;
  const canonical = declared ?? url;
  if (!canonical || !ABSOLUTE.test(canonical)) return;
  const dependency = missingDependencyOwning(v.ctx, canonical);
  if (dependency) {
    const params = { url: canonical, package: dependency };
    v.onceReport('information', 'not-found', 'fhir.v.extension-not-checked', params, path, canonical);
    return;
  }
  const version = CROSS_VERSION.exec(canonical)?.[1];
  if (version) {
    const params = { url: canonical, version };
    v.onceReport('information', 'not-found', 'fhir.v.extension-cross-version', params, path, canonical);
    return;
  }
  if (declared) {
    // The profile names the extension's definition, which none of the loaded packages holds.
    v.onceReport(
      'information',
      'not-found',
      'fhir.v.extension-definition-missing',
      { url: declared },
      path,
      declared,
    );
    return;
  }
  if (modifier) {
    v.report('error', 'extension', 'fhir.v.modifier-extension-unknown', { url: canonical }, path, {
      profile: frame.profile,
    });
    return;
  }
  if (policy === 'ignore' || allowedUnknown(canonical, v.settings.extensionDomains)) return;
  v.report(policy, 'extension', 'fhir.v.extension-unknown', { url: canonical }, path, {
    profile: frame.profile,
  });
}

function checkContext(
  v: Validation,
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
  const hostTypes = hostPath === host.path ? host.types.map((t) => t.code) : typesAt(hostPath, host);
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
    const params = {
      url: structure.url,
      place: hostPath,
      allowed: contexts.map((c) => c.expression).join(', '),
    };
    v.report('error', 'business-rule', 'fhir.v.extension-context', params, path, { profile: frame.profile });
  }
}

function typesAt(hostPath: string, host: ElementNode): string[] {
  const owner = host.structure.byPath.get(hostPath);
  const types = owner?.types.map((t) => t.code) ?? [];
  if (!hostPath.includes('.')) types.push(host.structure.type);
  return types;
}
