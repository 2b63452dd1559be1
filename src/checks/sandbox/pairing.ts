// Pairing (appariement) in the hooking tests. The runner plays the editor's service — it starts an OAuth 2.0
// authorization code request with PKCE S256, reads the code from the redirect without a browser (the redirect URI is
// never contacted), exchanges it, renews the tokens — and, with the embedded emulator, the patient's side at Mon
// espace santé: authenticate and consent or decline, unpair later. The flow and its errors are inferences recorded in
// rules/mes/appariement.yml. Every code, verifier and token is registered as a secret the moment it exists, and the
// exchanges are recorded as OAuth2 messages (codes and verifiers masked).
import { createHash, randomBytes } from 'node:crypto';
import type { RunningEmulator } from '../../emulator/index.js';
import type { Redactor } from '../../secrets.js';
import type { ClientAuthentication } from './credentials.js';
import type { AuthorizationRedirect, StepResponse } from './response.js';
import type { Operation } from './suite.js';
import type { CallContext, Transport } from './transport.js';
import type { Agent } from 'undici';
import type { Variables } from './variables.js';
import { UnsetVariable, substitute } from './variables.js';

/** What a person does at Mon espace santé during a pairing; the hooking tests can do it only on the emulator. */
export interface PatientSide {
  /** The patient's answer at MES (authenticate and consent, or decline) to the next authorization request. */
  decide(idpe: string, decision: 'accept' | 'refuse'): void;
  /** The patient unpairs the service in MES. */
  unpair(idpe: string): void;
}

export interface PairingTarget {
  authorizeUrl: string;
  tokenUrl: string;
  clientId: string;
  /** The authorization request parameter that names the patient (there is no login page to fill). */
  patientParameter: string;
  authenticate: ClientAuthentication;
  /** Absent when a person has to authenticate at MES (a real sandbox): the pairing tests are then not run. */
  patientSide?: PatientSide;
}

/** The embedded emulator: its pairing endpoints, and the patient's side through its in-process controls. */
export function emulatorPairing(
  emulator: RunningEmulator,
  authenticate: ClientAuthentication,
): PairingTarget {
  return {
    authorizeUrl: emulator.authorizeUrl,
    tokenUrl: emulator.tokenUrl,
    clientId: emulator.credentials.clientId,
    patientParameter: emulator.pairingPatientParameter,
    authenticate,
    patientSide: {
      decide: (idpe, decision) => emulator.setPairing(idpe, decision === 'refuse' ? 'refused' : 'active'),
      unpair: (idpe) => emulator.setPairing(idpe, 'revoked'),
    },
  };
}

/** One test's pairing: the PKCE verifier and state of its last authorization request, the code, the tokens. */
export class PairingSession {
  idpe?: string;
  verifier?: string;
  state?: string;
  code?: string;
  accessToken?: string;
  idToken?: string;
  refreshToken?: string;
}

export interface PairingEnvironment {
  target: PairingTarget;
  transport: Transport;
  dispatcher: Agent;
  secrets: Redactor;
  vars: Variables;
  where: CallContext;
}

/** The answer of a pairing step: an HTTP exchange, or (unpair) an action of the patient at MES. */
export type PairingOutcome = { response: StepResponse } | { action: 'unpaired'; idpe: string };

export async function runPairingOperation(
  op: Operation,
  session: PairingSession,
  env: PairingEnvironment,
): Promise<PairingOutcome> {
  switch (op.type) {
    case 'authorize':
      return { response: await authorize(op, session, env) };
    case 'token':
      return { response: await token(op, session, env) };
    case 'unpair': {
      if (!session.idpe) throw new UnsetVariable('pairedIdpe');
      env.target.patientSide?.unpair(session.idpe);
      return { action: 'unpaired', idpe: session.idpe };
    }
    default:
      throw new Error(`not a pairing operation: ${op.type}`);
  }
}

