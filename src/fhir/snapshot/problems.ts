// Snapshot generation problems located where the user can fix them: the definition's file (package-relative for
// packages, as given for local files), line and column of the differential element at fault.
import path from 'node:path';
import type { ResourceRef } from '../packages/context.js';
import { parseJson } from '../../util/json-source.js';
import { readTextFile } from '../../util/text-file.js';
import type { JsonPath } from '../../util/json-source.js';
import type { SnapshotProblem } from './generate.js';

export interface LocatedProblem extends SnapshotProblem {
  /** The definition's file: `id#version/StructureDefinition-x.json` in a package, the path given for local files. */
  file: string;
  /** Where the problem is inside that file. */
  path: JsonPath;
  line?: number;
  column?: number;
}

const PACKAGED = new Set(['package-path', 'cache', 'registry', 'tarball']);

export function locateProblems(ref: ResourceRef, problems: SnapshotProblem[]): LocatedProblem[] {
  const { pkg, entry } = ref;
  // Local resources are indexed as `file` or `file#i` (the i-th entry of a Bundle file).
  const hash = pkg.origin === 'local' ? entry.filename.lastIndexOf('#') : -1;
  const inBundle = hash > 0 && /^\d+$/.test(entry.filename.slice(hash + 1));
  const fileOnDisk = inBundle ? entry.filename.slice(0, hash) : entry.filename;
  const absolute = pkg.origin === 'local' ? fileOnDisk : path.join(pkg.dir, entry.filename);
  const prefix: JsonPath = inBundle ? ['entry', Number(entry.filename.slice(hash + 1)), 'resource'] : [];
  const file = PACKAGED.has(pkg.origin) ? `${pkg.key}/${entry.filename}` : absolute;
  const located = problems.map((p) => ({
    ...p,
    file,
    path: p.index >= 0 ? [...prefix, 'differential', 'element', p.index] : prefix,
  }));
  try {
    const decoded = readTextFile(absolute);
    const parsed = decoded.ok ? parseJson(decoded.text) : undefined;
    if (parsed?.ok) {
      const positions = parsed.source.locate(located.map((p) => p.path));
      located.forEach((p, i) => {
        const at = positions[i];
        if (at) Object.assign(p, { line: at.line, column: at.column });
      });
    }
  } catch {
    // Unreadable now: the problems keep their file, without a position.
  }
  return located;
}
