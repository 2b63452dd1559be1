// Snapshots of the loaded StructureDefinitions: the one a package ships is used as it is; one that is missing is
// generated from the base's snapshot (itself shipped or generated, recursively) and the differential, once per
// run: the result is kept on the package, which the packages of a run share.
import type { FhirContext, ResourceRef } from '../packages/context.js';
import type { LoadedPackage } from '../packages/loaded-package.js';
import type { RawElement } from './element-tree.js';
import type { GeneratedSnapshot, SnapshotSource } from './generate.js';
import { generateSnapshot } from './generate.js';

export interface SnapshotOptions {
  /** Generate even when a snapshot is shipped (to compare the generator with the IG Publisher). */
  regenerate?: (pkg: LoadedPackage) => boolean;
}

export interface Snapshot extends GeneratedSnapshot {
  /** Generated here (true) or shipped with the package (false). */
  generated: boolean;
}

const CORE = 'http://hl7.org/fhir/StructureDefinition/';
const IN_PROGRESS: Snapshot = { elements: [], problems: [], generated: true };

function canonicalOf(url: string): string {
  return url.includes('/') ? url : CORE + url;
}

/** The snapshot of a StructureDefinition of a loaded package (shipped, or generated and kept). */
export function snapshotOf(
  ctx: FhirContext,
  ref: ResourceRef,
  options: SnapshotOptions = {},
): Snapshot | undefined {
  const cache = ref.pkg.derived as Map<string, Snapshot>;
  const regenerate = options.regenerate?.(ref.pkg) === true;
  const key = `snapshot:${regenerate ? 'regenerated:' : ''}${ref.entry.filename}`;
  const known = cache.get(key);
  if (known === IN_PROGRESS) return undefined; // a base cycle: the differential names itself through its bases
  if (known) return known;
  const sd = ref.pkg.read(ref.entry);
  if (!sd || sd.resourceType !== 'StructureDefinition') return undefined;
  const shipped = (sd.snapshot as { element?: RawElement[] } | undefined)?.element;
  if (Array.isArray(shipped) && shipped.length > 0 && !regenerate)
    return { elements: shipped, problems: [], generated: false };
  cache.set(key, IN_PROGRESS);
  const result: Snapshot = { ...generateSnapshot(sd, sourceFor(ctx, ref.pkg, options)), generated: true };
  cache.set(key, result);
  return result;
}

/** What the generator reads: other snapshots, seen from the package being generated. */
export function sourceFor(
  ctx: FhirContext,
  from: LoadedPackage | undefined,
  options: SnapshotOptions = {},
): SnapshotSource {
  return {
    snapshotOf(url) {
      const ref = ctx.resolve(canonicalOf(url), from);
      if (!ref) return undefined;
      const snapshot = snapshotOf(ctx, ref, options);
      return snapshot && snapshot.elements.length > 0 ? snapshot.elements : undefined;
    },
    isResourceType(code) {
      return ctx.resolve(CORE + code)?.entry.kind === 'resource';
    },
  };
}
