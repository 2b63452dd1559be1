// Why a network probe did not get an answer, in terms a report can explain. Every failure of a request or a
// handshake becomes one of these kinds; only `tls` and `certificate` say something about the endpoint's security,
// the others make the finding `unavailable`.
export type ProbeErrorKind =
  | 'dns'
  | 'refused'
  | 'unreachable'
  | 'reset'
  | 'timeout'
  | 'budget'
  | 'aborted'
  | 'tls'
  | 'certificate'
  | 'client-unsupported'
  | 'not-public'
  | 'other';

export class ProbeError extends Error {
  readonly kind: ProbeErrorKind;
  readonly code: string | undefined;

  constructor(kind: ProbeErrorKind, detail: string, code?: string) {
    super(detail);
    this.name = 'ProbeError';
    this.kind = kind;
    this.code = code;
  }
}

const CERTIFICATE_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** What this machine's OpenSSL cannot offer: the probe says nothing about the server. */
const CLIENT_CODES = new Set([
  'ERR_SSL_NO_CIPHER_MATCH',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_NO_CIPHERS_AVAILABLE',
]);

export function classifyError(error: unknown): ProbeError {
  if (error instanceof ProbeError) return error;
  const err = error as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : undefined;
  const detail = err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(error);
  if (code === 'EMES_NOT_PUBLIC') return new ProbeError('not-public', detail, code);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
    return new ProbeError('dns', detail, code);
  if (code === 'ECONNREFUSED') return new ProbeError('refused', detail, code);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ETIMEDOUT' || code === 'EADDRNOTAVAIL')
    return new ProbeError('unreachable', detail, code);
  if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'ECONNABORTED' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE'
  )
    return new ProbeError('reset', detail, code);
  if (code && CERTIFICATE_CODES.has(code)) return new ProbeError('certificate', detail, code);
  if (code && CLIENT_CODES.has(code)) return new ProbeError('client-unsupported', detail, code);
  if (code === 'EPROTO' || code?.startsWith('ERR_SSL_') || /SSL routines|alert/i.test(detail))
    return new ProbeError('tls', detail, code);
  return new ProbeError('other', detail, code);
}

/** A probe that either got its answer, or failed in a way that says nothing about the server's security. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: ProbeError };

export async function attempt<T>(probe: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await probe() };
  } catch (error) {
    return { ok: false, error: classifyError(error) };
  }
}
