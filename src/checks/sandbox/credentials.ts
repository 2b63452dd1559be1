// The credentials of the hooking tests, from the manifest (names of environment variables, files) or, with the
// emulator, from the emulator itself. Every secret value is registered with the redactor before it is used.
import type { MessageKey } from '../../messages.js';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SignJWT, importPKCS8 } from 'jose';
import type { Agent } from 'undici';
import type { NetworkPolicy } from '../../net/guard.js';
import { guardedAgent } from '../../net/guard.js';
import type { SourceLocation } from '../../location.js';
import type { SandboxAuth } from '../../manifest/types.js';
import { resolveInRepo } from '../../util/repo-path.js';
import type { CheckContext } from '../types.js';
import type { PairingTarget } from './pairing.js';
import { emulatorPairing } from './pairing.js';
import type { Target } from './target.js';

/** A configuration the user must complete (missing variable, file…): the hooking tests cannot run. */
export class SandboxSetupError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string>,
    readonly location?: SourceLocation,
  ) {
    super(key);
  }
}

/** A JWT-shaped token no server signed: what a forged or stale token looks like to the API. */
export const FORGED_TOKEN =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJmb3JnZWQifQ.Zm9yZ2VkLXNpZ25hdHVyZQ';

export interface Credentials {
  tokenUrl?: string;
  idTokenHeader: string;
  idpe: string;
  idpeWithoutConsent?: string;
  /** Extra headers of every call (headers-env), already registered as secrets. */
  headers: Record<string, string>;
  mtls: boolean;
  dispatcher: Agent;
  /** A connection without the client certificate (the mTLS refusal scenario). */
  bareDispatcher: Agent;
  authorization(): Promise<string | undefined>;
  idToken(patient: 'default' | 'without-consent'): Promise<string | undefined>;
  /** The pairing (appariement) flow, when the target lets the hooking tests drive it (the embedded emulator). */
  pairing?: PairingTarget;
  close(): Promise<void>;
}

export interface TokenCall {
  (
    url: string,
    form: URLSearchParams,
    headers: Record<string, string>,
  ): Promise<{ status?: number; body?: unknown }>;
}

