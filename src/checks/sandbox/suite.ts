// Scenario suites as data (rules/scenarios/*.yml), shaped after FHIR TestScript: fixtures, tests made of steps
// (an operation, assertions, captures), dependencies between steps. Loaded and validated once per rules folder.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { UserError, combineErrors } from '../../errors.js';
import type { LocalizedText } from '../../i18n/index.js';
import type { SourceLocation } from '../../location.js';
import { rulesDir } from '../../util/project.js';
import { lazySchema, schemaErrorsToUserErrors } from '../../util/schema-errors.js';
import { readYamlFile } from '../../util/yaml-source.js';
import type { SampleIdentity } from './sample-data.js';
import { suiteSchema } from './suite-schema.js';

export interface PatchOp {
  op: 'set' | 'remove';
  path: string;
  value?: unknown;
}

export interface Operation {
  type: 'transaction' | 'create' | 'search' | 'read';
  resource?: string;
  /** Fixture name (its JSON is the request body). */
  body?: string;
  patch?: PatchOp[];
  params?: Record<string, string>;
  /** For `read`: a relative URL such as a captured `Binary/<id>`. */
  url?: string;
}

export interface Assertion {
  status?: number | number[];
  resourceType?: string;
  /** A response header, with `exists` and/or `matches` (regular expression). */
  header?: string;
  exists?: boolean;
  matches?: string;
  expression?: string;
  /** An OperationOutcome issue (or a transaction-response outcome) whose text is this. */
  outcome?: string;
  connection?: 'refused';
  description?: LocalizedText;
}

export interface Step {
  id: string;
  title?: LocalizedText;
  'depends-on'?: string[];
  /** A failure only warns (e.g. a transaction MES is not confirmed to expose). */
  'warning-only'?: boolean;
  /**
   * Statuses that mean the target does not offer this transaction (404, 405, 501): the step only warns. Any other
   * answer is judged by the assertions, so a server that answers but lost the data fails.
   */
  'unexposed-status'?: number[];
  /** `none`: no Authorization header; `invalid`: a forged access token. */
  auth?: 'default' | 'none' | 'invalid';
  /** Which patient's id_token travels with the call. */
  patient?: 'default' | 'without-consent' | 'invalid-id-token';
  transport?: 'default' | 'without-client-certificate';
  operation: Operation;
  assert: Assertion[];
  /** Variable name → FHIRPath on the response body, or `{ header: name }`. */
  capture?: Record<string, string | { header: string }>;
}

export interface Test {
  id: string;
  title: LocalizedText;
  /** Runs once per item of this fixture. */
  'for-each'?: string;
  /** Variables the test needs; when one is unset the test is skipped (not configured for this target). */
  requires?: string[];
  steps: Step[];
}

export interface FixtureSpec {
  from: 'editor' | 'file';
  kind?: 'mesures' | 'documents';
  /** A JSON file next to the suites (rules/scenarios/…), used when the editor has none. */
  fallback?: string;
  file?: string;
  /** The identity the fallback was written with: rewritten to the editor's before use. */
  sample?: SampleIdentity;
}

export interface Suite {
  id: string;
  title: LocalizedText;
  /** The data domain the suite exercises (runs only when the manifest declares it). */
  domain?: 'mesures' | 'documents' | 'agenda';
  requirements: string[];
  sources?: string[];
  /** Default values of variables (the manifest or the target may override them). */
  variables?: Record<string, string>;
  fixtures?: Record<string, FixtureSpec>;
  prepare?: Record<string, PatchOp[]>;
  tests: Test[];
  /** The suite file (display path) and where each test is defined. */
  file: string;
  dir: string;
  locate(path: (string | number)[]): SourceLocation;
}

const SUITE_MAX_BYTES = 512 * 1024;
const validate = lazySchema(suiteSchema);
const cache = new Map<string, Suite[]>();

export function scenariosDir(rules = rulesDir()): string {
  return path.join(rules, 'scenarios');
}

/** Every suite of rules/scenarios, sorted by id; a broken file is a located UserError. */
export function loadSuites(rules = rulesDir()): Suite[] {
  const cached = cache.get(rules);
  if (cached) return cached;
  const dir = scenariosDir(rules);
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yml'))
        .sort()
    : [];
  const problems: UserError[] = [];
  const suites: Suite[] = [];
  for (const name of files) {
    const absolute = path.join(dir, name);
    const file = path.relative(path.dirname(rules), absolute).split(path.sep).join('/');
    const source = readYamlFile(absolute, { displayPath: file, maxBytes: SUITE_MAX_BYTES });
    if (!validate(source.data)) {
      problems.push(...schemaErrorsToUserErrors(validate.errors ?? [], source));
      continue;
    }
    const suite = {
      ...(source.data as Omit<Suite, 'file' | 'dir' | 'locate'>),
      file,
      dir,
      locate: source.locate,
    };
    problems.push(...semanticProblems(suite));
    suites.push(suite);
  }
  const error = combineErrors(problems);
  if (error) throw error;
  suites.sort((a, b) => a.id.localeCompare(b.id));
  cache.set(rules, suites);
  return suites;
}

/** What the schema cannot say: references between steps and fixtures, unique ids, fallback files present. */
function semanticProblems(suite: Suite): UserError[] {
  const problems: UserError[] = [];
  const fixtures = new Set(Object.keys(suite.fixtures ?? {}));
  for (const [name, fixture] of Object.entries(suite.fixtures ?? {})) {
    const file = fixture.fallback ?? fixture.file;
    if (file && !existsSync(path.join(suite.dir, file)))
      problems.push(new UserError('sandbox.suite-fixture-file', { file }, suite.locate(['fixtures', name])));
    // A sample sent as written would carry another editor's OIDs and be refused for that reason alone.
    if (fixture.fallback && !fixture.sample)
      problems.push(
        new UserError('sandbox.suite-sample-identity', { name }, suite.locate(['fixtures', name])),
      );
  }
  const testIds = new Set<string>();
  suite.tests.forEach((test, t) => {
    if (testIds.has(test.id))
      problems.push(
        new UserError('sandbox.suite-duplicate', { id: test.id }, suite.locate(['tests', t, 'id'])),
      );
    testIds.add(test.id);
    if (test['for-each'] && !fixtures.has(test['for-each']))
      problems.push(
        new UserError(
          'sandbox.suite-fixture',
          { name: test['for-each'] },
          suite.locate(['tests', t, 'for-each']),
        ),
      );
    const seen = new Set<string>();
    test.steps.forEach((step, s) => {
      for (const dep of step['depends-on'] ?? []) {
        if (!seen.has(dep))
          problems.push(
            new UserError(
              'sandbox.suite-dependency',
              { step: step.id, dep },
              suite.locate(['tests', t, 'steps', s, 'depends-on']),
            ),
          );
      }
      if (step.operation.body && !fixtures.has(step.operation.body))
        problems.push(
          new UserError(
            'sandbox.suite-fixture',
            { name: step.operation.body },
            suite.locate(['tests', t, 'steps', s, 'operation', 'body']),
          ),
        );
      seen.add(step.id);
    });
  });
  return problems;
}
