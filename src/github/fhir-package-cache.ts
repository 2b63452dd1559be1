// In the GitHub Action, the user FHIR package cache (~/.fhir/packages) is kept between workflow runs with the
// Actions cache, so a package is downloaded once. Packages are immutable: the key is the list of packages the
// folder holds, restored from the most recent earlier save and saved again only when a run added a package.
// A cache that cannot be reached is reported by the caller and never fails the run.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import * as cache from '@actions/cache';

const PREFIX = 'mes-referencing-fhir-packages-v1-';

/**
 * Whether the runner offers the cache service. Read through the namespace: @github/local-action replaces the
 * toolkit with stubs that have no `isFeatureAvailable`, and a local run then simply keeps no cache.
 */
function available(): boolean {
  return typeof cache.isFeatureAvailable === 'function' && cache.isFeatureAvailable();
}

export function fhirCacheKey(packages: readonly string[]): string {
  const digest = createHash('sha256')
    .update([...packages].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
  return `${PREFIX}${digest}`;
}

/** The `id#version` folders of a package cache, sorted. */
export function cachedPackages(cacheDir: string): string[] {
  if (!existsSync(cacheDir)) return [];
  return readdirSync(cacheDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.includes('#'))
    .map((d) => d.name)
    .sort();
}

export type CacheOutcome =
  | { status: 'restored' | 'saved' | 'missed' | 'skipped' | 'unchanged'; packages: string[] }
  | { status: 'failed'; detail: string; packages: string[] };

/** Restores the most recent earlier save; the outcome lists the packages present afterwards. */
export async function restoreFhirPackageCache(cacheDir: string): Promise<CacheOutcome> {
  if (!available()) return { status: 'skipped', packages: cachedPackages(cacheDir) };
  try {
    const hit = await cache.restoreCache([cacheDir], `${PREFIX}latest`, [PREFIX]);
    return { status: hit ? 'restored' : 'missed', packages: cachedPackages(cacheDir) };
  } catch (error) {
    return { status: 'failed', detail: (error as Error).message, packages: cachedPackages(cacheDir) };
  }
}

/** Saves the folder when the run added packages to what was restored. */
export async function saveFhirPackageCache(
  cacheDir: string,
  before: readonly string[],
): Promise<CacheOutcome> {
  const packages = cachedPackages(cacheDir);
  if (!available() || packages.length === 0) return { status: 'skipped', packages };
  if (packages.join('\n') === [...before].sort().join('\n')) return { status: 'unchanged', packages };
  try {
    await cache.saveCache([cacheDir], fhirCacheKey(packages));
    return { status: 'saved', packages };
  } catch (error) {
    const detail = (error as Error).message;
    // Another job saved the same set first: that is what we wanted.
    return /already exists|reserve/i.test(detail)
      ? { status: 'saved', packages }
      : { status: 'failed', detail, packages };
  }
}
