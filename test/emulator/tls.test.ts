// mTLS with the emulator's generated certificates: a client without a certificate is refused at the handshake,
// one with the client certificate gets its token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, fetch as undiciFetch } from 'undici';
import type { EmulatorProcess } from './process.js';
import { spawnEmulator } from './process.js';

let emu: EmulatorProcess;
beforeAll(async () => {
  emu = await spawnEmulator(['--mtls', '--quiet']);
});
afterAll(async () => {
  await emu.stop();
});

const form = () => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: `grant_type=client_credentials&client_id=${emu.creds.clientId}&client_secret=${encodeURIComponent(emu.creds.clientSecret)}`,
});

describe('emulator with --mtls', () => {
  it('serves HTTPS with a certificate signed by its test CA', () => {
    expect(emu.creds.fhirBase).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/fhir$/);
    expect(emu.creds.ca).toContain('BEGIN CERTIFICATE');
  });

  it('refuses a connection without a client certificate', async () => {
    const agent = new Agent({ connect: { ca: emu.creds.ca } });
    await expect(undiciFetch(emu.creds.tokenUrl, { ...form(), dispatcher: agent })).rejects.toThrow();
    await agent.close();
  });

  it('accepts the client certificate and issues a token', async () => {
    const agent = new Agent({
      connect: { ca: emu.creds.ca, cert: emu.creds.clientCert, key: emu.creds.clientKey },
    });
    const r = await undiciFetch(emu.creds.tokenUrl, { ...form(), dispatcher: agent });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { token_type: string }).token_type).toBe('Bearer');
    await agent.close();
  });

  it('refuses a client that does not trust the emulator CA', async () => {
    const agent = new Agent({ connect: { cert: emu.creds.clientCert, key: emu.creds.clientKey } });
    await expect(undiciFetch(emu.creds.tokenUrl, { ...form(), dispatcher: agent })).rejects.toThrow();
    await agent.close();
  });
});