export async function resolveCredentials(
  ctx: CheckContext,
  target: Target,
  idTokenHeader: string,
  callToken: TokenCall,
): Promise<Credentials> {
  const sandbox = ctx.manifest.sandbox ?? {};
  const env = ctx.options.env;
  const secret = (value: string | undefined) => {
    ctx.secrets.add(value);
    return value;
  };
  const declaredSecret = (value: string) => {
    ctx.secrets.add(value, { declared: true });
    return value;
  };
  // Every missing variable is collected, so the user fixes them all at once.
  const missing: { name: string; at: (string | number)[] }[] = [];
  const fromEnv = (name: string | undefined, at: (string | number)[]): string | undefined => {
    if (!name) return undefined;
    const value = env[name];
    if (value === undefined || value === '') {
      missing.push({ name, at });
      return undefined;
    }
    return declaredSecret(value);
  };
  const assertComplete = () => {
    const first = missing[0];
    if (first)
      throw new SandboxSetupError(
        'sandbox.env-missing',
        { name: missing.map((m) => m.name).join(', ') },
        ctx.locate(['sandbox', ...first.at]),
      );
  };

  const headers: Record<string, string> = {};
  for (const [header, name] of Object.entries(sandbox['headers-env'] ?? {})) {
    headers[header.toLowerCase()] = fromEnv(name, ['headers-env', header]) as string;
  }

  if (target.kind === 'emulator') {
    assertComplete();
    const emulator = target.emulator;
    const creds = emulator.credentials;
    secret(creds.clientSecret);
    secret(creds.privateKeyPem);
    const idpe = sandbox.patient?.idpe ?? `idpe-test-${randomBytes(4).toString('hex')}`;
    const withoutConsent = `idpe-sans-consentement-${randomBytes(4).toString('hex')}`;
    emulator.setConsent(withoutConsent, false);
    const certs = emulator.certificates;
    const connect = certs ? { ca: certs.ca } : {};
    const auth: SandboxAuth = {
      type: sandbox.auth?.type === 'private-key-jwt' ? 'private-key-jwt' : 'client-secret',
    };
    const authenticate = clientAuthentication(
      auth,
      { clientId: creds.clientId, clientSecret: creds.clientSecret, privateKey: creds.privateKeyPem },
      emulator.tokenUrl,
      secret,
    );
    const tokens = tokenSource(auth, authenticate, emulator.tokenUrl, callToken, secret);
    const idTokens = new Map<string, Promise<string>>();
    const mint = (who: string) => {
      let token = idTokens.get(who);
      if (!token) {
        token = emulator.mintIdToken(who).then((v) => secret(v) as string);
        idTokens.set(who, token);
      }
      return token;
    };
    return {
      tokenUrl: emulator.tokenUrl,
      idTokenHeader,
      idpe,
      idpeWithoutConsent: withoutConsent,
      headers,
      mtls: certs !== undefined && sandbox.mtls !== undefined,
      // The emulator this run started, and nothing else: its own loopback address is allowed.
      ...dispatchers(
        { allowPrivateNetwork: true },
        [emulator.origin],
        certs ? { ...connect, cert: certs.client.cert, key: certs.client.key } : {},
        connect,
      ),
      authorization: tokens,
      idToken: (patient) => mint(patient === 'default' ? idpe : withoutConsent),
      pairing: emulatorPairing(emulator, authenticate),
    };
  }

  // A real sandbox: everything comes from the manifest's environment variable names.
  const auth = sandbox.auth ?? { type: 'none' as const };
  const idpe = sandbox.patient?.idpe ?? fromEnv(sandbox.patient?.['idpe-env'], ['patient', 'idpe-env']);
  const clientId = fromEnv(auth['client-id-env'], ['auth', 'client-id-env']);
  const credentialField =
    auth.type === 'private-key-jwt'
      ? 'private-key-env'
      : auth.type === 'bearer'
        ? 'bearer-token-env'
        : 'client-secret-env';
  const credential = fromEnv(auth[credentialField], ['auth', credentialField]);
  const other = sandbox.patient?.['without-consent'];
  const idpeWithoutConsent =
    other?.idpe ?? fromEnv(other?.['idpe-env'], ['patient', 'without-consent', 'idpe-env']);
  const idToken = fromEnv(auth['id-token-env'], ['auth', 'id-token-env']);
  const idTokenWithoutConsent = fromEnv(other?.['id-token-env'], [
    'patient',
    'without-consent',
    'id-token-env',
  ]);
  const tls = mtlsOptions(ctx, fromEnv, () => missing.length > 0);
  assertComplete();
  if (!idpe)
    throw new SandboxSetupError(
      'sandbox.patient-missing',
      {},
      ctx.locate(sandbox.patient ? ['sandbox', 'patient'] : ['sandbox']),
    );
  let authorization: () => Promise<string | undefined>;
  if (auth.type === 'bearer') {
    const bearer = credential;
    if (!bearer)
      throw new SandboxSetupError(
        'sandbox.auth-incomplete',
        { type: auth.type, field: 'bearer-token-env' },
        ctx.locate(['sandbox', 'auth']),
      );
    authorization = () => Promise.resolve(`Bearer ${bearer}`);
  } else if (auth.type === 'client-secret' || auth.type === 'private-key-jwt') {
    const tokenUrl = sandbox['token-url'];
    if (!tokenUrl) throw new SandboxSetupError('sandbox.token-url-missing', {}, ctx.locate(['sandbox']));
    const field = credentialField;
    const value = credential;
    if (!clientId || !value)
      throw new SandboxSetupError(
        'sandbox.auth-incomplete',
        { type: auth.type, field: clientId ? field : 'client-id-env' },
        ctx.locate(['sandbox', 'auth']),
      );
    const client = {
      clientId,
      ...(auth.type === 'client-secret' ? { clientSecret: value } : { privateKey: value }),
    };
    authorization = tokenSource(
      auth,
      clientAuthentication(auth, client, tokenUrl, secret),
      tokenUrl,
      callToken,
      secret,
    );
  } else authorization = () => Promise.resolve(undefined);

  return {
    ...(sandbox['token-url'] ? { tokenUrl: sandbox['token-url'] } : {}),
    idTokenHeader,
    idpe,
    ...(idpeWithoutConsent ? { idpeWithoutConsent } : {}),
    headers,
    mtls: tls.client !== undefined,
    // Credentials go to the target's origin and its token URL, never elsewhere (a redirect, an absolute URL in an
    // answer); both must be public addresses unless the run opted in.
    ...dispatchers(
      { allowPrivateNetwork: ctx.options.allowPrivateNetwork === true },
      [target.fhirBase, ...(sandbox['token-url'] ? [sandbox['token-url']] : [])],
      { ...tls.server, ...(tls.client ?? {}) },
      tls.server,
    ),
    authorization,
    idToken: (patient) => Promise.resolve(patient === 'default' ? idToken : idTokenWithoutConsent),
  };
}

/** One connection pool with the client certificate, one without; both closed at the end of the run. */
function dispatchers(
  policy: NetworkPolicy,
  origins: string[],
  withCertificate: Record<string, unknown>,
  without: Record<string, unknown>,
): Pick<Credentials, 'dispatcher' | 'bareDispatcher' | 'close'> {
  const dispatcher = guardedAgent({ policy, origins, tls: withCertificate });
  const bareDispatcher = guardedAgent({ policy, origins, tls: without });
  return {
    dispatcher,
    bareDispatcher,
    close: async () => {
      await Promise.all([dispatcher.close(), bareDispatcher.close()]);
    },
  };
}

