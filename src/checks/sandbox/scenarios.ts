// `sandbox/scenarios`: the tests d'accrochage, scenario by scenario, against the MES sandbox or the embedded
// emulator. Every exchange goes to exchanges.json (the dossier de recette); an unreachable target makes the
// criteria `indisponible`, never `non-conforme`.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { mesIdTokenHeader } from '../../emulator/index.js';
import type { RunningEmulator } from '../../emulator/index.js';
import { pick } from '../../i18n/index.js';
import { readJsonResources } from '../../util/json-resources.js';
import { mesFlowOf } from '../../mes/flow.js';
import type { Check, CheckContext, Finding } from '../types.js';
import type { Credentials } from './credentials.js';
import { SandboxSetupError, resolveCredentials } from './credentials.js';
import { ExchangeRecorder } from './recorder.js';
import { gradeRecordingInvocation, recordingChoice } from './recording/grade.js';
import type { FixtureItem, TestOutcome } from './runner.js';
import { fixtureVars, runSuite } from './runner.js';
import type { Suite } from './suite.js';
import { loadSuites } from './suite.js';
import type { Target } from './target.js';
import { chosenTarget, emulatorLease, profilesUnchecked } from './target.js';
import { Transport } from './transport.js';

export interface ScenarioParams {
  suites: string[];
  [key: string]: unknown;
}

const DEFAULT_TIMEOUT_SECONDS = 15;
const DEFAULT_BUDGET_SECONDS = 120;

