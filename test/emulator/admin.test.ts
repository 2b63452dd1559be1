// The emulator's own protections: its admin endpoints need the token of the credentials file, a request under
// another host name (DNS rebinding from a web page) is refused, and listening beyond loopback is said out loud.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsHost, startEmulator } from '../../src/emulator/server.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { spawnEmulator } from './process.js';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, keepProcessAlive: false });
});
afterAll(() => emulator.stop());

function request(path: string, options: { method?: string; host?: string; token?: string } = {}) {
  const url = new URL(path, emulator.origin);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: {
          ...(options.host ? { host: options.host } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          'content-type': 'application/json',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.method === 'POST' ? '{"idpe":"idpe-1"}' : undefined);
  });
}

describe('emulator admin endpoints', () => {
  it('need the admin token; health stays open', async () => {
    for (const [method, path] of [
      ['POST', '/_admin/id-token'],
      ['PUT', '/_admin/faults'],
      ['POST', '/_admin/reset'],
      ['PUT', '/_admin/consent/idpe-1'],
    ] as const) {
      expect((await request(path, { method })).status, path).toBe(401);
      expect((await request(path, { method, token: 'wrong' })).status, path).toBe(401);
    }
    const minted = await request('/_admin/id-token', { method: 'POST', token: emulator.adminToken });
    expect(minted.status).toBe(200);
    expect(JSON.parse(minted.body).id_token).toMatch(/^ey/);
    expect((await request('/_admin/health')).status).toBe(200);
  });

  it('refuse a Host that is not the emulator (DNS rebinding), on every path', async () => {
    const port = new URL(emulator.origin).port;
    for (const path of ['/fhir/metadata', '/_admin/health', '/oauth2/token'])
      expect((await request(path, { host: `rebind.attacker.example:${port}` })).status, path).toBe(421);
    expect((await request('/fhir/metadata', { host: `localhost:${port}` })).status).toBe(200);
    expect((await request('/fhir/metadata', { host: `127.0.0.1:${Number(port) + 1}` })).status).toBe(421);
  });

  it('accept any IP literal when bound to every interface, never a name but localhost', () => {
    expect(acceptsHost('0.0.0.0', 8080, '192.168.1.20:8080')).toBe(true);
    expect(acceptsHost('0.0.0.0', 8080, 'evil.example:8080')).toBe(false);
    expect(acceptsHost('127.0.0.1', 8080, '192.168.1.20:8080')).toBe(false);
    expect(acceptsHost('::1', 8080, '[::1]:8080')).toBe(true);
    expect(acceptsHost('127.0.0.1', 8080, undefined)).toBe(false);
  });
});

describe('mes-referencing emulator --host 0.0.0.0', () => {
  it('warns that the emulator is reachable from the network', async () => {
    const emu = await spawnEmulator(['--host', '0.0.0.0']);
    try {
      // stderr and stdout are separate pipes: give the warning line the time to arrive.
      for (let i = 0; i < 50 && !emu.stderr().includes('0.0.0.0'); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(emu.stderr()).toMatch(/attention : l’émulateur écoute sur 0\.0\.0\.0/);
      expect(emu.creds.adminToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(emu.stderr()).not.toContain(emu.creds.adminToken);
    } finally {
      await emu.stop();
    }
  });
});
