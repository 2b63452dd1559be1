// Extracts a FHIR package tarball (`package.tgz`) into a folder, refusing anything that would write outside it:
// absolute names, `..` segments, links and devices. Extraction goes to a sibling folder renamed at the end, so a
// half-extracted package never looks complete.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import tar from 'tar-stream';

export class TarballError extends Error {
  constructor(
    readonly reason: 'unsafe-entry' | 'unsupported-entry' | 'corrupt' | 'integrity',
    readonly entry: string,
  ) {
    super(`${reason}: ${entry}`);
    this.name = 'TarballError';
  }
}

/** Larger than any published FHIR package (hl7.fhir.r4.core unpacks to about 80 MB). */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

/** The part of an entry name that may be written, or undefined when it would leave the folder. */
export function safeEntryPath(name: string): string | undefined {
  if (name.includes('\0') || name.includes('\\')) return undefined;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return undefined;
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return undefined;
  return parts.join('/');
}

export function checkIntegrity(data: Buffer, expected: { shasum?: string; integrity?: string }): void {
  if (expected.integrity) {
    const [algorithm, digest] = expected.integrity.split('-', 2);
    if (algorithm && digest && ['sha512', 'sha384', 'sha256', 'sha1'].includes(algorithm)) {
      if (createHash(algorithm).update(data).digest('base64') !== digest)
        throw new TarballError('integrity', expected.integrity);
      return;
    }
  }
  if (expected.shasum && createHash('sha1').update(data).digest('hex') !== expected.shasum.toLowerCase())
    throw new TarballError('integrity', expected.shasum);
}

/** Extracts `tgz` into `destination` (which must not exist yet); returns the files written. */
export async function extractTarball(tgz: Buffer, destination: string): Promise<string[]> {
  let tarData: Buffer;
  try {
    tarData = gunzipSync(tgz, { maxOutputLength: MAX_UNPACKED_BYTES });
  } catch {
    throw new TarballError('corrupt', path.basename(destination));
  }
  const staging = `${destination}.partial-${process.pid}-${Date.now()}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const written: string[] = [];
  try {
    const extract = tar.extract();
    // A refused entry is remembered and the rest of the archive drained: the whole package is then refused.
    let refused: TarballError | undefined;
    const done = new Promise<void>((resolve, reject) => {
      extract.on('entry', (header, stream, next) => {
        const skip = (error?: TarballError) => {
          refused ??= error;
          stream.on('end', () => next());
          stream.resume();
        };
        if (refused) return skip();
        const relative = safeEntryPath(header.name);
        if (relative === undefined) return skip(new TarballError('unsafe-entry', header.name));
        const type = header.type ?? 'file';
        if (type === 'directory') {
          mkdirSync(path.join(staging, relative), { recursive: true });
          return skip();
        }
        if (type !== 'file' && type !== 'contiguous-file')
          return skip(new TarballError('unsupported-entry', `${header.name} (${type})`));
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
        stream.on('error', reject);
        stream.on('end', () => {
          const target = path.join(staging, relative);
          mkdirSync(path.dirname(target), { recursive: true });
          writeFileSync(target, Buffer.concat(chunks));
          written.push(relative);
          next();
        });
      });
      extract.on('finish', () => (refused ? reject(refused) : resolve()));
      extract.on('error', (error: Error) => reject(new TarballError('corrupt', error.message)));
    });
    Readable.from([tarData]).pipe(extract);
    await done;
    mkdirSync(path.dirname(destination), { recursive: true });
    renameSync(staging, destination);
    return written.sort();
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}
