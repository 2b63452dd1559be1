// Who the token is, as the REST API names comment authors: only comments by this login are ever edited, so a
// comment someone else planted with our marker is left alone.
import type { GitHubClient } from '../octokit.js';
import { rateLimitWait } from '../octokit.js';

/** The author of comments made with a workflow's GITHUB_TOKEN. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

function status(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
}

/**
 * GET /user names a user token's owner. An installation token (GITHUB_TOKEN, a GitHub App) is refused there
 * (403 "Resource not accessible by integration"); GraphQL's `viewer` then gives the app's login without the
 * `[bot]` suffix that REST authors carry. When both are refused, the token can only be the GITHUB_TOKEN.
 */
export async function tokenLogin(client: GitHubClient): Promise<string> {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    if (rateLimitWait(error) !== undefined || ![401, 403, 404].includes(status(error) as number)) throw error;
  }
  try {
    const { viewer } = await client.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    return viewer.login.endsWith('[bot]') ? viewer.login : `${viewer.login}[bot]`;
  } catch (error) {
    if (rateLimitWait(error) !== undefined) throw error;
    return ACTIONS_BOT_LOGIN;
  }
}
