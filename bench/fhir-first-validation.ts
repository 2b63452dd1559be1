// Entry point measured by fhir-startup.bench.ts: a fresh process that loads R4 core + FR Core + mesures and
// validates the demo Bundle once, then prints the milliseconds since the process started.
import { readFileSync } from 'node:fs';
import { loadPackages } from '../src/fhir/packages/load.js';
import { validateText } from '../src/fhir/validator/validate.js';

const [file, packagePath] = process.argv.slice(2) as [string, string];
const context = await loadPackages(['ans.fhir.fr.mesures#3.1.0', 'hl7.fhir.fr.core#2.1.0'], {
  packagePath: [packagePath],
  offline: true,
});
const issues = validateText(readFileSync(file, 'utf8'), { context, file });
const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').length;
process.stdout.write(`${JSON.stringify({ sinceStart: performance.now(), issues: issues.length, errors })}\n`);
