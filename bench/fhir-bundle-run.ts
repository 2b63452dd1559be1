// One run of fhir-bundle.bench.ts in a fresh process: builds a transaction Bundle of N entries (patients and
// observations referencing them by urn:uuid), serialises it, validates the text, and prints time and peak memory.
import { loadPackages } from '../src/fhir/packages/load.js';
import { validateText } from '../src/fhir/validator/validate.js';
import { bloodPressure, patient } from './fhir-resources.js';

const [countText, packagePath] = process.argv.slice(2) as [string, string];
const count = Number(countText);
const context = await loadPackages(['hl7.fhir.fr.core#2.1.0'], { packagePath: [packagePath], offline: true });
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const uuid = (i: number) => `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const entry = Array.from({ length: count }, (_, i) => {
  const patientIndex = i - (i % 2);
  const resource =
    i % 2 === 0 ? patient(i) : { ...bloodPressure(i, random), subject: { reference: uuid(patientIndex) } };
  return { fullUrl: uuid(i), resource, request: { method: 'POST', url: resource.resourceType } };
});
const text = JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry }, null, 1);
const start = performance.now();
const issues = validateText(text, { context, file: 'bundle.json' });
const seconds = (performance.now() - start) / 1000;
const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
process.stdout.write(
  `${JSON.stringify({ count, megabytes: Math.round(text.length / 1048576), seconds, peakMegabytes: Math.round(process.resourceUsage().maxRSS / 1024), issues: issues.length, errors: errors.length, firstError: errors[0]?.message })}\n`,
);
