// Finds and loads FHIR packages. A request is `id#version`, a package folder, a `.tgz`, or a JSON file or folder
// of conformance resources. `id#version` is looked for in the FHIR_PACKAGE_PATH folders (read-only), then the
// user cache, then downloaded from the registry into the cache. Dependencies follow each package.json,
// transitively. A package that cannot be found is a problem naming it and every place it was looked for.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PackageProblem } from './context.js';
import { FhirContext } from './context.js';
import type { FhirResource, PackageOrigin } from './loaded-package.js';
import { LoadedPackage } from './loaded-package.js';
import type { IndexEntry } from './package-index.js';
import { indexEntryOf, readPackageIndex } from './package-index.js';
import type { PackageSpec } from './package-spec.js';
import { readTextFile } from '../../util/text-file.js';
import { compareVersions, formatPackageSpec, parsePackageSpec } from './package-spec.js';
import { DEFAULT_REGISTRY, downloadPackage, RegistryError } from './registry.js';
import { extractTarball, TarballError } from './tarball.js';

export const R4_CORE: PackageSpec = { id: 'hl7.fhir.r4.core', version: '4.0.1' };

export interface PackageLoadOptions {
  /** Read-only package folders (FHIR_PACKAGE_PATH), searched first. */
  packagePath: string[];
  /** The writable user cache (`~/.fhir/packages`). */
  cacheDir?: string;
  /** Registry base URL (default packages.fhir.org). */
  registry?: string;
  /** No download. */
  offline?: boolean;
  /** Shares loaded packages between several contexts of one run. */
  store?: PackageStore;
  /**
   * Local resource files come after the packages when a canonical is defined by both (default: before, so that
   * the CLI can try a new version of a profile). The pipeline uses it: a pull request's own definitions must not
   * replace the IG's.
   */
  localLast?: boolean;
}

interface Located {
  dir: string;
  origin: PackageOrigin;
}

type Created = { pkg: LoadedPackage } | { problem: PackageProblem };

/** Loaded packages of a run, by `id#version`; each is read from disk once. */
export class PackageStore {
  private readonly created = new Map<string, Promise<Created>>();
  private readonly depsDone = new Map<string, Promise<PackageProblem[]>>();

  constructor(private readonly options: Omit<PackageLoadOptions, 'store'>) {}

  get searched(): string[] {
    const places = [...this.options.packagePath];
    if (this.options.cacheDir) places.push(this.options.cacheDir);
    if (!this.options.offline) places.push(this.options.registry ?? DEFAULT_REGISTRY);
    return places;
  }

  /** Loads `spec` and its dependencies; problems are about dependencies (the package itself is there). */
  async load(
    spec: PackageSpec,
    stack: Set<string> = new Set(),
  ): Promise<Created & { depProblems: PackageProblem[] }> {
    const key = formatPackageSpec(spec);
    let created = this.created.get(key);
    if (!created) this.created.set(key, (created = this.create(spec)));
    const result = await created;
    if (!('pkg' in result)) return { ...result, depProblems: [] };
    if (stack.has(key)) return { ...result, depProblems: [] };
    let deps = this.depsDone.get(key);
    if (!deps)
      this.depsDone.set(key, (deps = this.resolveDependencies(result.pkg, new Set([...stack, key]))));
    return { ...result, depProblems: await deps };
  }

  /** A package given as a folder, `.tgz` or local resources, with its dependencies resolved. */
  async adopt(pkg: LoadedPackage): Promise<PackageProblem[]> {
    return this.resolveDependencies(pkg, new Set([pkg.key]));
  }

  private async create(spec: PackageSpec): Promise<Created> {
    const key = formatPackageSpec(spec);
    let located = this.locate(spec);
    if (!located && !this.options.offline && this.options.cacheDir) {
      try {
        const dir = await downloadPackage(spec, {
          registry: this.options.registry ?? DEFAULT_REGISTRY,
          cacheDir: this.options.cacheDir,
        });
        located = { dir, origin: 'registry' };
      } catch (error) {
        if (!(error instanceof RegistryError || error instanceof TarballError)) throw error;
        if (error instanceof TarballError || error.reason === 'bad-response')
          return {
            problem: { kind: 'invalid-package', spec: key, searched: this.searched, detail: error.message },
          };
      }
    }
    if (!located) return { problem: { kind: 'missing', spec: key, searched: this.searched } };
    try {
      return { pkg: packageFromFolder(located.dir, located.origin) };
    } catch (error) {
      return {
        problem: {
          kind: 'invalid-package',
          spec: key,
          searched: [located.dir],
          detail: (error as Error).message,
        },
      };
    }
  }

