// Runs scenario suites against a target, TestScript-style: each test's steps in order, captured values passed on,
// a step skipped when a step it depends on did not pass, every exchange recorded. Returns one record per test
// (and per fixture item for `for-each` tests).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../i18n/index.js';
import type { Translate } from '../../messages.js';
import { pick } from '../../i18n/index.js';
import type { Redactor } from '../../secrets.js';
import type { Credentials } from './credentials.js';
import { FORGED_TOKEN } from './credentials.js';
import { checkAssertion, evaluatePath } from './assertions.js';
import { PairingSession, runPairingOperation } from './pairing.js';
import { applyPatch } from './patch.js';
import type { EditorIdentity } from './sample-data.js';
import { toEditorIdentity } from './sample-data.js';
import type { ExchangeRecorder, StepRecord, TestRecord } from './recorder.js';
import type { StepResponse } from './response.js';
import type { Operation, PairingOperationType, Step, Suite, Test } from './suite.js';
import { PAIRING_OPERATIONS } from './suite.js';
import type { CallContext, FhirCall, Transport } from './transport.js';
import type { Variables } from './variables.js';
import { UnsetVariable, substitute, substituteDeep } from './variables.js';

/** One usable value of a fixture: its JSON, where it came from, and the variables it brings (code, title…). */
export interface FixtureItem {
  value: unknown;
  /** Repository-relative file, for editor resources (failures are located there). */
  file?: string;
  label: string;
  vars: Variables;
  /** The project's sample, rewritten to the editor's identity (the editor declared none of its own). */
  sample?: boolean;
}

export interface RunEnvironment {
  transport: Transport;
  credentials: Credentials;
  recorder: ExchangeRecorder;
  /** Variables of the run: idpe, runId, OIDs… (suite defaults come first, these override them). */
  vars: Variables;
  /** The editor's resources of a flow (`fhir.resources`). */
  editorResources(kind: 'mesures' | 'documents'): FixtureItem[];
  /** Secrets met during the run (pairing codes, verifiers, tokens) are registered here as they appear. */
  secrets: Redactor;
  t: Translate;
  lang: Lang;
}

export interface TestOutcome extends TestRecord {
  /** The first failing step's message and the exchange it is about. */
  failure?: { step: string; message: string; exchange?: number; file?: string };
}

type Result = StepRecord['result'];
const severity: Record<Result, number> = { skip: 0, pass: 1, warn: 2, fail: 3, error: 4 };

export async function runSuite(suite: Suite, env: RunEnvironment): Promise<TestOutcome[]> {
  env.recorder.suites.set(suite.id, {
    id: suite.id,
    title: pick(suite.title, env.lang),
    requirements: suite.requirements,
  });
  const fixtures = resolveFixtures(suite, env);
  const outcomes: TestOutcome[] = [];
  for (const [testIndex, test] of suite.tests.entries()) {
    const items = test['for-each'] ? (fixtures.get(test['for-each']) ?? []) : [undefined];
    for (const [itemIndex, item] of items.entries()) {
      const outcome = await runTest(suite, test, testIndex, itemIndex, item, fixtures, env);
      env.recorder.tests.push(outcome);
      outcomes.push(outcome);
    }
  }
  return outcomes;
}

function resolveFixtures(suite: Suite, env: RunEnvironment): Map<string, FixtureItem[]> {
  const out = new Map<string, FixtureItem[]>();
  for (const [name, spec] of Object.entries(suite.fixtures ?? {})) {
    let items: FixtureItem[] = spec.from === 'editor' && spec.kind ? env.editorResources(spec.kind) : [];
    const file = spec.from === 'file' ? spec.file : spec.fallback;
    if (items.length === 0 && file) {
      const written: unknown = JSON.parse(readFileSync(path.join(suite.dir, file), 'utf8'));
      const value = spec.sample ? toEditorIdentity(written, spec.sample, editorIdentity(env.vars)) : written;
      const label = path.basename(file);
      items = [{ value, label, vars: fixtureVars(value, label), ...(spec.sample ? { sample: true } : {}) }];
    }
    out.set(name, items);
  }
  return out;
}

function editorIdentity(vars: Variables): EditorIdentity {
  return {
    editorOid: vars.editorOid ?? '',
    solutionOid: vars.solutionOid ?? '',
    ...(vars.idpeSystem ? { patientSystem: vars.idpeSystem } : {}),
  };
}

