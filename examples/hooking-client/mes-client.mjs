// A tiny Mon espace santé client, as an editor's integration test would drive it: what the emulator's ready file
// gives (URLs, test client, paired patients), an OAuth2 token source, measures and documents. Node 20+, no
// dependency. good-client.mjs and bad-client.mjs use it; it is not part of mes-referencing.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function readReady(argv = process.argv, env = process.env) {
  const file = argv[2] ?? env.MES_EMULATOR_READY;
  if (!file) throw new Error('usage: node <client>.mjs <ready-file> (or MES_EMULATOR_READY)');
  return JSON.parse(readFileSync(file, 'utf8'));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Basic authentication of the test client (client_secret_basic). */
export function basic(ready) {
  return `Basic ${Buffer.from(`${encodeURIComponent(ready.clientId)}:${encodeURIComponent(ready.clientSecret)}`).toString('base64')}`;
}

export async function clientCredentialsToken(ready) {
  const res = await fetch(ready.tokenUrl, {
    method: 'POST',
    headers: { authorization: basic(ready), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'mes' }),
  });
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}`);
  return res.json();
}

/**
 * Pairing (appariement): the patient is sent to MES (authorization code + PKCE) and comes back with a code,
 * exchanged once for the tokens (access_token, the patient's id_token, refresh_token).
 */
export async function pair(ready, idpe) {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(12).toString('base64url');
  const redirectUri = 'http://127.0.0.1/appariement/retour';
  const authorize = new URL(ready.authorizeUrl);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: ready.clientId,
    redirect_uri: redirectUri,
    scope: 'openid mes',
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    login_hint: idpe,
  }).toString();
  const back = await fetch(authorize, { redirect: 'manual' });
  const location = new URL(back.headers.get('location') ?? '', redirectUri);
  if (location.searchParams.get('state') !== state) throw new Error('pairing: state mismatch');
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`pairing refused: ${location.searchParams.get('error')}`);
  const res = await fetch(ready.tokenUrl, {
    method: 'POST',
    headers: { authorization: basic(ready), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  if (res.status !== 200) throw new Error(`pairing token exchange answered ${res.status}`);
  return res.json();
}

/** A blood-pressure measure of the demo's connected cuff (transaction Bundle: Observation + Device). */
export function measure(ready, idpe, { systolic, diastolic, at, conditional = true }) {
  const deviceId = randomUUID();
  const device = {
    resourceType: 'Device',
    id: deviceId,
    meta: { profile: ['http://hl7.org/fhir/uv/phd/StructureDefinition/PhdDevice'] },
    identifier: [
      {
        type: {
          coding: [
            { system: 'http://hl7.org/fhir/uv/phd/CodeSystem/ContinuaDeviceIdentifiers', code: 'SYSID' },
          ],
        },
        // PhdDevice: the system identifier is the device's IEEE EUI-64, under the IEEE OID.
        system: 'urn:oid:1.2.840.10004.1.1.1.0.0.1.0.0.1.2680',
        value: 'A4-C1-38-FF-FE-2B-91-07',
      },
      // MES: the device under the solution's OID, the key of the conditional create.
      { system: `urn:oid:${ready.solutionOid}.2`, value: 'A4-C1-38-FF-FE-2B-91-07' },
    ],
    manufacturer: 'Tensio Devices',
    serialNumber: 'TS-BP-2026-000117',
    deviceName: [{ name: 'Tensiomètre Tensio', type: 'patient-reported-name' }],
    modelNumber: 'TS-BP-200',
    type: { coding: [{ system: 'urn:iso:std:iso:11073:10101', code: '65573' }] },
    specialization: [
      { systemType: { coding: [{ system: 'urn:iso:std:iso:11073:10101', code: '528391' }] }, version: '2.3' },
    ],
  };
  const component = (code, value) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mm[Hg]', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  const observation = {
    resourceType: 'Observation',
    meta: {
      profile: [
        'https://interop.esante.gouv.fr/ig/fhir/mesures/StructureDefinition/mesures-fr-observation-bp',
      ],
    },
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
        ],
      },
    ],
    code: {
      coding: [
        {
          system: 'http://loinc.org',
          code: '85354-9',
          display: 'Blood pressure panel with all children optional',
        },
      ],
    },
    subject: { identifier: { system: ready.idpeSystem, value: idpe } },
    effectiveDateTime: at,
    device: { reference: `Device/${deviceId}` },
    component: [component('8480-6', systolic), component('8462-4', diastolic)],
  };
  const request = { method: 'POST', url: 'Device' };
  if (conditional) request.ifNoneExist = `identifier=urn:oid:${ready.solutionOid}.2|A4-C1-38-FF-FE-2B-91-07`;
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: observation,
        request: { method: 'POST', url: 'Observation' },
      },
      { fullUrl: `urn:uuid:${deviceId}`, resource: device, request },
    ],
  };
}

/** A monthly blood-pressure summary published with ITI-105 (PDSm simplified publish). */
export function document(ready, idpe, text) {
  const data = Buffer.from(text, 'utf8');
  return {
    resourceType: 'DocumentReference',
    meta: {
      profile: ['https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/pdsm-simplified-publish'],
    },
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${randomUUID()}` },
    status: 'current',
    type: { coding: [{ system: 'http://loinc.org', code: '15507-7', display: 'Note d’évolution' }] },
    category: [
      {
        coding: [
          {
            system: 'https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument',
            code: '10',
            display: 'Compte rendu',
          },
        ],
      },
    ],
    subject: { identifier: { system: ready.idpeSystem, value: idpe } },
    date: new Date().toISOString(),
    author: [
      {
        type: 'Device',
        identifier: { system: `urn:oid:${ready.solutionOid}`, value: 'tensio-app' },
        display: 'Application Tensio',
      },
    ],
    content: [
      {
        attachment: {
          contentType: 'text/plain',
          language: 'fr-FR',
          data: data.toString('base64'),
          size: data.length,
          hash: createHash('sha1').update(data).digest('base64'),
          title: 'Relevé tensionnel',
          creation: new Date().toISOString(),
        },
        format: {
          system: 'https://mos.esante.gouv.fr/NOS/TRE_A11-IheFormatCode/FHIR/TRE-A11-IheFormatCode',
          code: 'urn:ihe:iti:xds-sd:text:2008',
          display: 'Document à corps non structuré en texte brut',
        },
      },
    ],
  };
}

export function fhirHeaders(ready, accessToken, idToken) {
  return {
    authorization: `Bearer ${accessToken}`,
    [ready.idTokenHeader]: idToken,
    accept: 'application/fhir+json',
    'content-type': 'application/fhir+json',
  };
}
