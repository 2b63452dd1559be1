// Expands the glob patterns a manifest gives (e.g. `fhir.resources`) into repository files, in a stable order.
// A pattern that leaves the repository is reported, never followed.
import { globSync } from 'tinyglobby';
import { resolveInRepo } from './repo-path.js';

export interface GlobMatch {
  /** The manifest pattern, and its index in the list (to locate problems). */
  pattern: string;
  index: number;
  /** Repository-relative paths with `/`, sorted. */
  files: string[];
  /** Why the pattern was refused, when it was. */
  refused?: 'absolute' | 'escapes';
}

export function expandRepoGlobs(repoDir: string, patterns: readonly string[]): GlobMatch[] {
  return patterns.map((pattern, index) => {
    const normalized = pattern.replace(/\\/g, '/');
    if (normalized.startsWith('/') || /^[A-Za-z]:\//.test(normalized))
      return { pattern, index, files: [], refused: 'absolute' };
    if (normalized.split('/').includes('..')) return { pattern, index, files: [], refused: 'escapes' };
    const found = globSync(normalized, {
      cwd: repoDir,
      onlyFiles: true,
      dot: false,
      followSymbolicLinks: false,
      expandDirectories: false,
    });
    // Symbolic links pointing outside the repository are dropped like `..`.
    const files = found
      .map((f) => resolveInRepo(repoDir, f))
      .filter((r) => r.ok && r.exists)
      .map((r) => (r as { relative: string }).relative)
      .sort();
    return { pattern, index, files };
  });
}
