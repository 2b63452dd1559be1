// Reads a repository file as text for a scan, refusing what a scan should not read: files over a size limit and
// binaries (a NUL byte in the first 8 KB, git's own test).
import { open } from 'node:fs/promises';

export type ReadResult =
  | { kind: 'text'; text: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'binary' }
  | { kind: 'unreadable' };

const SNIFF_BYTES = 8000;

export async function readTextFile(absolute: string, maxBytes: number): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(absolute, 'r');
  } catch {
    return { kind: 'unreadable' };
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return { kind: 'too-large', size };
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(buffer, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    const content = buffer.subarray(0, read);
    if (content.subarray(0, SNIFF_BYTES).includes(0)) return { kind: 'binary' };
    return { kind: 'text', text: content.toString('utf8') };
  } catch {
    return { kind: 'unreadable' };
  } finally {
    await handle.close();
  }
}
