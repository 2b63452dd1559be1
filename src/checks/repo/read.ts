// Reads a repository file as text for a scan, refusing what a scan should not read: files over a size limit and
// binaries (a NUL byte in the first 8 KB, git's own test). Synchronous on purpose: for thousands of small files
// the thread-pool round trips of fs/promises cost ten times the reads themselves.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type ReadResult =
  | { kind: 'text'; text: string; size: number }
  | { kind: 'too-large'; size: number }
  | { kind: 'binary' }
  | { kind: 'unreadable' };

const SNIFF_BYTES = 8000;

export function readTextFile(absolute: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(absolute, 'r');
  } catch {
    return { kind: 'unreadable' };
  }
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) return { kind: 'too-large', size };
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const bytes = readSync(fd, buffer, read, size - read, read);
      if (bytes === 0) break;
      read += bytes;
    }
    const content = buffer.subarray(0, read);
    if (content.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary' };
    return { kind: 'text', text: content.toString('utf8'), size: read };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}
