// The reference client that does everything right, graded by `mes-referencing check --recording`: it pairs the
// patient (authorization code + PKCE) and reuses the tokens, sends valid measures with a conditional Device
// (ifNoneExist), waits for Retry-After on 429, backs off on 503, never retries a 422 nor a consent refusal, and
// finds again (ITI-67, ITI-68) the document it published (ITI-105).
//   node good-client.mjs <ready-file>
import { document, fhirHeaders, measure, pair, readReady, sleep } from './mes-client.mjs';

const ready = readReady();
const [patient, withoutConsent] = ready.patients;
const log = (line) => process.stdout.write(`${line}\n`);

// Pairing gives the access token and the patient's id_token, kept for every call until they expire.
const session = await pair(ready, patient.idpe);
patient.idToken = session.id_token;
const headersFor = (idToken) => fhirHeaders(ready, session.access_token, idToken);

/** One logical request, retried only when the answer says it may be: 429 after Retry-After, 5xx with backoff. */
async function send(method, url, body, idToken) {
  let delay = 300;
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, {
      method,
      headers: headersFor(idToken),
      body: body && JSON.stringify(body),
    });
    const retryable = res.status === 429 || res.status === 502 || res.status === 503 || res.status === 504;
    if (!retryable || attempt === 5) return res;
    const retryAfter = Number(res.headers.get('retry-after'));
    const wait = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : delay;
    log(`  ${res.status}: retry in ${wait} ms`);
    await res.arrayBuffer();
    await sleep(wait);
    delay *= 2;
  }
}

for (const [i, [systolic, diastolic]] of [
  [128, 82],
  [131, 84],
  [125, 80],
  [122, 79],
  [127, 81],
  [130, 83],
].entries()) {
  const at = new Date(Date.UTC(2026, 4, 18 + i, 7, 12)).toISOString();
  const res = await send(
    'POST',
    ready.fhirBase,
    measure(ready, patient.idpe, { systolic, diastolic, at }),
    patient.idToken,
  );
  // 4xx are final: a 422 needs a corrected measure, not the same one again.
  log(`measure ${i + 1}: ${res.status}`);
  await res.arrayBuffer();
}

if (withoutConsent) {
  const res = await send(
    'POST',
    ready.fhirBase,
    measure(ready, withoutConsent.idpe, { systolic: 140, diastolic: 90, at: '2026-05-18T09:00:00Z' }),
    withoutConsent.idToken,
  );
  // 403 « Consent not given »: the patient must act in Mon espace santé; the client stops sending for them.
  log(`measure without consent: ${res.status}`);
  await res.arrayBuffer();
}

const published = await send(
  'POST',
  `${ready.fhirBase}/DocumentReference`,
  document(ready, patient.idpe, 'Relevé tensionnel de mai'),
  patient.idToken,
);
const created = await published.json();
log(`document: ${published.status} ${created.id}`);
const found = await send(
  'GET',
  `${ready.fhirBase}/DocumentReference?${new URLSearchParams({ 'patient.identifier': `${ready.idpeSystem}|${patient.idpe}`, status: 'current' })}`,
  undefined,
  patient.idToken,
);
const bundle = await found.json();
const entry = (bundle.entry ?? []).find((e) => e.resource.id === created.id);
if (!entry) throw new Error('the published document was not found again');
const retrieved = await send(
  'GET',
  `${ready.fhirBase}/${entry.resource.content[0].attachment.url}`,
  undefined,
  patient.idToken,
);
log(`document found again (ITI-67 ${found.status}) and retrieved (ITI-68 ${retrieved.status})`);
await retrieved.arrayBuffer();
