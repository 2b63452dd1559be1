// The dossier de recette: every exchange with the target (method, URL, status, headers, bodies, duration,
// scenario and step), redacted as it is recorded — credentials never reach the record, even before the
// pipeline's own redaction of attachments.
import type { Redactor } from '../../secrets.js';

export const EXCHANGES_SCHEMA = 'mes-referencing/exchanges';
export const EXCHANGES_VERSION = 1;
/** Bodies beyond this are cut in the record (the document of an ITI-105 publish can be large). */
const MAX_BODY_CHARS = 64 * 1024;
const MASK = '***';

/** Headers that carry credentials, whatever the target. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);
/** Form and JSON fields that carry credentials (OAuth2 requests and answers). */
const SECRET_FIELDS = [
  'access_token',
  'id_token',
  'refresh_token',
  'client_secret',
  'client_assertion',
  'assertion',
  'password',
];

export interface Exchange {
  id: number;
  suite: string;
  test: string;
  item?: string;
  step: string;
  attempt: number;
  method: string;
  url: string;
  status?: number;
  durationMs: number;
  startedAt: string;
  request: { headers: Record<string, string>; body?: string };
  response?: { headers: Record<string, string>; body?: string };
  failure?: string;
}

export interface StepRecord {
  id: string;
  title: string;
  result: 'pass' | 'fail' | 'warn' | 'skip' | 'error';
  messages: string[];
  exchanges: number[];
}

export interface TestRecord {
  suite: string;
  id: string;
  title: string;
  item?: string;
  /** The item is the project's sample rewritten to the editor's identity, not the editor's own resource. */
  sample?: boolean;
  result: 'pass' | 'fail' | 'warn' | 'skip' | 'error';
  reason?: string;
  durationMs: number;
  steps: StepRecord[];
}

export interface ExchangesDocument {
  schema: typeof EXCHANGES_SCHEMA;
  version: typeof EXCHANGES_VERSION;
  target: { kind: 'emulator' | 'url'; url: string };
  runId: string;
  suites: { id: string; title: string; requirements: string[] }[];
  tests: TestRecord[];
  exchanges: Exchange[];
}

export class ExchangeRecorder {
  private next = 1;
  readonly exchanges: Exchange[] = [];
  readonly tests: TestRecord[] = [];
  readonly suites = new Map<string, { id: string; title: string; requirements: string[] }>();

  constructor(
    private readonly secrets: Redactor,
    /** Extra header names whose values are credentials (id_token header, headers-env). */
    private readonly secretHeaders: ReadonlySet<string>,
  ) {}

  record(exchange: Omit<Exchange, 'id'>): number {
    const id = this.next++;
    this.exchanges.push({
      ...exchange,
      id,
      url: this.secrets.redact(exchange.url),
      request: {
        headers: this.headers(exchange.request.headers),
        ...(exchange.request.body !== undefined ? { body: this.body(exchange.request.body) } : {}),
      },
      ...(exchange.response
        ? {
            response: {
              headers: this.headers(exchange.response.headers),
              ...(exchange.response.body !== undefined ? { body: this.body(exchange.response.body) } : {}),
            },
          }
        : {}),
      ...(exchange.failure ? { failure: this.secrets.redact(exchange.failure) } : {}),
    });
    return id;
  }

  private headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers).sort(([a], [b]) => a.localeCompare(b))) {
      const lower = name.toLowerCase();
      if (SECRET_HEADERS.has(lower) || this.secretHeaders.has(lower)) {
        // Keep the scheme (Bearer, Basic): it tells the reader how the call authenticated.
        const scheme = /^(Bearer|Basic|DPoP)\s/i.exec(value)?.[1];
        out[lower] = scheme ? `${scheme} ${MASK}` : MASK;
      } else out[lower] = this.secrets.redact(value);
    }
    return out;
  }

  private body(text: string): string {
    let out = text;
    for (const field of SECRET_FIELDS) {
      // JSON: "field": "value"; form: field=value
      out = out
        .replace(new RegExp(`("${field}"\\s*:\\s*")[^"]*(")`, 'g'), `$1${MASK}$2`)
        .replace(new RegExp(`(^|&)(${field}=)[^&]*`, 'g'), `$1$2${MASK}`);
    }
    out = this.secrets.redact(out);
    return out.length > MAX_BODY_CHARS
      ? `${out.slice(0, MAX_BODY_CHARS)}… [${out.length - MAX_BODY_CHARS} more]`
      : out;
  }

  document(target: ExchangesDocument['target'], runId: string): ExchangesDocument {
    const order = (t: TestRecord) => `${t.suite}\u0000${t.id}\u0000${t.item ?? ''}`;
    return {
      schema: EXCHANGES_SCHEMA,
      version: EXCHANGES_VERSION,
      target,
      runId,
      suites: [...this.suites.values()].sort((a, b) => a.id.localeCompare(b.id)),
      tests: [...this.tests].sort((a, b) => order(a).localeCompare(order(b))),
      exchanges: this.exchanges,
    };
  }
}
