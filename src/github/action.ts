// The action: inputs → pipeline (or an earlier report) → dossier files, SARIF and outputs → artifact → sticky PR
// comment → job summary → annotations → exit code. Publishing never changes the verdict: each problem becomes one
// warning and a line of the summary's banner, and the exit code follows `fail-on` (1), configuration errors (2)
// or an internal error (3).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { engineOptionsFromEnv } from '../commands/environment.js';
import { provenanceFor } from '../commands/provenance.js';
import { UserError } from '../errors.js';
import { logText } from '../escape/log.js';
import type { Translate } from '../messages.js';
import { translator } from '../messages.js';
import { run } from '../pipeline.js';
import type { CacheOutcome } from './fhir-package-cache.js';
import { restoreFhirPackageCache, saveFhirPackageCache } from './fhir-package-cache.js';
import type { MarkdownOptions } from '../report/markdown.js';
import type { Report } from '../report/model.js';
import { applyPolicy } from '../report/policy.js';
import { writeReportFiles } from '../report/write.js';
import { outputDirError, prepareOutputDir } from '../util/output-dir.js';
import { Redactor } from '../secrets.js';
import type { Annotation } from './annotations.js';
import { capAnnotations, configErrorAnnotations, emitAnnotation, findingAnnotations } from './annotations.js';
import { artifactServiceAvailable, uploadDossier } from './artifact.js';
import { publishComment } from './comment/publish.js';
import type { CommentResult } from './comment/publish.js';
import type { RunContext } from './context.js';
import { artifactUrl, readRunContext } from './context.js';
import { loadReport } from './from-report.js';
import { readBaseManifest } from './base-manifest.js';
import { MANIFEST_FILE } from '../manifest/load.js';
import type { BaseManifest } from '../manifest/trust.js';
import type { ActionInputs } from './inputs.js';
import { inputLang, readInput, readInputs } from './inputs.js';
import { redactStream } from './masking.js';
import { createClient } from './octokit.js';
import { checkoutPrefix, underPrefix } from './paths.js';
import type { PublishProblem } from './problems.js';
import { problemText, publishProblem } from './problems.js';
import { rebaseSarif, writeSarif } from './sarif.js';
import { errorSummary, problemBanner, reportSummary, writeSummary } from './summary.js';
import { setOutputs } from './outputs.js';
import { blobBase } from '../report/source-links.js';

type Env = Record<string, string | undefined>;

/** Every log line carries outside text (solution name, URLs, file names): one line, never a workflow command. */
function info(message: string): void {
  core.info(logText(message));
}

/** Variables the checks never see: the action's own credentials are not the manifest's to name. */
const PRIVATE_ENV = /^(INPUT_|ACTIONS_)|^GITHUB_TOKEN$/;

export async function runAction(env: Env = process.env): Promise<number> {
  const t = translator(inputLang(env));
  const secrets = new Redactor();
  secrets.onSecret((value) => core.setSecret(value));
  redactStream(process.stdout, secrets);
  redactStream(process.stderr, secrets);
  // Registered before anything else runs, so that no log line, file or comment can carry them.
  secrets.add(readInput(env, 'github-token'));
  secrets.add(env.ACTIONS_RUNTIME_TOKEN);
  secrets.add(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  let prefix = '';
  try {
    const inputs = readInputs(env);
    prefix = checkoutPrefix(inputs.workspace, inputs.repoDir);
    prepareOutputDir(inputs.reportDir, 'report-dir');
    const context = readRunContext(env);
    const { report, attachments } = inputs.fromReport
      ? fromEarlierRun(inputs, t)
      : await runChecks(inputs, env, secrets, t, context);
    return await publish({ report, attachments, inputs, context, secrets, t, prefix });
  } catch (error) {
    if (error instanceof UserError) return configurationFailure(error, t, prefix);
    const detail = secrets.redact(error instanceof Error ? error.message : String(error));
    const message = t('cli.internal-error', { detail });
    core.error(message);
    if (env.MES_REFERENCING_DEBUG && error instanceof Error && error.stack)
      core.debug(secrets.redact(error.stack));
    await writeSummaryOrWarn(
      errorSummary(t('github.summary.internal-title'), [{ level: 'error', message }], ''),
    );
    return 3;
  }
}

async function runChecks(
  inputs: ActionInputs,
  env: Env,
  secrets: Redactor,
  t: Translate,
  context: RunContext,
) {
  const checkEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !PRIVATE_ENV.test(name)));
  const engine = { ...engineOptionsFromEnv(checkEnv) };
  if (inputs.offline) engine.offline = true;
  if (inputs.sandboxTarget) engine.sandboxTarget = inputs.sandboxTarget;
  if (inputs.allowPrivateNetwork) engine.allowPrivateNetwork = true;
  if (inputs.recording) engine.sandboxRecording = inputs.recording;
  if (inputs.fhirPackageCache) engine.fhirPackageCache = inputs.fhirPackageCache;
  const cacheDir = engine.offline ? undefined : engine.fhirPackageCache;
  const restored = cacheDir ? await restoreFhirPackageCache(cacheDir) : undefined;
  if (restored) reportCache(restored, t);
  const result = await run({
    repoDir: inputs.repoDir,
    ...(inputs.manifest ? { manifestPath: inputs.manifest } : {}),
    ...(context.pullRequest ? { base: () => baseManifest(inputs, context, t) } : {}),
    lang: inputs.lang,
    failOn: inputs.failOn,
    failOnUnverified: inputs.failOnUnverified,
    now: inputs.now,
    secrets,
    engine,
    onProgress: (_stage, message) => info(message),
    provenance: provenanceFor({ ...env, GITHUB_ACTIONS: 'true' }, inputs.repoDir, inputs.workspace),
    outputDir: inputs.reportDir,
  });
  if (cacheDir && restored) reportCache(await saveFhirPackageCache(cacheDir, restored.packages), t);
  return { report: result.report, attachments: result.attachments };
}

