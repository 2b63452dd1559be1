// Rules of particular datatypes the definitions cannot express. Attachment
// (http://hl7.org/fhir/R4/datatypes.html#Attachment): `size` is the number of bytes of `data` once decoded, and
// `hash` the base64 SHA-1 of those bytes.
import { createHash } from 'node:crypto';
import type { Frame, Json, PathNode } from './walk.js';
import type { Validation } from './walker.js';

/** Decoded length of base64 text, without decoding it (whitespace and padding excluded). */
function decodedLength(data: string): number {
  let chars = 0;
  let padding = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) continue;
    if (c === 61) padding++;
    else chars++;
  }
  return Math.floor(((chars + padding) * 3) / 4) - padding;
}

export function checkAttachment(v: Validation, value: Json, path: PathNode | undefined, frame: Frame): void {
  const { data, size, hash } = value;
  if (typeof data !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(data)) return;
  const extra = { profile: frame.profile };
  if (typeof size === 'number') {
    const actual = decodedLength(data);
    if (actual !== size)
      v.report('error', 'structure', 'fhir.v.attachment-size', { size, actual }, path, extra);
  }
  if (typeof hash === 'string') {
    const actual = createHash('sha1').update(Buffer.from(data, 'base64')).digest('base64');
    if (Buffer.from(hash, 'base64').toString('base64') !== actual)
      v.report('error', 'structure', 'fhir.v.attachment-hash', { hash, actual }, path, extra);
  }
}
