// `emulator --record <file>`: every exchange the emulator serves (request, answer, timing, the fault the script
// played) appended to an exchanges.json file as it happens, credentials masked. The file is valid JSON after each
// exchange, one exchange per line, so a killed emulator loses nothing already answered and `readRecording` can
// still read a file cut in the middle of a write.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import type { Exchange, ExchangesDocument } from '../exchanges/format.js';
import { EXCHANGES_SCHEMA, EXCHANGES_VERSION } from '../exchanges/format.js';
import { ExchangeRedaction } from '../exchanges/redaction.js';
import { Redactor } from '../secrets.js';
import type { Operation } from './operations.js';
import { operationOf } from './operations.js';
import { ADMIN_PATH_PREFIX } from './paths.js';

/** Bodies are kept whole up to this size, so the grading can validate the resources the client sent. */
export const RECORDED_BODY_CHARS = 2 * 1024 * 1024;
const TRAILER = '\n]}\n';

export interface RecordingInfo {
  startedAt: string;
  editorOid: string;
  solutionOid: string;
  idTokenHeader: string;
  /** The fault script played during the run (its file name), if any. */
  script?: string;
}

interface Pending {
  id: number;
  started: number;
  startedAt: string;
  body?: Buffer;
  operation?: Operation;
  fault?: string;
  response: Buffer[];
  responseSize: number;
  /** Headers given to writeHead (which getHeaders() does not show). */
  headers: Record<string, unknown>;
}

export class TrafficRecorder {
  private readonly fd: number;
  private offset: number;
  private next = 1;
  private written = 0;
  private closed = false;
  private readonly pending = new WeakMap<IncomingMessage, Pending>();
  private readonly redaction: ExchangeRedaction;
  /** Salt of the fingerprints: the same token gives the same fingerprint within one recording only. */
  private readonly salt = randomBytes(16);
  private readonly origin: string;

  constructor(
    readonly file: string,
    target: string,
    private readonly info: RecordingInfo,
    readonly secrets: Redactor = new Redactor(),
    private readonly provideBundleProfile?: string,
  ) {
    this.redaction = new ExchangeRedaction(secrets, new Set([info.idTokenHeader.toLowerCase()]));
    this.origin = new URL(target).origin;
    mkdirSync(path.dirname(file), { recursive: true });
    this.fd = openSync(file, 'w', 0o600);
    const header: Omit<ExchangesDocument, 'exchanges'> & { recording: RecordingInfo } = {
      schema: EXCHANGES_SCHEMA,
      version: EXCHANGES_VERSION,
      target: { kind: 'recording', url: target },
      runId: randomBytes(4).toString('hex'),
      recording: info,
      suites: [],
      tests: [],
    };
    const head = `${JSON.stringify(header).slice(0, -1)},"exchanges":[`;
    writeSync(this.fd, head + TRAILER, 0);
    this.offset = Buffer.byteLength(head);
  }

  /** Starts recording a request; the exchange is written as its answer ends (or when the connection dies). */
  tap(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://emulator');
    // The admin endpoints are the test harness talking to the emulator, not MES traffic.
    if (this.closed || url.pathname.startsWith(ADMIN_PATH_PREFIX)) return;
    const pending: Pending = {
      id: this.next++,
      started: performance.now(),
      startedAt: new Date().toISOString(),
      response: [],
      responseSize: 0,
      headers: {},
    };
    this.pending.set(req, pending);
    const keep = (chunk: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      if (pending.responseSize < RECORDED_BODY_CHARS) pending.response.push(buffer);
      pending.responseSize += buffer.length;
    };
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    res.writeHead = ((...args: unknown[]) => {
      const given = args.find((a, i) => i > 0 && typeof a === 'object' && a !== null && !Array.isArray(a));
      if (given) pending.headers = given as Record<string, unknown>;
      return writeHead(...args);
    }) as ServerResponse['writeHead'];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.write = ((...args: unknown[]) => {
      keep(args[0]);
      return write(...args);
    }) as ServerResponse['write'];
    let done = false;
    const finish = (answered: boolean) => {
      if (done) return;
      done = true;
      this.write(req, res, pending, answered);
    };
    // The exchange is on disk before its last byte leaves: a client that reads the answer and exits, followed
    // by a SIGKILL of the emulator, must still find it in the recording (waiting for 'finish' lost it).
    res.end = ((...args: unknown[]) => {
      keep(args[0]);
      finish(!res.destroyed);
      return end(...args);
    }) as ServerResponse['end'];
    res.on('close', () => finish(res.writableFinished));
  }

