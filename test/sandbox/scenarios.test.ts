// The hooking tests through the pipeline: the demo passes against the in-process emulator; an emulator that
// misbehaves gives precise failures; faults and an unreachable sandbox give `indisponible`, in bounded time.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExchangesDocument } from '../../src/checks/sandbox/recorder.js';
import { run } from '../../src/pipeline.js';
import type { EmulatorProcess } from '../emulator/process.js';
import { spawnEmulator } from '../emulator/process.js';
import { packagePath } from '../fhir/helpers.js';
import { cleanRepos, demoRepo, remoteSandbox } from './repo.js';

const emulators: EmulatorProcess[] = [];
afterEach(async () => {
  cleanRepos();
  for (const e of emulators.splice(0)) await e.stop();
});

async function check(repoDir: string, engine: Record<string, unknown> = {}) {
  const result = await run({
    repoDir,
    lang: 'fr',
    failOn: 'obligatoire',
    now: new Date('2026-06-01T12:00:00Z'),
    // The "remote" sandbox is an emulator process on 127.0.0.1: the run opts in to private addresses.
    engine: { allowPrivateNetwork: true, ...engine },
  });
  const byId = (id: string) => result.report.criteria.find((c) => c.id === id);
  const exchanges = result.attachments.get('exchanges.json');
  return {
    hooking: byId('INT-ACCROCHAGE'),
    auth: byId('SEX-AUTHENTIFICATION-API'),
    exchanges: exchanges ? (JSON.parse(exchanges) as ExchangesDocument) : undefined,
    text: exchanges ?? '',
  };
}

async function remote(args: string[], extra: Record<string, unknown> = {}) {
  // The demo's OIDs, as MES would know them for this éditeur.
  const emu = await spawnEmulator([
    '--quiet',
    '--editor-oid',
    '1.2.250.1.999.42',
    '--solution-oid',
    '1.2.250.1.999.42.1',
    ...args,
  ]);
  emulators.push(emu);
  const { sandbox, env } = await remoteSandbox(emu, extra);
  return { repo: demoRepo(sandbox), env };
}

