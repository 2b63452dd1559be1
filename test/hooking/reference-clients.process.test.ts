// The two reference clients of examples/hooking-client run as real processes against the recording emulator (a
// real process too, killed with SIGKILL at the end: the recording must survive it), with the fault script; then
// the recorded traffic is graded by the pipeline. The good client ends with every behaviour observed; the bad one
// with each mistake reported on the exchange that shows it.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange, ExchangesDocument } from '../../src/exchanges/format.js';
import { readRecording } from '../../src/exchanges/recording.js';
import { run } from '../../src/pipeline.js';
import { exchangesSection } from '../../src/report/exchanges.js';
import { FHIR_PACKAGE_FOLDERS } from '../helpers.js';
import { spawnEmulator, repoRoot } from '../emulator/process.js';
import { cleanRepos, demoRepo } from '../sandbox/repo.js';

const clients = path.join(repoRoot, 'examples/hooking-client');
const work = mkdtempSync(path.join(os.tmpdir(), 'mes-hooking-'));
afterAll(() => {
  cleanRepos();
  rmSync(work, { recursive: true, force: true });
});

interface Recorded {
  file: string;
  exchanges: Exchange[];
  stdout: string;
  creds: { clientSecret: string; privateKeyPem: string };
}

/** Emulator with --record/--ready-file/--script, the client against it, then SIGKILL: nothing may be lost. */
async function record(client: string): Promise<Recorded> {
  const file = path.join(work, `${client}.json`);
  const ready = path.join(work, `${client}-ready.json`);
  const emulator = await spawnEmulator([
    '--quiet',
    '--editor-oid',
    '1.2.250.1.999.42',
    '--solution-oid',
    '1.2.250.1.999.42.1',
    '--record',
    file,
    '--ready-file',
    ready,
    '--script',
    path.join(clients, 'script.yml'),
  ]);
  const child = spawn(process.execPath, [path.join(clients, `${client}.mjs`), ready], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, stderr).toBe(0);
  await emulator.stop('SIGKILL');
  const recording = readRecording(file);
  expect(recording.damaged).toBe(0);
  return { file, exchanges: recording.document.exchanges, stdout, creds: emulator.creds };
}

async function grade(repoDir: string, recording?: string) {
  const result = await run({
    repoDir,
    lang: 'fr',
    failOn: 'obligatoire',
    now: new Date('2026-06-01T12:00:00Z'),
    engine: {
      offline: true,
      fhirPackagePath: FHIR_PACKAGE_FOLDERS,
      ...(recording ? { sandboxRecording: recording } : {}),
    },
  });
  const criterion = (id: string) => result.report.criteria.find((c) => c.id === id);
  const findings = [
    ...(criterion('INT-ACCROCHAGE')?.findings ?? []),
    ...(criterion('SEX-AUTHENTIFICATION-API')?.findings ?? []),
  ];
  const behaviour = (id: string) => findings.find((f) => f.code === `sandbox.behaviour.${id}`);
  const dossier = result.attachments.get('exchanges.json') ?? '';
  return { result, criterion, findings, behaviour, dossier, doc: JSON.parse(dossier) as ExchangesDocument };
}

const BEHAVIOURS = [
  'token-obtained',
  'token-reused',
  'calls-authenticated',
  'pairing',
  'valid-measure',
  'idempotent-resend',
  'stop-on-consent-refusal',
  'retry-after-429',
  'backoff-503',
  'no-retry-422',
  'publish-and-find',
];

describe('the good reference client', () => {
  let good: Recorded;
  let graded: Awaited<ReturnType<typeof grade>>;
  beforeAll(async () => {
    good = await record('good-client');
    graded = await grade(demoRepo(), good.file);
  });

  it('ends with every expected behaviour observed and every request valid', () => {
    for (const id of BEHAVIOURS) expect(graded.behaviour(id)?.outcome, id).toBe('pass');
    expect(graded.findings.filter((f) => f.outcome === 'fail')).toEqual([]);
    expect(graded.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining([
        'sandbox.recording.requests-ok.mesures',
        'sandbox.recording.requests-ok.documents',
      ]),
    );
    // Graded against the emulator: still a rehearsal until the GIE runs the official tests on the MES sandbox.
    expect(graded.criterion('INT-ACCROCHAGE')?.status).toBe('a-verifier');
    expect(graded.criterion('SEX-AUTHENTIFICATION-API')?.status).toBe('a-verifier');
  });

  it('shows the scripted faults and the retries in the dossier’s exchanges', () => {
    const { doc } = graded;
    expect(doc.target.kind).toBe('recording');
    const statuses = doc.exchanges.filter((x) => x.operation === 'mesures').map((x) => x.status);
    expect(statuses).toEqual([200, 200, 429, 200, 503, 503, 200, 200, 422, 403]);
    const throttled = doc.exchanges.find((x) => x.status === 429) as Exchange;
    expect(throttled.fault).toBe('script: mesures #3 → 429, Retry-After 1 s');
    expect(throttled.response?.headers['retry-after']).toBe('1');
    const retry = doc.exchanges.find((x) => x.id > throttled.id && x.operation === 'mesures') as Exchange;
    expect(retry.attempt).toBe(2);
    expect(
      Date.parse(retry.startedAt) - Date.parse(throttled.startedAt) - throttled.durationMs,
    ).toBeGreaterThanOrEqual(950);
    const backoff = doc.exchanges.filter((x) => x.operation === 'mesures' && x.attempt === 3);
    expect(backoff).toHaveLength(1);
    const retries = doc.tests.find((t) => t.id === 'retry-after-429');
    expect(retries?.steps[0]?.exchanges).toEqual([throttled.id, retry.id]);
    const html = exchangesSection(graded.dossier, 'fr')?.html ?? '';
    expect(html).toContain('tentative 2');
    expect(html).toContain('tentative 3');
    expect(html).toContain('réessaie un 429 après le délai Retry-After');
  });

  it('keeps every credential out of the recording', () => {
    const text = readFileSync(good.file, 'utf8');
    expect(text).not.toContain(good.creds.clientSecret);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}/);
    expect(text).not.toMatch(/[?&]code=(?!\*\*\*)[A-Za-z0-9_-]{10}/);
    expect(text).not.toMatch(/code_verifier=(?!\*\*\*)/);
    const authorizations = good.exchanges.map((x) => x.request.headers.authorization).filter(Boolean);
    expect(new Set(authorizations)).toEqual(new Set(['Bearer ***', 'Basic ***']));
    // Fingerprints tell that one token served every call, without the token.
    const tokens = new Set(good.exchanges.map((x) => x.fingerprints?.accessToken).filter(Boolean));
    expect(tokens.size).toBe(1);
  });
});

