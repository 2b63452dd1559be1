// Every file a user gives is read as text here: UTF-8 (a BOM is allowed and dropped) or UTF-16 announced by its BOM
// (decoded). Anything else (Latin-1, Windows-1252, UTF-16 without a BOM, a NUL byte) is refused with the line and
// column of the first byte that is not text, never decoded into replacement characters that would travel into the
// report. TextDecoder with `fatal: true` is the WHATWG decoder every browser uses.
import { readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { UserError } from '../errors.js';
import type { Translate } from '../messages.js';
import type { SourceLocation } from '../location.js';

export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';

export interface TextProblem {
  /**
   * - not-utf8: a byte sequence that is not UTF-8 (Latin-1, Windows-1252…);
   * - bad-utf16: the BOM announces UTF-16 but the rest is not;
   * - utf16-without-bom: NUL bytes every other byte, the mark of UTF-16 written without its BOM;
   * - nul: a NUL character, which no text file of ours may carry.
   */
  kind: 'not-utf8' | 'bad-utf16' | 'utf16-without-bom' | 'nul';
  line: number;
  column: number;
  /** The first offending byte, as `0xE9`. */
  byte: string;
  encoding: TextEncoding;
}

export type DecodedText =
  { ok: true; text: string; encoding: TextEncoding } | { ok: false; problem: TextProblem };

const BOMS: [TextEncoding, number[]][] = [
  ['UTF-8', [0xef, 0xbb, 0xbf]],
  ['UTF-16LE', [0xff, 0xfe]],
  ['UTF-16BE', [0xfe, 0xff]],
];

const decoders = new Map<TextEncoding, TextDecoder>();
function decoder(encoding: TextEncoding): TextDecoder {
  let d = decoders.get(encoding);
  if (!d) {
    // ignoreBOM: the BOM is recognised and skipped here, once.
    d = new TextDecoder(encoding.toLowerCase(), { fatal: true, ignoreBOM: true });
    decoders.set(encoding, d);
  }
  return d;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = BOMS.find(([, mark]) => mark.every((b, i) => bytes[i] === b));
  const encoding = bom?.[0] ?? 'UTF-8';
  const body = bytes.subarray(bom?.[1].length ?? 0);
  // Said before UTF-8 decoding, which would stop at the first non-ASCII character and blame Latin-1.
  if (!bom && looksLikeUtf16(body)) {
    const first = body.indexOf(0);
    const before = new TextDecoder('utf-8').decode(body.subarray(0, first));
    return {
      ok: false,
      problem: { kind: 'utf16-without-bom', ...position(before, before.length), byte: '0x00', encoding },
    };
  }
  let text: string;
  try {
    text = decoder(encoding).decode(body);
  } catch {
    return { ok: false, problem: firstInvalid(body, encoding) };
  }
  const nul = text.indexOf('\0');
  if (nul >= 0)
    return { ok: false, problem: { kind: 'nul', ...position(text, nul), byte: '0x00', encoding } };
  return { ok: true, text, encoding };
}

/** Reads a file as text (see the module comment); I/O errors are thrown as readFileSync throws them. */
export function readTextFile(absolute: string): DecodedText {
  return decodeText(readFileSync(absolute));
}

/** The problem as a located user error, for readers that stop at the first bad file. */
export function textError(problem: TextProblem, file: string): UserError {
  return new UserError(`text.${problem.kind}`, textParams(problem), textLocation(problem, file));
}

/** The problem in a sentence, for readers that report it inside another message. */
export function describeTextProblem(problem: TextProblem, t: Translate): string {
  return t(`text.${problem.kind}`, textParams(problem));
}

export function textLocation(problem: TextProblem, file: string): SourceLocation {
  return { file, line: problem.line, column: problem.column };
}

function textParams(problem: TextProblem): Record<string, string> {
  return { byte: problem.byte, encoding: problem.encoding };
}

/**
 * Where decoding stopped. The lenient decoder replaces each invalid sequence with U+FFFD and keeps every valid one,
 * so the text before the first replacement that is not a real U+FFFD in the file is the valid prefix.
 */
function firstInvalid(body: Uint8Array, encoding: TextEncoding): TextProblem {
  const lenient = new TextDecoder(encoding.toLowerCase(), { ignoreBOM: true }).decode(body);
  const encoder = encoding === 'UTF-8' ? new TextEncoder() : undefined;
  let from = 0;
  for (;;) {
    const at = lenient.indexOf('\uFFFD', from);
    const prefix = lenient.slice(0, at < 0 ? lenient.length : at);
    const offset = encoder ? encoder.encode(prefix).length : prefix.length * 2;
    // A U+FFFD written in the file itself (EF BF BD) is text: look further.
    const real = encoder && body[offset] === 0xef && body[offset + 1] === 0xbf && body[offset + 2] === 0xbd;
    if (at < 0 || !real) {
      const byte = body[offset] ?? body[body.length - 1] ?? 0;
      return {
        kind: encoding === 'UTF-8' ? 'not-utf8' : 'bad-utf16',
        ...position(lenient, at < 0 ? lenient.length : at),
        byte: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        encoding,
      };
    }
    from = at + 1;
  }
}

/** 1-based line and column (in characters) of `index` in `text`. */
function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 1;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return { line, column: [...before.slice(lineStart)].length + 1 };
}

/** ASCII text in UTF-16 has a NUL in every other byte. */
function looksLikeUtf16(body: Uint8Array): boolean {
  const sample = body.subarray(0, 512);
  if (sample.length < 2) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2) odd++;
    else even++;
  }
  const half = sample.length / 2;
  return odd > half * 0.6 || even > half * 0.6;
}