/**
 * In a pull-request run, the manifest as the base branch has it: the trusted source of where the run connects and
 * which secrets it reads. The pull request's own values are never used before the merge.
 */
async function baseManifest(inputs: ActionInputs, context: RunContext, t: Translate): Promise<BaseManifest> {
  const manifest = path.resolve(inputs.repoDir, inputs.manifest ?? MANIFEST_FILE);
  const relative = path.relative(inputs.workspace, manifest);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const base = await readBaseManifest({
    client: inputs.token ? createClient(inputs.token) : undefined,
    repository: context.repository,
    sha: context.pullRequest?.baseSha,
    path: inside ? relative.split(path.sep).join('/') : undefined,
    t,
  });
  const message = t(`github.trust.${base.status}`, {
    ref: base.ref,
    detail: 'detail' in base ? base.detail : '',
  });
  if (base.status === 'unreadable' || base.status === 'invalid') core.warning(logText(message));
  else info(message);
  return base;
}

/** The package cache is a convenience: its outcome is a log line, a failure only a warning. */
function reportCache(outcome: CacheOutcome, t: Translate): void {
  if (outcome.status === 'skipped' || outcome.status === 'unchanged') return;
  if (outcome.status === 'failed') core.warning(t('github.fhir-cache.failed', { detail: outcome.detail }));
  else info(t(`github.fhir-cache.${outcome.status}`, { count: outcome.packages.length }));
}

function fromEarlierRun(inputs: ActionInputs, t: Translate) {
  const file = inputs.fromReport as string;
  info(t('github.from-report', { file }));
  const loaded = loadReport(file, inputs.workspace);
  // The report keeps the policy it was made with, unless this step gives its own; the verdict is recomputed.
  const report = applyPolicy(loaded, {
    failOn: inputs.failOnGiven ? inputs.failOn : loaded.policy.failOn,
    failOnUnverified: inputs.failOnUnverifiedGiven ? inputs.failOnUnverified : loaded.policy.failOnUnverified,
  });
  return { report, attachments: new Map<string, string>() };
}

interface Publication {
  report: Report;
  attachments: Map<string, string>;
  inputs: ActionInputs;
  context: RunContext;
  secrets: Redactor;
  t: Translate;
  prefix: string;
}

async function publish(p: Publication): Promise<number> {
  const { report, inputs, context, secrets, t, prefix } = p;
  const blob =
    context.repository && context.headSha
      ? blobBase(
          context.serverUrl,
          context.repository.owner,
          context.repository.repo,
          context.headSha,
          prefix,
        )
      : undefined;
  const links = { ...(context.runUrl ? { run: context.runUrl } : {}), ...(blob ? { blob } : {}) };
  const files = writeDossier(p, links);
  const dossierSarif = path.join(inputs.reportDir, 'report.sarif');
  const sarif = rebaseSarif(readFileSync(dossierSarif, 'utf8'), prefix);
  writeSarif(dossierSarif, sarif);
  if (path.resolve(inputs.sarifFile) !== dossierSarif) writeSarif(inputs.sarifFile, sarif);
  setOutputs({
    result: report.verdict,
    'blocking-count': report.counts.blocking,
    'unverified-count': report.counts.unverified,
    'failed-count': report.counts.failed,
    'report-json': path.join(inputs.reportDir, 'report.json'),
    'sarif-file': inputs.sarifFile,
  });

  const problems: PublishProblem[] = [];
  const artifact = inputs.uploadArtifact ? await publishArtifact(p, files, problems) : undefined;
  const allLinks = { ...links, ...(artifact?.url ? { artifact: artifact.url } : {}) };
  const comment = await publishCommentIfAny(p, allLinks, problems);

  const problemContext = { fork: context.pullRequest?.fork ?? false, reportDir: inputs.reportDir };
  const banner = problems.map((problem) => ({
    level: problem.level,
    text: problemText(t, problem, problemContext),
  }));
  for (const line of banner) core[line.level](line.text);
  try {
    await writeSummary(
      secrets.redact(
        reportSummary({
          report,
          banner: problemBanner(t, banner),
          links: allLinks,
          ...(comment?.changes ? { preamble: comment.changes } : {}),
        }),
      ),
    );
  } catch (error) {
    const problem = publishProblem('summary', error, secrets);
    banner.push({ level: problem.level, text: problemText(t, problem, problemContext) });
    core.warning(banner.at(-1)!.text);
  }

  const reserved = {
    error: report.failing ? 1 : 0,
    warning: banner.filter((b) => b.level === 'warning').length,
    notice: banner.filter((b) => b.level === 'notice').length,
  };
  emitAll(capAnnotations(findingAnnotations(report, prefix), t, reserved), secrets);

  const counts = {
    blocking: report.counts.blocking,
    failed: report.counts.failed,
    unverified: report.counts.unverified,
  };
  if (report.failing) {
    const policy = `${report.policy.failOn}${report.policy.failOnUnverified ? ' + fail-on-unverified' : ''}`;
    core.setFailed(t('github.failed', { policy, ...counts }));
    return 1;
  }
  info(t('github.verdict', { verdict: t(`verdict.${report.verdict}`), ...counts }));
  return 0;
}

