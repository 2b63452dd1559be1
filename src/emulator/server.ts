// The embedded MES sandbox emulator: a real HTTP(S) server on 127.0.0.1 with an in-memory store, behaving as
// the published MES specifications say (rules/mes). Startable from the CLI or in-process.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { isIP } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadMesSpec } from '../mes/spec.js';
import { translator } from '../messages.js';
import type { IdTokenClaims, TestCredentials } from './auth.js';
import { TokenAuthority } from './auth.js';
import type { EmulatorCertificates } from './certificates.js';
import { generateCertificates } from './certificates.js';
import type { EmulatorContext } from './context.js';
import { authorize, refuse } from './context.js';
import {
  findDocuments,
  provideBundle,
  publishSimplified,
  readDocument,
  retrieveDocument,
} from './documents.js';
import type { FaultOptions } from './faults.js';
import { FaultInjector } from './faults.js';
import { BodyTooLarge, readBody, sendJson, sendOutcome } from './http.js';
import { postMesures, searchObservations } from './mesures.js';
import type { EmulatorOptions, Misbehaviour } from './options.js';
import { DEFAULT_EDITOR_OID, DEFAULT_MAX_BODY_BYTES, DEFAULT_SOLUTION_OID } from './options.js';
import { EmulatorStore } from './store.js';
import { operationOf } from './operations.js';
import type { PairingStatus } from './pairing.js';
import { PairingAuthority } from './pairing.js';
import { ADMIN_PATH_PREFIX, FHIR_PATH_PREFIX, PAIRING_PATHS, TOKEN_PATH_NAME } from './paths.js';
import { TrafficRecorder } from './recorder.js';
import { ScriptPlayer, answerFault, describeFault } from './script.js';

export const FHIR_PATH = FHIR_PATH_PREFIX;
export const TOKEN_PATH = TOKEN_PATH_NAME;
export const ADMIN_PATH = ADMIN_PATH_PREFIX;
export const AUTHORIZE_PATH = PAIRING_PATHS.authorize;

export interface RunningEmulator {
  /** `http(s)://127.0.0.1:<port>` */
  origin: string;
  /** The FHIR base URL to give as `sandbox.target`. */
  fhirBase: string;
  tokenUrl: string;
  credentials: TestCredentials;
  /** Bearer token of the `/_admin` endpoints (id_tokens, consent, faults, reset). */
  adminToken: string;
  /** The test CA and client certificate (PEM) when TLS is on. */
  certificates?: EmulatorCertificates;
  editorOid: string;
  solutionOid: string;
  idTokenHeader: string;
  mintIdToken(idpe: string, oid?: string): Promise<string>;
  setConsent(idpe: string, granted: boolean): void;
  setFaults(faults: FaultOptions): void;
  setMisbehaviour(misbehave: Misbehaviour[]): void;
  /** Pairing: `refused` makes the patient decline, `revoked` unpairs them (their calls are then refused). */
  setPairing(idpe: string, status: PairingStatus): void;
  authorizeUrl: string;
  /** The authorization request parameter that names the patient (no login page): `flow.patient-parameter`. */
  pairingPatientParameter: string;
  /** The patient a pairing names when the request names none. */
  defaultPatient: string;
  /** `recordFile`: where the traffic goes and how many exchanges were written. */
  recording?: { file: string; count(): number };
  store: EmulatorStore;
  stop(): Promise<void>;
}

