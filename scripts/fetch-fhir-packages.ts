// Downloads the FHIR packages of a list (`.ci/fhir-packages.txt` by default) into a folder in the package-cache
// layout (`<id>#<version>/package/…`), the folder FHIR_PACKAGE_PATH then names: what CI does on a runner that has no
// shared package folder. A package already there is kept, so a restored cache costs nothing. Each package comes
// from the first registry that has it (packages.fhir.org, then packages2.fhir.org), or from the tarball address the
// list gives. Only the listed packages are fetched, not their dependencies: the tests expect exactly this set.
//
//   node --import tsx scripts/fetch-fhir-packages.ts --out DIR [--list FILE] [--registry URL]…
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PackageSpec } from '../src/fhir/packages/package-spec.js';
import { formatPackageSpec, parsePackageSpec } from '../src/fhir/packages/package-spec.js';
import { downloadPackage, downloadPackageTarball, RegistryError } from '../src/fhir/packages/registry.js';
import { TarballError } from '../src/fhir/packages/tarball.js';

export const DEFAULT_REGISTRIES = ['https://packages.fhir.org', 'https://packages2.fhir.org/packages'];

export interface ListedPackage {
  spec: PackageSpec;
  /** The tarball's address, for a package no registry publishes. */
  url?: string;
}

/** Parses the list: `id#version [url]` a line, `#` starts a comment line. */
export function parsePackageList(text: string, file: string): ListedPackage[] {
  const packages: ListedPackage[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [specText, url, ...rest] = line.split(/\s+/);
    const spec = parsePackageSpec(specText ?? '');
    if (!spec || rest.length > 0 || (url !== undefined && !/^https?:\/\/\S+$/.test(url)))
      throw new Error(`${file}:${index + 1}: expected "id#version [https://…/package.tgz]", found "${line}"`);
    packages.push(url === undefined ? { spec } : { spec, url });
  });
  return packages;
}

export interface FetchOptions {
  out: string;
  registries: string[];
  log?: (line: string) => void;
}

export interface FetchResult {
  present: string[];
  downloaded: { spec: string; from: string }[];
  failed: { spec: string; reasons: string[] }[];
}

/** Why a source did not give the package; a registry error already names the address it was about. */
function reasonOf(error: unknown, source: string): string {
  if (error instanceof RegistryError) return `${error.reason}: ${error.message}`;
  if (error instanceof TarballError) return `${source}: invalid tarball (${error.message})`;
  throw error;
}

export async function fetchPackages(packages: ListedPackage[], options: FetchOptions): Promise<FetchResult> {
  const log = options.log ?? (() => {});
  const result: FetchResult = { present: [], downloaded: [], failed: [] };
  for (const { spec, url } of packages) {
    const key = formatPackageSpec(spec);
    if (existsSync(path.join(options.out, key, 'package', 'package.json'))) {
      result.present.push(key);
      log(`${key}: already there`);
      continue;
    }
    const reasons: string[] = [];
    const sources = url ? [url] : options.registries;
    for (const source of sources) {
      try {
        if (url) await downloadPackageTarball(spec, url, { cacheDir: options.out });
        else await downloadPackage(spec, { registry: source, cacheDir: options.out });
        result.downloaded.push({ spec: key, from: source });
        log(`${key}: downloaded from ${source}`);
        reasons.length = 0;
        break;
      } catch (error) {
        reasons.push(reasonOf(error, source));
      }
    }
    if (reasons.length > 0) {
      result.failed.push({ spec: key, reasons });
      log(`${key}: NOT downloaded\n  ${reasons.join('\n  ')}`);
    }
  }
  return result;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      out: { type: 'string' },
      list: { type: 'string' },
      registry: { type: 'string', multiple: true },
    },
  });
  if (!values.out) {
    process.stderr.write('usage: fetch-fhir-packages --out DIR [--list FILE] [--registry URL]…\n');
    return 2;
  }
  const list = values.list ?? path.join(import.meta.dirname, '..', '.ci', 'fhir-packages.txt');
  const packages = parsePackageList(readFileSync(list, 'utf8'), list);
  const result = await fetchPackages(packages, {
    out: path.resolve(values.out),
    registries: values.registry ?? DEFAULT_REGISTRIES,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(
    `${result.present.length} already there, ${result.downloaded.length} downloaded, ${result.failed.length} failed\n`,
  );
  return result.failed.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  process.exitCode = await main(process.argv.slice(2));
}
