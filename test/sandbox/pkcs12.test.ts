// mTLS with a PKCS#12 client certificate, as an editor stores it in a CI secret (base64) with its passphrase:
// the hooking tests reach an emulator that demands a client certificate, and neither the bundle nor the
// passphrase shows in any output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/pipeline.js';
import { renderJson } from '../../src/report/json.js';
import type { EmulatorProcess } from '../emulator/process.js';
import { spawnEmulator } from '../emulator/process.js';
import { cleanRepos, demoRepo } from './repo.js';

const emulators: EmulatorProcess[] = [];
afterEach(async () => {
  cleanRepos();
  for (const e of emulators.splice(0)) await e.stop();
});

const PASSPHRASE = 'canary-pkcs12-passphrase-4f1c';

/** The emulator's client certificate and key bundled as PKCS#12 (the openssl CLI is test tooling only). */
function pkcs12(cert: string, key: string): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mes-p12-'));
  writeFileSync(path.join(dir, 'cert.pem'), cert);
  writeFileSync(path.join(dir, 'key.pem'), key);
  const out = path.join(dir, 'client.p12');
  execFileSync(
    'openssl',
    [
      'pkcs12',
      '-export',
      '-in',
      'cert.pem',
      '-inkey',
      'key.pem',
      '-out',
      out,
      '-passout',
      `pass:${PASSPHRASE}`,
    ],
    { cwd: dir },
  );
  return readFileSync(out);
}

describe('sandbox/scenarios with a PKCS#12 client certificate', () => {
  it('passes the suites against an mTLS sandbox, without leaking the certificate or its passphrase', async () => {
    const emu = await spawnEmulator([
      '--mtls',
      '--quiet',
      '--editor-oid',
      '1.2.250.1.999.42',
      '--solution-oid',
      '1.2.250.1.999.42.1',
    ]);
    emulators.push(emu);
    const { ca, clientCert, clientKey } = emu.creds as Required<typeof emu.creds>;
    const agent = new Agent({ connect: { ca, cert: clientCert, key: clientKey } });
    const minted = await undiciFetch(`${emu.origin}/_admin/id-token`, {
      method: 'POST',
      headers: emu.admin,
      body: JSON.stringify({ idpe: 'idpe-p12' }),
      dispatcher: agent,
    });
    const idToken = ((await minted.json()) as { id_token: string }).id_token;
    await agent.close();
    const bundle = pkcs12(clientCert, clientKey).toString('base64');

    const repo = demoRepo({
      target: emu.creds.fhirBase,
      'token-url': emu.creds.tokenUrl,
      auth: {
        type: 'client-secret',
        'client-id-env': 'MES_CLIENT_ID',
        'client-secret-env': 'MES_CLIENT_SECRET',
        'id-token-env': 'MES_ID_TOKEN',
      },
      mtls: { 'pfx-env': 'MES_PFX', 'passphrase-env': 'MES_PFX_PASSPHRASE', 'ca-env': 'MES_CA' },
      patient: { idpe: 'idpe-p12' },
    });
    const env = {
      MES_CLIENT_ID: emu.creds.clientId,
      MES_CLIENT_SECRET: emu.creds.clientSecret,
      MES_ID_TOKEN: idToken,
      MES_PFX: bundle,
      MES_PFX_PASSPHRASE: PASSPHRASE,
      MES_CA: ca,
    };
    const result = await run({
      repoDir: repo,
      lang: 'fr',
      failOn: 'obligatoire',
      now: new Date('2026-06-01T12:00:00Z'),
      engine: { env, allowPrivateNetwork: true },
    });
    const byId = (id: string) => result.report.criteria.find((c) => c.id === id);
    expect(
      byId('INT-ACCROCHAGE')?.findings.filter((f) => f.outcome === 'fail' || f.outcome === 'unavailable'),
    ).toEqual([]);
    expect(byId('INT-ACCROCHAGE')?.status).toBe('conforme');
    expect(
      byId('SEX-AUTHENTIFICATION-API')?.findings.find((f) => f.code === 'sandbox.securite.mtls-required')
        ?.outcome,
    ).toBe('pass');

    const outputs = [renderJson(result.report), ...result.attachments.values()].join('\n');
    expect(outputs).not.toContain(PASSPHRASE);
    expect(outputs).not.toContain(bundle.slice(0, 40));
  });
});