async function authorize(
  op: Operation,
  session: PairingSession,
  env: PairingEnvironment,
): Promise<StepResponse> {
  const { target, vars } = env;
  const redirectUri = required(vars, 'redirectUri');
  const idpe = op.patient ? substitute(op.patient, vars) : required(vars, 'idpe');
  // A fresh verifier (43 characters, RFC 7636 §4.1) and state for every request; the previous pairing is forgotten.
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  env.secrets.add(verifier);
  Object.assign(session, {
    idpe,
    verifier,
    state,
    code: undefined,
    accessToken: undefined,
    idToken: undefined,
    refreshToken: undefined,
  });
  vars.pairedIdpe = idpe;
  target.patientSide?.decide(idpe, op.decision ?? 'accept');
  const url = new URL(target.authorizeUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: target.clientId,
    redirect_uri: redirectUri,
    state,
    ...((op.pkce ?? 'S256') === 'S256'
      ? {
          code_challenge: createHash('sha256').update(verifier).digest('base64url'),
          code_challenge_method: 'S256',
        }
      : {}),
    [target.patientParameter]: idpe,
  }).toString();
  const response = await env.transport.authorize(url.href, env.dispatcher, env.where);
  const location = response.headers.location;
  if (response.status !== undefined && response.status >= 300 && response.status < 400 && location) {
    const redirect = readRedirect(location, url, redirectUri, state);
    if (redirect.code) {
      env.secrets.add(redirect.code);
      session.code = redirect.code;
    }
    response.redirect = redirect.seen;
  }
  return response;
}

function readRedirect(
  location: string,
  base: URL,
  redirectUri: string,
  state: string,
): { code?: string; seen: AuthorizationRedirect } {
  let to: URL;
  try {
    to = new URL(location, base);
  } catch {
    return { seen: { toRedirectUri: false, stateReturned: false, code: false } };
  }
  const expected = new URL(redirectUri);
  const params = to.searchParams;
  const code = params.get('code') ?? undefined;
  const error = params.get('error') ?? undefined;
  const description = params.get('error_description') ?? undefined;
  return {
    ...(code ? { code } : {}),
    seen: {
      toRedirectUri: to.origin === expected.origin && to.pathname === expected.pathname,
      stateReturned: params.get('state') === state,
      code: code !== undefined,
      ...(error ? { error } : {}),
      ...(description ? { errorDescription: description } : {}),
    },
  };
}

async function token(op: Operation, session: PairingSession, env: PairingEnvironment): Promise<StepResponse> {
  const { target } = env;
  const form = new URLSearchParams({ grant_type: op.grant ?? 'authorization_code' });
  if (op.grant === 'refresh_token') {
    if (!session.refreshToken) throw new UnsetVariable('refresh_token');
    form.set('refresh_token', session.refreshToken);
  } else {
    if (!session.code || !session.verifier) throw new UnsetVariable('code');
    form.set('code', session.code);
    form.set('redirect_uri', required(env.vars, 'redirectUri'));
    let verifier = session.verifier;
    if (op.verifier === 'other') {
      verifier = randomBytes(32).toString('base64url');
      env.secrets.add(verifier);
    }
    form.set('code_verifier', verifier);
  }
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  await target.authenticate(form, headers);
  const response = await env.transport.token(target.tokenUrl, form, headers, env.dispatcher, env.where);
  const body = response.body as Record<string, unknown> | undefined;
  const issued = (name: string) => {
    const value = body?.[name];
    if (typeof value !== 'string' || value === '') return undefined;
    env.secrets.add(value);
    return value;
  };
  if (response.status === 200) {
    session.accessToken = issued('access_token') ?? session.accessToken;
    session.idToken = issued('id_token') ?? session.idToken;
    // A refresh answer may rotate the refresh token (RFC 6749 §6): the new one replaces the old.
    session.refreshToken = issued('refresh_token') ?? session.refreshToken;
  }
  return response;
}

function required(vars: Variables, name: string): string {
  const value = vars[name];
  if (value === undefined) throw new UnsetVariable(name);
  return value;
}
