// HTTP with the target: FHIR calls through fhir-kit-client (the token call through undici), each attempt bounded
// by the step timeout and the run's budget, retried with backoff on 429/503 (honouring Retry-After) and on
// connections that never reached the server, and recorded for the dossier de recette.
import { Client } from 'fhir-kit-client';
import type { Agent } from 'undici';
import { fetch as undiciFetch } from 'undici';
import type { ExchangeRecorder } from './recorder.js';
import type { StepResponse, TransportFailure } from './response.js';

export interface CallContext {
  suite: string;
  test: string;
  item?: string;
  step: string;
}

export interface FhirCall {
  type: 'transaction' | 'create' | 'search' | 'read' | 'metadata';
  resource?: string;
  body?: unknown;
  params?: Record<string, string>;
  url?: string;
}

export interface TransportOptions {
  fhirBase: string;
  recorder: ExchangeRecorder;
  timeoutMs: number;
  /** Epoch ms after which no call starts (the overall budget). */
  deadline: number;
  signal: AbortSignal;
  maxAttempts?: number;
}

const MAX_RESPONSE_TEXT = 256 * 1024;
const RETRYABLE_STATUS = new Set([429, 503]);
const RETRYABLE_GET_STATUS = new Set([429, 502, 503, 504]);

interface Attempt {
  status?: number;
  headers: Record<string, string>;
  body?: unknown;
  text?: string;
  requestHeaders: Record<string, string>;
  url: string;
  failure?: { kind: TransportFailure; message: string };
}

export class Transport {
  private readonly clients = new Map<
    Agent,
    { client: Client; captured: { url: string; headers: Record<string, string> } }
  >();

  constructor(private readonly options: TransportOptions) {}

  private clientFor(dispatcher: Agent) {
    let entry = this.clients.get(dispatcher);
    if (!entry) {
      const captured = { url: '', headers: {} as Record<string, string> };
      const client = new Client({
        baseUrl: this.options.fhirBase,
        requestOptions: { dispatcher },
        // The request as sent (headers merged by the client), for the record.
        requestSigner: (url: string, init: RequestInit) => {
          captured.url = url;
          captured.headers = Object.fromEntries(new Headers(init.headers).entries());
        },
      });
      entry = { client, captured };
      this.clients.set(dispatcher, entry);
    }
    return entry;
  }

  async fhir(
    call: FhirCall,
    headers: Record<string, string>,
    dispatcher: Agent,
    where: CallContext,
  ): Promise<StepResponse> {
    const method = call.type === 'transaction' || call.type === 'create' ? 'POST' : 'GET';
    return this.withRetries(
      method,
      where,
      async (signal) => {
        const { client, captured } = this.clientFor(dispatcher);
        const options = { headers, signal };
        captured.url = '';
        try {
          const result = await invoke(client, call, options);
          const { response } = Client.httpFor(result) as { response?: Response };
          return {
            status: response?.status ?? 200,
            headers: headersOf(response?.headers),
            body: result,
            text: JSON.stringify(result),
            requestHeaders: captured.headers,
            url: captured.url,
          };
        } catch (error) {
          return {
            ...fromError(error),
            requestHeaders: captured.headers,
            url: captured.url || expectedUrl(this.options.fhirBase, call),
          };
        }
      },
      call.body,
    );
  }

  /** The OAuth2 token call (a form post, not FHIR). */
  async token(
    url: string,
    form: URLSearchParams,
    headers: Record<string, string>,
    dispatcher: Agent,
    where: CallContext,
  ): Promise<StepResponse> {
    const body = form.toString();
    return this.oauth('POST', url, { body, headers }, dispatcher, where);
  }

  /**
   * The OAuth2 authorization request (pairing): a GET whose redirect is not followed, so the code or the error is
   * read from `Location` without a browser and without ever contacting the redirect URI.
   */
  async authorize(url: string, dispatcher: Agent, where: CallContext): Promise<StepResponse> {
    return this.oauth('GET', url, { redirect: 'manual' }, dispatcher, where);
  }

  /** An OAuth2 exchange (not FHIR), recorded as an OAuth2 message: codes and verifiers masked too. */
  private oauth(
    method: 'GET' | 'POST',
    url: string,
    init: { body?: string; headers?: Record<string, string>; redirect?: 'manual' },
    dispatcher: Agent,
    where: CallContext,
  ): Promise<StepResponse> {
    const requestHeaders = init.headers ?? {};
    return this.withRetries(
      method,
      where,
      async (signal) => {
        try {
          const response = await undiciFetch(url, { ...init, method, dispatcher, signal });
          const text = (await response.text()).slice(0, MAX_RESPONSE_TEXT);
          return {
            status: response.status,
            headers: headersOf(response.headers),
            body: parseJson(text),
            text,
            requestHeaders,
            url,
          };
        } catch (error) {
          return { ...fromError(error), requestHeaders, url };
        }
      },
      init.body,
      true,
    );
  }

