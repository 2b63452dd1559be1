// run(options) → Report. Manifest → plan → checks → evaluation → Report. No process, environment or GitHub code
// here: the CLI and the action supply everything through the options.
import path from 'node:path';
import { loadCatalogue } from './catalogue/load.js';
import { evaluate } from './catalogue/evaluate.js';
import { plan as makePlan } from './catalogue/plan.js';
import type { Catalogue, CheckInvocation } from './catalogue/types.js';
import { registeredChecks } from './checks/registry.js';
import type { AnyCheck, CheckContext, EngineOptions, Finding } from './checks/types.js';
import type { Lang } from './i18n/index.js';
import type { Translate } from './messages.js';
import { pick } from './i18n/index.js';
import { translator } from './messages.js';
import { loadManifest, MANIFEST_FILE } from './manifest/load.js';
import type { BaseManifest, TrustDecision, TrustGroup } from './manifest/trust.js';
import { applyTrust } from './manifest/trust.js';
import type { LoadedManifest } from './manifest/types.js';
import type {
  CriterionResult,
  FailOn,
  Policy,
  Report,
  ReportFinding,
  RubriqueSummary,
} from './report/model.js';
import { emptyCounts, REPORT_SCHEMA_VERSION } from './report/model.js';
import { processState } from './process/state.js';
import type { ProcessState } from './process/state.js';
import { applyPolicy } from './report/policy.js';
import { EXCHANGES_FILE } from './report/exchanges.js';
import { REPORT_FILES } from './report/write.js';
import { reportProcess } from './report/process.js';
import type { EvidenceDigests, Provenance } from './report/trace.js';
import { buildTrace, digestEvidence, traced } from './report/trace.js';
import { Redactor } from './secrets.js';
import { daysUntil, isoDate } from './util/dates.js';
import { fileSha256 } from './util/file-hash.js';
import { LocalPaths } from './util/local-paths.js';
import { TOOL_VERSION } from './util/project.js';

export type Stage = 'manifest' | 'plan' | 'checks' | 'evaluation' | 'report';

export interface RunOptions {
  repoDir: string;
  /** Relative to repoDir (or absolute); default mes-referencing.yml. */
  manifestPath?: string;
  lang: Lang;
  failOn: FailOn;
  /** Mandatory criteria that could not be checked fail the job too. */
  failOnUnverified?: boolean;
  /** The clock: every date comparison uses it. */
  now?: Date;
  engine?: Partial<EngineOptions>;
  secrets?: Redactor;
  /** Alternative rules/ folder (tests of broken catalogues). */
  rules?: string;
  /**
   * In a pull-request run, the base branch's manifest: the settings that choose where the run connects and which
   * secrets it reads are taken from it (src/manifest/trust.ts). Unset for pushes, schedules and the CLI. Asked for
   * once the pull request's own manifest has loaded: a broken manifest costs no request.
   */
  base?: () => Promise<BaseManifest>;
  /** Bound on check invocations running at once. */
  concurrency?: number;
  onProgress?(stage: Stage, message: string): void;
  signal?: AbortSignal;
  /** Repository, commit, branch and run the report is traced to (links to the evidence files). */
  provenance?: Provenance;
  /** Where the caller writes the dossier: when inside the repository, no check reads it (CheckContext.excluded). */
  outputDir?: string;
}

export interface RunResult {
  report: Report;
  /** Dossier files added by the checks (name → content), already redacted. */
  attachments: Map<string, string>;
  manifest: LoadedManifest;
  catalogue: Catalogue;
}

/**
 * The repository-relative paths of the dossier written to `outputDir`: the folder when it lies inside the repository,
 * the files themselves when it is the repository's root (`--out .`); nothing when it lies outside.
 */
export function outputPaths(repoDir: string, outputDir: string): string[] {
  const rel = path.relative(path.resolve(repoDir), path.resolve(outputDir));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return [];
  if (rel === '') return [...REPORT_FILES, EXCHANGES_FILE];
  return [rel.split(path.sep).join('/')];
}

