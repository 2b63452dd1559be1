// Resolves a path the user wrote (manifest evidence, FHIR globs) inside the repository, refusing any way out of
// it: `..`, absolute paths, and symbolic links that point outside.
import { realpathSync } from 'node:fs';
import path from 'node:path';

export type RepoPathResult =
  | { ok: true; absolute: string; relative: string; exists: boolean }
  | { ok: false; reason: 'absolute' | 'escapes' | 'symlink-escapes' };

function inside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Whether a repository-relative path (with `/`) lies in one of the excluded paths (folders or files, also
 * repository-relative): the run's own output, which no check reads.
 */
export function isExcluded(relative: string, excluded: readonly string[]): boolean {
  return excluded.some((e) => relative === e || relative.startsWith(`${e}/`));
}

export function resolveInRepo(repoDir: string, userPath: string): RepoPathResult {
  if (path.isAbsolute(userPath) || /^[A-Za-z]:[\\/]/.test(userPath)) return { ok: false, reason: 'absolute' };
  const root = path.resolve(repoDir);
  const absolute = path.resolve(root, userPath);
  if (!inside(root, absolute)) return { ok: false, reason: 'escapes' };
  const relative = path.relative(root, absolute).split(path.sep).join('/');
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    return { ok: true, absolute, relative, exists: false };
  }
  if (!inside(realpathSync(root), real)) return { ok: false, reason: 'symlink-escapes' };
  return { ok: true, absolute, relative, exists: true };
}
