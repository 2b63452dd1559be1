// Shared by the FHIR tests: where the read-only packages are, and contexts loaded once per test file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FhirContext } from '../../src/fhir/packages/context.js';
import { loadPackages } from '../../src/fhir/packages/load.js';
import { FHIR_PACKAGE_FOLDERS } from '../helpers.js';
import type { ValidationIssue } from '../../src/fhir/validator/issue.js';
import { isError } from '../../src/fhir/validator/issue.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The first package folder: the shared one, whose packages the FHIR tests list. */
export const packagePath = FHIR_PACKAGE_FOLDERS[0] as string;
export const fixtures = path.join(repoRoot, 'test/fixtures/fhir');

const contexts = new Map<string, Promise<FhirContext>>();

export function context(...packages: string[]): Promise<FhirContext> {
  const key = packages.join(',');
  let found = contexts.get(key);
  if (!found)
    contexts.set(key, (found = loadPackages(packages, { packagePath: [packagePath], offline: true })));
  return found;
}

export function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function errors(issues: ValidationIssue[]): ValidationIssue[] {
  return issues.filter(isError);
}

/** A compact view for assertion messages. */
export function show(issues: ValidationIssue[]): string {
  return issues.map((i) => `${i.severity} ${i.messageId} ${i.expression}: ${i.message}`).join('\n');
}
