// The SHA-256 and size of a file, read in chunks so a large evidence file costs no more memory than a small one.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

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
