// The action's inputs, read from the `INPUT_*` environment the runner sets. An empty input means "unset": the
// defaults live here, not in action.yml, so that a caller passing '' gets the same behaviour as one passing nothing.
import os from 'node:os';
import path from 'node:path';
import { UserError, combineErrors } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { LANGS, isLang } from '../i18n/index.js';
import type { FailOn } from '../report/model.js';
import { FAIL_ON } from '../report/model.js';
import { isAcceptedUrl } from '../manifest/load.js';
import { isValidDate } from '../util/dates.js';

export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const;
export type CommentMode = (typeof COMMENT_MODES)[number];

export const DEFAULT_ARTIFACT_NAME = 'mes-referencing-dossier';
/** Characters the artifact service refuses in a name (the toolkit's own validation list). */
const ARTIFACT_NAME_FORBIDDEN = /[":<>|*?\r\n\\/]/;
/** A fixed reference date for every expiry comparison (YYYY-MM-DD), e.g. to reproduce a run. */
export const TODAY_ENV = 'MES_REFERENCING_TODAY';

export interface ActionInputs {
  lang: Lang;
  /** The checkout (GITHUB_WORKSPACE): relative paths in inputs are resolved against it. */
  workspace: string;
  /** The repository root to evaluate (working-directory). */
  repoDir: string;
  /** Manifest path relative to repoDir; unset means the pipeline's default. */
  manifest?: string;
  token?: string;
  comment: CommentMode;
  failOn: FailOn;
  /** Whether fail-on was given: a published report otherwise keeps the policy it was made with. */
  failOnGiven: boolean;
  /** Mandatory criteria that could not be checked fail the job too. */
  failOnUnverified: boolean;
  failOnUnverifiedGiven: boolean;
  uploadArtifact: boolean;
  artifactName: string;
  retentionDays?: number;
  reportDir: string;
  sarifFile: string;
  header: string;
  offline: boolean;
  sandboxTarget?: string;
  /** Outbound requests may reach loopback and private addresses (the workflow's opt-in). */
  allowPrivateNetwork: boolean;
  /** A traffic recording of the editor's tests to grade (path relative to working-directory or absolute). */
  recording?: string;
  fhirPackageCache?: string;
  /** Publish this report.json (made by an earlier run) instead of running the checks. */
  fromReport?: string;
  /** Comment on this pull request whatever the event (the second stage of the workflow_run pattern). */
  pullRequest?: number;
  /** The clock for every date comparison. */
  now: Date;
}

type Env = Record<string, string | undefined>;

/** The value of an input as `core.getInput` reads it: `INPUT_<NAME>` upper-cased, spaces as underscores. */
export function readInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** The run's language, read first so that every other error speaks it. */
export function inputLang(env: Env): Lang {
  const value = readInput(env, 'lang');
  return isLang(value) ? value : 'fr';
}

export function readInputs(env: Env, cwd: string = process.cwd()): ActionInputs {
  const problems: UserError[] = [];
  const get = (name: string) => readInput(env, name);
  const choice = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = get(name);
    if (!value) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(new UserError('github.input.choice', { input: name, value, allowed: allowed.join(' | ') }));
    return fallback;
  };
  const flag = (name: string, fallback: boolean): boolean => {
    const value = get(name);
    if (!value) return fallback;
    // The YAML 1.2 core schema booleans, as core.getBooleanInput accepts them.
    if (['true', 'True', 'TRUE'].includes(value)) return true;
    if (['false', 'False', 'FALSE'].includes(value)) return false;
    problems.push(new UserError('github.input.boolean', { input: name, value }));
    return fallback;
  };
  const positive = (name: string): number | undefined => {
    const value = get(name);
    if (!value) return undefined;
    if (/^[1-9][0-9]{0,8}$/.test(value)) return Number(value);
    problems.push(new UserError('github.input.positive', { input: name, value }));
    return undefined;
  };
  const optional = (name: string) => get(name) || undefined;

  const lang = choice('lang', LANGS, 'fr');
  const failOnValue = get('fail-on');
  const failOn = choice('fail-on', FAIL_ON, 'obligatoire');
  const comment = choice('comment', COMMENT_MODES, 'always');
  const header = get('header');
  const workspace = path.resolve(env.GITHUB_WORKSPACE || cwd);
  const repoDir = path.resolve(workspace, get('working-directory') || '.');
  const reportDir = get('report-dir')
    ? path.resolve(workspace, get('report-dir'))
    : path.join(env.RUNNER_TEMP || os.tmpdir(), header ? `mes-report-${safeName(header)}` : 'mes-report');
  const artifactName =
    get('artifact-name') || (header ? `${DEFAULT_ARTIFACT_NAME}-${safeName(header)}` : DEFAULT_ARTIFACT_NAME);
  if (ARTIFACT_NAME_FORBIDDEN.test(artifactName))
    problems.push(
      new UserError('github.input.artifact-name', { input: 'artifact-name', value: artifactName }),
    );
  const fromReport = optional('from-report');
  const target = get('sandbox-target');
  if (target && target !== 'emulator' && !isAcceptedUrl(target))
    problems.push(new UserError('cli.bad-target', { option: 'sandbox-target', value: target }));

  const today = env[TODAY_ENV]?.trim();
  if (today && !isValidDate(today))
    problems.push(new UserError('github.today.bad-date', { variable: TODAY_ENV, value: today }));
  // Noon UTC, as the CLI's --today does: the date is the same in every time zone.
  const now = today && isValidDate(today) ? new Date(`${today}T12:00:00Z`) : new Date();

  const inputs: ActionInputs = {
    lang,
    workspace,
    repoDir,
    manifest: optional('manifest'),
    token: optional('github-token'),
    comment,
    failOn,
    failOnGiven: failOnValue !== '',
    failOnUnverified: flag('fail-on-unverified', false),
    failOnUnverifiedGiven: get('fail-on-unverified') !== '',
    uploadArtifact: flag('upload-artifact', true),
    artifactName,
    retentionDays: positive('retention-days'),
    reportDir,
    sarifFile: get('sarif-file')
      ? path.resolve(workspace, get('sarif-file'))
      : path.join(reportDir, 'report.sarif'),
    header,
    offline: flag('offline', false),
    sandboxTarget: optional('sandbox-target'),
    allowPrivateNetwork: flag('allow-private-network', false),
    recording: get('recording') ? path.resolve(repoDir, get('recording')) : undefined,
    fhirPackageCache: get('fhir-package-cache')
      ? path.resolve(workspace, get('fhir-package-cache'))
      : undefined,
    fromReport: fromReport ? path.resolve(workspace, fromReport) : undefined,
    pullRequest: positive('pull-request'),
    now,
  };
  const combined = combineErrors(problems);
  if (combined) throw combined;
  return inputs;
}

/** A header made safe for file and artifact names. */
function safeName(header: string): string {
  return header.replace(new RegExp(ARTIFACT_NAME_FORBIDDEN.source, 'g'), '-').replace(/\s+/g, '-');
}
