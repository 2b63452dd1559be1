// The workflow run the action is part of: event, repository, pull request and the URLs that point back at the run.
// Read from the runner's GITHUB_* variables and the event payload file, as @actions/github's context does.
import { readFileSync } from 'node:fs';

/**
 * Events that run on a pull request's code: its pull request gets the sticky comment and the trust boundary applies
 * (src/manifest/trust.ts). Review events carry the same `pull_request` payload and check out the same merge commit, so
 * a workflow triggered by a review must not let the pull request choose destinations or secrets either.
 */
export const PULL_REQUEST_EVENTS: readonly string[] = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
];

export interface Repository {
  owner: string;
  repo: string;
}

export interface PullRequestRef {
  number: number;
  /** The head lives in another repository: on `pull_request` the token is then read-only. */
  fork: boolean;
  /** The base commit: where the trusted manifest is read (src/manifest/trust.ts). */
  baseSha?: string;
}

export interface RunContext {
  eventName: string;
  repository?: Repository;
  pullRequest?: PullRequestRef;
  serverUrl: string;
  runId?: string;
  /** The page of this run, linked from the comment and the summary. */
  runUrl?: string;
  /** The commit the checks ran on: the pull request's head (not the merge commit), else GITHUB_SHA. */
  headSha?: string;
}

type Env = Record<string, string | undefined>;

interface PullRequestPayload {
  number?: unknown;
  head?: { sha?: unknown; repo?: { full_name?: unknown } | null };
  base?: { sha?: unknown; repo?: { full_name?: unknown } | null };
}

export function readRunContext(env: Env): RunContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = owner && repo ? { owner, repo } : undefined;
  const runId = env.GITHUB_RUN_ID || undefined;
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
  const runUrl =
    repository && runId
      ? `${serverUrl}/${repository.owner}/${repository.repo}/actions/runs/${runId}${attempt > 1 ? `/attempts/${attempt}` : ''}`
      : undefined;
  const context: RunContext = { eventName, serverUrl };
  if (repository) context.repository = repository;
  if (runId) context.runId = runId;
  if (runUrl) context.runUrl = runUrl;
  const payload = readPayload(env);
  const pr = PULL_REQUEST_EVENTS.includes(eventName) ? payload.pull_request : undefined;
  // Links in the comment point at what the checks read: the PR head, or the workflow_run's head for its second stage.
  const headSha = [pr?.head?.sha, payload.workflow_run?.head_sha, env.GITHUB_SHA].find(isSha);
  if (headSha) context.headSha = headSha;
  if (pr && typeof pr.number === 'number' && Number.isInteger(pr.number) && pr.number > 0) {
    const head = pr.head?.repo?.full_name;
    const base = pr.base?.repo?.full_name;
    // A deleted fork has no head repository: it was a fork all the same.
    const baseSha = pr.base?.sha;
    context.pullRequest = {
      number: pr.number,
      fork: head === undefined || head === null || head !== base,
      ...(typeof baseSha === 'string' && /^[0-9a-f]{40,64}$/.test(baseSha) ? { baseSha } : {}),
    };
  }
  return context;
}

function isSha(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value);
}

function readPayload(env: Env): { pull_request?: PullRequestPayload; workflow_run?: { head_sha?: unknown } } {
  if (!env.GITHUB_EVENT_PATH) return {};
  try {
    const payload: unknown = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    return typeof payload === 'object' && payload !== null ? payload : {};
  } catch {
    // An unreadable payload only costs the comment; the checks and the summary still run.
    return {};
  }
}

/** The page of an uploaded artifact, as actions/upload-artifact builds it. */
export function artifactUrl(context: RunContext, id: number): string | undefined {
  if (!context.repository || !context.runId) return undefined;
  const { owner, repo } = context.repository;
  return `${context.serverUrl}/${owner}/${repo}/actions/runs/${context.runId}/artifacts/${id}`;
}
