// Validation throughput: this engine against @medplum/core validateResource, on the same generated resources
// (base R4 and FR Core profiles), in one process. Prints both rates and the ratio (target: ≥ 2×).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  indexStructureDefinitionBundle,
  loadDataType,
  validateResource as medplumValidate,
} from '@medplum/core';
import type { Resource, StructureDefinition } from '@medplum/fhirtypes';
import { loadPackages } from '../src/fhir/packages/load.js';
import { validateResource } from '../src/fhir/validator/validate.js';
import type { Json } from './fhir-resources.js';
import { generatedResources } from './fhir-resources.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const packagePath = process.env.FHIR_PACKAGE_PATH ?? path.resolve(here, '../../shared/fhir-packages');
const core = path.join(packagePath, 'hl7.fhir.r4.core#4.0.1', 'package');
const frCore = path.join(packagePath, 'hl7.fhir.fr.core#2.1.0', 'package');

function readSd(dir: string, file: string): StructureDefinition {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as StructureDefinition;
}

function medplumSetup(): Map<string, StructureDefinition> {
  const sds = readdirSync(core)
    .filter((f) => f.startsWith('StructureDefinition-'))
    .map((f) => readSd(core, f))
    .filter((sd) => sd.kind !== 'logical');
  indexStructureDefinitionBundle(sds.filter((sd) => sd.derivation !== 'constraint'));
  const profiles = new Map<string, StructureDefinition>();
  for (const sd of sds.filter((s) => s.derivation === 'constraint')) profiles.set(sd.url as string, sd);
  for (const f of readdirSync(frCore).filter((f) => f.startsWith('StructureDefinition-'))) {
    const sd = readSd(frCore, f);
    profiles.set(sd.url as string, sd);
  }
  // Medplum's parser rejects some snapshots (slices it cannot order); those profiles are left out of its side.
  for (const [url, sd] of profiles) {
    try {
      loadDataType(sd);
    } catch {
      profiles.delete(url);
    }
  }
  return profiles;
}

function rate(label: string, resources: Json[], validate: (r: Json) => unknown): number {
  for (const r of resources.slice(0, 200)) validate(r); // warm-up: compile definitions, JIT
  const start = performance.now();
  for (const r of resources) validate(r);
  const seconds = (performance.now() - start) / 1000;
  const perSecond = resources.length / seconds;
  console.log(
    `${label.padEnd(32)} ${resources.length} resources in ${seconds.toFixed(2)} s → ${Math.round(perSecond)} /s`,
  );
  return perSecond;
}

const resources = generatedResources(Number(process.env.BENCH_RESOURCES ?? 6000));
const context = await loadPackages(['hl7.fhir.fr.core#2.1.0'], { packagePath: [packagePath], offline: true });
const profiles = medplumSetup();

const sample = resources
  .slice(0, 3)
  .map((r) =>
    validateResource(r, { context }).filter((i) => i.severity === 'error' || i.severity === 'fatal'),
  );
if (sample.some((errors) => errors.length > 0))
  throw new Error(`generated resources are not valid: ${JSON.stringify(sample)}`);

const ours = rate('mes-referencing validateResource', resources, (r) => validateResource(r, { context }));
const theirs = rate('@medplum/core validateResource', resources, (r) => {
  const url = ((r.meta as { profile?: string[] }).profile ?? [])[0] as string;
  const profile = profiles.get(url);
  try {
    return medplumValidate(r as unknown as Resource, profile ? { profile } : {});
  } catch (error) {
    return error;
  }
});
// A second, lighter peer: Medplum against the base resource definitions only (no profile), for context.
const base = rate('@medplum/core (base types only)', resources, (r) => {
  try {
    return medplumValidate(r as unknown as Resource);
  } catch (error) {
    return error;
  }
});
console.log(
  `@medplum/core without profiles: ${Math.round(base)} /s (ours checks the profiles and is ${(ours / base).toFixed(2)}× that)`,
);
console.log(
  `ratio: ${(ours / theirs).toFixed(2)}× @medplum/core (target ≥ 2×; ours also checks bindings, invariants with fhirpath.js, references, extensions)`,
);
