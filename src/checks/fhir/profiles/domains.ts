// The FHIR side of each MES data domain (rules/fhir/domains.yml): default packages, canonical base, resource
// types. Data, not code: a new IG version is a change in rules/.
import path from 'node:path';
import { UserError } from '../../../errors.js';
import type { LocalizedText } from '../../../i18n/index.js';
import type { DataDomain } from '../../../manifest/types.js';
import { rulesDir } from '../../../util/project.js';
import { readYamlFile } from '../../../util/yaml-source.js';
import { parsePackageSpec } from '../../../fhir/packages/package-spec.js';

export interface DomainRules {
  title: LocalizedText;
  packages: string[];
  canonical: string;
  resourceTypes: string[];
  /** Profiles applied to a resource of a type that declares no meta.profile. */
  profiles: Record<string, string[]>;
}

export const DATA_DOMAINS: readonly DataDomain[] = ['mesures', 'documents', 'agenda'];

let cached: Map<DataDomain, DomainRules> | undefined;

export function domainRules(rules = rulesDir()): Map<DataDomain, DomainRules> {
  if (cached && rules === rulesDir()) return cached;
  const file = path.join(rules, 'fhir', 'domains.yml');
  const source = readYamlFile(file, { displayPath: 'rules/fhir/domains.yml', maxBytes: 256 * 1024 });
  const data = source.data as { domains?: Record<string, Record<string, unknown>> };
  const map = new Map<DataDomain, DomainRules>();
  for (const domain of DATA_DOMAINS) {
    const raw = data.domains?.[domain];
    const packages = raw?.packages;
    const types = raw?.['resource-types'];
    if (
      !raw ||
      !Array.isArray(packages) ||
      !packages.every((p) => typeof p === 'string' && parsePackageSpec(p)) ||
      typeof raw.canonical !== 'string' ||
      !Array.isArray(types)
    ) {
      throw new UserError('fhir.rules-invalid', { domain }, source.locate(['domains', domain]));
    }
    map.set(domain, {
      title: raw.title as LocalizedText,
      packages: packages as string[],
      canonical: raw.canonical,
      resourceTypes: types as string[],
      profiles: (raw.profiles as Record<string, string[]> | undefined) ?? {},
    });
  }
  if (rules === rulesDir()) cached = map;
  return map;
}

/** The profiles a resource is validated against besides its own: the domain's, when it declares none. */
export function defaultProfiles(resource: unknown, rule: DomainRules | undefined): string[] {
  const r = resource as { resourceType?: unknown; meta?: { profile?: unknown } } | null;
  if (!rule || !r || typeof r.resourceType !== 'string') return [];
  if (Array.isArray(r.meta?.profile) && r.meta.profile.length > 0) return [];
  return rule.profiles[r.resourceType] ?? [];
}

/** The domain a resource belongs to, from its declared profiles, then its type (Bundles: their entries). */
export function domainOf(resource: unknown, rules: Map<DataDomain, DomainRules>): DataDomain | undefined {
  if (!resource || typeof resource !== 'object') return undefined;
  const r = resource as { resourceType?: unknown; meta?: { profile?: unknown }; entry?: unknown };
  const profiles = Array.isArray(r.meta?.profile)
    ? r.meta.profile.filter((p): p is string => typeof p === 'string')
    : [];
  for (const [domain, rule] of rules) {
    if (profiles.some((p) => p.startsWith(`${rule.canonical}/`))) return domain;
  }
  for (const [domain, rule] of rules) {
    if (typeof r.resourceType === 'string' && rule.resourceTypes.includes(r.resourceType)) return domain;
  }
  if (r.resourceType === 'Bundle' && Array.isArray(r.entry)) {
    for (const entry of r.entry) {
      const found = domainOf((entry as { resource?: unknown } | null)?.resource, rules);
      if (found) return found;
    }
  }
  return undefined;
}