export async function run(options: RunOptions): Promise<RunResult> {
  const t = translator(options.lang);
  const now = options.now ?? new Date();
  const secrets = options.secrets ?? new Redactor();
  const progress = (stage: Stage, message: string) => options.onProgress?.(stage, secrets.redact(message));
  const repoDir = path.resolve(options.repoDir);

  const head = loadManifest(options.manifestPath ?? MANIFEST_FILE, repoDir);
  progress('manifest', t('progress.manifest', { file: head.file, name: head.manifest.solution.name }));
  const trusted = options.base
    ? applyTrust(head.manifest, await options.base(), {
        workflowSandboxTarget: options.engine?.sandboxTarget !== undefined,
      })
    : undefined;
  const loaded: LoadedManifest = trusted ? { ...head, manifest: trusted.manifest } : head;
  const pending = new Set(trusted?.decision.pending ?? []);

  const checks = registeredChecks();
  const catalogue = loadCatalogue({
    version: loaded.manifest.referencing.referentiel,
    checks,
    ...(options.rules ? { rules: options.rules } : {}),
    requestedAt: loaded.locate(['referencing', 'referentiel']),
  });
  const plan = makePlan(catalogue, loaded.manifest);
  const processNow = processState({ loaded, definition: catalogue.process, now, lang: options.lang, t });
  const applicable = plan.criteria.filter((c) => c.applicable).length;
  progress(
    'plan',
    t('progress.plan', {
      version: catalogue.version,
      applicable,
      total: plan.criteria.length,
      checks: plan.invocations.size,
    }),
  );

  const engine: EngineOptions = {
    offline: false,
    fhirPackagePath: [],
    env: {},
    ...options.engine,
  };
  const attachments = new Map<string, string>();
  // Nothing in the report says which machine ran it: its folders get stable names.
  const local = LocalPaths.forRun(repoDir, engine.fhirPackagePath, engine.fhirPackageCache);
  const clean = (text: string) => local.scrub(secrets.redact(text));
  const sharedValues = new Map<string, Promise<unknown>>();
  const excluded = options.outputDir ? outputPaths(repoDir, options.outputDir) : [];
  // Two criteria may share a check on the same endpoint or files: its progress line is said once.
  const logged = new Set<string>();
  const controller = new AbortController();
  options.signal?.addEventListener('abort', () => controller.abort(options.signal?.reason));
  const context = (check: AnyCheck): CheckContext => ({
    repoDir,
    excluded,
    manifest: loaded.manifest,
    manifestFile: loaded.file,
    locate: loaded.locate,
    now,
    process: processNow,
    lang: options.lang,
    t,
    options: engine,
    secrets,
    evidenceTitle: (key) => {
      const type = catalogue['evidence-types'][key];
      return type ? pick(type.title, options.lang) : key;
    },
    log: (message) => {
      const line = `${check.id}: ${message}`;
      if (logged.has(line)) return;
      logged.add(line);
      progress('checks', line);
    },
    attach: (name, content) => attachments.set(name, content),
    shared: <T>(key: string, create: () => Promise<T>) => {
      let value = sharedValues.get(key) as Promise<T> | undefined;
      if (!value) {
        value = create();
        sharedValues.set(key, value);
      }
      return value;
    },
    signal: controller.signal,
  });

  const findings = new Map<string, ReportFinding[]>();
  const entries = [...plan.invocations.entries()];
  await forEachBounded(entries, options.concurrency ?? 4, async ([key, invocation]) => {
    const check = checks.get(invocation.check) as AnyCheck;
    const waiting = check.settings?.filter((group) => pending.has(group)) ?? [];
    const result = waiting.length
      ? [pendingFinding(waiting, trusted!.decision, t)]
      : effectiveFrom(await runOne(check, invocation, context(check), t), invocation.from, now, t);
    findings.set(
      key,
      result.map((f) => ({
        ...f,
        check: check.id,
        message: clean(f.message),
        ...(f.details ? { details: cleanDetails(f.details, clean) } : {}),
      })),
    );
  });
  progress('checks', t('progress.checks', { count: entries.length }));

  const evaluation = evaluate({
    catalogue,
    plan,
    loaded,
    findings,
    now,
    lang: options.lang,
    t,
    evidenceOf: (key) => {
      const inv = plan.invocations.get(key);
      return inv ? (checks.get(inv.check)?.evidence?.(inv.with ?? {}) ?? []) : [];
    },
    hashOf: (file) => fileSha256(repoDir, file),
  });
  progress('evaluation', t('progress.evaluation'));

  const report = buildReport({
    loaded,
    catalogue,
    evaluation: {
      ...evaluation,
      notices: [...processNow.notices, ...evaluation.notices].map((n) => ({
        ...n,
        message: clean(n.message),
      })),
    },
    policy: { failOn: options.failOn, failOnUnverified: options.failOnUnverified ?? false },
    lang: options.lang,
    now,
    attachments: [...attachments.keys()].sort(),
    process: processNow,
    provenance: options.provenance ?? {},
    digests: digestEvidence(repoDir, loaded.manifest),
    ...(trusted ? { trust: trusted.decision } : {}),
  });
  for (const [name, content] of attachments) attachments.set(name, clean(content));
  progress('report', t('progress.report', { verdict: t(`verdict.${report.verdict}`) }));
  return { report, attachments, manifest: loaded, catalogue };
}

async function runOne(
  check: AnyCheck,
  invocation: CheckInvocation,
  ctx: CheckContext,
  t: Translate,
): Promise<Finding[]> {
  try {
    return await check.run(ctx, invocation.with ?? {});
  } catch (error) {
    // A check that breaks makes its criteria `indisponible` with the reason; it never takes the run down.
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        outcome: 'unavailable',
        code: 'check.crashed',
        message: t('check.crashed', { check: check.id, reason }),
      },
    ];
  }
}

