// The emulator as a real process reproduces every error of the MES catalogue with its exact status and message,
// and the nominal flows (mesures transaction, read-back, PDSm publish/find/retrieve).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMesSpec } from '../../src/mes/spec.js';
import { applyPatch } from '../../src/checks/sandbox/patch.js';
import type { EmulatorProcess } from './process.js';
import { spawnEmulator } from './process.js';

// Answers are read freely, as a client would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const fixtures = path.resolve(import.meta.dirname, '../fixtures/mes');
const bundle = JSON.parse(readFileSync(path.join(fixtures, 'bundle-bp.json'), 'utf8')) as Record<
  string,
  unknown
>;
const document = JSON.parse(readFileSync(path.join(fixtures, 'document.json'), 'utf8')) as Record<
  string,
  unknown
>;
const spec = loadMesSpec().mesures;
const IDPE = '7425839610254';
const OBS = 'entry[resource.resourceType=Observation]';
const DEV = 'entry[resource.resourceType=Device]';

let emu: EmulatorProcess;
let token: string;
const idTokens = new Map<string, string>();

async function idToken(idpe: string, oid?: string): Promise<string> {
  const key = `${idpe}|${oid ?? ''}`;
  if (!idTokens.has(key)) {
    const r = await fetch(`${emu.origin}/_admin/id-token`, {
      method: 'POST',
      headers: emu.admin,
      body: JSON.stringify({ idpe, ...(oid ? { oid } : {}) }),
    });
    idTokens.set(key, ((await r.json()) as { id_token: string }).id_token);
  }
  return idTokens.get(key) as string;
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string | undefined> = {},
): Promise<{ status: number; json: Json; headers: Headers }> {
  const h: Record<string, string> = {
    authorization: `Bearer ${token}`,
    [emu.creds.idTokenHeader]: await idToken(IDPE),
    'content-type': 'application/fhir+json',
  };
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) delete h[k];
    else h[k] = v;
  }
  const r = await fetch(`${emu.creds.fhirBase}${path}`, {
    method,
    headers: h,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, json: text ? JSON.parse(text) : undefined, headers: r.headers };
}

/** The (message, diagnostic) pairs of a 422 transaction-response. */
function outcomes(json: Json): { message: string; diagnostic: string }[] {
  return (json.entry as Json[]).map((e) => ({
    message: e.response.outcome.issue[0].details.text,
    diagnostic: e.response.outcome.issue[0].diagnostics,
  }));
}