/** Variables a fixture brings: the measure (code, display) of a Bundle, the title of a document. */
export function fixtureVars(value: unknown, label: string): Variables {
  const vars: Variables = { fixture: label };
  const first = (expression: string) => {
    try {
      const result = evaluatePath(value, expression)[0];
      return typeof result === 'string' ? result : undefined;
    } catch {
      return undefined;
    }
  };
  const code = first("entry.resource.where(resourceType = 'Observation').code.coding.code.first()");
  if (code) {
    vars.code = code;
    vars.measure =
      first("entry.resource.where(resourceType = 'Observation').code.coding.display.first()") ?? code;
  }
  const title = first('content.attachment.title.first()');
  vars.title = title ?? label;
  return vars;
}

async function runTest(
  suite: Suite,
  test: Test,
  testIndex: number,
  itemIndex: number,
  item: FixtureItem | undefined,
  fixtures: Map<string, FixtureItem[]>,
  env: RunEnvironment,
): Promise<TestOutcome> {
  const { t, lang } = env;
  const started = performance.now();
  const vars: Variables = {
    ...(suite.variables ?? {}),
    ...definedOnly(env.vars),
    ...(item?.vars ?? {}),
    testIndex: String(testIndex),
    itemIndex: String(itemIndex),
  };
  const title = safeSubstitute(pick(test.title, lang), vars);
  const record: TestOutcome = {
    suite: suite.id,
    id: test.id,
    title,
    ...(item ? { item: item.label } : {}),
    ...(item?.sample ? { sample: true } : {}),
    result: 'pass',
    durationMs: 0,
    steps: [],
  };
  const missing = (test.requires ?? []).filter((name) => vars[name] === undefined);
  if (missing.length > 0) {
    record.result = 'skip';
    record.reason = t('sandbox.skip.requires', { variables: missing.join(', ') });
    return record;
  }
  // A pairing needs the patient at Mon espace santé: only the emulator lets the tests play that part.
  if (test.steps.some((s) => isPairingOperation(s.operation)) && !env.credentials.pairing?.patientSide) {
    record.result = 'skip';
    record.reason = t('sandbox.skip.patient-side');
    return record;
  }
  const results = new Map<string, Result>();
  const pairing = new PairingSession();
  for (const step of test.steps) {
    const stepRecord = await runStep(suite, step, item, fixtures, vars, results, pairing, env, {
      test: test.id,
      item: item?.label,
    });
    results.set(step.id, stepRecord.result);
    record.steps.push(stepRecord);
    if (
      !record.failure &&
      (stepRecord.result === 'fail' || stepRecord.result === 'error' || stepRecord.result === 'warn')
    ) {
      record.failure = {
        step: step.id,
        message: stepRecord.messages.join(' ; '),
        ...(stepRecord.exchanges.length
          ? { exchange: stepRecord.exchanges[stepRecord.exchanges.length - 1] as number }
          : {}),
        ...(step.operation.body && item?.file ? { file: item.file } : {}),
      };
    }
  }
  const worst = record.steps.reduce<Result>(
    (w, s) => (severity[s.result] > severity[w] ? s.result : w),
    'skip',
  );
  record.result = worst;
  record.durationMs = Math.round(performance.now() - started);
  return record;
}

async function runStep(
  suite: Suite,
  step: Step,
  item: FixtureItem | undefined,
  fixtures: Map<string, FixtureItem[]>,
  vars: Variables,
  results: Map<string, Result>,
  pairing: PairingSession,
  env: RunEnvironment,
  where: { test: string; item: string | undefined },
): Promise<StepRecord> {
  const { t, lang } = env;
  const record: StepRecord = {
    id: step.id,
    title: step.title ? pick(step.title, lang) : step.id,
    result: 'pass',
    messages: [],
    exchanges: [],
  };
  const blocked = (step['depends-on'] ?? []).filter(
    (dep) => results.get(dep) !== 'pass' && results.get(dep) !== 'warn',
  );
  if (blocked.length > 0) {
    record.result = 'skip';
    record.messages.push(t('sandbox.skip.dependency', { steps: blocked.join(', ') }));
    return record;
  }
  const dispatcher =
    step.transport === 'without-client-certificate'
      ? env.credentials.bareDispatcher
      : env.credentials.dispatcher;
  const context: CallContext = {
    suite: suite.id,
    test: where.test,
    ...(where.item !== undefined ? { item: where.item } : {}),
    step: step.id,
  };
  let response: StepResponse;
  try {
    if (isPairingOperation(step.operation)) {
      const outcome = await runPairingOperation(step.operation, pairing, {
        target: env.credentials.pairing as NonNullable<Credentials['pairing']>,
        transport: env.transport,
        dispatcher,
        secrets: env.secrets,
        vars,
        where: context,
      });
      if ('action' in outcome) {
        // The patient's own action at MES: no exchange between the service and MES to judge.
        record.messages.push(t('sandbox.pairing.unpaired', { idpe: outcome.idpe }));
        return record;
      }
      response = outcome.response;
    } else {
      const call = buildCall(suite, step, item, fixtures, { ...vars, uuid: randomUUID() });
      const headers = await buildHeaders(step, env.credentials, pairing);
      response = await env.transport.fhir(call, headers, dispatcher, context);
    }
  } catch (error) {
    if (!(error instanceof UnsetVariable)) throw error;
    record.result = 'skip';
    record.messages.push(t('sandbox.skip.variable', { variable: error.variable }));
    return record;
  }
  record.exchanges = response.exchanges;

  const assertions = step.assert ?? [];
  const expectsRefusal = assertions.some((a) => a.connection === 'refused');
  if (!expectsRefusal && (response.failure || isUnavailable(response))) {
    record.result = 'error';
    record.messages.push(unavailableMessage(response, t));
    return record;
  }
  if (response.status !== undefined && step['unexposed-status']?.includes(response.status)) {
    record.result = 'warn';
    record.messages.push(t('sandbox.unexposed', { status: response.status }));
    return record;
  }
  for (const assertion of assertions) {
    const result = checkAssertion(assertion, response, vars, t, lang);
    if (!result.ok) {
      record.result = step['warning-only'] ? 'warn' : 'fail';
      record.messages.push(result.message);
    }
  }
  if (record.result === 'pass') {
    for (const [name, spec] of Object.entries(step.capture ?? {})) {
      const value =
        typeof spec === 'string'
          ? evaluatePath(response.body, spec)[0]
          : response.headers[spec.header.toLowerCase()];
      if (typeof value === 'string' || typeof value === 'number') vars[name] = String(value);
    }
  }
  return record;
}