describe('sandbox/scenarios against the embedded emulator', () => {
  it('passes every suite of the demo and records a redacted dossier de recette', async () => {
    // With its FHIR packages, the emulator validates the profiles of what it receives, as MES does.
    const r = await check(demoRepo(), { fhirPackagePath: [packagePath], offline: true });
    expect(r.hooking?.findings.map((f) => f.code)).not.toContain('sandbox.profiles-unchecked');
    // Every test passes, but a rehearsal on the emulator still needs the official run on the MES sandbox.
    expect(r.hooking?.status).toBe('a-verifier');
    expect(r.auth?.status).toBe('a-verifier');
    expect(r.hooking?.findings.filter((f) => f.outcome === 'fail')).toEqual([]);
    expect(r.hooking?.findings.find((f) => f.code === 'sandbox.target.emulator')?.outcome).toBe('review');
    const passed = r.hooking?.findings.filter((f) => f.outcome === 'pass').map((f) => f.code);
    expect(passed).toEqual(
      expect.arrayContaining([
        'sandbox.mesures.nominal-create',
        'sandbox.mesures.device-idempotency',
        'sandbox.mesures.refuse-bmi',
        'sandbox.mesures.refuse-missing-profile',
        'sandbox.mesures.refuse-idpe-mismatch',
        'sandbox.mesures.refuse-consent-missing',
        'sandbox.documents.publish-find-retrieve',
      ]),
    );
    // The pairing scenarios belong to the authentication criterion; what they expect is inferred, and says so.
    const pairing = r.auth?.findings.filter((f) => f.code.startsWith('sandbox.appariement.'));
    expect(pairing?.map((f) => [f.code, f.outcome])).toEqual(
      [
        'nominal',
        'refresh',
        'refused-pairing',
        'pkce-required',
        'wrong-verifier',
        'code-replayed',
        'revoked-pairing',
      ].map((id) => [`sandbox.appariement.${id}`, 'pass']),
    );
    expect(pairing?.every((f) => f.details?.basis === 'inference')).toBe(true);
    const doc = r.exchanges as ExchangesDocument;
    expect(doc.target.kind).toBe('emulator');
    // Pairing codes and verifiers never reach the record.
    const oauth = JSON.stringify(doc.exchanges.filter((x) => x.url.includes('/oauth2/')));
    expect(oauth).toContain('code=***');
    expect(oauth).not.toMatch(/[?&]code=(?!\*\*\*)/);
    expect(oauth).not.toMatch(/code_verifier=(?!\*\*\*)/);
    const idempotency = doc.tests.find((t) => t.id === 'device-idempotency');
    const statuses = idempotency?.steps
      .flatMap((s) => s.exchanges)
      .map((id) => doc.exchanges.find((x) => x.id === id)?.response?.body);
    expect(statuses?.[0]).toContain('"201 Created"');
    expect(statuses?.[1]).toContain('"200 Success"');
    // No token, id_token or assertion survives in the record, even partially.
    expect(r.text).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}/);
    const authorizations = doc.exchanges
      .map((x) => x.request.headers.authorization)
      .filter((a) => a !== undefined);
    expect(authorizations.length).toBeGreaterThan(10);
    expect(new Set(authorizations)).toEqual(new Set(['Bearer ***', 'Basic ***']));
  });

  it('says the emulator judged the requests without their profiles when the FHIR packages are missing', async () => {
    const r = await check(demoRepo(), {
      fhirPackagePath: [],
      offline: true,
      fhirPackageCache: mkdtempSync(path.join(os.tmpdir(), 'mes-empty-cache-')),
    });
    expect(r.hooking?.status).toBe('a-verifier');
    const unchecked = r.hooking?.findings.find((f) => f.code === 'sandbox.profiles-unchecked');
    expect(unchecked?.outcome).toBe('review');
    expect(unchecked?.message).toContain('ans.fhir.fr.mesures#3.1.0');
    expect(unchecked?.fix).toContain('FHIR_PACKAGE_PATH');
  });

  it('runs the mTLS refusal scenario when the manifest declares mTLS', async () => {
    const r = await check(
      demoRepo({ target: 'emulator', mtls: { 'cert-env': 'MES_CERT', 'key-env': 'MES_KEY' } }),
    );
    const mtls = r.auth?.findings.find((f) => f.code === 'sandbox.securite.mtls-required');
    expect(mtls?.outcome).toBe('pass');
    expect(r.auth?.status).toBe('a-verifier');
  });
});

describe('sandbox/scenarios against a misbehaving target', () => {
  it('fails with precise findings naming the step, the expectation and the exchange', async () => {
    const { repo, env } = await remote([
      '--misbehave',
      'accept-everything,device-always-created,lose-documents',
    ]);
    const r = await check(repo, { env });
    expect(r.hooking?.status).toBe('non-conforme');
    const byCode = new Map(r.hooking?.findings.map((f) => [f.code, f]));
    const bmi = byCode.get('sandbox.mesures.refuse-bmi');
    expect(bmi?.outcome).toBe('fail');
    expect(bmi?.message).toContain('statut HTTP 422 attendu, 200 reçu');
    expect(bmi?.details).toMatchObject({ step: 'post-bmi' });
    expect(typeof bmi?.details?.exchange).toBe('number');
    expect(byCode.get('sandbox.mesures.device-idempotency')?.message).toContain('200 Success');
    // ITI-67/68 are part of the MES documents flow: a published document the server lost fails the test.
    const lost = byCode.get('sandbox.documents.publish-find-retrieve');
    expect(lost?.outcome).toBe('fail');
    expect(lost?.details).toMatchObject({ step: 'find' });
    expect(lost?.message).toContain('le document publié est trouvé');
    // The nominal create replays the editor's file: its failure would point there; here it passes.
    expect(byCode.get('sandbox.mesures.nominal-create')?.outcome).toBe('pass');
  });

  it('skips the consent refusal on a sandbox where no patient without consent is configured', async () => {
    const { repo, env } = await remote([]);
    const r = await check(repo, { env });
    expect(r.hooking?.status).toBe('conforme');
    expect(
      r.hooking?.findings.find((f) => f.code === 'sandbox.mesures.refuse-consent-missing')?.outcome,
    ).toBe('info');
    // A real sandbox needs a person to authenticate at MES: the pairing scenarios are not run, and say why.
    const pairing = r.auth?.findings.find((f) => f.code === 'sandbox.appariement.nominal');
    expect(pairing?.outcome).toBe('info');
    expect(pairing?.message).toContain('n’est joué que contre l’émulateur embarqué');
  });
});

