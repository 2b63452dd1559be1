// The pairing scenarios (rules/scenarios/appariement.yml) run by the scenario runner against an in-process emulator:
// every scenario passes against a faithful emulator, each deviation of a misbehaving one fails the scenario that
// targets it, a target without a patient side skips them, and no code, verifier or token survives in any record.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Credentials } from '../../src/checks/sandbox/credentials.js';
import { resolveCredentials } from '../../src/checks/sandbox/credentials.js';
import { ExchangeRecorder } from '../../src/checks/sandbox/recorder.js';
import type { StepResponse } from '../../src/checks/sandbox/response.js';
import type { TestOutcome } from '../../src/checks/sandbox/runner.js';
import { runSuite } from '../../src/checks/sandbox/runner.js';
import { loadSuites } from '../../src/checks/sandbox/suite.js';
import type { CallContext } from '../../src/checks/sandbox/transport.js';
import { Transport } from '../../src/checks/sandbox/transport.js';
import type { CheckContext } from '../../src/checks/types.js';
import { mesIdTokenHeader, startEmulator } from '../../src/emulator/index.js';
import type { Misbehaviour, RunningEmulator } from '../../src/emulator/index.js';
import type { UserError } from '../../src/errors.js';
import { translator } from '../../src/messages.js';
import { Redactor } from '../../src/secrets.js';
import type { Agent } from 'undici';

