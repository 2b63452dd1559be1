// `check --recording <file>` (manifest `sandbox.recording`, action input `recording`): the hooking tests judged
// from the traffic of the editor's own tests, recorded by the emulator, instead of replayed files. Each request
// goes through the MES rules and the FHIR profiles; each expected client behaviour is observed, missing or wrong,
// with the exchange that shows it. The graded traffic is the dossier's exchanges.json.
import path from 'node:path';
import type { Exchange, ExchangesDocument, Result, TestRecord } from '../../../exchanges/format.js';
import { RecordingError, readRecording } from '../../../exchanges/recording.js';
import type { Recording } from '../../../exchanges/recording.js';
import { loadMesSpec } from '../../../mes/spec.js';
import { resolveInRepo } from '../../../util/repo-path.js';
import type { CheckContext, Finding } from '../../types.js';
import { MAX_BODY_CHARS } from '../recorder.js';
import { profilesUnchecked, sandboxProfileValidator } from '../target.js';
import type { BehaviourOutcome, BehaviourSuite } from './behaviours.js';
import { BEHAVIOUR_SUITE, judgeBehaviours } from './behaviours.js';
import type { RequestCheck } from './requests.js';
import { checkRequests } from './requests.js';
import type { Call } from './traffic.js';
import { callsOf } from './traffic.js';

type Location = Finding['location'];

/** Where the recording to grade is, when the run grades one: CLI/action first (the workflow's), then manifest. */
export function recordingChoice(
  ctx: CheckContext,
): { file: string; display: string; inRepo?: string } | { error: Finding } | undefined {
  if (ctx.options.sandboxRecording) {
    const file = path.resolve(ctx.options.sandboxRecording);
    const inRepo = resolveInRepo(ctx.repoDir, path.relative(ctx.repoDir, file));
    return { file, display: ctx.options.sandboxRecording, ...(inRepo.ok ? { inRepo: inRepo.relative } : {}) };
  }
  const declared = ctx.manifest.sandbox?.recording;
  if (!declared) return undefined;
  const resolved = resolveInRepo(ctx.repoDir, declared);
  if (!resolved.ok)
    return {
      error: {
        outcome: 'unavailable',
        code: 'sandbox.recording.outside',
        message: ctx.t('sandbox.recording.not-found', { file: declared }),
        location: ctx.locate(['sandbox', 'recording']),
      },
    };
  return { file: resolved.absolute, display: resolved.relative, inRepo: resolved.relative };
}

interface Graded {
  recording: Recording;
  calls: Call[];
  behaviours: BehaviourOutcome[];
  requests: RequestCheck[];
}

