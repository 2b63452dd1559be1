// Expands the glob patterns a manifest gives (e.g. `fhir.resources`) into repository files, in a stable order.
// A pattern that leaves the repository is reported, never followed.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { isExcluded } from './repo-path.js';

export interface GlobMatch {
  /** The manifest pattern, and its index in the list (to locate problems). */
  pattern: string;
  index: number;
  /** Repository-relative paths with `/`, sorted. */
  files: string[];
  /** Matches that are symbolic links leading out of the repository: never read, always reported. */
  escaping: string[];
  /** Why the pattern was refused, when it was. */
  refused?: 'absolute' | 'escapes';
}

/** `excluded`: repository-relative paths never matched (the run's own output, see CheckContext.excluded). */
export function expandRepoGlobs(
  repoDir: string,
  patterns: readonly string[],
  excluded: readonly string[] = [],
): GlobMatch[] {
  const root = realpathSync.native(path.resolve(repoDir));
  return patterns.map((pattern, index) => {
    const normalized = pattern.replace(/\\/g, '/');
    if (normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized))
      return { pattern, index, files: [], escaping: [], refused: 'absolute' };
    if (normalized.split('/').includes('..'))
      return { pattern, index, files: [], escaping: [], refused: 'escapes' };
    const found = globSync(normalized, {
      cwd: repoDir,
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      expandDirectories: false,
    });
    // Symbolic links pointing outside the repository are refused like `..` (one native realpath per file: this
    // runs on thousands of resources).
    const files: string[] = [];
    const escaping: string[] = [];
    for (const f of found.sort())
      if (!isExcluded(f, excluded)) (insideRepo(root, path.join(repoDir, f)) ? files : escaping).push(f);
    return { pattern, index, files, escaping };
  });
}

function insideRepo(root: string, file: string): boolean {
  try {
    const rel = path.relative(root, realpathSync.native(file));
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  } catch {
    return false;
  }
}