  private async withRetries(
    method: string,
    where: CallContext,
    once: (signal: AbortSignal) => Promise<Attempt>,
    requestBody: unknown,
    oauth = false,
  ): Promise<StepResponse> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    const started = performance.now();
    let attempt = 0;
    const exchanges: number[] = [];
    for (;;) {
      attempt++;
      const remaining = this.options.deadline - Date.now();
      if (remaining <= 0 || this.options.signal.aborted)
        return {
          headers: {},
          failure: { kind: 'budget', message: 'budget exhausted' },
          durationMs: Math.round(performance.now() - started),
          attempts: attempt - 1,
          exchanges,
        };
      const timeout = AbortSignal.timeout(Math.max(1, Math.min(this.options.timeoutMs, remaining)));
      const signal = AbortSignal.any([timeout, this.options.signal]);
      const t0 = performance.now();
      const startedAt = new Date().toISOString();
      const result = await once(signal);
      if (result.failure?.kind === 'network' && timeout.aborted)
        result.failure = { kind: 'timeout', message: result.failure.message };
      const durationMs = Math.round(performance.now() - t0);
      exchanges.push(
        this.options.recorder.record(
          {
            ...where,
            attempt,
            method,
            url: result.url,
            ...(result.status !== undefined ? { status: result.status } : {}),
            durationMs,
            startedAt,
            request: {
              headers: result.requestHeaders,
              ...(requestBody !== undefined
                ? {
                    body:
                      typeof requestBody === 'string' ? requestBody : JSON.stringify(requestBody, null, 2),
                  }
                : {}),
            },
            ...(result.status !== undefined
              ? {
                  response: {
                    headers: result.headers,
                    ...(result.text !== undefined ? { body: prettyJson(result.text) } : {}),
                  },
                }
              : {}),
            ...(result.failure ? { failure: `${result.failure.kind}: ${result.failure.message}` } : {}),
          },
          oauth,
        ),
      );
      const retryable =
        attempt < maxAttempts &&
        (result.status !== undefined
          ? (method === 'GET' ? RETRYABLE_GET_STATUS : RETRYABLE_STATUS).has(result.status)
          : // A refused connection never reached the server: safe to retry even a POST.
            result.failure?.kind === 'refused' || (method === 'GET' && result.failure?.kind === 'reset'));
      const answer = (): StepResponse => ({
        ...(result.status !== undefined ? { status: result.status } : {}),
        headers: result.headers,
        ...(result.body !== undefined ? { body: result.body } : {}),
        ...(result.text !== undefined ? { text: result.text } : {}),
        ...(result.failure ? { failure: result.failure } : {}),
        durationMs: Math.round(performance.now() - started),
        attempts: attempt,
        exchanges,
      });
      if (!retryable) return answer();
      const retryAfter = Number(result.headers['retry-after']);
      const wait =
        Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : 200 * 2 ** (attempt - 1);
      // A wait past the budget would only end in a budget failure: give the answer we have instead.
      if (Date.now() + wait >= this.options.deadline) return answer();
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

function invoke(
  client: Client,
  call: FhirCall,
  options: { headers: Record<string, string>; signal: AbortSignal },
) {
  switch (call.type) {
    case 'transaction':
      return client.transaction({ body: call.body as never, options });
    case 'create':
      return client.create({ resourceType: call.resource as string, body: call.body as never, options });
    case 'search':
      return client.search({
        resourceType: call.resource as string,
        searchParams: call.params ?? {},
        options,
      });
    case 'metadata':
      return client.capabilityStatement(options);
    case 'read':
      return client.request(call.url as string, { method: 'GET', options });
  }
}

function expectedUrl(base: string, call: FhirCall): string {
  if (call.type === 'transaction') return `${base}/`;
  if (call.type === 'metadata') return `${base}/metadata`;
  if (call.type === 'read') return `${base}/${call.url ?? ''}`;
  const query = call.params ? `?${new URLSearchParams(call.params).toString()}` : '';
  return `${base}/${call.resource ?? ''}${query}`;
}

function headersOf(headers: Headers | undefined | null): Record<string, string> {
  return headers ? Object.fromEntries(headers.entries()) : {};
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function prettyJson(text: string): string {
  const value = parseJson(text);
  return value === undefined ? text : JSON.stringify(value, null, 2);
}

/** fhir-kit-client throws on any non-2xx answer (and on a non-JSON body): both are answers, not failures. */
function fromError(error: unknown): Omit<Attempt, 'requestHeaders' | 'url'> {
  const e = error as {
    response?: { status?: number; data?: unknown };
    config?: { headers?: Headers };
    cause?: { code?: string; message?: string };
    name?: string;
    message?: string;
  };
  if (e.response?.status !== undefined) {
    const data = e.response.data;
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    return {
      status: e.response.status,
      headers: headersOf(e.config?.headers),
      body: typeof data === 'string' ? parseJson(data) : data,
      text: text.slice(0, MAX_RESPONSE_TEXT),
    };
  }
  const code = e.cause?.code ?? '';
  const message = e.cause?.message ?? e.message ?? String(error);
  let kind: TransportFailure = 'network';
  if (e.name === 'TimeoutError' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT')
    kind = 'timeout';
  else if (e.name === 'AbortError') kind = 'timeout';
  else if (code === 'ECONNREFUSED') kind = 'refused';
  else if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') kind = 'reset';
  else if (/CERT|TLS|SSL|EPROTO|certificate/i.test(`${code} ${message}`)) kind = 'tls';
  return { headers: {}, failure: { kind, message } };
}
