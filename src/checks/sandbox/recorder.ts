// The dossier de recette: every exchange with the target (method, URL, status, headers, bodies, duration,
// scenario and step), redacted as it is recorded — credentials never reach the record, even before the
// pipeline's own redaction of attachments.
import type { Exchange, ExchangesDocument, ExchangesTarget, TestRecord } from '../../exchanges/format.js';
import { EXCHANGES_SCHEMA, EXCHANGES_VERSION } from '../../exchanges/format.js';
import { ExchangeRedaction } from '../../exchanges/redaction.js';
import type { Redactor } from '../../secrets.js';

export type { Exchange, ExchangesDocument, StepRecord, TestRecord } from '../../exchanges/format.js';
export { EXCHANGES_SCHEMA, EXCHANGES_VERSION } from '../../exchanges/format.js';

/** Bodies beyond this are cut in the record (the document of an ITI-105 publish can be large). */
export const MAX_BODY_CHARS = 64 * 1024;

export class ExchangeRecorder {
  private next = 1;
  readonly exchanges: Exchange[] = [];
  readonly tests: TestRecord[] = [];
  readonly suites = new Map<string, { id: string; title: string; requirements: string[] }>();
  private readonly redaction: ExchangeRedaction;

  constructor(
    secrets: Redactor,
    /** Extra header names whose values are credentials (id_token header, headers-env). */
    secretHeaders: ReadonlySet<string>,
  ) {
    this.redaction = new ExchangeRedaction(secrets, secretHeaders);
  }

  /** `oauth`: an OAuth2 message (token or authorization endpoint), whose `code` and `code_verifier` are masked too. */
  record(exchange: Omit<Exchange, 'id'>, oauth = false): number {
    const id = this.next++;
    const r = this.redaction;
    this.exchanges.push({
      ...exchange,
      id,
      url: r.text(exchange.url, oauth),
      request: {
        headers: r.headers(exchange.request.headers, oauth),
        ...(exchange.request.body !== undefined
          ? { body: r.body(exchange.request.body, MAX_BODY_CHARS, oauth) }
          : {}),
      },
      ...(exchange.response
        ? {
            response: {
              headers: r.headers(exchange.response.headers, oauth),
              ...(exchange.response.body !== undefined
                ? { body: r.body(exchange.response.body, MAX_BODY_CHARS, oauth) }
                : {}),
            },
          }
        : {}),
      ...(exchange.failure ? { failure: r.text(exchange.failure, oauth) } : {}),
    });
    return id;
  }

  document(target: ExchangesTarget, runId: string): ExchangesDocument {
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
