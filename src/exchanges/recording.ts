// Reads a traffic recording (`emulator --record`): an exchanges.json file written one exchange per line. A file
// whose writer was killed mid-line is still read: every complete exchange line is kept, and the reader is told
// how many lines were lost.
import { statSync } from 'node:fs';
import type { Exchange, ExchangesDocument } from './format.js';
import { EXCHANGES_SCHEMA } from './format.js';
import { readTextFile } from '../util/text-file.js';

export interface Recording {
  document: ExchangesDocument;
  /** Line of each exchange in the file (1-based), for locations. */
  lines: Map<number, number>;
  /** Lines that could not be read (an interrupted write). */
  damaged: number;
}

export class RecordingError extends Error {
  constructor(
    readonly key:
      'recording.not-found' | 'recording.not-a-recording' | 'recording.too-large' | 'recording.not-text',
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

export const MAX_RECORDING_BYTES = 256 * 1024 * 1024;

export function readRecording(file: string, display = file): Recording {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new RecordingError('recording.not-found', { file: display });
  }
  if (size > MAX_RECORDING_BYTES)
    throw new RecordingError('recording.too-large', { file: display, size, max: MAX_RECORDING_BYTES });
  const decoded = readTextFile(file);
  if (!decoded.ok) {
    const { line, column, byte } = decoded.problem;
    throw new RecordingError('recording.not-text', { file: display, line, column, byte });
  }
  const text = decoded.text;
  const lines = text.split('\n');
  const head = lines[0] ?? '';
  let header: Omit<ExchangesDocument, 'exchanges'>;
  try {
    header = JSON.parse(`${head.replace(/,"exchanges":\[$/, '')}}`) as typeof header;
  } catch {
    header = undefined as unknown as typeof header;
  }
  if (header?.schema !== EXCHANGES_SCHEMA) {
    // A whole exchanges.json (the dossier's, reformatted) is accepted too.
    try {
      const whole = JSON.parse(text) as ExchangesDocument;
      if (whole?.schema === EXCHANGES_SCHEMA && Array.isArray(whole.exchanges))
        return { document: whole, lines: new Map(), damaged: 0 };
    } catch {
      // fall through
    }
    throw new RecordingError('recording.not-a-recording', { file: display });
  }
  const exchanges: Exchange[] = [];
  const at = new Map<number, number>();
  let damaged = 0;
  for (const [index, raw] of lines.entries()) {
    if (index === 0) continue;
    const line = raw.trim().replace(/,$/, '');
    if (line === '' || line === ']}') continue;
    try {
      const exchange = JSON.parse(line) as Exchange;
      if (typeof exchange?.id !== 'number') throw new Error('not an exchange');
      exchanges.push(exchange);
      at.set(exchange.id, index + 1);
    } catch {
      damaged++;
    }
  }
  exchanges.sort((a, b) => a.id - b.id);
  return { document: { ...header, exchanges } as ExchangesDocument, lines: at, damaged };
}