describe('sandbox/scenarios when the target fails', () => {
  it('latency past the step timeout: indisponible', async () => {
    const { repo, env } = await remote(['--latency', '1000'], {
      'timeout-seconds': 0.3,
      'budget-seconds': 5,
    });
    const r = await check(repo, { env });
    expect(r.hooking?.status).toBe('indisponible');
    expect(r.hooking?.findings.some((f) => f.message.includes('délai dépassé'))).toBe(true);
  });

  it('connection resets: indisponible', async () => {
    const { repo, env } = await remote(['--reset-rate', '1'], { 'budget-seconds': 10 });
    const r = await check(repo, { env });
    expect(r.hooking?.status).toBe('indisponible');
    expect(r.auth?.status).toBe('indisponible');
  });

  it('429 with Retry-After, retried then given up: indisponible, every attempt recorded', async () => {
    const { repo, env } = await remote(['--throttle-rate', '1', '--retry-after', '0'], {
      'budget-seconds': 10,
    });
    const r = await check(repo, { env });
    expect(r.hooking?.status).toBe('indisponible');
    const probe = r.exchanges?.exchanges.filter((x) => x.step === 'metadata');
    expect(probe?.map((x) => x.status)).toContain(429);
    expect(Math.max(...(probe ?? []).map((x) => x.attempt))).toBe(3);
  });

  it('500 answers: indisponible, not non-conforme', async () => {
    const { repo, env } = await remote(['--error-rate', '1'], { 'budget-seconds': 10 });
    const r = await check(repo, { env });
    expect(r.hooking?.status).toBe('indisponible');
  });

  it('a short outage is retried through (503 then service)', async () => {
    const { repo, env } = await remote(['--fail-first', '2']);
    const r = await check(repo, { env });
    expect(r.hooking?.status).toBe('conforme');
    expect(r.exchanges?.exchanges.slice(0, 3).map((x) => x.status)).toEqual([503, 503, 200]);
  });

  it('an unreachable sandbox: indisponible with the reason', async () => {
    const repo = demoRepo({
      target: 'http://127.0.0.1:9/fhir',
      auth: { type: 'none' },
      patient: { idpe: 'p1' },
      'budget-seconds': 5,
    });
    const r = await check(repo);
    expect(r.hooking?.status).toBe('indisponible');
    expect(r.hooking?.findings[0]?.message).toContain('injoignable');
  });

  it('offline with a remote target: indisponible, the emulator still runs when chosen', async () => {
    const repo = demoRepo({
      target: 'https://bac-a-sable.example/fhir',
      auth: { type: 'none' },
      patient: { idpe: 'p1' },
    });
    const offline = await check(repo, { offline: true });
    expect(offline.hooking?.status).toBe('indisponible');
    expect(offline.hooking?.findings[0]?.code).toBe('sandbox.offline');
    const emulator = await check(repo, { offline: true, sandboxTarget: 'emulator' });
    expect(emulator.hooking?.status).toBe('a-verifier');
    expect(emulator.hooking?.findings.some((f) => f.outcome === 'fail')).toBe(false);
  });

  it('a missing credential variable: indisponible, naming the variable, not its value', async () => {
    const emu = await spawnEmulator(['--quiet']);
    emulators.push(emu);
    const { sandbox } = await remoteSandbox(emu);
    const r = await check(demoRepo(sandbox), { env: {} });
    expect(r.hooking?.status).toBe('indisponible');
    const message = r.hooking?.findings[0]?.message ?? '';
    expect(message).toContain('MES_CLIENT_ID');
    expect(message).toContain('MES_CLIENT_SECRET');
    expect(message).toContain('MES_ID_TOKEN');
  });
});
