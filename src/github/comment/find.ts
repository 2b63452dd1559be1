// Finds the action's own comment on a pull request: every page of comments, the first one carrying the marker
// and written by the token's identity.
import type { GitHubClient } from '../octokit.js';

export interface PullRequestTarget {
  owner: string;
  repo: string;
  number: number;
}

export interface ExistingComment {
  id: number;
  body: string;
  url: string;
}

export async function findOwnComment(
  client: GitHubClient,
  target: PullRequestTarget,
  marker: string,
  login: () => Promise<string>,
): Promise<ExistingComment | undefined> {
  // Resolved only when a marked comment turns up: a first run costs no identity lookup.
  let me: string | undefined;
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.number,
    per_page: 100,
  });
  for await (const page of pages) {
    for (const comment of page.data) {
      if (!comment.body?.includes(marker)) continue;
      me ??= await login();
      if (comment.user?.login === me) return { id: comment.id, body: comment.body, url: comment.html_url };
    }
  }
  return undefined;
}