const english = translator('en');

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const spec = options.spec ?? loadMesSpec();
  const host = options.host ?? '127.0.0.1';
  const tls = options.tls === true || options.mtls === true;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const editorOid = options.editorOid ?? DEFAULT_EDITOR_OID;
  const solutionOid = options.solutionOid ?? DEFAULT_SOLUTION_OID;
  let origin = '';
  const auth = new TokenAuthority(
    () => origin,
    spec.mesures.security['id-token-claims'],
    options.tokenTtlSeconds ?? 3600,
  );
  await auth.init(options.clients ?? [], { editorOid, solutionOid });
  const store = new EmulatorStore();
  const faults = new FaultInjector(options.faults);
  const misbehave = new Set<Misbehaviour>(options.misbehave ?? []);
  const defaultPatient = options.defaultPatient ?? `idpe-test-${randomBytes(4).toString('hex')}`;
  const pairing = new PairingAuthority(spec.appariement, auth, store, () => defaultPatient, misbehave);
  const ctx: EmulatorContext = {
    spec,
    store,
    auth,
    misbehave,
    validateProfile: options.validateProfile,
    fhirBase: () => `${origin}${FHIR_PATH}`,
    pairing,
    ...(options.script ? { script: new ScriptPlayer(options.script) } : {}),
  };
  for (const patient of options.script?.patients ?? []) {
    if (patient.consent === false) store.setConsent(patient.idpe, false);
    if (patient.pairing) pairing.setStatus(patient.idpe, patient.pairing);
  }
  const certificates = tls ? await generateCertificates(host) : undefined;
  const adminToken = options.adminToken ?? randomBytes(24).toString('base64url');
  let port = 0;
  const guard: RequestGuard = { adminToken, acceptsHost: (value) => acceptsHost(host, port, value) };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    ctx.recorder?.tap(req, res);
    const started = performance.now();
    res.on('finish', () =>
      options.log?.(
        `${req.method} ${req.url?.split('?')[0]} ${res.statusCode} ${Math.round(performance.now() - started)}ms`,
      ),
    );
    route(ctx, faults, maxBody, guard, req, res).catch((error: unknown) => {
      if (!res.headersSent)
        sendOutcome(res, 500, {
          severity: 'fatal',
          code: 'exception',
          diagnostics: (error as Error).message,
        });
      else res.destroy();
    });
  };
  const server: Server = certificates
    ? createHttpsServer(
        {
          key: certificates.server.key,
          cert: certificates.server.cert,
          ca: [certificates.ca],
          requestCert: options.mtls === true,
          rejectUnauthorized: options.mtls === true,
          minVersion: 'TLSv1.2',
        },
        handler,
      )
    : createHttpServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (options.keepProcessAlive === false) server.unref();
  port = (server.address() as AddressInfo).port;
  origin = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (options.recordFile)
    ctx.recorder = new TrafficRecorder(
      options.recordFile,
      `${origin}${FHIR_PATH}`,
      {
        startedAt: new Date().toISOString(),
        editorOid,
        solutionOid,
        idTokenHeader: spec.mesures.security['id-token-header'],
        ...(options.script ? { script: options.script.name } : {}),
      },
      undefined,
      spec.documents.profiles['provide-bundle'],
    );
  // The emulator's own credentials never reach the recording, even outside the fields masked by name.
  ctx.recorder?.secrets.add(auth.testCredentials.clientSecret);
  ctx.recorder?.secrets.add(auth.testCredentials.privateKeyPem);
  ctx.recorder?.secrets.add(adminToken);
  const recorder = ctx.recorder;

  let stopped: Promise<void> | undefined;
  return {
    origin,
    fhirBase: `${origin}${FHIR_PATH}`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    credentials: auth.testCredentials,
    adminToken,
    ...(certificates ? { certificates } : {}),
    editorOid,
    solutionOid,
    idTokenHeader: spec.mesures.security['id-token-header'],
    mintIdToken: (idpe, oid = solutionOid) => auth.mintIdToken({ idpe, oid }),
    setConsent: (idpe, granted) => store.setConsent(idpe, granted),
    setFaults: (f) => faults.configure(f),
    setMisbehaviour: (list) => {
      misbehave.clear();
      for (const m of list) misbehave.add(m);
    },
    setPairing: (idpe, status) => pairing.setStatus(idpe, status),
    authorizeUrl: `${origin}${AUTHORIZE_PATH}`,
    pairingPatientParameter: spec.appariement.flow['patient-parameter'],
    defaultPatient,
    ...(recorder ? { recording: { file: recorder.file, count: () => recorder.count } } : {}),
    store,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.close(() => {
          recorder?.close();
          resolve();
        });
        // Keep-alive and in-flight connections would hold close() open: end them now.
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections?.();
      });
      return stopped;
    },
  };
}

interface RequestGuard {
  adminToken: string;
  acceptsHost(host: string | undefined): boolean;
}

