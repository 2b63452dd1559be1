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

/** FHIR interactions, and the pairing (appariement) steps of OAuth 2.0 (src/checks/sandbox/pairing.ts). */
export const PAIRING_OPERATIONS = ['authorize', 'token', 'unpair'] as const;
export type PairingOperationType = (typeof PAIRING_OPERATIONS)[number];

export interface Operation {
  type: 'transaction' | 'create' | 'search' | 'read' | PairingOperationType;
  resource?: string;
  /** Fixture name (its JSON is the request body). */
  body?: string;
  patch?: PatchOp[];
  params?: Record<string, string>;
  /** For `read`: a relative URL such as a captured `Binary/<id>`. */
  url?: string;
  /** `authorize`: the patient who pairs (the emulator's `login_hint`). */
  patient?: string;
  /** `authorize`: what the patient answers at Mon espace santé (default `accept`). */
  decision?: 'accept' | 'refuse';
  /** `authorize`: the PKCE challenge sent (default `S256`; `none` sends none). */
  pkce?: 'S256' | 'none';
  /** `token`: exchange the pairing's code, or renew with its refresh token. */
  grant?: 'authorization_code' | 'refresh_token';
  /** `token` with `authorization_code`: the verifier of the challenge (`sent`, default) or another one. */
  verifier?: 'sent' | 'other';
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
  /** An authorization answer that redirects to the redirect_uri with a code and the state sent. */
  redirect?: 'code';
  /** This OAuth 2.0 error code, in the redirect of an authorization answer or the JSON of a token answer. */
  'oauth-error'?: string;
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
  /** `none`: no Authorization header; `invalid`: a forged access token; `paired`: the test's pairing token. */
  auth?: 'default' | 'none' | 'invalid' | 'paired';
  /** Which patient's id_token travels with the call (`paired`: the one the test's pairing issued). */
  patient?: 'default' | 'without-consent' | 'invalid-id-token' | 'paired';
  transport?: 'default' | 'without-client-certificate';
  operation: Operation;
  /** Every step but `unpair` (an action of the patient, no exchange) has at least one. */
  assert?: Assertion[];
  /** Variable name → FHIRPath on the response body, or `{ header: name }`. */
  capture?: Record<string, string | { header: string }>;
}

/** `inference`: what the test expects is not in a published text (the suite's sources say why). */
export type Basis = 'published' | 'inference';

export interface Test {
  id: string;
  title: LocalizedText;
  basis?: Basis;
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
  /** The default basis of its tests. */
  basis?: Basis;
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
      problems.push(...operationProblems(suite, test.steps, s, ['tests', t, 'steps', s]));
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

const FHIR_FIELDS = ['resource', 'body', 'patch', 'params', 'url'];
const OPERATION_FIELDS: Record<Operation['type'], string[]> = {
  transaction: FHIR_FIELDS,
  create: FHIR_FIELDS,
  search: FHIR_FIELDS,
  read: FHIR_FIELDS,
  authorize: ['patient', 'decision', 'pkce'],
  token: ['grant', 'verifier'],
  unpair: [],
};

/**
 * An operation's fields fit its type, and a pairing step comes after what it uses: a code or an unpairing after an
 * `authorize`, the pairing's tokens after a `token` step of the same test.
 */
function operationProblems(suite: Suite, steps: Step[], index: number, at: (string | number)[]): UserError[] {
  const step = steps[index] as Step;
  const op = step.operation;
  const problems: UserError[] = [];
  const allowed = new Set(['type', ...OPERATION_FIELDS[op.type]]);
  for (const field of Object.keys(op).filter((f) => !allowed.has(f)))
    problems.push(
      new UserError(
        'sandbox.suite-operation-field',
        { field, type: op.type },
        suite.locate([...at, 'operation', field]),
      ),
    );
  if (op.type === 'token' && !op.grant)
    problems.push(
      new UserError(
        'sandbox.suite-operation-missing',
        { field: 'grant', type: op.type },
        suite.locate([...at, 'operation']),
      ),
    );
  if (op.verifier && op.grant !== 'authorization_code')
    problems.push(
      new UserError(
        'sandbox.suite-operation-field',
        { field: 'verifier', type: `${op.type} ${op.grant ?? ''}`.trim() },
        suite.locate([...at, 'operation', 'verifier']),
      ),
    );
  const pairing = (PAIRING_OPERATIONS as readonly string[]).includes(op.type);
  for (const field of ['auth', 'patient'] as const) {
    if (pairing && step[field] !== undefined)
      problems.push(
        new UserError(
          'sandbox.suite-operation-field',
          { field, type: op.type },
          suite.locate([...at, field]),
        ),
      );
  }
  if (op.type === 'unpair' && (step.assert !== undefined || step.capture !== undefined))
    problems.push(
      new UserError('sandbox.suite-unpair-assert', { step: step.id }, suite.locate([...at, 'operation'])),
    );
  if (op.type !== 'unpair' && step.assert === undefined)
    problems.push(new UserError('sandbox.suite-assert-missing', { step: step.id }, suite.locate(at)));
  const before = steps.slice(0, index).map((s) => s.operation.type);
  const needs =
    op.type === 'token' || op.type === 'unpair'
      ? 'authorize'
      : step.auth === 'paired' || step.patient === 'paired'
        ? 'token'
        : undefined;
  if (needs && !before.includes(needs))
    problems.push(
      new UserError(
        'sandbox.suite-pairing-order',
        { step: step.id, needs },
        suite.locate([...at, 'operation']),
      ),
    );
  return problems;
}
