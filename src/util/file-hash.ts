// The SHA-256 of a repository file: reviews record it to notice when a reviewed file changes, and the dossier's
// traceability records it (with the size) for every evidence file. Read in chunks, so a large file costs no more
// memory than a small one.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolveInRepo } from './repo-path.js';

export interface FileDigest {
  sha256: string;
  size: number;
}

const CHUNK = 1024 * 1024;

export function digestFile(absolute: string): FileDigest {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(absolute, 'r');
  let size = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, CHUNK, null);
      if (read === 0) break;
      hash.update(buffer.subarray(0, read));
      size += read;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

/** Digest of a regular file inside the repository, with its repository-relative path; undefined otherwise. */
export function repoFileDigest(
  repoDir: string,
  file: string,
): (FileDigest & { relative: string }) | undefined {
  const resolved = resolveInRepo(repoDir, file);
  if (!resolved.ok || !resolved.exists) return undefined;
  try {
    if (!statSync(resolved.absolute).isFile()) return undefined;
    return { ...digestFile(resolved.absolute), relative: resolved.relative };
  } catch {
    return undefined;
  }
}

/** Hex SHA-256 of a file inside the repository; undefined when it is missing or lies outside. */
export function fileSha256(repoDir: string, file: string): string | undefined {
  return repoFileDigest(repoDir, file)?.sha256;
}