/** Adds the client's authentication to a token request: a private_key_jwt assertion, or HTTP Basic with the secret. */
export type ClientAuthentication = (form: URLSearchParams, headers: Record<string, string>) => Promise<void>;

function clientAuthentication(
  auth: SandboxAuth,
  client: { clientId: string; clientSecret?: string; privateKey?: string },
  tokenUrl: string,
  secret: (v: string | undefined) => string | undefined,
): ClientAuthentication {
  return async (form, headers) => {
    if (auth.type === 'private-key-jwt' && client.privateKey) {
      form.set('client_id', client.clientId);
      form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
      form.set(
        'client_assertion',
        secret(await clientAssertion(client.clientId, client.privateKey, tokenUrl)) as string,
      );
    } else {
      headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret ?? '')}`).toString('base64')}`;
      secret(headers.authorization.slice(6));
    }
  };
}

/** OAuth2 client credentials, with a client secret or a private_key_jwt assertion; the token is fetched once. */
function tokenSource(
  auth: SandboxAuth,
  authenticate: ClientAuthentication,
  tokenUrl: string,
  callToken: TokenCall,
  secret: (v: string | undefined) => string | undefined,
): () => Promise<string | undefined> {
  let pending: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (auth.scope) form.set('scope', auth.scope);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    await authenticate(form, headers);
    const answer = await callToken(tokenUrl, form, headers);
    const token = (answer.body as { access_token?: unknown } | undefined)?.access_token;
    if (answer.status !== 200 || typeof token !== 'string')
      throw new SandboxSetupError('sandbox.token-refused', {
        status: String(answer.status ?? '—'),
        url: tokenUrl,
      });
    secret(token);
    return token;
  };
  return async () => {
    pending ??= fetchToken();
    return `Bearer ${await pending}`;
  };
}

async function clientAssertion(clientId: string, pem: string, audience: string): Promise<string> {
  const key = createPrivateKey(pem);
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const alg =
    key.asymmetricKeyType === 'rsa'
      ? 'RS256'
      : curve === 'secp384r1'
        ? 'ES384'
        : curve === 'secp521r1'
          ? 'ES512'
          : 'ES256';
  return new SignJWT({})
    .setProtectedHeader({ alg })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setIssuedAt()
    .setJti(randomBytes(16).toString('base64url'))
    .setExpirationTime('5m')
    .sign(await importPKCS8(pem, alg));
}

/** mTLS material: PEM or PKCS#12, each from an environment variable or a repository file. */
function mtlsOptions(
  ctx: CheckContext,
  fromEnv: (name: string | undefined, at: (string | number)[]) => string | undefined,
  variablesMissing: () => boolean,
): { server: { ca?: string }; client?: { cert?: string; key?: string; pfx?: Buffer; passphrase?: string } } {
  const m = ctx.manifest.sandbox?.mtls;
  if (!m) return { server: {} };
  const file = (value: string | undefined, key: string): Buffer | undefined => {
    if (!value) return undefined;
    const resolved = resolveInRepo(ctx.repoDir, value);
    if (!resolved.ok || !resolved.exists)
      throw new SandboxSetupError(
        'sandbox.file-missing',
        { file: value },
        ctx.locate(['sandbox', 'mtls', key]),
      );
    const content = readFileSync(resolved.absolute);
    ctx.secrets.add(content.toString('utf8'), { declared: true });
    return content;
  };
  const text = (env: string | undefined, envKey: string, path: string | undefined, fileKey: string) =>
    fromEnv(env, ['mtls', envKey]) ?? file(path, fileKey)?.toString('utf8');
  const ca = text(m['ca-env'], 'ca-env', m['ca-file'], 'ca-file');
  const pfxText = fromEnv(m['pfx-env'], ['mtls', 'pfx-env']);
  const pfx = pfxText ? Buffer.from(pfxText, 'base64') : file(m['pfx-file'], 'pfx-file');
  const passphrase = fromEnv(m['passphrase-env'], ['mtls', 'passphrase-env']);
  const cert = text(m['cert-env'], 'cert-env', m['cert-file'], 'cert-file');
  const key = text(m['key-env'], 'key-env', m['key-file'], 'key-file');
  // Missing variables are reported by name first; only a declaration without any material is incomplete.
  if (!pfx && !(cert && key) && !variablesMissing())
    throw new SandboxSetupError('sandbox.mtls-incomplete', {}, ctx.locate(['sandbox', 'mtls']));
  return {
    server: ca ? { ca } : {},
    client: pfx
      ? { pfx, ...(passphrase ? { passphrase } : {}) }
      : { cert: cert as string, key: key as string },
  };
}