export const scenariosCheck: Check<ScenarioParams> = {
  id: 'sandbox/scenarios',
  engine: 'sandbox',
  settings: ['sandbox'],
  description: {
    fr: 'Les scénarios d’échange (tests d’accrochage) passent contre le bac à sable de Mon espace santé ou l’émulateur embarqué.',
    en: 'The exchange scenarios (hooking tests) pass against the Mon espace santé sandbox or the embedded emulator.',
  },
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['suites'],
    properties: {
      suites: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { type: 'string', pattern: '^[a-z0-9-]+$' },
      },
    },
  },
  async run(ctx, params) {
    const { t } = ctx;
    const at = ctx.locate(ctx.manifest.sandbox ? ['sandbox'] : []);
    const known = loadSuites();
    const unknown = params.suites.filter((id) => !known.some((s) => s.id === id));
    if (unknown.length > 0)
      return [
        {
          outcome: 'unavailable',
          code: 'sandbox.unknown-suite',
          message: t('sandbox.unknown-suite', { suites: unknown.join(', '), count: unknown.length }),
          location: at,
        },
      ];
    const suites = selectSuites(ctx, known, params.suites);
    if (suites.length === 0)
      return [
        {
          outcome: 'info',
          code: 'sandbox.no-suite',
          message: t('sandbox.no-suite', { suites: params.suites.join(', ') }),
          location: at,
        },
      ];

    // The editor's own tests were recorded: their traffic is graded instead of replaying the suites.
    const recorded = recordingChoice(ctx);
    if (recorded && 'error' in recorded) return [recorded.error];
    if (recorded)
      return gradeRecordingInvocation(
        ctx,
        recorded,
        suites.map((s) => s.id),
      );

    const choice = chosenTarget(ctx);
    if (choice.kind === 'url' && ctx.options.offline)
      return [
        {
          outcome: 'unavailable',
          code: 'sandbox.offline',
          message: t('sandbox.offline', { url: choice.url }),
          fix: t('sandbox.fix.offline'),
          location: at,
        },
      ];

    const idTokenHeader = mesIdTokenHeader();
    const recorder = await ctx.shared('sandbox/recorder', () =>
      Promise.resolve(
        new ExchangeRecorder(
          ctx.secrets,
          new Set(
            [idTokenHeader, ...Object.keys(ctx.manifest.sandbox?.['headers-env'] ?? {})].map((h) =>
              h.toLowerCase(),
            ),
          ),
        ),
      ),
    );
    const runId = await ctx.shared('sandbox/run-id', () => Promise.resolve(randomBytes(4).toString('hex')));
    const lease = choice.kind === 'emulator' ? await emulatorLease(ctx) : undefined;
    let target: Target;
    try {
      if (lease) {
        const emulator: RunningEmulator = await lease.acquire();
        target = { kind: 'emulator', emulator, fhirBase: emulator.fhirBase };
      } else target = { kind: 'url', fhirBase: (choice as { url: string }).url };
    } catch (error) {
      return [
        {
          outcome: 'unavailable',
          code: 'sandbox.emulator-start',
          message: t('sandbox.emulator-start', { reason: (error as Error).message }),
          fix: t('sandbox.fix.emulator-start'),
          location: at,
        },
      ];
    }

    const sandbox = ctx.manifest.sandbox ?? {};
    const transport = new Transport({
      fhirBase: target.fhirBase,
      recorder,
      timeoutMs: (sandbox['timeout-seconds'] ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
      deadline: Date.now() + (sandbox['budget-seconds'] ?? DEFAULT_BUDGET_SECONDS) * 1000,
      signal: ctx.signal,
    });
    let credentials: Credentials | undefined;
    const targetLabel = target.kind === 'emulator' ? t('sandbox.target.emulator') : target.fhirBase;
    try {
      credentials = await resolveCredentials(ctx, target, idTokenHeader, (url, form, headers) =>
        transport.token(url, form, headers, (credentials as Credentials).dispatcher, {
          suite: 'setup',
          test: 'setup',
          step: 'token',
        }),
      );
      // Reachability first: an unreachable target is `indisponible`, whatever the suites would have said.
      const probe = await transport.fhir({ type: 'metadata' }, {}, credentials.dispatcher, {
        suite: 'setup',
        test: 'setup',
        step: 'metadata',
      });
      if (probe.failure || probe.status === undefined || probe.status >= 500 || probe.status === 429) {
        const reason = probe.failure
          ? t(`sandbox.failure.${probe.failure.kind}`, {
              detail: probe.failure.message,
              attempts: probe.attempts,
            })
          : t('sandbox.failure.status', { status: probe.status ?? '—', attempts: probe.attempts });
        return suites.map((s) => ({
          outcome: 'unavailable' as const,
          code: 'sandbox.unreachable',
          message: t('sandbox.unreachable', { suite: pick(s.title, ctx.lang), target: targetLabel, reason }),
          fix: t(target.kind === 'emulator' ? 'sandbox.fix.emulator-start' : 'sandbox.fix.unreachable', {
            url: target.fhirBase,
          }),
          location: at,
          details: { suite: s.id, target: target.fhirBase },
        }));
      }
      const findings: Finding[] = [
        {
          // Passing against the emulator is a rehearsal: the official hooking tests run against the MES sandbox,
          // so a person still has to look (a-verifier); a failure here would fail there too.
          outcome: target.kind === 'emulator' ? 'review' : 'info',
          code: `sandbox.target.${target.kind}`,
          message: t(`sandbox.target-info.${target.kind}`, { url: target.fhirBase }),
          location: at,
        },
      ];
      const editor = editorResources(ctx);
      const vars = {
        idpe: credentials.idpe,
        ...(credentials.idpeWithoutConsent ? { idpeWithoutConsent: credentials.idpeWithoutConsent } : {}),
        ...(credentials.mtls ? { mtls: 'yes' } : {}),
        ...(sandbox.patient?.system ? { idpeSystem: sandbox.patient.system } : {}),
        runId,
        editorOid: ctx.manifest.solution['editor-oid'],
        solutionOid: ctx.manifest.solution['solution-oid'],
      };
      for (const suite of suites) {
        const outcomes = await runSuite(suite, {
          transport,
          credentials,
          recorder,
          vars,
          editorResources: (kind) => editor.filter((e) => e.kind === kind).map((e) => e.item),
          secrets: ctx.secrets,
          t,
          lang: ctx.lang,
        });
        findings.push(...outcomes.map((o) => toFinding(ctx, suite, o, targetLabel, at)));
        const samples = [...new Set(outcomes.filter((o) => o.sample && o.item).map((o) => o.item as string))];
        if (samples.length > 0)
          // Tests of our sample prove the exchange works, not that the editor's data does: a person still looks.
          findings.push({
            outcome: 'review',
            code: 'sandbox.sample-data',
            message: t('sandbox.sample-data', {
              suite: pick(suite.title, ctx.lang),
              files: samples.join(', '),
              oid: ctx.manifest.solution['solution-oid'],
            }),
            fix: t('sandbox.fix.sample-data', { domain: suite.domain ?? suite.id }),
            location: ctx.locate(ctx.manifest.fhir ? ['fhir'] : []),
            details: { suite: suite.id, sample: samples.join(', ') },
          });
      }
      if (target.kind === 'emulator') {
        const unchecked = await profilesUnchecked(ctx, at);
        if (unchecked) findings.push(unchecked);
      }
      return findings;
    } catch (error) {
      if (error instanceof SandboxSetupError)
        return [
          {
            outcome: 'unavailable',
            code: error.key,
            message: t(error.key, error.params),
            location: error.location ?? at,
          },
        ];
      throw error;
    } finally {
      ctx.attach(
        'exchanges.json',
        `${JSON.stringify(recorder.document({ kind: target.kind, url: target.fhirBase }, runId), null, 2)}\n`,
      );
      await credentials?.close();
      await lease?.release();
    }
  },
};