const suite = loadSuites().find((s) => s.id === 'appariement');
const emulators: RunningEmulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const e of emulators.splice(0)) await e.stop();
});
afterAll(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The real transport, keeping what the wire said (raw Location, form and JSON) so the test knows every secret. */
class WitnessTransport extends Transport {
  readonly raw: string[] = [];

  override async authorize(url: string, dispatcher: Agent, where: CallContext): Promise<StepResponse> {
    const response = await super.authorize(url, dispatcher, where);
    this.raw.push(response.headers.location ?? '');
    return response;
  }

  override async token(
    url: string,
    form: URLSearchParams,
    headers: Record<string, string>,
    dispatcher: Agent,
    where: CallContext,
  ): Promise<StepResponse> {
    this.raw.push(form.toString());
    const response = await super.token(url, form, headers, dispatcher, where);
    this.raw.push(response.text ?? '');
    return response;
  }
}

/** The values a leak would show: codes from redirects, verifiers and refresh tokens from forms, issued tokens. */
function secretsOf(raw: string[]): string[] {
  const found = new Set<string>();
  for (const text of raw) {
    const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
    for (const [name, value] of new URLSearchParams(query))
      if (['code', 'code_verifier', 'refresh_token'].includes(name)) found.add(value);
    if (text.startsWith('{')) {
      const json = JSON.parse(text) as Record<string, unknown>;
      for (const name of ['access_token', 'id_token', 'refresh_token'])
        if (typeof json[name] === 'string') found.add(json[name]);
    }
  }
  return [...found];
}

async function play(
  options: { misbehave?: Misbehaviour[]; patientSide?: boolean; auth?: 'private-key-jwt' } = {},
) {
  const emulator = await startEmulator({
    misbehave: options.misbehave ?? [],
    keepProcessAlive: false,
  });
  emulators.push(emulator);
  const secrets = new Redactor();
  const recorder = new ExchangeRecorder(secrets, new Set([mesIdTokenHeader()]));
  const transport = new WitnessTransport({
    fhirBase: emulator.fhirBase,
    recorder,
    timeoutMs: 5000,
    deadline: Date.now() + 30_000,
    signal: new AbortController().signal,
  });
  const ctx = {
    manifest: { solution: {}, sandbox: options.auth ? { auth: { type: options.auth } } : {} },
    options: { env: {} },
    secrets,
    repoDir: os.tmpdir(),
    locate: () => ({ file: 'mes-referencing.yml', line: 1 }),
  } as unknown as CheckContext;
  const credentials: Credentials = await resolveCredentials(
    ctx,
    { kind: 'emulator', emulator, fhirBase: emulator.fhirBase },
    mesIdTokenHeader(),
    (url, form, headers) =>
      transport.token(url, form, headers, credentials.dispatcher, {
        suite: 'setup',
        test: 'setup',
        step: 'token',
      }),
  );
  if (options.patientSide === false && credentials.pairing) delete credentials.pairing.patientSide;
  try {
    const outcomes = await runSuite(suite as NonNullable<typeof suite>, {
      transport,
      credentials,
      recorder,
      vars: { idpe: credentials.idpe, runId: 'essai' },
      editorResources: () => [],
      secrets,
      t: translator('fr'),
      lang: 'fr',
    });
    const document = recorder.document({ kind: 'emulator', url: emulator.fhirBase }, 'essai');
    const test = (id: string) => outcomes.find((o) => o.id === id) as TestOutcome;
    return { outcomes, test, document, text: JSON.stringify(document), transport, secrets };
  } finally {
    await credentials.close();
  }
}

const step = (o: TestOutcome, id: string) => o.steps.find((s) => s.id === id);

describe('the appariement suite against a faithful emulator', () => {
  it('passes every scenario, records each exchange and masks every code, verifier and token', async () => {
    const r = await play();
    expect(r.outcomes.map((o) => [o.id, o.result])).toEqual([
      ['nominal', 'pass'],
      ['refresh', 'pass'],
      ['refused-pairing', 'pass'],
      ['pkce-required', 'pass'],
      ['wrong-verifier', 'pass'],
      ['code-replayed', 'pass'],
      ['revoked-pairing', 'pass'],
    ]);
    const exchange = (id: number) => r.document.exchanges.find((x) => x.id === id);
    const nominal = r.test('nominal');
    const authorize = exchange(step(nominal, 'authorize')?.exchanges[0] as number);
    expect(authorize?.method).toBe('GET');
    expect(authorize?.url).toContain('/oauth2/authorize?response_type=code');
    expect(authorize?.url).toContain('code_challenge_method=S256');
    expect(authorize?.status).toBe(302);
    expect(authorize?.response?.headers.location).toMatch(/\/retour\?code=\*\*\*&state=[\w-]+$/);
    const token = exchange(step(nominal, 'exchange')?.exchanges[0] as number);
    expect(token?.request.body).toMatch(
      /^grant_type=authorization_code&code=\*\*\*&redirect_uri=[^&]+&code_verifier=\*\*\*$/,
    );
    expect(token?.request.headers.authorization).toBe('Basic ***');
    expect(token?.response?.body).toContain('"refresh_token": "***"');
    // The patient's unpairing is an action at MES, not an exchange: the step says so and cites none.
    const unpair = step(r.test('revoked-pairing'), 'unpair');
    expect(unpair?.exchanges).toEqual([]);
    expect(unpair?.messages[0]).toMatch(/^le patient apparie-essai-6 désapparie le service/);

    const secrets = secretsOf(r.transport.raw);
    // 6 codes (one per authorization that returned one), as many verifiers, tokens of 8 grants.
    expect(secrets.length).toBeGreaterThan(20);
    for (const value of secrets) {
      expect(r.text).not.toContain(value);
      expect(r.secrets.redact(`«${value}»`)).toBe('«***»');
    }
  });
});

describe('the appariement suite with a private_key_jwt client', () => {
  it('authenticates the code exchange and the refresh with a signed assertion', async () => {
    const r = await play({ auth: 'private-key-jwt' });
    expect(r.test('refresh').result).toBe('pass');
    const ids = r.test('refresh').steps.flatMap((s) => s.exchanges);
    const bodies = r.document.exchanges.filter((x) => ids.includes(x.id) && x.method === 'POST');
    expect(bodies.map((x) => x.request.body)).toEqual([
      expect.stringMatching(/^grant_type=authorization_code&.*&client_assertion=\*\*\*$/),
      expect.stringMatching(/^grant_type=refresh_token&refresh_token=\*\*\*&.*&client_assertion=\*\*\*$/),
    ]);
  });
});

describe('the appariement suite against a misbehaving emulator', () => {
  it('fails the wrong-verifier scenario when the server ignores PKCE', async () => {
    const r = await play({ misbehave: ['pairing-ignore-verifier'] });
    const o = r.test('wrong-verifier');
    expect(o.result).toBe('fail');
    expect(o.failure?.step).toBe('exchange-wrong-verifier');
    expect(o.failure?.message).toContain('statut HTTP 400 attendu, 200 reçu');
    expect(o.failure?.message).toContain('erreur OAuth 2.0 invalid_grant attendue ; reçu : pas d’erreur');
    expect(r.test('nominal').result).toBe('pass');
  });

  it('fails the replayed-code scenario when a code can be used twice', async () => {
    const r = await play({ misbehave: ['pairing-reusable-codes'] });
    const o = r.test('code-replayed');
    expect(o.result).toBe('fail');
    expect(o.failure?.step).toBe('exchange-again');
    expect(step(o, 'tokens-of-replayed-code-revoked')?.result).toBe('skip');
  });

  it('fails the revoked-pairing scenario when the server keeps serving an unpaired patient', async () => {
    const r = await play({ misbehave: ['ignore-consent'] });
    const o = r.test('revoked-pairing');
    expect(o.result).toBe('fail');
    expect(o.failure?.step).toBe('call-after-unpairing');
    expect(o.failure?.message).toContain('statut HTTP 403 attendu, 200 reçu');
    // The refresh token is still refused: only the API call is wrong.
    expect(step(o, 'refresh-after-unpairing')?.result).toBe('pass');
  });
});

describe('the appariement suite without a patient side', () => {
  it('runs no pairing scenario and says a person must authenticate at Mon espace santé', async () => {
    const r = await play({ patientSide: false });
    expect(new Set(r.outcomes.map((o) => o.result))).toEqual(new Set(['skip']));
    expect(r.outcomes[0]?.reason).toContain('ce scénario n’est joué que contre l’émulateur embarqué');
    expect(r.document.exchanges).toEqual([]);
  });
});

describe('pairing steps in a suite file', () => {
  function load(tests: string): UserError {
    const rules = mkdtempSync(path.join(os.tmpdir(), 'mes-suites-'));
    dirs.push(rules);
    mkdirSync(path.join(rules, 'scenarios'));
    writeFileSync(
      path.join(rules, 'scenarios', 'essai.yml'),
      `id: essai\ntitle: { fr: Essai, en: Trial }\nrequirements: []\ntests:\n${tests}`,
    );
    try {
      loadSuites(rules);
    } catch (error) {
      return error as UserError;
    }
    throw new Error('the suite loaded');
  }
  const messages = (e: UserError) =>
    e.all().map((x) => `${x.location?.line ?? '?'} ${x.key} ${JSON.stringify(x.params)}`);

  it('locates a token step with no authorization before it, and fields that do not fit the operation', () => {
    const error = load(
      [
        '  - id: t',
        '    title: { fr: T, en: T }',
        '    steps:',
        '      - id: call',
        '        auth: paired',
        '        operation: { type: search, resource: Observation, patient: x }',
        '        assert: [{ status: 200 }]',
        '      - id: exchange',
        '        operation: { type: token, grant: refresh_token, verifier: other }',
        '        assert: [{ status: 200 }]',
        '      - id: unpair',
        '        operation: { type: unpair }',
        '        assert: [{ status: 200 }]',
        '',
      ].join('\n'),
    );
    expect(messages(error)).toEqual([
      '10 sandbox.suite-operation-field {"field":"patient","type":"search"}',
      '10 sandbox.suite-pairing-order {"step":"call","needs":"token"}',
      '13 sandbox.suite-operation-field {"field":"verifier","type":"token refresh_token"}',
      '13 sandbox.suite-pairing-order {"step":"exchange","needs":"authorize"}',
      '16 sandbox.suite-unpair-assert {"step":"unpair"}',
      '16 sandbox.suite-pairing-order {"step":"unpair","needs":"authorize"}',
    ]);
  });

  it('asks for an assertion on every step but unpair', () => {
    const error = load(
      [
        '  - id: t',
        '    title: { fr: T, en: T }',
        '    steps:',
        '      - id: authorize',
        '        operation: { type: authorize }',
        '',
      ].join('\n'),
    );
    expect(messages(error)).toEqual(['8 sandbox.suite-assert-missing {"step":"authorize"}']);
  });
});