beforeAll(async () => {
  emu = await spawnEmulator([
    '--editor-oid',
    '1.2.250.1.999.42',
    '--solution-oid',
    '1.2.250.1.999.42.1',
    '--quiet',
  ]);
  const r = await fetch(emu.creds.tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${emu.creds.clientId}:${emu.creds.clientSecret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  token = ((await r.json()) as { access_token: string }).access_token;
});
afterAll(async () => {
  expect(await emu.stop('SIGTERM')).toBe(0);
});

describe('emulator: HTTP-level errors of the catalogue', () => {
  it('400 on an id_token that is not a valid JWT', async () => {
    const r = await call('POST', '', bundle, { [emu.creds.idTokenHeader]: 'not-a-jwt' });
    expect(r.status).toBe(400);
    expect(r.json.issue[0].diagnostics).toBe(spec.errors['id-token-invalid']?.message);
    expect(r.json.issue[0].diagnostics).toBe(
      'HTTP code 400 : Bad request -> The ID_TOKEN value is not valid (invalid JWT)',
    );
  });
  it('401 on a bad access token', async () => {
    const r = await call('POST', '', bundle, { authorization: 'Bearer forged' });
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toContain('invalid_token');
  });
  it('403 when the idPe differs from the id_token', async () => {
    const r = await call(
      'POST',
      '',
      applyPatch(bundle, [{ op: 'set', path: `${OBS}.resource.subject.identifier.value`, value: 'other' }]),
    );
    expect(r.status).toBe(403);
    expect(r.json.issue[0].diagnostics).toBe('idPe requested do not match authorized idPe.');
  });
  it('403 when the patient has not consented', async () => {
    await fetch(`${emu.origin}/_admin/consent/no-consent`, {
      method: 'PUT',
      headers: emu.admin,
      body: '{"granted":false}',
    });
    const r = await call(
      'POST',
      '',
      applyPatch(bundle, [
        { op: 'set', path: `${OBS}.resource.subject.identifier.value`, value: 'no-consent' },
      ]),
      {
        [emu.creds.idTokenHeader]: await idToken('no-consent'),
      },
    );
    expect(r.status).toBe(403);
    expect(r.json.issue[0].diagnostics).toBe('Consent not given, access refused.');
  });
  it('409 when the id_token OID is not the one MES knows', async () => {
    const r = await call('POST', '', bundle, {
      [emu.creds.idTokenHeader]: await idToken(IDPE, '1.2.250.1.1'),
    });
    expect(r.status).toBe(409);
    expect(r.json.issue[0].diagnostics).toBe(
      'HTTP code 409 :OID conflict between the one from id_token and the one in the system -> OID different between id_token and ecosystem',
    );
  });
  it('422 when no bundle is provided', async () => {
    const r = await call('POST', '', '{"resourceType":"Patient"}');
    expect(r.status).toBe(422);
    expect(r.json.issue[0].diagnostics).toBe('No bundle provided.');
  });
  it('413 beyond the body limit', async () => {
    const r = await call('POST', '', 'x'.repeat(6 * 1024 * 1024));
    expect(r.status).toBe(413);
  });
});

describe('emulator: validation errors (422 transaction-response)', () => {
  const cases: [string, { op: 'set' | 'remove'; path: string; value?: unknown }[]][] = [
    ['resource-not-acceptable', [{ op: 'set', path: `${DEV}.request.method`, value: 'PUT' }]],
    ['device-conditional-create', [{ op: 'remove', path: `${DEV}.request.ifNoneExist` }]],
    ['device-if-none-exist', [{ op: 'set', path: `${DEV}.request.ifNoneExist`, value: 'identifier=x' }]],
    ['observation-creation', [{ op: 'remove', path: 'entry[0]' }]],
    ['device-reference-missing', [{ op: 'remove', path: `${OBS}.resource.device` }]],
    ['device-link', [{ op: 'set', path: `${OBS}.resource.device.reference`, value: 'Device/x' }]],
    ['observation-profile-missing', [{ op: 'remove', path: `${OBS}.resource.meta.profile` }]],
    ['meta-source-oid', [{ op: 'set', path: `${OBS}.resource.meta.source`, value: 'urn:oid:1.2.3' }]],
    ['value-missing', [{ op: 'remove', path: `${OBS}.resource.component` }]],
    ['subject-identifier', [{ op: 'set', path: `${OBS}.resource.subject`, value: { display: 'x' } }]],
    ['device-profile-missing', [{ op: 'remove', path: `${DEV}.resource.meta` }]],
    [
      'bmi-creation',
      [
        {
          op: 'set',
          path: `${OBS}.resource.meta.profile`,
          value: [`${spec['canonical-base']}mesures-fr-observation-bmi`],
        },
        {
          op: 'set',
          path: `${OBS}.resource.code.coding`,
          value: [{ system: 'http://loinc.org', code: '39156-5' }],
        },
      ],
    ],
  ];
  it.each(cases)('%s: exact message and diagnostic', async (id, ops) => {
    const r = await call('POST', '', applyPatch(bundle, ops));
    expect(r.status).toBe(422);
    expect(r.json.type).toBe('transaction-response');
    const entry = spec.errors[id];
    const found = outcomes(r.json);
    expect(found.map((f) => f.message)).toContain(entry?.message);
    expect(
      found.some((f) => f.diagnostic.startsWith((entry?.diagnostic ?? '').split('{')[0] as string)),
    ).toBe(true);
  });
});

describe('emulator: profile validation', () => {
  it('refuses with 422 an Observation that breaks its MES profile, naming the element', async () => {
    const broken = applyPatch(structuredClone(bundle), [{ op: 'remove', path: `${OBS}.resource.status` }]);
    const r = await call('POST', '', broken);
    expect(r.status).toBe(422);
    expect(r.json.type).toBe('transaction-response');
    const issues = (r.json.entry as Json[]).map((e) => e.response.outcome.issue[0]);
    expect(
      issues.some(
        (i) =>
          i.expression?.[0] === 'Observation.status' && i.details.text === 'Observation resource not valid.',
      ),
    ).toBe(true);
  });
});

describe('emulator: nominal flows', () => {
  it('creates the Observation and the Device, then answers 200 for the existing Device', async () => {
    const fresh = applyPatch(bundle, [
      {
        op: 'set',
        path: `${DEV}.request.ifNoneExist`,
        value: 'identifier=urn:oid:1.2.250.1.999.42.1.2|NEW-DEVICE-1',
      },
    ]);
    const first = await call('POST', '', fresh);
    expect(first.status).toBe(200);
    expect(first.json.entry.map((e: Json) => e.response.status)).toEqual(['201 Created', '201 Created']);
    expect(first.json.entry[1].response.location).toBe('Device/urn:oid:1.2.250.1.999.42.1.2|NEW-DEVICE-1');
    expect(first.json.entry[0].response.location).toMatch(/^Observation\/urn:oid:[\d.]+\|[0-9a-f-]{36}$/);
    const again = await call('POST', '', fresh);
    expect(again.json.entry.map((e: Json) => e.response.status)).toEqual(['201 Created', '200 Success']);
  });

  it('reads the last measure back with its device, and refuses search modes as documented', async () => {
    const last = await call(
      'GET',
      `/Observation?subject.identifier=${IDPE}&code=85354-9&_sort=-date&_count=1&_include=Observation:device`,
    );
    expect(last.status).toBe(200);
    expect(last.json.entry.map((e: Json) => e.resource.resourceType)).toEqual(['Observation', 'Device']);
    const noMode = await call('GET', `/Observation?subject.identifier=${IDPE}&code=85354-9`);
    expect(noMode.status).toBe(400);
    expect(noMode.json.issue[0].diagnostics).toBe('No search mode detected');
    const big = await call('GET', `/Observation?subject.identifier=${IDPE}&date=ge2020-01-01&_count=500`);
    expect(big.json.issue[0].diagnostics).toBe('Maximum page size allowed is 100. Actual : 500');
  });

  it('publishes a document (ITI-105), finds it (ITI-67) and retrieves it (ITI-68)', async () => {
    const published = await call('POST', '/DocumentReference', document);
    expect(published.status).toBe(201);
    // Flux 10 (PDSm): the created resource with its id, meta.versionId and meta.lastUpdated.
    expect(published.json.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(published.json.meta.versionId).toBe('1');
    expect(Date.parse(published.json.meta.lastUpdated)).toBeGreaterThan(Date.now() - 60_000);
    expect(published.headers.get('location')).toBe(
      `${emu.creds.fhirBase}/DocumentReference/${published.json.id}/_history/1`,
    );
    expect(published.headers.get('etag')).toBe('W/"1"');
    const found = await call(
      'GET',
      `/DocumentReference?patient.identifier=urn:oid:1.2.840.10004.1.1.1.0.0.1.0.0.1.2560|${IDPE}&status=current`,
    );
    expect(found.json.entry.map((e: Json) => e.resource.id)).toContain(published.json.id);
    const url = published.json.content[0].attachment.url as string;
    const raw = await fetch(`${emu.creds.fhirBase}/${url}`, {
      headers: { authorization: `Bearer ${token}`, [emu.creds.idTokenHeader]: await idToken(IDPE) },
    });
    expect(raw.status).toBe(200);
    const data = (document.content as Json[])[0].attachment.data as string;
    expect(Buffer.from(await raw.arrayBuffer()).equals(Buffer.from(data, 'base64'))).toBe(true);
    const missing = await call('GET', '/Binary/unknown');
    expect(missing.status).toBe(404);
    const invalid = await call(
      'POST',
      '/DocumentReference',
      applyPatch(document, [{ op: 'remove', path: 'content[0].attachment.data' }]),
    );
    expect(invalid.status).toBe(422);
    expect(invalid.json.resourceType).toBe('OperationOutcome');
  });
});