/** The requested suites whose domain the manifest declares, limited to `sandbox.suites` when given. */
function selectSuites(ctx: CheckContext, known: Suite[], requested: string[]): Suite[] {
  const domains = ctx.manifest.orientation['data-domains'] ?? [];
  const only = ctx.manifest.sandbox?.suites;
  return requested
    .map((id) => known.find((s) => s.id === id) as Suite)
    .filter((s) => !s.domain || domains.includes(s.domain))
    .filter((s) => !only || only.includes(s.id));
}

function editorResources(ctx: CheckContext): { kind: 'mesures' | 'documents'; item: FixtureItem }[] {
  const patterns = ctx.manifest.fhir?.resources ?? [];
  if (patterns.length === 0) return [];
  const out: { kind: 'mesures' | 'documents'; item: FixtureItem }[] = [];
  for (const file of readJsonResources(ctx.repoDir, patterns, { excluded: ctx.excluded }).files) {
    if (!file.ok) continue;
    const kind = mesFlowOf(file.value);
    if (!kind) continue;
    const label = path.basename(file.file);
    out.push({
      kind,
      item: { value: file.value, file: file.file, label, vars: fixtureVars(file.value, label) },
    });
  }
  return out;
}

function toFinding(
  ctx: CheckContext,
  suite: Suite,
  o: TestOutcome,
  target: string,
  at: Finding['location'],
): Finding {
  const { t } = ctx;
  const base = { suite: pick(suite.title, ctx.lang), test: o.title, target };
  // An expectation no published text states is marked so (rules/scenarios: `basis: inference`).
  const basis = suite.tests.find((test) => test.id === o.id)?.basis ?? suite.basis;
  const details = {
    suite: suite.id,
    test: o.id,
    ...(basis ? { basis } : {}),
    ...(o.item ? { item: o.item } : {}),
    ...(o.failure ? { step: o.failure.step } : {}),
    ...(o.failure?.exchange !== undefined ? { exchange: o.failure.exchange } : {}),
  };
  const location = o.failure?.file ? { file: o.failure.file, line: 1 } : at;
  const code = `sandbox.${suite.id}.${o.id}`;
  switch (o.result) {
    case 'pass': {
      const exchanges = o.steps.reduce((n, s) => n + s.exchanges.length, 0);
      return {
        outcome: 'pass',
        code,
        message: t('sandbox.test.pass', { ...base, exchanges }),
        location: at,
        details,
      };
    }
    case 'skip':
      return {
        outcome: 'info',
        code,
        message: t('sandbox.test.skip', {
          ...base,
          reason: o.reason ?? o.steps.flatMap((s) => s.messages).join(' ; '),
        }),
        location: at,
        details,
      };
    case 'error':
      return {
        outcome: 'unavailable',
        code,
        message: t('sandbox.test.error', {
          ...base,
          step: o.failure?.step ?? '',
          reason: o.failure?.message ?? '',
        }),
        fix: t('sandbox.fix.test-error'),
        location: at,
        details,
      };
    default: {
      const key = o.result === 'warn' ? 'sandbox.test.warn' : 'sandbox.test.fail';
      return {
        outcome: o.result === 'warn' ? 'warn' : 'fail',
        code,
        message: t(key, {
          ...base,
          step: o.failure?.step ?? '',
          reason: o.failure?.message ?? '',
          exchange: o.failure?.exchange ?? '—',
        }),
        location,
        details,
      };
    }
  }
}
