// The emulator's recording, fault script and pairing, in-process: the recording is valid JSON after every exchange
// and survives a cut write, credentials never reach it, the script plays its faults on the counted request, and
// the pairing follows OAuth 2.0 with PKCE (rules/mes/appariement.yml).
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startEmulator } from '../../src/emulator/index.js';
import { TrafficRecorder } from '../../src/emulator/recorder.js';
import { loadScript } from '../../src/emulator/script.js';
import { UserError } from '../../src/errors.js';
import { readRecording } from '../../src/exchanges/recording.js';
import { translator } from '../../src/messages.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'mes-recording-'));
const running: RunningEmulator[] = [];
afterEach(async () => {
  for (const e of running.splice(0)) await e.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function scriptFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function emulator(options: Parameters<typeof startEmulator>[0] = {}) {
  const emu = await startEmulator({ keepProcessAlive: false, ...options });
  running.push(emu);
  return emu;
}

async function token(emu: RunningEmulator): Promise<string> {
  const res = await fetch(emu.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: emu.credentials.clientId,
      client_secret: emu.credentials.clientSecret,
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('emulator --record', () => {
  it('writes a valid exchanges.json after every exchange, credentials masked, tokens fingerprinted', async () => {
    const file = path.join(dir, 'rec.json');
    const emu = await emulator({ recordFile: file });
    const access = await token(emu);
    const idToken = await emu.mintIdToken('idpe-1');
    const headers = { authorization: `Bearer ${access}`, [emu.idTokenHeader]: idToken };
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${emu.fhirBase}/Observation?subject.identifier=idpe-1&_sort=-date&_count=1`, {
        headers,
      });
      expect(res.status).toBe(200);
      // Valid JSON after each answered exchange, not only at the end.
      const doc = JSON.parse(readFileSync(file, 'utf8')) as { exchanges: unknown[] };
      expect(doc.exchanges).toHaveLength(2 + i);
    }
    await fetch(`${emu.origin}/_admin/health`);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(emu.credentials.clientSecret);
    expect(text).not.toContain(access);
    expect(text).not.toContain(idToken);
    const { document } = readRecording(file);
    // The admin endpoints are the harness, not MES traffic.
    expect(document.exchanges.map((x) => x.operation)).toEqual(['token', 'search-mesures', 'search-mesures']);
    const [grant, first, second] = document.exchanges;
    expect(grant?.request.body).toContain('client_secret=***');
    expect(grant?.response?.body).toContain('"access_token":"***"');
    expect(first?.request.headers.authorization).toBe('Bearer ***');
    expect(first?.request.headers[emu.idTokenHeader]).toBe('***');
    expect(first?.fingerprints?.accessToken).toBe(grant?.fingerprints?.issued);
    expect(second?.fingerprints?.accessToken).toBe(first?.fingerprints?.accessToken);
    expect(first?.url).toBe(`${emu.fhirBase}/Observation?subject.identifier=idpe-1&_sort=-date&_count=1`);
    expect(document.target).toEqual({ kind: 'recording', url: emu.fhirBase });
  });

  it('has each exchange on disk before its answer leaves, so a SIGKILL right after the answer loses nothing', async () => {
    const file = path.join(dir, 'before-answer.json');
    const recorder = new TrafficRecorder(file, 'http://127.0.0.1/fhir', {
      startedAt: '2026-06-01T10:00:00.000Z',
      editorOid: '1.2.250.1.999.42',
      solutionOid: '1.2.250.1.999.42.1',
      idTokenHeader: 'x-id-token',
    });
    const onDisk: number[] = [];
    const server = createServer((req, res) => {
      recorder.tap(req, res);
      res.writeHead(201, { 'content-type': 'application/fhir+json' });
      res.end('{"resourceType":"Bundle"}');
      // Read in the same tick as end(): nothing else can run before a client may see the answer.
      onDisk.push(readRecording(file).document.exchanges.length);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/fhir/DocumentReference`, {
          method: 'POST',
          body: '{}',
        });
        expect(res.status).toBe(201);
      }
    } finally {
      server.close();
      recorder.close();
    }
    expect(onDisk).toEqual([1, 2]);
    const exchanges = readRecording(file).document.exchanges;
    expect(exchanges.map((x) => [x.status, x.response?.body])).toEqual([
      [201, '{"resourceType":"Bundle"}'],
      [201, '{"resourceType":"Bundle"}'],
    ]);
  });

  it('reads a recording whose writer was killed in the middle of a line', () => {
    const file = path.join(dir, 'cut.json');
    writeFileSync(
      file,
      '{"schema":"mes-referencing/exchanges","version":1,"target":{"kind":"recording","url":"http://127.0.0.1:1/fhir"},"runId":"x","suites":[],"tests":[],"exchanges":[\n' +
        '{"id":1,"suite":"recording","test":"token","step":"token","attempt":1,"method":"POST","url":"/oauth2/token","status":200,"durationMs":3,"startedAt":"2026-06-01T10:00:00.000Z","request":{"headers":{}}},\n',
    );
    appendFileSync(file, '{"id":2,"suite":"recording","test":"mes');
    const recording = readRecording(file);
    expect(recording.document.exchanges.map((x) => x.id)).toEqual([1]);
    expect(recording.damaged).toBe(1);
    expect(recording.lines.get(1)).toBe(2);
  });
});

describe('emulator --script', () => {
  it('plays the faults on the counted requests and the consent refusal of the scripted patient', async () => {
    const file = path.join(dir, 'scripted.json');
    const script = loadScript(
      scriptFile(
        'faults.yml',
        [
          'patients:',
          '  - { idpe: sans-consentement, consent: false }',
          'faults:',
          '  - { operation: search-mesures, nth: 2, status: 429, retry-after: 3 }',
          '  - { operation: search-mesures, nth: 3, times: 2, status: 503 }',
          '  - { operation: search-mesures, nth: 5, status: reset }',
        ].join('\n'),
      ),
    );
    const emu = await emulator({ recordFile: file, script });
    const access = await token(emu);
    const call = async (idpe: string) =>
      fetch(`${emu.fhirBase}/Observation?subject.identifier=${idpe}&_sort=-date&_count=1`, {
        headers: { authorization: `Bearer ${access}`, [emu.idTokenHeader]: await emu.mintIdToken(idpe) },
      }).then(
        (r) => r.status,
        () => 'reset',
      );
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await call('idpe-1'));
    statuses.push(await call('sans-consentement'));
    expect(statuses).toEqual([200, 429, 503, 503, 'reset', 200, 403]);
    const { document } = readRecording(file);
    const searches = document.exchanges.filter((x) => x.operation === 'search-mesures');
    expect(searches[1]?.fault).toBe('script: search-mesures #2 → 429, Retry-After 3 s');
    expect(searches[1]?.response?.headers['retry-after']).toBe('3');
    expect(searches[4]?.status).toBeUndefined();
    expect(searches[4]?.failure).toContain('script: search-mesures #5 → reset');
    expect(searches[6]?.response?.body).toContain('Consent not given, access refused.');
  });

  it('refuses a bad script with located errors', () => {
    const t = translator('en');
    const bad = scriptFile(
      'bad.yml',
      'faults:\n  - { operation: mesure, nth: 0, status: 429 }\n  - { operation: token, nth: 1, status: 500, retry-after: 2 }\n',
    );
    let error: unknown;
    try {
      loadScript(bad, 'bad.yml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const text = (error as UserError).render(t);
    expect(text).toMatch(/^bad\.yml:2:\d+: /m);
    expect(text).toContain('mesures');
    const retry = scriptFile(
      'retry.yml',
      'faults:\n  - { operation: token, nth: 1, status: 500, retry-after: 2 }\n',
    );
    expect(() => loadScript(retry, 'retry.yml')).toThrow(UserError);
    try {
      loadScript(retry, 'retry.yml');
    } catch (e) {
      expect((e as UserError).render(t)).toBe(
        'retry.yml:2:46: retry-after applies to statuses 429 and 503 only (here 500)',
      );
    }
  });
});

describe('pairing (appariement)', () => {
  const redirectUri = 'http://127.0.0.1/retour';
  const verifier = 'v'.repeat(43);
  const challenge = createHash('sha256').update(verifier).digest('base64url');

  async function authorize(emu: RunningEmulator, params: Record<string, string>) {
    const url = new URL(emu.authorizeUrl);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: emu.credentials.clientId,
      redirect_uri: redirectUri,
      state: 'etat-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...params,
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, location: new URL(res.headers.get('location') ?? redirectUri), res };
  }

  async function exchange(emu: RunningEmulator, form: Record<string, string>) {
    const res = await fetch(emu.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: emu.credentials.clientId,
        client_secret: emu.credentials.clientSecret,
        ...form,
      }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, string> };
  }

  it('pairs a patient with an authorization code and PKCE; the tokens open the patient’s data', async () => {
    const emu = await emulator();
    const back = await authorize(emu, { login_hint: 'idpe-appariee' });
    expect(back.status).toBe(302);
    expect(back.location.searchParams.get('state')).toBe('etat-1');
    const code = back.location.searchParams.get('code') as string;
    const wrong = await exchange(emu, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: 'x'.repeat(43),
    });
    expect(wrong).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    // A code is used once, even after a failed attempt (RFC 6749 §4.1.2).
    const reused = await exchange(emu, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(reused.json.error).toBe('invalid_grant');

    const again = await authorize(emu, { login_hint: 'idpe-appariee' });
    const tokens = await exchange(emu, {
      grant_type: 'authorization_code',
      code: again.location.searchParams.get('code') as string,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.json).toMatchObject({ token_type: 'Bearer' });
    const search = await fetch(
      `${emu.fhirBase}/Observation?subject.identifier=idpe-appariee&_sort=-date&_count=1`,
      {
        headers: {
          authorization: `Bearer ${tokens.json.access_token}`,
          [emu.idTokenHeader]: tokens.json.id_token as string,
        },
      },
    );
    expect(search.status).toBe(200);

    // The patient unpairs: their calls are refused as without consent, the refresh token no longer works.
    emu.setPairing('idpe-appariee', 'revoked');
    const refused = await fetch(
      `${emu.fhirBase}/Observation?subject.identifier=idpe-appariee&_sort=-date&_count=1`,
      {
        headers: {
          authorization: `Bearer ${tokens.json.access_token}`,
          [emu.idTokenHeader]: tokens.json.id_token as string,
        },
      },
    );
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain('Consent not given, access refused.');
    const refresh = await exchange(emu, {
      grant_type: 'refresh_token',
      refresh_token: tokens.json.refresh_token as string,
    });
    expect(refresh).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('answers the OAuth 2.0 errors: no PKCE, a declining patient, an unknown client', async () => {
    const emu = await emulator();
    const noPkce = await authorize(emu, { code_challenge: '', code_challenge_method: '' });
    expect(noPkce.location.searchParams.get('error')).toBe('invalid_request');
    expect(noPkce.location.searchParams.get('state')).toBe('etat-1');
    emu.setPairing('refuse', 'refused');
    const declined = await authorize(emu, { login_hint: 'refuse' });
    expect(declined.location.searchParams.get('error')).toBe('access_denied');
    const unknown = await authorize(emu, { client_id: 'inconnu' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.res.json()) as { error: string }).error).toBe('unauthorized_client');
  });
});