/** The findings of one catalogue invocation (its suites) from the recording, graded once per run. */
export async function gradeRecordingInvocation(
  ctx: CheckContext,
  choice: { file: string; display: string; inRepo?: string },
  suites: string[],
): Promise<Finding[]> {
  const { t } = ctx;
  const at = ctx.locate(
    ctx.manifest.sandbox?.recording ? ['sandbox', 'recording'] : ctx.manifest.sandbox ? ['sandbox'] : [],
  );
  let graded: Graded;
  try {
    graded = await ctx.shared('sandbox/recording-grade', () => grade(ctx, choice));
  } catch (error) {
    if (error instanceof RecordingError)
      return [
        {
          outcome: 'unavailable',
          code: `sandbox.${error.key}`,
          message: t(`sandbox.${error.key}`, error.params),
          location: at,
        },
      ];
    throw error;
  }
  const { recording, behaviours, requests } = graded;
  const exchangeAt = (id: number | undefined): Location => {
    const line = id !== undefined ? recording.lines.get(id) : undefined;
    return choice.inRepo && line ? { file: choice.inRepo, line } : at;
  };
  ctx.attach('exchanges.json', `${JSON.stringify(dossier(graded, ctx), null, 2)}\n`);

  const findings: Finding[] = [
    {
      // Graded against the emulator: a rehearsal, the official hooking tests run against the MES sandbox.
      outcome: 'review',
      code: 'sandbox.recording',
      message: t('sandbox.recording.target-info', {
        file: choice.display,
        count: recording.document.exchanges.length,
      }),
      location: at,
    },
  ];
  if (recording.document.exchanges.length === 0)
    return [
      {
        outcome: 'unavailable',
        code: 'sandbox.recording.empty',
        message: t('sandbox.recording.empty', { file: choice.display }),
        location: at,
      },
    ];
  if (recording.damaged > 0)
    findings.push({
      outcome: 'warn',
      code: 'sandbox.recording.damaged',
      message: t('sandbox.recording.damaged', { count: recording.damaged, file: choice.display }),
      location: at,
    });

  const wanted = new Set<string>(suites);
  if (wanted.has('mesures') || wanted.has('documents')) wanted.add('robustesse');
  for (const b of behaviours) {
    if (!wanted.has(BEHAVIOUR_SUITE[b.id])) continue;
    findings.push(behaviourFinding(ctx, b, exchangeAt(b.exchange)));
  }
  for (const flow of ['mesures', 'documents'] as const) {
    if (!wanted.has(flow)) continue;
    const own = requests.filter((r) => r.flow === flow);
    const bad = own.filter((r) => r.unreadable || r.problems.length > 0);
    for (const r of bad) {
      const url = new URL(r.call.exchange.url, 'http://recording');
      findings.push({
        outcome: r.unreadable ? 'warn' : 'fail',
        code: r.unreadable
          ? 'sandbox.recording.request-unreadable'
          : `sandbox.recording.request-invalid.${flow}`,
        message: t(
          r.unreadable ? 'sandbox.recording.request-unreadable' : 'sandbox.recording.request-invalid',
          {
            exchange: r.call.id,
            method: r.call.exchange.method,
            path: url.pathname,
            problems:
              r.problems.slice(0, 3).join(' ; ') +
              (r.problems.length > 3 ? ` (+${r.problems.length - 3})` : ''),
          },
        ),
        location: exchangeAt(r.call.id),
        details: { exchange: r.call.id, flow, problems: r.problems.length },
      });
    }
    if (own.length > bad.length)
      findings.push({
        outcome: 'pass',
        code: `sandbox.recording.requests-ok.${flow}`,
        message: t('sandbox.recording.requests-ok', { count: own.length - bad.length, flow }),
        location: at,
      });
  }
  const unchecked = await profilesUnchecked(ctx, at);
  if (unchecked) findings.push(unchecked);
  return findings;
}

async function grade(ctx: CheckContext, choice: { file: string; display: string }): Promise<Graded> {
  const recording = readRecording(choice.file, choice.display);
  const spec = loadMesSpec();
  const calls = callsOf(recording.document.exchanges, spec.documents.profiles['provide-bundle']);
  const validateProfile = await sandboxProfileValidator(ctx);
  const requests = await checkRequests(
    calls,
    spec,
    ctx.manifest.solution['editor-oid'],
    validateProfile,
    ctx.t,
  );
  const validRequests = new Set(
    requests.filter((r) => !r.unreadable && r.problems.length === 0).map((r) => r.call.id),
  );
  const behaviours = judgeBehaviours({
    calls,
    validRequests,
    consentMessage: spec.mesures.errors['consent-missing']?.message ?? 'Consent not given, access refused.',
  });
  return { recording, calls, behaviours, requests };
}

