// TLS handshakes against a declared endpoint: one as a modern client (what visitors get), one capped at TLS 1.1
// (which must be refused), one offering only non-recommended cipher suites (which should be refused). The
// certificate is read whatever its validity and judged afterwards, so a report can say exactly what is wrong.
import { isIP } from 'node:net';
import tls from 'node:tls';
import { assertPublicLiteral, publicLookup } from '../../net/guard.js';
import type { Attempt } from './probe-error.js';
import { attempt } from './probe-error.js';
import type { WebSession } from './session.js';

export interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  altNames: string;
  /** RSA modulus size, when the key is RSA. */
  rsaBits?: number;
  fingerprint256: string;
}

export interface Handshake {
  protocol: string;
  cipher: string;
  /** OpenSSL's verdict on the chain (null when trusted). */
  chainError: string | null;
  /** Why the certificate does not cover the host name, if it does not. */
  hostnameError: string | null;
  certificate: CertificateFacts | undefined;
}

export interface TlsFacts {
  modern: Attempt<Handshake>;
  /** A handshake allowing only TLS 1.0 and 1.1; `ok` means the server accepted it. */
  legacy: Attempt<Handshake> | 'refused';
  /** A TLS 1.2 handshake offering only suites without forward secrecy or AEAD; `ok` means accepted. */
  weakCiphers: Attempt<Handshake> | 'refused' | 'not-tried';
}

/** OpenSSL security level 0 lets this client offer what a modern default refuses to; it is only ever a probe. */
const LEGACY_CIPHERS = 'DEFAULT:@SECLEVEL=0';
/** Everything except ECDHE/DHE key exchange with an AEAD cipher (the suites ANSSI recommends). */
const NON_RECOMMENDED_CIPHERS = [
  'ALL:COMPLEMENTOFALL',
  '!ECDHE+AESGCM:!ECDHE+CHACHA20:!ECDHE+AESCCM:!ECDHE+ARIAGCM',
  '!DHE+AESGCM:!DHE+CHACHA20:!DHE+AESCCM:!DHE+ARIAGCM',
  '!PSK:!SRP:@SECLEVEL=0',
].join(':');

interface HandshakeOptions {
  minVersion: tls.SecureVersion;
  maxVersion: tls.SecureVersion;
  ciphers?: string;
}

export function handshake(session: WebSession, url: URL, options: HandshakeOptions): Promise<Handshake> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port || 443);
  return session.run(
    (signal) =>
      new Promise<Handshake>((resolve, reject) => {
        assertPublicLiteral(session.policy, host);
        const lookup = publicLookup(session.policy);
        const socket = tls.connect({
          host,
          port,
          ...(lookup ? { lookup } : {}),
          // SNI carries host names only (RFC 6066).
          ...(isIP(host) ? {} : { servername: host }),
          ...(session.settings.ca ? { ca: session.settings.ca } : {}),
          // The chain is judged below from authorizationError: the handshake must complete to read the certificate.
          rejectUnauthorized: false,
          minVersion: options.minVersion,
          maxVersion: options.maxVersion,
          ...(options.ciphers ? { ciphers: options.ciphers } : {}),
        });
        const abort = () => socket.destroy(signal.reason instanceof Error ? signal.reason : undefined);
        signal.addEventListener('abort', abort, { once: true });
        socket.once('secureConnect', () => {
          signal.removeEventListener('abort', abort);
          const peer = socket.getPeerCertificate();
          const certificate = peer && Object.keys(peer).length > 0 ? certificateFacts(peer) : undefined;
          const identity =
            peer && Object.keys(peer).length > 0 ? tls.checkServerIdentity(host, peer) : undefined;
          const authorizationError = socket.authorizationError as unknown as Error | string | null;
          resolve({
            protocol: socket.getProtocol() ?? 'unknown',
            cipher: socket.getCipher()?.name ?? 'unknown',
            chainError: authorizationError
              ? String((authorizationError as { code?: string }).code ?? authorizationError)
              : null,
            hostnameError: identity ? identity.message : null,
            certificate,
          });
          // Only the handshake was wanted: no request follows, so nothing is left open.
          socket.destroy();
        });
        socket.once('error', (error) => {
          signal.removeEventListener('abort', abort);
          reject(error);
        });
      }),
  );
}

function certificateFacts(peer: tls.PeerCertificate): CertificateFacts {
  const name = (entity: tls.Certificate | undefined) =>
    entity ? [entity.CN, entity.O].filter((v) => typeof v === 'string' && v).join(', ') : '';
  const bits = (peer as tls.PeerCertificate & { bits?: number; modulus?: string }).bits;
  const isRsa = typeof (peer as { modulus?: string }).modulus === 'string';
  return {
    subject: name(peer.subject),
    issuer: name(peer.issuer),
    validFrom: new Date(peer.valid_from),
    validTo: new Date(peer.valid_to),
    altNames: peer.subjectaltname ?? '',
    ...(isRsa && typeof bits === 'number' ? { rsaBits: bits } : {}),
    fingerprint256: peer.fingerprint256,
  };
}

/** A handshake the server is expected to refuse: its refusal is the good answer, not a failure to probe. */
async function expectRefusal(probe: () => Promise<Handshake>): Promise<Attempt<Handshake> | 'refused'> {
  const result = await attempt(probe);
  if (result.ok) return result;
  // A protocol alert or a closed connection is how servers refuse a version or every offered suite.
  return result.error.kind === 'tls' || result.error.kind === 'reset' ? 'refused' : result;
}

/** The three handshakes, made once per host:port for the whole run. */
export function probeTls(session: WebSession, url: URL): Promise<TlsFacts> {
  return session.once(`tls:${url.host}`, async () => {
    const [modern, legacy] = await Promise.all([
      attempt(() => handshake(session, url, { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' })),
      expectRefusal(() =>
        handshake(session, url, { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: LEGACY_CIPHERS }),
      ),
    ]);
    // Without a modern handshake there is nothing to compare the weak suites with.
    const weakCiphers = modern.ok
      ? await expectRefusal(() =>
          handshake(session, url, {
            minVersion: 'TLSv1.2',
            maxVersion: 'TLSv1.2',
            ciphers: NON_RECOMMENDED_CIPHERS,
          }),
        )
      : 'not-tried';
    return { modern, legacy, weakCiphers };
  });
}

/** Suites that are broken outright (no encryption, export grade, RC4, DES, MD5, no authentication). */
export function isBrokenCipher(name: string): boolean {
  return /NULL|EXP|RC4|DES|MD5|^ADH|^AECDH|anon/i.test(name);
}

/** Suites without forward secrecy (static RSA key exchange). */
export function lacksForwardSecrecy(name: string): boolean {
  return !/^(?:ECDHE|DHE|TLS_)/.test(name);
}