/**
 * Whether a request's `Host` names this server: its own address, or `localhost`, on its port. A web page the
 * developer visits can make the browser send requests to 127.0.0.1 under the page's own host name (DNS rebinding);
 * those carry the attacker's name and are refused. Bound to every interface, any IP literal is the server's own.
 */
export function acceptsHost(bound: string, port: number, host: string | undefined): boolean {
  if (!host || !URL.canParse(`http://${host}`)) return false;
  const url = new URL(`http://${host}`);
  if (Number(url.port || 80) !== port) return false;
  const name = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const own = bound.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (name === own || name === 'localhost') return true;
  const wildcard = own === '0.0.0.0' || own === '::';
  return wildcard
    ? isIP(name) !== 0
    : (own === '127.0.0.1' || own === '::1') && (name === '127.0.0.1' || name === '::1');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function route(
  ctx: EmulatorContext,
  faults: FaultInjector,
  maxBody: number,
  guard: RequestGuard,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = req.method ?? 'GET';

  if (!guard.acceptsHost(req.headers.host)) {
    sendOutcome(res, 421, { code: 'forbidden', diagnostics: english('emulator.wrong-host') });
    return;
  }
  if (path.startsWith(ADMIN_PATH)) {
    const rest = path.slice(ADMIN_PATH.length);
    const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    // Health is public (readiness probes); everything else changes what the emulator answers.
    if (rest !== '/health' && !sameSecret(given, guard.adminToken)) {
      sendJson(
        res,
        401,
        { error: english('emulator.admin-token') },
        { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
      );
      return;
    }
    return admin(ctx, faults, maxBody, req, res, rest, method);
  }

  // Fault injection applies to the MES API, never to the admin endpoints that configure it.
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  const fault = faults.decide();
  if (fault.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (fault.kind === 'status') {
    sendOutcome(
      res,
      fault.status,
      {
        code: fault.status === 429 ? 'throttled' : 'transient',
        diagnostics: english('emulator.fault', { status: fault.status }),
      },
      fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {},
    );
    return;
  }

  let body: Buffer = Buffer.alloc(0);
  if (method === 'POST' || method === 'PUT') {
    try {
      body = await readBody(req, maxBody);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendOutcome(res, 413, {
          code: 'too-costly',
          diagnostics: english('emulator.too-large', { limit: maxBody }),
        });
        return;
      }
      throw error;
    }
  }
  ctx.recorder?.requestBody(req, body);
  if (ctx.script) {
    const operation = operationOf(method, path, body, ctx.spec.documents.profiles['provide-bundle']);
    const scripted = ctx.script.decide(operation);
    if (scripted) {
      ctx.recorder?.noteFault(req, describeFault(operation, scripted.index, scripted.fault));
      answerFault(res, operation, scripted.fault, () => req.socket.destroy());
      return;
    }
  }

  if (path === AUTHORIZE_PATH && method === 'GET') return ctx.pairing.authorize(res, url.searchParams);
  if (path === TOKEN_PATH && method === 'POST') {
    const tokenUrl = `${ctx.fhirBase().slice(0, -FHIR_PATH.length)}${TOKEN_PATH}`;
    const form = new URLSearchParams(body.toString('utf8'));
    const grant = form.get('grant_type');
    const result =
      grant === 'authorization_code' || grant === 'refresh_token'
        ? await pairingToken(ctx, form, req.headers.authorization, tokenUrl)
        : await ctx.auth.token(form, req.headers.authorization, tokenUrl);
    sendJson(res, result.status, result.body, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    return;
  }
  if (path === `${FHIR_PATH}/metadata` && method === 'GET') {
    sendJson(res, 200, capabilityStatement(ctx));
    return;
  }
  if (!path.startsWith(FHIR_PATH)) return notFound(res, path);
  const rest = path.slice(FHIR_PATH.length);
  const known =
    (rest === '' && method === 'POST') ||
    (/^\/(Observation|DocumentReference)$/.test(rest) && method === 'GET') ||
    (rest === '/DocumentReference' && method === 'POST') ||
    (/^\/(DocumentReference|Binary)\/[A-Za-z0-9\-.]{1,64}$/.test(rest) && method === 'GET');
  if (!known) return notFound(res, `${method} ${path}`);

  const session = await authorize(ctx, req, res);
  if (!session) return;
  if (method === 'GET') {
    if (rest === '/Observation') return searchObservations(ctx, res, session, url.searchParams);
    if (rest === '/DocumentReference') return findDocuments(ctx, res, session, url.searchParams);
    const [, type, id] = rest.split('/') as [string, string, string];
    if (type === 'Binary') return retrieveDocument(ctx, req, res, session, id);
    return readDocument(ctx, res, session, id);
  }
  const parsed = parseJson(body);
  if (rest === '/DocumentReference') return publishSimplified(ctx, res, session, parsed);
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { resourceType?: unknown }).resourceType !== 'Bundle'
  )
    return refuse(ctx, res, 'no-bundle', 'invalid');
  const bundle = parsed as Record<string, unknown>;
  const profiles = (bundle.meta as { profile?: unknown } | undefined)?.profile;
  if (Array.isArray(profiles) && profiles.includes(ctx.spec.documents.profiles['provide-bundle']))
    return provideBundle(ctx, res, session, bundle);
  return postMesures(ctx, res, session, bundle);
}

async function pairingToken(
  ctx: EmulatorContext,
  form: URLSearchParams,
  authorization: string | undefined,
  tokenUrl: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const client = await ctx.auth.authenticateClient(form, authorization, tokenUrl);
  if (!client) return { status: 401, body: { error: 'invalid_client' } };
  return ctx.pairing.token(form, client);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function notFound(res: ServerResponse, what: string): void {
  sendOutcome(res, 404, { code: 'not-found', diagnostics: english('emulator.not-found', { what }) });
}

function capabilityStatement(ctx: EmulatorContext): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    software: { name: 'mes-referencing MES emulator' },
    implementation: { description: english('emulator.description'), url: ctx.fhirBase() },
    rest: [
      {
        mode: 'server',
        interaction: [{ code: 'transaction' }],
        resource: [
          { type: 'Observation', interaction: [{ code: 'search-type' }] },
          { type: 'Device' },
          {
            type: 'DocumentReference',
            interaction: [{ code: 'create' }, { code: 'search-type' }, { code: 'read' }],
          },
          { type: 'Binary', interaction: [{ code: 'read' }] },
        ],
      },
    ],
  };
}

