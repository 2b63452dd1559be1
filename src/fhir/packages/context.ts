// The conformance resources of a set of loaded packages, indexed by canonical URL and `url|version`. When several
// packages define the same URL, the asking package's dependency graph decides (its own dependencies first,
// breadth-first), then the order the packages were requested in, then the highest version.
import type { FhirResource, LoadedPackage } from './loaded-package.js';
import type { IndexEntry } from './package-index.js';
import { compareVersions } from './package-spec.js';

export interface ResourceRef {
  pkg: LoadedPackage;
  entry: IndexEntry;
}

export interface Resolved<T extends FhirResource = FhirResource> extends ResourceRef {
  resource: T;
}

export type PackageProblemKind =
  'missing' | 'missing-dependency' | 'substituted-dependency' | 'invalid-package' | 'invalid-resource';

export interface PackageProblem {
  kind: PackageProblemKind;
  /** The package asked for (`id#version`) or the file given. */
  spec: string;
  requiredBy?: string;
  /** Where it was looked for: folders, the cache, the registry URL. */
  searched: string[];
  substitute?: string;
  detail?: string;
}

export class FhirContext {
  private readonly byUrl = new Map<string, ResourceRef[]>();
  private readonly order: LoadedPackage[];
  /** Per-context memo tables (compiled structures, ValueSet expansions…), keyed by their owner module. */
  private readonly memos = new Map<string, Map<unknown, unknown>>();

  constructor(
    /** The packages asked for, in order (hl7.fhir.r4.core included). */
    readonly roots: LoadedPackage[],
    readonly problems: PackageProblem[] = [],
  ) {
    const seen = new Set<LoadedPackage>();
    this.order = [];
    for (const root of roots) {
      for (const pkg of root.searchOrder()) {
        if (seen.has(pkg)) continue;
        seen.add(pkg);
        this.order.push(pkg);
      }
    }
    for (const pkg of this.order) {
      for (const entry of pkg.entries) {
        if (!entry.url) continue;
        const refs = this.byUrl.get(entry.url);
        if (refs) refs.push({ pkg, entry });
        else this.byUrl.set(entry.url, [{ pkg, entry }]);
      }
    }
  }

  /** Every loaded package, requested ones first, then dependencies breadth-first. */
  get packages(): readonly LoadedPackage[] {
    return this.order;
  }

  /**
   * Packages loaded in place of the version a dependent declares (and not requested themselves): results from
   * their profiles are indicative only.
   */
  get substitutes(): Set<LoadedPackage> {
    if (!this.substituteSet) {
      const keys = new Set(
        this.problems.filter((p) => p.kind === 'substituted-dependency').map((p) => p.substitute),
      );
      this.substituteSet = new Set(this.order.filter((p) => keys.has(p.key) && !this.roots.includes(p)));
    }
    return this.substituteSet;
  }

  private substituteSet: Set<LoadedPackage> | undefined;

  /** Problems that mean the requested packages are not all there (the caller reports them as unavailable). */
  get missing(): PackageProblem[] {
    return this.problems.filter((p) => p.kind === 'missing' || p.kind === 'invalid-package');
  }

  memo<K, V>(owner: string): Map<K, V> {
    let table = this.memos.get(owner);
    if (!table) this.memos.set(owner, (table = new Map()));
    return table as Map<K, V>;
  }

  /** Finds a canonical resource (`url` or `url|version`), as seen from `from` when given. */
  resolve(canonical: string, from?: LoadedPackage): ResourceRef | undefined {
    const bar = canonical.indexOf('|');
    const url = bar < 0 ? canonical : canonical.slice(0, bar);
    const version = bar < 0 ? undefined : canonical.slice(bar + 1);
    let candidates = this.byUrl.get(url);
    if (!candidates || candidates.length === 0) return undefined;
    if (candidates.length === 1) return candidates[0];
    if (version) {
      const exact = candidates.filter((c) => c.entry.version === version || c.pkg.version === version);
      if (exact.length > 0) candidates = exact;
      if (candidates.length === 1) return candidates[0];
    }
    const byPackage = new Map(candidates.map((c) => [c.pkg, c]));
    for (const pkg of from ? from.searchOrder() : []) {
      const hit = byPackage.get(pkg);
      if (hit) return hit;
    }
    for (const pkg of this.order) {
      const hit = byPackage.get(pkg);
      if (hit) return hit;
    }
    return [...candidates].sort((a, b) => compareVersions(b.pkg.version, a.pkg.version))[0];
  }

  fetch<T extends FhirResource = FhirResource>(
    canonical: string,
    from?: LoadedPackage,
  ): Resolved<T> | undefined {
    const ref = this.resolve(canonical, from);
    if (!ref) return undefined;
    const resource = ref.pkg.read(ref.entry) as T | null;
    return resource ? { ...ref, resource } : undefined;
  }

  /** Every indexed resource of a type (e.g. all StructureDefinitions), for tools and tests. */
  *entries(resourceType?: string): Iterable<ResourceRef> {
    for (const pkg of this.order) {
      for (const entry of pkg.entries) {
        if (!resourceType || entry.resourceType === resourceType) yield { pkg, entry };
      }
    }
  }
}
