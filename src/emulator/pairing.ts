// Pairing (appariement) in the emulator: the patient pairs the service with Mon espace santé through an OAuth 2.0
// authorization code grant with PKCE (rules/mes/appariement.yml: the public copy of the specification says an
// authentication on MES servers is started from the service and ends in OAuth2 tokens; the grant, endpoints and
// errors are inferred). The tokens issued carry the patient's idPe in the id_token, as the mesures API expects.
import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { PairingError, PairingSpec } from '../mes/spec.js';
import type { ClientRegistration, TokenAuthority } from './auth.js';
import { sendJson } from './http.js';
import type { Misbehaviour } from './options.js';
import type { EmulatorStore } from './store.js';

interface PendingCode {
  client: string;
  redirectUri: string;
  challenge: string;
  idpe: string;
  expires: number;
  used: boolean;
}

export type PairingStatus = 'active' | 'refused' | 'revoked';

export class PairingAuthority {
  private readonly codes = new Map<string, PendingCode>();
  /** Each refresh token with the authorization code its pairing started from (revoked with it on a replay). */
  private readonly refreshTokens = new Map<string, { client: string; idpe: string; code: string }>();
  private readonly statuses = new Map<string, PairingStatus>();

  constructor(
    private readonly spec: PairingSpec,
    private readonly auth: TokenAuthority,
    private readonly store: EmulatorStore,
    /** The patient paired when the request names none (`login_hint`). */
    private readonly defaultPatient: () => string,
    private readonly misbehave: ReadonlySet<Misbehaviour> = new Set(),
  ) {}

  setStatus(idpe: string, status: PairingStatus): void {
    this.statuses.set(idpe, status);
    // A patient who unpaired no longer consents to exchanges with the service (appariement.yml, account-statuses).
    if (status === 'revoked') this.store.setConsent(idpe, false);
  }

  /** GET /oauth2/authorize: the patient "authenticates at MES" and is sent back with a code (or an error). */
  authorize(res: ServerResponse, query: URLSearchParams): void {
    const errors = this.spec.errors.authorize;
    const client = this.auth.clients.get(query.get('client_id') ?? '');
    if (!client) return this.direct(res, errors['invalid-client']);
    const redirect = parseRedirect(query.get('redirect_uri'));
    if (!redirect) return this.direct(res, errors['invalid-redirect']);
    const state = query.get('state');
    const back = (error: PairingError | undefined) => this.redirect(res, redirect, error, state);
    if (query.get('response_type') !== 'code') return back(errors['response-type']);
    const challenge = query.get('code_challenge');
    if (!challenge || query.get('code_challenge_method') !== this.spec.flow.pkce)
      return back(errors['pkce-required']);
    const idpe = query.get(this.spec.flow['patient-parameter']) || this.defaultPatient();
    if (this.statuses.get(idpe) === 'refused') return back(errors.refused);
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, {
      client: client.clientId,
      redirectUri: redirect.href,
      challenge,
      idpe,
      expires: Date.now() + this.spec.flow['code-ttl-seconds'] * 1000,
      used: false,
    });
    this.statuses.set(idpe, 'active');
    this.store.setConsent(idpe, true);
    redirect.searchParams.set('code', code);
    if (state !== null) redirect.searchParams.set('state', state);
    res.writeHead(302, { location: redirect.href, 'cache-control': 'no-store' });
    res.end();
  }

  /** The authorization_code and refresh_token grants of the token endpoint. */
  async token(
    form: URLSearchParams,
    client: ClientRegistration,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const errors = this.spec.errors.token;
    const fail = (e: PairingError | undefined) => ({
      status: e?.status ?? 400,
      body: { error: e?.error ?? 'invalid_grant', error_description: e?.description ?? '' },
    });
    let idpe: string;
    let code: string;
    if (form.get('grant_type') === 'authorization_code') {
      code = form.get('code') ?? '';
      const pending = this.codes.get(code);
      if (pending?.used && !this.misbehave.has('pairing-reusable-codes')) {
        // A code used twice: refused, and the tokens issued from it revoked (RFC 6749 §4.1.2, SHOULD).
        for (const [token, known] of this.refreshTokens)
          if (known.code === code) this.refreshTokens.delete(token);
        return fail(errors['invalid-grant']);
      }
      if (
        !pending ||
        pending.expires < Date.now() ||
        pending.client !== client.clientId ||
        pending.redirectUri !== parseRedirect(form.get('redirect_uri'))?.href
      ) {
        if (pending) pending.used = true;
        return fail(errors['invalid-grant']);
      }
      pending.used = true;
      const verifier = form.get('code_verifier') ?? '';
      if (
        !this.misbehave.has('pairing-ignore-verifier') &&
        createHash('sha256').update(verifier).digest('base64url') !== pending.challenge
      )
        return fail(errors['pkce-mismatch']);
      idpe = pending.idpe;
    } else {
      const known = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!known || known.client !== client.clientId) return fail(errors['invalid-grant']);
      if (this.statuses.get(known.idpe) === 'revoked') return fail(errors.revoked);
      idpe = known.idpe;
      code = known.code;
    }
    const refreshToken = randomBytes(32).toString('base64url');
    this.refreshTokens.set(refreshToken, { client: client.clientId, idpe, code });
    const idToken = await this.auth.mintIdToken({ idpe, oid: client.solutionOid }, client.clientId);
    return {
      status: 200,
      body: {
        ...(await this.auth.issue(client, form.get('scope') ?? 'mes')),
        id_token: idToken,
        refresh_token: refreshToken,
      },
    };
  }

  private direct(res: ServerResponse, error: PairingError | undefined): void {
    sendJson(
      res,
      error?.status ?? 400,
      { error: error?.error ?? 'invalid_request', error_description: error?.description ?? '' },
      { 'content-type': 'application/json', 'cache-control': 'no-store' },
    );
  }

  private redirect(
    res: ServerResponse,
    to: URL,
    error: PairingError | undefined,
    state: string | null,
  ): void {
    to.searchParams.set('error', error?.error ?? 'invalid_request');
    if (error?.description) to.searchParams.set('error_description', error.description);
    if (state !== null) to.searchParams.set('state', state);
    res.writeHead(302, { location: to.href, 'cache-control': 'no-store' });
    res.end();
  }
}

function parseRedirect(value: string | null): URL | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
