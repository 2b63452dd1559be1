// A FHIR package once found on disk: its manifest, its resolved dependencies and its index. Resources are parsed
// only when asked for, once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IndexEntry } from './package-index.js';
import type { PackageSpec } from './package-spec.js';

export type PackageOrigin = 'package-path' | 'cache' | 'registry' | 'folder' | 'tarball' | 'local';

export type FhirResource = Record<string, unknown> & { resourceType: string };

export class LoadedPackage {
  /** Resolved dependencies, in the order `package.json` declares them. */
  readonly deps: LoadedPackage[] = [];
  /** Data derived from the package's resources, kept as long as the package (generated snapshots), by key. */
  readonly derived = new Map<string, unknown>();
  private readonly parsed = new Map<string, FhirResource | null>();
  private searchOrderCache: LoadedPackage[] | undefined;

  constructor(
    readonly id: string,
    readonly version: string,
    /** Folder holding package.json and the resources (empty for in-memory resources). */
    readonly dir: string,
    readonly origin: PackageOrigin,
    readonly dependencies: PackageSpec[],
    readonly entries: IndexEntry[],
    /** Resources given in memory (local conformance files), by entry filename. */
    private readonly inline?: Map<string, FhirResource>,
  ) {}

  get key(): string {
    return `${this.id}#${this.version}`;
  }

  /** Parses the resource of an index entry (null when the file is unreadable or not a resource). */
  read(entry: IndexEntry): FhirResource | null {
    const known = this.parsed.get(entry.filename);
    if (known !== undefined) return known;
    let resource: FhirResource | null = this.inline?.get(entry.filename) ?? null;
    if (!resource) {
      try {
        const value = JSON.parse(readFileSync(path.join(this.dir, entry.filename), 'utf8')) as unknown;
        resource =
          value && typeof value === 'object' && typeof (value as FhirResource).resourceType === 'string'
            ? (value as FhirResource)
            : null;
      } catch {
        resource = null;
      }
    }
    this.parsed.set(entry.filename, resource);
    return resource;
  }

  /** This package, then its dependencies breadth-first: the order in which it sees canonical URLs. */
  searchOrder(): LoadedPackage[] {
    if (this.searchOrderCache) return this.searchOrderCache;
    const order: LoadedPackage[] = [];
    const seen = new Set<LoadedPackage>();
    const queue: LoadedPackage[] = [this];
    while (queue.length > 0) {
      const pkg = queue.shift() as LoadedPackage;
      if (seen.has(pkg)) continue;
      seen.add(pkg);
      order.push(pkg);
      queue.push(...pkg.deps);
    }
    return (this.searchOrderCache = order);
  }
}