  private locate(spec: PackageSpec): Located | undefined {
    const name = formatPackageSpec(spec);
    for (const folder of this.options.packagePath) {
      const dir = path.join(folder, name, 'package');
      if (existsSync(path.join(dir, 'package.json'))) return { dir, origin: 'package-path' };
    }
    if (this.options.cacheDir) {
      const dir = path.join(this.options.cacheDir, name, 'package');
      if (existsSync(path.join(dir, 'package.json'))) return { dir, origin: 'cache' };
    }
    return undefined;
  }

  /** Another version of the same package available locally, highest first. */
  private localVersions(id: string): string[] {
    const versions = new Set<string>();
    for (const folder of [...this.options.packagePath, this.options.cacheDir ?? '']) {
      if (!folder || !existsSync(folder)) continue;
      for (const name of readdirSync(folder)) {
        if (name.startsWith(`${id}#`) && existsSync(path.join(folder, name, 'package', 'package.json')))
          versions.add(name.slice(id.length + 1));
      }
    }
    return [...versions].sort((a, b) => compareVersions(b, a));
  }

  private async resolveDependencies(pkg: LoadedPackage, stack: Set<string>): Promise<PackageProblem[]> {
    const problems: PackageProblem[] = [];
    for (const dep of pkg.dependencies) {
      let result = await this.load(dep, stack);
      if (!('pkg' in result) && result.problem.kind === 'missing') {
        const other = this.localVersions(dep.id)[0];
        if (other) {
          const substitute = await this.load({ id: dep.id, version: other }, stack);
          if ('pkg' in substitute) {
            problems.push({
              kind: 'substituted-dependency',
              spec: formatPackageSpec(dep),
              requiredBy: pkg.key,
              searched: this.searched,
              substitute: substitute.pkg.key,
            });
            result = substitute;
          }
        }
      }
      if ('pkg' in result) {
        if (!pkg.deps.includes(result.pkg)) pkg.deps.push(result.pkg);
        problems.push(...result.depProblems);
      } else {
        problems.push({ ...result.problem, kind: 'missing-dependency', requiredBy: pkg.key });
      }
    }
    return problems;
  }
}

function readManifest(dir: string): { name: string; version: string; dependencies: PackageSpec[] } {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    name?: unknown;
    version?: unknown;
    dependencies?: Record<string, unknown>;
  };
  if (typeof manifest.name !== 'string' || typeof manifest.version !== 'string')
    throw new Error(`${path.join(dir, 'package.json')}: name and version are required`);
  const dependencies = Object.entries(manifest.dependencies ?? {})
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([id, version]) => ({ id, version }));
  return { name: manifest.name, version: manifest.version, dependencies };
}

export function packageFromFolder(dir: string, origin: PackageOrigin): LoadedPackage {
  const manifest = readManifest(dir);
  const entries = readPackageIndex(dir, { writeWhenBuilt: origin === 'cache' || origin === 'registry' });
  return new LoadedPackage(manifest.name, manifest.version, dir, origin, manifest.dependencies, entries);
}

/** Conformance resources from JSON files (a resource or a Bundle of them each). */
export function packageFromResources(
  label: string,
  files: string[],
  dependsOn: PackageSpec[],
): {
  pkg: LoadedPackage;
  problems: PackageProblem[];
} {
  const inline = new Map<string, FhirResource>();
  const entries: IndexEntry[] = [];
  const problems: PackageProblem[] = [];
  const add = (name: string, resource: FhirResource) => {
    const entry = indexEntryOf(name, resource);
    if (!entry) return;
    entries.push(entry);
    inline.set(name, resource);
  };
  for (const file of files) {
    let value: unknown;
    try {
      const decoded = readTextFile(file);
      if (!decoded.ok) {
        const { line, column, byte, encoding } = decoded.problem;
        throw new Error(`${file}:${line}:${column}: not ${encoding} text (byte ${byte})`);
      }
      value = JSON.parse(decoded.text);
    } catch (error) {
      problems.push({
        kind: 'invalid-resource',
        spec: file,
        searched: [file],
        detail: (error as Error).message,
      });
      continue;
    }
    const resource = value as FhirResource;
    if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') {
      problems.push({ kind: 'invalid-resource', spec: file, searched: [file], detail: 'resourceType' });
      continue;
    }
    if (resource.resourceType === 'Bundle' && Array.isArray(resource.entry)) {
      (resource.entry as { resource?: FhirResource }[]).forEach((e, i) => {
        if (e?.resource && typeof e.resource.resourceType === 'string') add(`${file}#${i}`, e.resource);
      });
    } else {
      add(file, resource);
    }
  }
  const pkg = new LoadedPackage(`local:${label}`, '0.0.0', '', 'local', dependsOn, entries, inline);
  return { pkg, problems };
}

function jsonFilesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json') && f !== 'package.json' && !f.startsWith('.'))
    .sort()
    .map((f) => path.join(folder, f));
}

/**
 * Loads the requested packages (R4 core is always added) and returns the context. Missing requested packages
 * are in `context.missing`; missing or substituted dependencies in `context.problems`. A string request may be a
 * local path (the CLI's `--ig`); a PackageSpec is only ever looked up as `id#version`, never as a file: that is how
 * the manifest's `fhir.packages` are given, so that a pull request cannot make the run read a file of its choosing.
 */
export async function loadPackages(
  requests: readonly (string | PackageSpec)[],
  options: PackageLoadOptions,
): Promise<FhirContext> {
  const store = options.store ?? new PackageStore(options);
  const roots: LoadedPackage[] = [];
  const problems: PackageProblem[] = [];
  const localFiles: string[] = [];
  const localLabels: string[] = [];
  const addRoot = (pkg: LoadedPackage) => {
    if (!roots.includes(pkg)) roots.push(pkg);
  };
  const specs: PackageSpec[] = [];
  for (const request of requests) {
    if (typeof request === 'object') {
      specs.push(request);
      continue;
    }
    const spec = existsSync(request) ? undefined : parsePackageSpec(request);
    if (spec) {
      specs.push(spec);
      continue;
    }
    if (!existsSync(request)) {
      problems.push({ kind: 'missing', spec: request, searched: [path.resolve(request)] });
      continue;
    }
    const stat = statSync(request);
    try {
      if (stat.isDirectory()) {
        const dir = existsSync(path.join(request, 'package', 'package.json'))
          ? path.join(request, 'package')
          : request;
        if (existsSync(path.join(dir, 'package.json'))) {
          const pkg = packageFromFolder(dir, 'folder');
          problems.push(...(await store.adopt(pkg)));
          addRoot(pkg);
        } else {
          localFiles.push(...jsonFilesIn(dir));
          localLabels.push(request);
        }
      } else if (/\.t(ar\.)?gz$/i.test(request)) {
        const folder = path.join(mkdtempSync(path.join(os.tmpdir(), 'mes-fhir-')), 'pkg');
        await extractTarball(readFileSync(request), folder);
        const pkg = packageFromFolder(path.join(folder, 'package'), 'tarball');
        problems.push(...(await store.adopt(pkg)));
        addRoot(pkg);
      } else {
        localFiles.push(request);
        localLabels.push(request);
      }
    } catch (error) {
      const detail =
        error instanceof TarballError ? `${error.reason}: ${error.entry}` : (error as Error).message;
      problems.push({ kind: 'invalid-package', spec: request, searched: [path.resolve(request)], detail });
    }
  }
  if (!specs.some((s) => s.id === R4_CORE.id)) specs.push(R4_CORE);
  for (const spec of specs) {
    const result = await store.load(spec);
    if ('pkg' in result) {
      addRoot(result.pkg);
      problems.push(...result.depProblems);
    } else {
      problems.push(result.problem);
    }
  }
  if (localFiles.length > 0) {
    const { pkg, problems: local } = packageFromResources(localLabels.join(','), localFiles, []);
    pkg.deps.push(...roots);
    problems.push(...local);
    if (options.localLast) roots.push(pkg);
    else roots.unshift(pkg);
  }
  return new FhirContext(roots, dedupeProblems(problems));
}

function dedupeProblems(problems: PackageProblem[]): PackageProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.kind}|${p.spec}|${p.requiredBy ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
