// Small HTTP helpers of the emulator: bounded body reading, FHIR JSON answers, OperationOutcome shapes.
import type { IncomingMessage, ServerResponse } from 'node:http';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
  }
}

/** Reads the request body, refusing it as soon as it passes `limit` bytes (413, never buffered whole). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      discard(req, limit);
      reject(new BodyTooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        discard(req, limit);
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Reads and drops the rest of a refused body, so the client can read the 413 instead of seeing its write fail;
 * a sender that goes on far beyond the limit is cut off.
 */
function discard(req: IncomingMessage, limit: number): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 4 * limit) req.socket.destroy();
  });
  req.resume();
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': headers['content-type'] ?? FHIR_JSON,
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export interface OutcomeIssue {
  severity?: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics?: string;
  details?: string;
  expression?: string[];
}

export function operationOutcome(issues: OutcomeIssue[]): Record<string, unknown> {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: i.severity ?? 'error',
      code: i.code,
      ...(i.details ? { details: { text: i.details } } : {}),
      ...(i.diagnostics ? { diagnostics: i.diagnostics } : {}),
      ...(i.expression ? { expression: i.expression } : {}),
    })),
  };
}

export function sendOutcome(
  res: ServerResponse,
  status: number,
  issue: OutcomeIssue,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, operationOutcome([issue]), headers);
}