/** Test and demo controls: id_tokens for a patient, consent, faults, reset. Local use only. */
async function admin(
  ctx: EmulatorContext,
  faults: FaultInjector,
  maxBody: number,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  method: string,
): Promise<void> {
  const json = { 'content-type': 'application/json' };
  const input = async (): Promise<Record<string, unknown>> => {
    const parsed = parseJson(await readBody(req, Math.min(maxBody, 64 * 1024)));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  };
  if (path === '/health' && method === 'GET') return sendJson(res, 200, { status: 'ok' }, json);
  if (path === '/id-token' && method === 'POST') {
    const body = await input();
    if (typeof body.idpe !== 'string' || body.idpe === '')
      return sendJson(res, 400, { error: 'idpe required' }, json);
    const claims: IdTokenClaims = {
      idpe: body.idpe,
      oid: typeof body.oid === 'string' ? body.oid : ([...ctx.auth.clients.values()][0]?.solutionOid ?? ''),
    };
    return sendJson(res, 200, { id_token: await ctx.auth.mintIdToken(claims) }, json);
  }
  const consent = /^\/consent\/([^/]+)$/.exec(path);
  if (consent && method === 'PUT') {
    const body = await input();
    ctx.store.setConsent(decodeURIComponent(consent[1] as string), body.granted !== false);
    return sendJson(
      res,
      200,
      { idpe: decodeURIComponent(consent[1] as string), granted: body.granted !== false },
      json,
    );
  }
  if (path === '/faults' && method === 'PUT') {
    faults.configure((await input()) as FaultOptions);
    return sendJson(res, 200, faults.current, json);
  }
  if (path === '/reset' && method === 'POST') {
    ctx.store.clear();
    return sendJson(res, 200, { status: 'reset' }, json);
  }
  notFound(res, `${method} ${ADMIN_PATH}${path}`);
}