function behaviourFinding(ctx: CheckContext, b: BehaviourOutcome, location: Location): Finding {
  const { t } = ctx;
  const title = t(`sandbox.behaviour.${b.id}`);
  const params = { title, exchange: b.exchange ?? '—', ...b.params };
  const details = {
    behaviour: b.id,
    result: b.result,
    ...(b.exchange !== undefined ? { exchange: b.exchange } : {}),
    ...(b.reason ? { reason: b.reason } : {}),
  };
  const code = `sandbox.behaviour.${b.id}`;
  switch (b.result) {
    case 'observed':
      return { outcome: 'pass', code, message: t('sandbox.behaviour.observed', params), location, details };
    case 'wrong':
      return {
        outcome: 'fail',
        code,
        message: `${title}${t('punct.colon')}${t(`sandbox.behaviour.wrong.${b.variant}`, params)}`,
        location,
        details,
      };
    case 'missing':
      return {
        outcome: 'review',
        code,
        message: t('sandbox.behaviour.missing', {
          ...params,
          hint: t(`sandbox.behaviour.hint.${b.id}`, params),
        }),
        location,
        details,
      };
    default:
      return {
        outcome: 'info',
        code,
        message: t('sandbox.behaviour.not-applicable', params),
        location,
        details,
      };
  }
}

const RESULT: Record<BehaviourOutcome['result'], Result> = {
  observed: 'pass',
  wrong: 'fail',
  missing: 'warn',
  'not-applicable': 'skip',
};

/** The dossier's exchanges.json: the recorded exchanges (retries numbered) under the behaviours they show. */
function dossier({ recording, calls, behaviours, requests }: Graded, ctx: CheckContext): ExchangesDocument {
  const { t } = ctx;
  const attempts = new Map<number, number>();
  const seen = new Map<string, number>();
  for (const c of calls) {
    const n = (seen.get(c.key) ?? 0) + 1;
    seen.set(c.key, n);
    attempts.set(c.id, n);
  }
  const cut = (body: string | undefined) =>
    body !== undefined && body.length > MAX_BODY_CHARS
      ? `${body.slice(0, MAX_BODY_CHARS)}… [${body.length - MAX_BODY_CHARS} more]`
      : body;
  const exchanges: Exchange[] = recording.document.exchanges.map((x) => ({
    ...x,
    attempt: attempts.get(x.id) ?? 1,
    request: {
      ...x.request,
      ...(x.request.body !== undefined ? { body: cut(x.request.body) as string } : {}),
    },
    ...(x.response
      ? {
          response: {
            ...x.response,
            ...(x.response.body !== undefined ? { body: cut(x.response.body) as string } : {}),
          },
        }
      : {}),
  }));
  const suiteOf = (b: BehaviourOutcome) => BEHAVIOUR_SUITE[b.id];
  const tests: TestRecord[] = behaviours.map((b) => {
    const title = t(`sandbox.behaviour.${b.id}`);
    const finding = behaviourFinding(ctx, b, undefined);
    return {
      suite: suiteOf(b),
      id: b.id,
      title,
      result: RESULT[b.result],
      durationMs: 0,
      steps: [
        {
          id: b.result,
          title: b.result,
          result: RESULT[b.result],
          messages: [finding.message],
          exchanges: b.exchanges,
        },
      ],
    };
  });
  for (const r of requests) {
    const bad = r.unreadable || r.problems.length > 0;
    tests.push({
      suite: r.flow,
      id: `request-${r.call.id}`,
      title: `${r.call.exchange.method} ${new URL(r.call.exchange.url, 'http://recording').pathname} (#${r.call.id})`,
      result: r.unreadable ? 'warn' : bad ? 'fail' : 'pass',
      durationMs: r.call.exchange.durationMs,
      steps: [
        {
          id: 'rules-and-profiles',
          title: t('sandbox.behaviour.valid-measure'),
          result: r.unreadable ? 'warn' : bad ? 'fail' : 'pass',
          messages: r.problems,
          exchanges: [r.call.id],
        },
      ],
    });
  }
  const group = (id: BehaviourSuite) => t(`sandbox.recording.group.${id}`);
  return {
    ...recording.document,
    target: { kind: 'recording', url: recording.document.target?.url ?? '' },
    suites: [...new Set([...behaviours.map((b) => BEHAVIOUR_SUITE[b.id]), ...requests.map((r) => r.flow)])]
      .sort()
      .map((id) => ({ id, title: group(id), requirements: [] })),
    tests,
    exchanges,
  };
}
