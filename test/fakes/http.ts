// Shared plumbing of the fake services: a real HTTP server on 127.0.0.1, every request recorded, and switchable
// failures matched by method and path.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Raw body; see `json()` for the parsed form. */
  raw: Buffer;
  /** Status the fake answered with. */
  status: number;
  json(): unknown;
}

export interface FailureRule {
  method?: string;
  /** Matches the path (a string must be equal, a RegExp must match). */
  path?: string | RegExp;
  status: number;
  /** The answer's body, or a function of the request (a service that echoes what it was sent). */
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail; unlimited by default. */
  times?: number;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (request: RecordedRequest, baseUrl: string) => Reply | Promise<Reply>;

export class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly failures: (FailureRule & { left: number })[] = [];
  private server?: http.Server;
  url = '';

  constructor(private readonly handler: Handler) {}

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void this.handle(req, Buffer.concat(chunks)).then(
          (reply) => send(res, reply),
          (error: unknown) => send(res, { status: 500, body: { message: String(error) } }),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Makes matching requests fail (in the order rules were added) until the rule is used up. */
  fail(rule: FailureRule): void {
    this.failures.push({ ...rule, left: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clearFailures(): void {
    this.failures.length = 0;
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, raw: Buffer): Promise<Reply> {
    const url = new URL(req.url ?? '/', this.url);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      raw,
      status: 0,
      json: () => (raw.length ? JSON.parse(raw.toString('utf8')) : undefined),
    };
    this.requests.push(recorded);
    const rule = this.failures.find(
      (f) =>
        f.left > 0 &&
        (!f.method || f.method === recorded.method) &&
        (!f.path || (typeof f.path === 'string' ? f.path === recorded.path : f.path.test(recorded.path))),
    );
    let reply: Reply;
    if (rule) {
      rule.left--;
      const body =
        typeof rule.body === 'function'
          ? (rule.body as (r: RecordedRequest) => unknown)(recorded)
          : rule.body;
      reply = { status: rule.status, body: body ?? { message: `fake failure ${rule.status}` } };
      if (rule.headers) reply.headers = rule.headers;
    } else {
      reply = await this.handler(recorded, this.url);
    }
    recorded.status = reply.status;
    return reply;
  }
}

/** A fake service: its routes on a FakeServer, with the server's recording and failures at hand. */
export abstract class FakeService {
  readonly server: FakeServer = new FakeServer((request, base) => this.route(request, base));

  protected abstract route(request: RecordedRequest, baseUrl: string): Reply | Promise<Reply>;

  get url(): string {
    return this.server.url;
  }

  get requests(): RecordedRequest[] {
    return this.server.requests;
  }

  fail(rule: FailureRule): void {
    this.server.fail(rule);
  }

  clearFailures(): void {
    this.server.clearFailures();
  }

  close(): Promise<void> {
    return this.server.close();
  }
}

function send(res: http.ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | Buffer = '';
  if (Buffer.isBuffer(reply.body)) payload = reply.body;
  else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}
