// The SHA-256 of a repository file, as reviews record it to notice when a reviewed file changes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolveInRepo } from './repo-path.js';

/** Hex SHA-256 of a file inside the repository; undefined when it is missing or lies outside. */
export function fileSha256(repoDir: string, file: string): string | undefined {
  const resolved = resolveInRepo(repoDir, file);
  if (!resolved.ok || !resolved.exists) return undefined;
  try {
    return createHash('sha256').update(readFileSync(resolved.absolute)).digest('hex');
  } catch {
    return undefined;
  }
}