/**
 * A requirement in force from a later date (`from:` in the catalogue): until then its failures are warnings that
 * say when it starts to apply.
 */
function effectiveFrom(findings: Finding[], from: string | undefined, now: Date, t: Translate): Finding[] {
  if (from === undefined) return findings;
  const days = daysUntil(from, now);
  if (days <= 0) return findings;
  return findings.map((f) =>
    f.outcome === 'fail'
      ? {
          ...f,
          outcome: 'warn',
          code: `${f.code}.from`,
          message: t('requirement.from', { date: from, days, message: f.message }),
        }
      : f,
  );
}

function cleanDetails(
  details: NonNullable<Finding['details']>,
  clean: (text: string) => string,
): NonNullable<Finding['details']> {
  return Object.fromEntries(
    Object.entries(details).map(([k, v]) => [k, typeof v === 'string' ? clean(v) : v]),
  );
}

/** A check whose destination the pull request introduces: it runs once the change is merged. */
function pendingFinding(groups: TrustGroup[], decision: TrustDecision, t: Translate): Finding {
  const settings = decision.changes.filter((c) => groups.includes(c.group)).map((c) => c.setting);
  return {
    outcome: 'unavailable',
    code: `trust.pending.${decision.base}`,
    message: t(`trust.pending.${decision.base}`, { settings: settings.join(', '), ref: decision.ref }),
  };
}

async function forEachBounded<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

interface BuildInput {
  trust?: TrustDecision;
  loaded: LoadedManifest;
  catalogue: Catalogue;
  evaluation: ReturnType<typeof evaluate>;
  policy: Policy;
  lang: Lang;
  now: Date;
  attachments: string[];
  process: ProcessState;
  provenance: Provenance;
  digests: EvidenceDigests;
}

export function buildReport({
  loaded,
  catalogue,
  evaluation,
  policy,
  lang,
  now,
  attachments,
  process,
  provenance,
  digests,
  trust,
}: BuildInput): Report {
  const t = translator(lang);
  const criteria = evaluation.criteria.map((c) => ({
    ...c,
    evidence: c.evidence.map((e) => traced(e, digests, provenance)),
  }));
  const m = loaded.manifest;
  return applyPolicy(
    {
      schema: 'mes-referencing/report',
      schemaVersion: REPORT_SCHEMA_VERSION,
      tool: { name: 'mes-referencing', version: TOOL_VERSION },
      // The wall clock, not the injected `now`: this is when the report was made, the one field that differs between runs.
      generatedAt: new Date().toISOString(),
      lang,
      today: isoDate(now),
      manifest: {
        file: loaded.file,
        solution: m.solution.name,
        editor: m.solution.editor,
        solutionOid: m.solution['solution-oid'],
        ...(m.solution.version ? { version: m.solution.version } : {}),
        path: m.referencing.path,
      },
      catalogue: {
        version: catalogue.version,
        revision: catalogue.revision,
        title: pick(catalogue.title, lang),
        referentiel: pick(catalogue.referentiel, lang),
      },
      trace: buildTrace({ provenance, manifest: m, catalogue, digests, lang }),
      process: reportProcess(process, m, catalogue.process, lang, t),
      policy,
      ...summarise(
        criteria,
        catalogue.rubriques.map((r) => ({ id: r.id, title: pick(r.title, lang) })),
      ),
      criteria,
      notices: evaluation.notices,
      attachments,
      ...(trust ? { trust } : {}),
    },
    policy,
  );
}

/**
 * Counts and rubrique summaries from the criteria alone, before the policy decides what blocks (report/policy.ts):
 * how a report is made, and how a published one (`from-report`) is re-derived rather than believed.
 */
export function summarise(
  criteria: CriterionResult[],
  rubriqueTitles: Pick<RubriqueSummary, 'id' | 'title'>[],
): Pick<Report, 'counts' | 'rubriques' | 'verdict' | 'failing'> {
  const counts = {
    ...emptyCounts(),
    total: criteria.length,
    applicable: 0,
    blocking: 0,
    unverified: 0,
    failed: 0,
    waived: 0,
    attention: 0,
  };
  for (const c of criteria) {
    counts[c.status]++;
    if (c.status !== 'non-applicable') counts.applicable++;
    if (c.status === 'non-conforme' && c.waiver?.active) counts.waived++;
    else if (c.status === 'non-conforme') counts.failed++;
    if (c.attention) counts.attention++;
  }
  const rubriques: RubriqueSummary[] = rubriqueTitles.map((r) => {
    const own = criteria.filter((c) => c.rubrique === r.id);
    const byStatus = emptyCounts();
    for (const c of own) byStatus[c.status]++;
    return {
      id: r.id,
      title: r.title,
      counts: byStatus,
      applicable: own.filter((c) => c.status !== 'non-applicable').length,
      blocking: 0,
    };
  });
  // The verdict, blocking flags and outcome are the policy's (applyPolicy).
  return { verdict: 'a-verifier', failing: false, counts, rubriques };
}