  /** The request body, once the server has read it. */
  requestBody(req: IncomingMessage, body: Buffer): void {
    const pending = this.pending.get(req);
    if (pending) pending.body = body;
  }

  /** What the script played on this request (a fault, a refusal). */
  noteFault(req: IncomingMessage, fault: string): void {
    const pending = this.pending.get(req);
    if (pending) pending.fault = fault;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  get count(): number {
    return this.written;
  }

  private fingerprint(value: string | undefined): string | undefined {
    if (!value) return undefined;
    return createHash('sha256').update(this.salt).update(value).digest('hex').slice(0, 12);
  }

  private write(req: IncomingMessage, res: ServerResponse, pending: Pending, answered: boolean): void {
    if (this.closed) return;
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    const operation = operationOf(method, url.pathname, pending.body, this.provideBundleProfile);
    const oauth = operation === 'token' || operation === 'authorize';
    const r = this.redaction;
    const requestHeaders = flatten(req.headers);
    const responseText = Buffer.concat(pending.response).toString('utf8');
    const issued = operation === 'token' && answered ? tokensOf(responseText) : {};
    const bearer = /^Bearer\s+(.+)$/i.exec(requestHeaders.authorization ?? '')?.[1]?.trim();
    const idToken = requestHeaders[this.info.idTokenHeader.toLowerCase()];
    const fingerprints = {
      ...(bearer ? { accessToken: this.fingerprint(bearer) } : {}),
      ...(idToken ? { idToken: this.fingerprint(idToken) } : {}),
      ...(issued.access ? { issued: this.fingerprint(issued.access) } : {}),
      ...(issued.id ? { issuedIdToken: this.fingerprint(issued.id) } : {}),
    };
    const socket = req.socket as Partial<TLSSocket>;
    const certificate = socket.encrypted ? socket.getPeerCertificate?.() : undefined;
    const exchange: Exchange = {
      id: pending.id,
      suite: 'recording',
      test: operation,
      step: operation,
      attempt: 1,
      operation,
      method,
      url: r.text(`${this.origin}${url.pathname}${url.search}`, oauth),
      ...(answered ? { status: res.statusCode } : {}),
      durationMs: Math.round(performance.now() - pending.started),
      startedAt: pending.startedAt,
      request: {
        headers: r.headers(requestHeaders, oauth),
        ...(pending.body && pending.body.length > 0
          ? { body: r.body(pending.body.toString('utf8'), RECORDED_BODY_CHARS, oauth) }
          : {}),
      },
      ...(answered
        ? {
            response: {
              headers: r.headers(flatten({ ...res.getHeaders(), ...pending.headers }), oauth),
              ...(responseText ? { body: r.body(responseText, RECORDED_BODY_CHARS, oauth) } : {}),
            },
          }
        : {
            failure: pending.fault
              ? `connection closed by the emulator (${pending.fault})`
              : 'connection closed without an answer',
          }),
      ...(pending.fault ? { fault: pending.fault } : {}),
      ...(Object.keys(fingerprints).length > 0 ? { fingerprints } : {}),
      ...(certificate && Object.keys(certificate).length > 0 ? { clientCertificate: true } : {}),
    };
    const line = `${this.written > 0 ? ',' : ''}\n${JSON.stringify(exchange)}`;
    writeSync(this.fd, line + TRAILER, this.offset);
    this.offset += Buffer.byteLength(line);
    this.written++;
  }
}

function flatten(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function tokensOf(text: string): { access?: string; id?: string } {
  try {
    const body = JSON.parse(text) as { access_token?: unknown; id_token?: unknown };
    return {
      ...(typeof body.access_token === 'string' ? { access: body.access_token } : {}),
      ...(typeof body.id_token === 'string' ? { id: body.id_token } : {}),
    };
  } catch {
    return {};
  }
}
