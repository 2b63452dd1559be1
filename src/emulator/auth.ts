// OAuth2 and tokens of the emulator: the client-credentials token endpoint (client secret or private_key_jwt),
// signed JWT access tokens, and the test id_tokens that carry the patient's idPe and the éditeur OID.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { JWK } from 'jose';
import { SignJWT, exportJWK, exportPKCS8, generateKeyPair, importJWK, jwtVerify } from 'jose';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface ClientRegistration {
  clientId: string;
  /** For `client_secret_basic` / `client_secret_post`. */
  clientSecret?: string;
  /** Public key for `private_key_jwt`. */
  jwk?: JWK;
  /** The solution OID MES knows for this client (the id_token's OID must be this one, else 409). */
  solutionOid: string;
  /** The éditeur's root OID (Observation.meta.source must sit under it). */
  editorOid: string;
}

export interface TestCredentials {
  clientId: string;
  clientSecret: string;
  /** PKCS#8 PEM of the key registered for private_key_jwt. */
  privateKeyPem: string;
}

export interface IdTokenClaims {
  idpe: string;
  oid: string;
}

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;

export class TokenAuthority {
  private keys!: Keys;
  readonly clients = new Map<string, ClientRegistration>();
  testCredentials!: TestCredentials;

  constructor(
    private readonly issuer: () => string,
    private readonly claimNames: { idpe: string; oid: string },
    private readonly ttlSeconds: number,
  ) {}

  async init(registrations: ClientRegistration[], defaults: { editorOid: string; solutionOid: string }) {
    this.keys = await generateKeyPair('ES256', { extractable: true });
    const clientKeys = await generateKeyPair('ES256', { extractable: true });
    const clientId = 'mes-emulator-client';
    const clientSecret = randomBytes(24).toString('base64url');
    this.testCredentials = {
      clientId,
      clientSecret,
      privateKeyPem: await exportPKCS8(clientKeys.privateKey),
    };
    this.clients.set(clientId, {
      clientId,
      clientSecret,
      jwk: await exportJWK(clientKeys.publicKey),
      ...defaults,
    });
    for (const r of registrations) this.clients.set(r.clientId, r);
  }

  /** The token endpoint's decision for a form body and an Authorization header. */
  async token(
    form: URLSearchParams,
    authorization: string | undefined,
    tokenUrl: string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    if (form.get('grant_type') !== 'client_credentials')
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    const client = await this.authenticateClient(form, authorization, tokenUrl);
    if (!client) return { status: 401, body: { error: 'invalid_client' } };
    return { status: 200, body: await this.issue(client, form.get('scope') ?? 'mes') };
  }

  /** A signed access token for a client (client credentials, or a pairing of one patient). */
  async issue(client: ClientRegistration, scope: string): Promise<Record<string, unknown>> {
    const accessToken = await new SignJWT({ scope, client_id: client.clientId })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' })
      .setIssuer(this.issuer())
      .setSubject(client.clientId)
      .setAudience('mes-api')
      .setIssuedAt()
      .setJti(randomBytes(12).toString('base64url'))
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.keys.privateKey);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.ttlSeconds, scope };
  }

  async authenticateClient(
    form: URLSearchParams,
    authorization: string | undefined,
    tokenUrl: string,
  ): Promise<ClientRegistration | undefined> {
    const assertion = form.get('client_assertion');
    if (assertion) {
      if (form.get('client_assertion_type') !== CLIENT_ASSERTION_TYPE) return undefined;
      const claimed = form.get('client_id') ?? decodeSubject(assertion);
      const client = claimed ? this.clients.get(claimed) : undefined;
      if (!client?.jwk) return undefined;
      try {
        const key = await importJWK(client.jwk, client.jwk.alg ?? 'ES256');
        await jwtVerify(assertion, key, {
          issuer: client.clientId,
          subject: client.clientId,
          audience: tokenUrl,
        });
        return client;
      } catch {
        return undefined;
      }
    }
    let id = form.get('client_id') ?? undefined;
    let secret = form.get('client_secret') ?? undefined;
    if (authorization?.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        id = decodeURIComponent(decoded.slice(0, colon));
        secret = decodeURIComponent(decoded.slice(colon + 1));
      }
    }
    const client = id ? this.clients.get(id) : undefined;
    if (!client?.clientSecret || secret === undefined) return undefined;
    return sameSecret(client.clientSecret, secret) ? client : undefined;
  }

  /** The client behind a bearer access token, or undefined (→ 401). */
  async verifyAccessToken(authorization: string | undefined): Promise<ClientRegistration | undefined> {
    if (!authorization?.startsWith('Bearer ')) return undefined;
    try {
      const { payload } = await jwtVerify(authorization.slice(7).trim(), this.keys.publicKey, {
        issuer: this.issuer(),
        audience: 'mes-api',
      });
      return payload.sub ? this.clients.get(payload.sub) : undefined;
    } catch {
      return undefined;
    }
  }

  async mintIdToken(claims: IdTokenClaims, audience = this.testCredentials.clientId): Promise<string> {
    return new SignJWT({ [this.claimNames.idpe]: claims.idpe, [this.claimNames.oid]: claims.oid })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setIssuer(this.issuer())
      .setSubject(claims.idpe)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.keys.privateKey);
  }

  /** The id_token's claims, or undefined when it is not a valid JWT signed by this emulator (→ 400). */
  async verifyIdToken(token: string | undefined): Promise<IdTokenClaims | undefined> {
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token.trim(), this.keys.publicKey, { issuer: this.issuer() });
      const idpe = payload[this.claimNames.idpe];
      const oid = payload[this.claimNames.oid];
      return typeof idpe === 'string' && typeof oid === 'string' ? { idpe, oid } : undefined;
    } catch {
      return undefined;
    }
  }
}

function decodeSubject(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      sub?: unknown;
    };
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
