// The REST client: @actions/github's Octokit (base URL from GITHUB_API_URL, proxy-aware fetch), with retries on
// server errors and one polite wait on a short rate limit. Everything else fails fast: publishing is best-effort.
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import type { OctokitPlugin } from '@octokit/core/types';
import { retry } from '@octokit/plugin-retry';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** A rate limit asking to wait longer than this is reported instead of waited out: the job has better things to do. */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 10;

interface HttpError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

function asHttpError(error: unknown): HttpError | undefined {
  return typeof error === 'object' && error !== null && 'status' in error ? (error as HttpError) : undefined;
}

/** Seconds GitHub asks to wait, when the error is a (primary or secondary) rate limit; undefined otherwise. */
export function rateLimitWait(error: unknown): number | undefined {
  const e = asHttpError(error);
  if (!e || (e.status !== 403 && e.status !== 429)) return undefined;
  const headers = e.response?.headers ?? {};
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return retryAfter;
  if (String(headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(headers['x-ratelimit-reset']);
    return Number.isFinite(reset) ? Math.max(0, Math.ceil(reset - Date.now() / 1000)) : 60;
  }
  // GitHub's documented advice without a header: wait at least a minute.
  if (/rate limit/i.test(e.message ?? '')) return 60;
  return e.status === 429 ? 60 : undefined;
}

const waitOutShortRateLimits: OctokitPlugin = (octokit) => {
  octokit.hook.wrap('request', async (request, options) => {
    try {
      return await request(options);
    } catch (error) {
      const wait = rateLimitWait(error);
      if (wait === undefined || wait > MAX_RATE_LIMIT_WAIT_SECONDS) throw error;
      core.info(`GitHub API rate limit: waiting ${wait} s before one more try`);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      return request(options);
    }
  });
};

export function createClient(token: string): GitHubClient {
  return getOctokit(
    token,
    {
      // Two retries (after 1 s, then 4 s) on 5xx; 429 is left to the rate-limit plugin, which honours retry-after.
      retry: { retries: 2, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      // Octokit would print deprecation notices with console.warn; they belong in the debug log.
      log: { debug: core.debug, info: core.debug, warn: core.debug, error: core.debug },
    },
    retry as OctokitPlugin,
    waitOutShortRateLimits,
  );
}
