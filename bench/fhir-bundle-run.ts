// One run of fhir-bundle.bench.ts in a fresh process: builds a Bundle of N entries, serialises it, validates the
// text, and prints time, peak memory and what the Bundle-wide invariants gave.
// - `transaction`: patients and blood pressures referencing them by urn:uuid (a valid Bundle);
// - `document`: the same resources in a document Bundle whose first entry is not a Composition, so bdl-11 must
//   fail however large the Bundle is.
import { loadPackages } from '../src/fhir/packages/load.js';
import { validateText } from '../src/fhir/validator/validate.js';
import { bloodPressure, patient } from './fhir-resources.js';

const [countText, packagePath, kind = 'transaction'] = process.argv.slice(2) as [string, string, string?];
const count = Number(countText);
const context = await loadPackages(['hl7.fhir.fr.core#2.1.0'], { packagePath: [packagePath], offline: true });
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const uuid = (i: number) => `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const document = kind === 'document';
const entry = Array.from({ length: count }, (_, i) => {
  const patientIndex = i - (i % 2);
  const resource =
    i % 2 === 0 ? patient(i) : { ...bloodPressure(i, random), subject: { reference: uuid(patientIndex) } };
  return document
    ? { fullUrl: uuid(i), resource }
    : { fullUrl: uuid(i), resource, request: { method: 'POST', url: resource.resourceType } };
});
const bundle = document
  ? {
      resourceType: 'Bundle',
      type: 'document',
      identifier: { system: 'urn:ietf:rfc:3986', value: uuid(count) },
      timestamp: '2026-03-01T10:00:00+01:00',
      entry,
    }
  : { resourceType: 'Bundle', type: 'transaction', entry };
// Indented below 200k entries; compact above, where an indented text would pass V8's maximum string length.
const text = count <= 200000 ? JSON.stringify(bundle, null, 1) : JSON.stringify(bundle);
const start = performance.now();
const cpu = process.cpuUsage();
const issues = validateText(text, { context, file: 'bundle.json' });
const seconds = (performance.now() - start) / 1000;
// CPU time of this process: what the validation cost, whatever else the machine was doing.
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
const bundleInvariants = issues.filter((i) => i.constraint?.startsWith('bdl-'));
process.stdout.write(
  `${JSON.stringify({
    count,
    kind,
    megabytes: Math.round(text.length / 1048576),
    seconds,
    cpuSeconds,
    peakMegabytes: Math.round(process.resourceUsage().maxRSS / 1024),
    issues: issues.length,
    errors: errors.length,
    firstError: errors[0]?.message,
    bdlFailed: [
      ...new Set(bundleInvariants.filter((i) => i.messageId === 'fhir.v.invariant').map((i) => i.constraint)),
    ],
    bdlNotEvaluated: bundleInvariants.filter((i) => i.messageId !== 'fhir.v.invariant').length,
    constraintsNotEvaluated: issues
      .filter(
        (i) =>
          i.messageId === 'fhir.v.invariant-not-checked' || i.messageId === 'fhir.v.invariant-no-expression',
      )
      .reduce((sum, i) => sum + (i.count ?? 1), 0),
  })}\n`,
);
