// Runs the built action (dist/index.js) as a real child process with the environment a runner gives a JavaScript
// action (INPUT_*, GITHUB_*, the event payload, the output and summary files, the artifact runtime variables),
// against the fake GitHub API and artifact service on 127.0.0.1.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import type { FakeArtifactService } from '../fakes/artifact-service.js';
import { runtimeToken } from '../fakes/artifact-service.js';
import type { FakeGitHubApi } from '../fakes/github-api.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ACTION = path.join(repoRoot, 'dist', 'index.js');
export const DEMO = path.join(repoRoot, 'examples', 'demo-editor');
export const PR_PAYLOAD = path.join(repoRoot, 'test', 'fixtures', 'github', 'pull_request.synchronize.json');
/** Every date in the demo is judged against this day. */
export const TODAY = '2026-10-01';
export const OWNER = 'tensio-sante';
export const REPO = 'tensio';
export const PR_NUMBER = 17;
export const RUN_ID = '9001';
/** A local artifact host: @actions/artifact accepts *.localhost and refuses any other non-GitHub host. */
export const LOCAL_SERVER_URL = 'http://fake.localhost';

const scratch: string[] = [];

export function tempDir(prefix = 'mes-action-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

export function cleanTempDirs(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A checkout holding a copy of the demo editor (at the root, or below `subdir`), optionally altered. */
export function demoWorkspace(options: { subdir?: string; alter?: (repoDir: string) => void } = {}): {
  workspace: string;
  repoDir: string;
} {
  const workspace = path.join(tempDir(), 'workspace');
  const repoDir = options.subdir ? path.join(workspace, options.subdir) : workspace;
  cpSync(DEMO, repoDir, { recursive: true });
  options.alter?.(repoDir);
  return { workspace, repoDir };
}

function editManifest(repoDir: string, edit: (text: string) => string): void {
  const file = path.join(repoDir, 'mes-referencing.yml');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before)
    throw new Error('manifest edit changed nothing: the demo moved, update the test variant');
  writeFileSync(file, after);
}

/** The HDS certificate expired on 2026-06-29: URB-HDS becomes blocking. */
export function expireHdsCertificate(repoDir: string): void {
  editManifest(repoDir, (text) =>
    text.replace(
      'issued: 2025-06-30\n    expires: 2028-06-29',
      'issued: 2023-06-30\n    expires: 2026-06-29',
    ),
  );
}

/** The HDS certificate is valid again (as the demo has it). */
export function renewHdsCertificate(repoDir: string): void {
  editManifest(repoDir, (text) =>
    text.replace(
      'issued: 2023-06-30\n    expires: 2026-06-29',
      'issued: 2025-06-30\n    expires: 2028-06-29',
    ),
  );
}

/** A declared evidence file deleted from the repository. */
export function removeEvidenceFile(repoDir: string, file: string): void {
  rmSync(path.join(repoDir, file));
}

/** The expiry before the issue date: a configuration error located in the manifest. */
export function breakManifestDates(repoDir: string): void {
  editManifest(repoDir, (text) => text.replace('expires: 2028-06-29', 'expires: 2024-06-29'));
}

/** Thousands of waivers naming unknown criteria: each is a notice, and the report outgrows a comment. */
export function addUnknownWaivers(repoDir: string, count: number): void {
  const entries = Array.from(
    { length: count },
    (_, i) =>
      `  - criterion: ZZZ-INCONNU-${String(i).padStart(5, '0')}-${'X'.repeat(40)}\n    justification: Critère d'un autre référentiel (${i}) — conservé pour mémoire.\n    expires: 2027-12-31\n`,
  ).join('');
  editManifest(repoDir, (text) => text.replace('waivers:\n', `waivers:\n${entries}`));
}

export interface ActionRunOptions {
  workspace: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** Event name and payload; the default is the pull_request fixture. */
  event?: { name: string; payload?: object };
  api?: FakeGitHubApi;
  /**
   * The base branch's manifest the fake API serves in a pull-request run: by default the workspace's own (the pull
   * request leaves the connection settings as they are), `null` for a manifest new in the pull request.
   */
  baseManifest?: string | null;
  artifacts?: FakeArtifactService;
  serverUrl?: string;
  token?: string;
  runtimeToken?: string;
  /** Node arguments that start the action; the default is the built bundle, as the runner starts it. */
  start?: string[];
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
  /** The ACTIONS_RUNTIME_TOKEN of this run (each run is its own workflow run for the artifact service). */
  runtimeToken: string;
  /** The report folder (the default report-dir of this run). */
  reportDir: string;
  annotations: { level: string; properties: Record<string, string>; message: string }[];
}

export const DEFAULT_TOKEN = 'ghs_CanaryGithubToken0123456789abcdefXYZ';
/** Planted in every runtime token; no output may ever contain it. */
export const RUNTIME_CANARY = 'CanaryRuntimeClaim-9f8e7d';
let runs = 0;

export function pullRequestPayload(options: { fork?: boolean } = {}): object {
  const payload = JSON.parse(readFileSync(PR_PAYLOAD, 'utf8'));
  if (options.fork) {
    payload.pull_request.head.repo = {
      ...payload.pull_request.head.repo,
      id: 990001,
      full_name: 'contributeur/tensio',
      fork: true,
      owner: { login: 'contributeur', id: 7770001, type: 'User' },
    };
    payload.pull_request.head.label = 'contributeur:hds-2026';
  }
  return payload;
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  if (!options.start && !existsSync(ACTION)) throw new Error(`${ACTION} is missing: run npm run build first`);
  const runnerTemp = path.join(tempDir('mes-runner-'), 'temp');
  runs++;
  const runtime =
    options.runtimeToken ??
    runtimeToken(`run-backend-${runs}`, `job-backend-${runs}`, { canary: RUNTIME_CANARY });
  mkdirSync(runnerTemp, { recursive: true });
  const files = path.dirname(runnerTemp);
  const outputFile = path.join(files, 'output');
  const summaryFile = path.join(files, 'summary.md');
  const eventFile = path.join(files, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const event = options.event ?? { name: 'pull_request', payload: pullRequestPayload() };
  writeFileSync(eventFile, JSON.stringify(event.payload ?? {}));
  plantBaseManifest(options, event.payload);
  const inputs = Object.fromEntries(
    Object.entries({
      'github-token': options.token ?? DEFAULT_TOKEN,
      // Without a fake artifact service, an upload could only fail: tests about other things switch it off.
      ...(options.artifacts ? {} : { 'upload-artifact': 'false' }),
      ...options.inputs,
    }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  );
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? os.homedir(),
    // The test run's packages, empty package cache and refusing registry (vitest.config.ts): no network, no user
    // cache.
    ...pick(process.env, ['FHIR_PACKAGE_PATH', 'FHIR_PACKAGE_CACHE', 'FHIR_REGISTRY_URL']),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_RUN_ID: RUN_ID,
    GITHUB_RUN_NUMBER: '12',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: '2222222222222222222222222222222222222222',
    GITHUB_REF: `refs/pull/${PR_NUMBER}/merge`,
    GITHUB_WORKFLOW: 'mes-referencing',
    GITHUB_JOB: 'referencing',
    GITHUB_ACTION: 'mes',
    GITHUB_ACTOR: 'camille-dev',
    GITHUB_SERVER_URL: options.serverUrl ?? LOCAL_SERVER_URL,
    GITHUB_API_URL: options.api?.url ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: `${options.api?.url ?? 'http://127.0.0.1:9'}/graphql`,
    ACTIONS_RUNTIME_TOKEN: runtime,
    ACTIONS_RESULTS_URL: `${options.artifacts?.url ?? 'http://127.0.0.1:9'}/`,
    MES_REFERENCING_TODAY: TODAY,
    ...inputs,
    ...options.env,
  };
  const child = spawn(process.execPath, options.start ?? [ACTION], {
    cwd: options.workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const out = Buffer.concat(stdout).toString('utf8');
  return {
    code,
    stdout: out,
    stderr: Buffer.concat(stderr).toString('utf8'),
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    runnerTemp,
    runtimeToken: runtime,
    reportDir: path.join(
      runnerTemp,
      options.inputs?.header ? `mes-report-${options.inputs.header}` : 'mes-report',
    ),
    annotations: parseAnnotations(out),
  };
}

function pick(env: NodeJS.ProcessEnv, names: string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => (env[name] === undefined ? [] : [[name, env[name]]])));
}

let earlierReports = 0;

/**
 * Runs the action on a report an earlier run made (the `from-report` input): the publishing path without the checks,
 * for the tests about what is published rather than what is checked. Without a workspace, the checkout holds that
 * report only, as in the second stage of the workflow_run pattern.
 */
export async function publishEarlierReport(
  reportJson: string,
  options: Omit<ActionRunOptions, 'workspace'> & { workspace?: string },
): Promise<ActionRun> {
  const workspace = options.workspace ?? path.join(tempDir(), 'workspace');
  const file = path.posix.join('earlier-run', `report-${++earlierReports}.json`);
  mkdirSync(path.join(workspace, 'earlier-run'), { recursive: true });
  writeFileSync(path.join(workspace, file), reportJson);
  return runAction({ ...options, workspace, inputs: { 'from-report': file, ...options.inputs } });
}

/** Serves the base branch's manifest at the base commit of the event, as the contents API would. */
function plantBaseManifest(options: ActionRunOptions, payload: object | undefined): void {
  const baseSha = (payload as { pull_request?: { base?: { sha?: string } } } | undefined)?.pull_request?.base
    ?.sha;
  if (!options.api || !baseSha) return;
  const file = path.posix.normalize(
    path.posix.join(
      options.inputs?.['working-directory'] ?? '.',
      options.inputs?.manifest ?? 'mes-referencing.yml',
    ),
  );
  const own = path.join(options.workspace, file);
  const text =
    options.baseManifest === undefined
      ? existsSync(own)
        ? readFileSync(own, 'utf8')
        : undefined
      : options.baseManifest;
  options.api.setFile(OWNER, REPO, baseSha, file, text ?? undefined);
}

/** `name<<ghadelimiter_<uuid>\nvalue\nghadelimiter_<uuid>` entries, as @actions/core writes them. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const m of text.matchAll(/^(.+?)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm))
    outputs[m[1] as string] = m[3] as string;
  return outputs;
}

/** `::level key=value,…::message` workflow commands, with @actions/core's escaping undone. */
export function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const unescape = (s: string) =>
    s
      .replace(/%2C/g, ',')
      .replace(/%3A/g, ':')
      .replace(/%0A/g, '\n')
      .replace(/%0D/g, '\r')
      .replace(/%25/g, '%');
  return [...stdout.matchAll(/^::(error|warning|notice)(?: ([^:]*))?::(.*)$/gm)].map((m) => ({
    level: m[1] as string,
    properties: Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const i = kv.indexOf('=');
          return [kv.slice(0, i), unescape(kv.slice(i + 1))];
        }),
    ),
    message: unescape(m[3] as string),
  }));
}

/** The files of a zip, by name. */
export function unzip(zip: Buffer): Record<string, string> {
  const entries = unzipSync(new Uint8Array(zip));
  return Object.fromEntries(
    Object.entries(entries).map(([name, data]) => [name, Buffer.from(data).toString('utf8')]),
  );
}
