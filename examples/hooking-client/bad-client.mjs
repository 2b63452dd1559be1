// The reference client that makes each classic mistake once, so `mes-referencing check --recording` shows how
// each is reported, on the exchange that shows it:
//   - a new access token for every request (client credentials), instead of reusing it;
//   - a 429 retried at once, ignoring Retry-After;
//   - a 503 retried at once, again and again, without backoff;
//   - a Device sent without ifNoneExist (MES refuses it: 422), and that 422 sent again unchanged;
//   - a consent refusal (403) retried in a loop;
//   - a document published (ITI-105) and never looked for again (ITI-67/68).
//   node bad-client.mjs <ready-file>
import { clientCredentialsToken, document, fhirHeaders, measure, readReady } from './mes-client.mjs';

const ready = readReady();
const [patient, withoutConsent] = ready.patients;
const log = (line) => process.stdout.write(`${line}\n`);

/** Mistake: a fresh token per request, and an immediate retry of anything that is not a success. */
async function send(method, url, body, who, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    const token = await clientCredentialsToken(ready);
    const res = await fetch(url, {
      method,
      headers: fhirHeaders(ready, token.access_token, who.idToken),
      body: body && JSON.stringify(body),
    });
    await res.arrayBuffer();
    if (res.status < 400 || attempt === attempts) return res;
  }
}

const measures = [
  { systolic: 128, diastolic: 82 },
  { systolic: 131, diastolic: 84 },
  { systolic: 125, diastolic: 80 }, // 3rd measure request: 429, retried at once
  { systolic: 122, diastolic: 79 }, // 5th request: 503 twice, retried at once
  { systolic: 127, diastolic: 81, conditional: false }, // no ifNoneExist: 422, sent again unchanged
];
for (const [i, m] of measures.entries()) {
  const at = new Date(Date.UTC(2026, 4, 18 + i, 7, 12)).toISOString();
  const res = await send(
    'POST',
    ready.fhirBase,
    measure(ready, patient.idpe, { ...m, at }),
    patient,
    m.conditional === false ? 2 : 3,
  );
  log(`measure ${i + 1}: ${res.status}`);
}

if (withoutConsent) {
  const res = await send(
    'POST',
    ready.fhirBase,
    measure(ready, withoutConsent.idpe, { systolic: 140, diastolic: 90, at: '2026-05-18T09:00:00Z' }),
    withoutConsent,
  );
  log(`measure without consent: ${res.status} (retried in a loop)`);
}

const published = await send(
  'POST',
  `${ready.fhirBase}/DocumentReference`,
  document(ready, patient.idpe, 'Relevé tensionnel de mai'),
  patient,
);
log(`document: ${published.status} (never looked for again)`);