/** 429 and 5xx that outlived the retries: the target is unavailable, not the editor's service wrong. */
function isUnavailable(response: StepResponse): boolean {
  return response.status !== undefined && (response.status === 429 || response.status >= 500);
}

function unavailableMessage(response: StepResponse, t: Translate): string {
  if (response.failure)
    return t(`sandbox.failure.${response.failure.kind}`, {
      detail: response.failure.message,
      attempts: response.attempts,
    });
  return t('sandbox.failure.status', { status: response.status ?? '—', attempts: response.attempts });
}

function buildCall(
  suite: Suite,
  step: Step,
  item: FixtureItem | undefined,
  fixtures: Map<string, FixtureItem[]>,
  vars: Variables,
): FhirCall {
  const op = step.operation;
  let body: unknown;
  if (op.body) {
    const fixture = item && fixtures.get(op.body)?.includes(item) ? item : fixtures.get(op.body)?.[0];
    if (!fixture) throw new UnsetVariable(op.body);
    body = applyPatch(fixture.value, substituteDeep(suite.prepare?.[op.body] ?? [], vars));
    body = applyPatch(body, substituteDeep(op.patch ?? [], vars));
  }
  return {
    // Pairing operations go to runPairingOperation: only FHIR interactions reach this point.
    type: op.type as FhirCall['type'],
    ...(op.resource ? { resource: op.resource } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(op.params ? { params: substituteDeep(op.params, vars) } : {}),
    ...(op.url ? { url: substitute(op.url, vars) } : {}),
  };
}

function isPairingOperation(op: Operation): op is Operation & { type: PairingOperationType } {
  return (PAIRING_OPERATIONS as readonly string[]).includes(op.type);
}

async function buildHeaders(
  step: Step,
  credentials: Credentials,
  pairing: PairingSession,
): Promise<Record<string, string>> {
  const headers: Record<string, string> = { ...credentials.headers };
  const auth = step.auth ?? 'default';
  if (auth === 'invalid') headers.authorization = `Bearer ${FORGED_TOKEN}`;
  else if (auth === 'paired') {
    if (!pairing.accessToken) throw new UnsetVariable('access_token');
    headers.authorization = `Bearer ${pairing.accessToken}`;
  } else if (auth === 'default') {
    const value = await credentials.authorization();
    if (value) headers.authorization = value;
  }
  const patient = step.patient ?? 'default';
  if (patient === 'invalid-id-token') headers[credentials.idTokenHeader] = FORGED_TOKEN;
  else if (patient === 'paired') {
    if (!pairing.idToken) throw new UnsetVariable('id_token');
    headers[credentials.idTokenHeader] = pairing.idToken;
  } else {
    const idToken = await credentials.idToken(patient);
    if (idToken) headers[credentials.idTokenHeader] = idToken;
  }
  return headers;
}

function definedOnly(vars: Variables): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).filter((e): e is [string, string] => e[1] !== undefined));
}

function safeSubstitute(text: string, vars: Variables): string {
  try {
    return substitute(text, vars);
  } catch {
    return text;
  }
}
