// In the GitHub Action, the user FHIR package cache (~/.fhir/packages) is kept between workflow runs with the
// Actions cache, so downloaded packages are fetched once. The key names the packages the run may download; a
// cache that cannot be reached is reported and never fails the run. Called by the action around the pipeline.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isFeatureAvailable, restoreCache, saveCache } from '@actions/cache';

const PREFIX = 'mes-referencing-fhir-packages-v1-';

export function fhirCacheKey(packages: readonly string[]): string {
  const digest = createHash('sha256')
    .update([...packages].sort().join('\n'))
    .digest('hex')
    .slice(0, 16);
  return `${PREFIX}${digest}`;
}

export type CacheOutcome =
  { status: 'restored' | 'saved' | 'missed' | 'skipped' } | { status: 'failed'; detail: string };

/** Restores the package cache folder; falls back to any earlier cache of the tool (packages are immutable). */
export async function restoreFhirPackageCache(
  cacheDir: string,
  packages: readonly string[],
): Promise<CacheOutcome> {
  if (!isFeatureAvailable()) return { status: 'skipped' };
  try {
    const hit = await restoreCache([cacheDir], fhirCacheKey(packages), [PREFIX]);
    return { status: hit ? 'restored' : 'missed' };
  } catch (error) {
    return { status: 'failed', detail: (error as Error).message };
  }
}

/** Saves the package cache folder under the key of this run's packages (a key already saved is left as is). */
export async function saveFhirPackageCache(
  cacheDir: string,
  packages: readonly string[],
): Promise<CacheOutcome> {
  if (!isFeatureAvailable() || !existsSync(cacheDir)) return { status: 'skipped' };
  try {
    await saveCache([cacheDir], fhirCacheKey(packages));
    return { status: 'saved' };
  } catch (error) {
    const detail = (error as Error).message;
    return /already exists|reserve/i.test(detail) ? { status: 'saved' } : { status: 'failed', detail };
  }
}
