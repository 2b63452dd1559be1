// Canary secrets planted in every secret input of the hooking tests (client secret, private key, id_token, extra
// header, mTLS key and certificate) never appear in stdout, stderr, the report files or the dossier de recette —
// while the run really used them (the criteria pass).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, importSPKI } from 'jose';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { repoRoot } from '../emulator/process.js';
import { sourceCli } from '../helpers.js';
import { cleanRepos, demoRepo } from './repo.js';

const run = promisify(execFile);
const CANARY_SECRET = 'canary-client-secret-7f3a9c1e5b';
const CANARY_HEADER = 'canary-extra-header-2d8e4f6a';
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const CANARY_KEY = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

let emulator: RunningEmulator;
let idToken: string;

beforeAll(async () => {
  const publicPem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  emulator = await startEmulator({
    mtls: true,
    editorOid: '1.2.250.1.999.42',
    solutionOid: '1.2.250.1.999.42.1',
    clients: [
      {
        clientId: 'canary-secret-client',
        clientSecret: CANARY_SECRET,
        editorOid: '1.2.250.1.999.42',
        solutionOid: '1.2.250.1.999.42.1',
      },
      {
        clientId: 'canary-jwt-client',
        jwk: await exportJWK(await importSPKI(publicPem, 'ES256')),
        editorOid: '1.2.250.1.999.42',
        solutionOid: '1.2.250.1.999.42.1',
      },
    ],
  });
  idToken = await emulator.mintIdToken('idpe-canari');
});
afterAll(async () => {
  await emulator.stop();
  cleanRepos();
});

/** Every piece of a secret a log could show: the value, and each line of a PEM. */
function pieces(secret: string): string[] {
  return [secret, ...secret.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))];
}

async function checkWith(auth: Record<string, string>, env: Record<string, string>) {
  const certs = emulator.certificates as NonNullable<RunningEmulator['certificates']>;
  const repo = demoRepo({
    target: emulator.fhirBase,
    'token-url': emulator.tokenUrl,
    auth: { ...auth, 'id-token-env': 'MES_ID_TOKEN' },
    'headers-env': { 'X-Canary': 'MES_EXTRA' },
    mtls: { 'cert-env': 'MES_CERT', 'key-env': 'MES_KEY', 'ca-env': 'MES_CA' },
    patient: { idpe: 'idpe-canari' },
  });
  const out = mkdtempSync(path.join(os.tmpdir(), 'mes-canary-out-'));
  const secrets = {
    MES_ID_TOKEN: idToken,
    MES_EXTRA: CANARY_HEADER,
    MES_CERT: certs.client.cert,
    MES_KEY: certs.client.key,
    MES_CA: certs.ca,
    ...env,
  };
  const result = await run(
    process.execPath,
    [...sourceCli(), 'check', '--repo', repo, '--out', out, '--no-color', '--allow-private-network'],
    { cwd: repoRoot, env: { ...process.env, ...secrets } },
  ).catch((error: { stdout: string; stderr: string }) => error);
  const files = readdirSync(out).map((f) => [f, readFileSync(path.join(out, f), 'utf8')] as const);
  const report = JSON.parse(files.find(([f]) => f === 'report.json')?.[1] ?? '{}') as {
    criteria: { id: string; status: string }[];
  };
  return {
    outputs: [['stdout', result.stdout], ['stderr', result.stderr], ...files] as const,
    report,
    secrets,
  };
}

function expectNoLeak(
  outputs: readonly (readonly [string, string])[],
  secrets: Record<string, string>,
  except: string[],
) {
  for (const [name, value] of Object.entries(secrets)) {
    if (except.includes(name)) continue;
    for (const piece of pieces(value)) {
      for (const [where, text] of outputs)
        expect(text.includes(piece), `${name} leaked in ${where}`).toBe(false);
    }
  }
  // Nothing that looks like a signed token either (the access token the run obtained is a secret too).
  for (const [where, text] of outputs)
    expect(/eyJ[A-Za-z0-9_-]{8,}\.eyJ/.test(text), `JWT in ${where}`).toBe(false);
}

describe('canary secrets', () => {
  it('client secret, id_token, extra header and mTLS key never leak (client-secret auth)', async () => {
    const { outputs, report, secrets } = await checkWith(
      { type: 'client-secret', 'client-id-env': 'MES_CLIENT_ID', 'client-secret-env': 'MES_CLIENT_SECRET' },
      { MES_CLIENT_ID: 'canary-secret-client', MES_CLIENT_SECRET: CANARY_SECRET },
    );
    expect(report.criteria.find((c) => c.id === 'INT-ACCROCHAGE')?.status).toBe('conforme');
    expect(report.criteria.find((c) => c.id === 'SEX-AUTHENTIFICATION-API')?.status).toBe('conforme');
    expect(outputs.map(([f]) => f)).toContain('exchanges.json');
    // The CA and the client id are not secrets of the editor, but the runner masks them anyway.
    expectNoLeak(outputs, secrets, ['MES_CA']);
  });

  it('the private key of private_key_jwt never leaks', async () => {
    const { outputs, report, secrets } = await checkWith(
      { type: 'private-key-jwt', 'client-id-env': 'MES_CLIENT_ID', 'private-key-env': 'MES_PRIVATE_KEY' },
      { MES_CLIENT_ID: 'canary-jwt-client', MES_PRIVATE_KEY: CANARY_KEY },
    );
    expect(report.criteria.find((c) => c.id === 'INT-ACCROCHAGE')?.status).toBe('conforme');
    expectNoLeak(outputs, secrets, ['MES_CA']);
  });
});
