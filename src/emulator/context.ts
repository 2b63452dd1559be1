// What every request handler of the emulator shares: the specification, the store, the token authority, the
// configuration, and the per-request security decision (access token, id_token, OID).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MesSpec } from '../mes/spec.js';
import type { ClientRegistration, TokenAuthority } from './auth.js';
import { sendOutcome } from './http.js';
import type { Misbehaviour, ProfileValidator } from './options.js';
import type { PairingAuthority } from './pairing.js';
import type { TrafficRecorder } from './recorder.js';
import type { ScriptPlayer } from './script.js';
import type { EmulatorStore } from './store.js';

export interface EmulatorContext {
  spec: MesSpec;
  store: EmulatorStore;
  auth: TokenAuthority;
  misbehave: ReadonlySet<Misbehaviour>;
  validateProfile: ProfileValidator | undefined;
  /** `http(s)://host:port/fhir`, for Location headers and links. */
  fhirBase(): string;
  pairing: PairingAuthority;
  /** `--record`: the traffic recorder, once the server listens. */
  recorder?: TrafficRecorder;
  /** `--script`: the faults and refusals to play. */
  script?: ScriptPlayer;
}

export interface Session {
  client: ClientRegistration;
  idpe: string;
  oid: string;
}

/**
 * The checks every MES call goes through before its own rules, in the catalogue's order: 401 bad access token,
 * 400 invalid id_token, 409 OID different from the one MES knows for the client. Answers and returns undefined
 * when the call is refused.
 */
export async function authorize(
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Session | undefined> {
  const errors = ctx.spec.mesures.errors;
  const client = await ctx.auth.verifyAccessToken(req.headers.authorization);
  if (!client) {
    const entry = errors['access-token-invalid'];
    sendOutcome(
      res,
      401,
      { code: 'login', details: entry?.error ?? 'Unauthorized' },
      { 'www-authenticate': 'Bearer error="invalid_token"' },
    );
    return undefined;
  }
  const header = ctx.spec.mesures.security['id-token-header'];
  const raw = req.headers[header];
  const claims = await ctx.auth.verifyIdToken(Array.isArray(raw) ? raw[0] : raw);
  if (!claims) {
    if (ctx.misbehave.has('ignore-id-token')) return { client, idpe: '', oid: client.solutionOid };
    refuse(ctx, res, 'id-token-invalid', 'invalid');
    return undefined;
  }
  if (claims.oid !== client.solutionOid) {
    refuse(ctx, res, 'oid-conflict', 'conflict');
    return undefined;
  }
  return { client, ...claims };
}

/** Answers one of the catalogue's HTTP-level errors as an OperationOutcome carrying the verbatim message. */
export function refuse(ctx: EmulatorContext, res: ServerResponse, id: string, code: string): void {
  const entry = ctx.spec.mesures.errors[id];
  if (!entry) throw new Error(`rules/mes/mesures.yml: no error ${id}`);
  sendOutcome(res, entry.status, {
    code,
    ...(entry.message ? { diagnostics: entry.message } : {}),
    ...(entry.error ? { details: entry.error } : {}),
  });
}

/** The idPe and consent checks of a call about patient `idpe`; answers and returns false when refused. */
export function patientAllowed(
  ctx: EmulatorContext,
  res: ServerResponse,
  session: Session,
  idpe: string | undefined,
): boolean {
  if (idpe !== undefined && session.idpe !== '' && idpe !== session.idpe) {
    refuse(ctx, res, 'idpe-mismatch', 'forbidden');
    return false;
  }
  const patient = idpe ?? session.idpe;
  if (!ctx.misbehave.has('ignore-consent') && !ctx.store.hasConsent(patient)) {
    refuse(ctx, res, 'consent-missing', 'forbidden');
    return false;
  }
  return true;
}