describe('the bad reference client', () => {
  let bad: Recorded;
  let graded: Awaited<ReturnType<typeof grade>>;
  beforeAll(async () => {
    bad = await record('bad-client');
    // Through the manifest this time (sandbox.recording): locations point at the recording's lines in the repo.
    const repo = demoRepo({ target: 'emulator', recording: 'tests/mes-exchanges.json' });
    const copy = path.join(repo, 'tests');
    rmSync(copy, { recursive: true, force: true });
    (await import('node:fs')).mkdirSync(copy);
    copyFileSync(bad.file, path.join(copy, 'mes-exchanges.json'));
    graded = await grade(repo);
  });

  const after = (id: number, pick: (x: Exchange) => boolean) =>
    bad.exchanges.find((x) => x.id > id && pick(x)) as Exchange;
  const mesures = (x: Exchange) => x.operation === 'mesures';

  it('reports each classic mistake on the exchange that shows it', () => {
    const { behaviour } = graded;
    const tokens = bad.exchanges.filter((x) => x.operation === 'token');
    expect(behaviour('token-reused')).toMatchObject({
      outcome: 'fail',
      details: { exchange: tokens[1]?.id },
    });

    const throttled = bad.exchanges.find((x) => x.status === 429) as Exchange;
    expect(behaviour('retry-after-429')).toMatchObject({
      outcome: 'fail',
      details: { exchange: after(throttled.id, mesures).id, reason: 'too-early' },
    });
    const unavailable = bad.exchanges.find((x) => x.status === 503) as Exchange;
    expect(behaviour('backoff-503')).toMatchObject({
      outcome: 'fail',
      details: { exchange: after(unavailable.id, mesures).id, reason: 'immediate' },
    });
    const conditionless = bad.exchanges.find(
      (x) => mesures(x) && !(x.request.body ?? '').includes('ifNoneExist'),
    ) as Exchange;
    expect(conditionless.status).toBe(422);
    expect(behaviour('idempotent-resend')).toMatchObject({
      outcome: 'fail',
      details: { exchange: conditionless.id, reason: 'no-if-none-exist' },
    });
    expect(behaviour('no-retry-422')).toMatchObject({
      outcome: 'fail',
      details: { exchange: after(conditionless.id, mesures).id },
    });
    const refusal = bad.exchanges.find((x) => x.status === 403) as Exchange;
    expect(behaviour('stop-on-consent-refusal')).toMatchObject({
      outcome: 'fail',
      details: { exchange: after(refusal.id, mesures).id },
    });
    const publish = bad.exchanges.find((x) => x.operation === 'iti-105') as Exchange;
    expect(behaviour('publish-and-find')).toMatchObject({
      outcome: 'review',
      details: { exchange: publish.id },
    });
    // What it does right is still seen.
    expect(behaviour('token-obtained')?.outcome).toBe('pass');
    expect(behaviour('calls-authenticated')?.outcome).toBe('pass');
    expect(behaviour('valid-measure')?.outcome).toBe('pass');
    expect(behaviour('pairing')?.outcome).toBe('info');

    expect(graded.criterion('INT-ACCROCHAGE')?.status).toBe('non-conforme');
    expect(graded.criterion('SEX-AUTHENTIFICATION-API')?.status).toBe('non-conforme');
  });

  it('checks every request through the MES rules, located on the recording’s line', () => {
    const invalid = graded.findings.filter((f) => f.code === 'sandbox.recording.request-invalid.mesures');
    const conditionless = bad.exchanges.filter(
      (x) => mesures(x) && !(x.request.body ?? '').includes('ifNoneExist'),
    );
    expect(invalid.map((f) => f.details?.exchange)).toEqual(conditionless.map((x) => x.id));
    expect(invalid[0]?.message).toContain('Bundle must contains one conditional creation of a device');
    const lines = readRecording(bad.file).lines;
    expect(invalid[0]?.location).toEqual({
      file: 'tests/mes-exchanges.json',
      line: lines.get(conditionless[0]?.id as number),
    });
  });
});