/** The dossier files; a folder that cannot be written is the workflow's to fix (exit 2), not a crash. */
function writeDossier(p: Publication, links: NonNullable<MarkdownOptions['links']>): string[] {
  try {
    return writeReportFiles(p.inputs.reportDir, p.report, p.attachments, p.secrets, {
      links,
      instance: p.inputs.header,
    });
  } catch (error) {
    throw outputDirError(p.inputs.reportDir, 'report-dir', error);
  }
}

async function publishArtifact(
  p: Publication,
  files: string[],
  problems: PublishProblem[],
): Promise<{ id: number; url?: string } | undefined> {
  const { inputs, context, secrets, t } = p;
  if (!artifactServiceAvailable(context.serverUrl)) {
    const host = URL.canParse(context.serverUrl) ? new URL(context.serverUrl).host : context.serverUrl;
    problems.push(publishProblem('artifact', host, secrets, 'unsupported-host'));
    return undefined;
  }
  try {
    const id = await uploadDossier({
      name: inputs.artifactName,
      files,
      rootDir: inputs.reportDir,
      ...(inputs.retentionDays ? { retentionDays: inputs.retentionDays } : {}),
    });
    const url = artifactUrl(context, id);
    setOutputs({ 'artifact-id': id, 'artifact-url': url });
    info(t('github.artifact.uploaded', { name: inputs.artifactName, id, url: url ?? '' }));
    return url ? { id, url } : { id };
  } catch (error) {
    problems.push(publishProblem('artifact', error, secrets));
    return undefined;
  }
}

async function publishCommentIfAny(
  p: Publication,
  links: NonNullable<MarkdownOptions['links']>,
  problems: PublishProblem[],
): Promise<CommentResult | undefined> {
  const { inputs, context, secrets, t, report } = p;
  if (inputs.comment === 'never') return undefined;
  const number = inputs.pullRequest ?? context.pullRequest?.number;
  if (number === undefined) {
    info(t('github.comment.not-a-pr', { event: context.eventName || '?' }));
    return undefined;
  }
  if (!context.repository) {
    info(t('github.comment.no-repository'));
    return undefined;
  }
  if (!inputs.token) {
    // A pull request that should have had its comment: the workflow emptied the token, which it can fix.
    problems.push({ target: 'comment', kind: 'no-token', detail: '', level: 'warning' });
    return undefined;
  }
  try {
    const result = await publishComment({
      client: createClient(inputs.token),
      target: { ...context.repository, number },
      report,
      mode: inputs.comment,
      header: inputs.header,
      links,
      t,
    });
    setOutputs({ 'comment-id': result.id, 'comment-url': result.url });
    info(t(`github.comment.${result.action}`, { number, url: result.url ?? '' }));
    return result;
  } catch (error) {
    problems.push(publishProblem('comment', error, secrets));
    return undefined;
  }
}

function emitAll(annotations: Annotation[], secrets: Redactor): void {
  for (const a of annotations) emitAnnotation({ ...a, message: secrets.redact(a.message) });
}

/** Exit 2: one located error annotation per problem, and the list in the summary. */
async function configurationFailure(error: UserError, t: Translate, prefix: string): Promise<number> {
  const errors = error.all();
  const annotations = configErrorAnnotations(t, errors).map((a) =>
    a.location ? { ...a, location: { ...a.location, file: underPrefix(prefix, a.location.file) } } : a,
  );
  for (const a of capAnnotations(annotations, t)) emitAnnotation(a);
  await writeSummaryOrWarn(
    errorSummary(t('github.summary.config-title'), annotations, t('github.summary.config-hint')),
  );
  return 2;
}

/** For runs that end before any report: a summary that cannot be written is only worth a warning. */
async function writeSummaryOrWarn(text: string): Promise<void> {
  try {
    await writeSummary(text);
  } catch (error) {
    core.warning(error instanceof Error ? error.message : String(error));
  }
}
