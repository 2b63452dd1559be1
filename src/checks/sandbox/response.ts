// What a scenario step observed: an HTTP answer, or a transport failure (refused, reset, timeout, TLS).

export type TransportFailure = 'timeout' | 'refused' | 'reset' | 'tls' | 'network' | 'budget';

export interface StepResponse {
  status?: number;
  headers: Record<string, string>;
  /** The parsed JSON body, when the body is JSON. */
  body?: unknown;
  /** The body as text (bounded), for the record. */
  text?: string;
  failure?: { kind: TransportFailure; message: string };
  durationMs: number;
  attempts: number;
  /** Ids of the recorded exchanges (one per attempt). */
  exchanges: number[];
}
