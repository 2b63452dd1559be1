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
  /** An authorization request's redirect, read from `Location`. */
  redirect?: AuthorizationRedirect;
}

/** What an OAuth2 authorization answer's redirect said (pairing), the code itself kept out of reach of assertions. */
export interface AuthorizationRedirect {
  /** The redirect goes to the redirect_uri the request gave (RFC 6749 §4.1.2). */
  toRedirectUri: boolean;
  /** The `state` sent came back unchanged (RFC 6749 §4.1.2, §10.12). */
  stateReturned: boolean;
  code: boolean;
  error?: string;
  errorDescription?: string;
}
