// The sticky comment: one per pull request and header, created once, then edited in place; left as it is when
// nothing changed; updated (never deleted, never left stale) when a failing PR becomes clean.
import type { Translate } from '../../messages.js';
import type { MarkdownOptions } from '../../report/markdown.js';
import type { Report } from '../../report/model.js';
import type { CommentMode } from '../inputs.js';
import type { GitHubClient } from '../octokit.js';
import { composeCommentBody } from './body.js';
import type { PullRequestTarget } from './find.js';
import { findOwnComment } from './find.js';
import { tokenLogin } from './identity.js';
import { commentMarker } from './marker.js';
import { advance, renderChanges } from './since-last-run.js';
import { decodeState, snapshotOf } from './state.js';

export interface CommentRequest {
  client: GitHubClient;
  target: PullRequestTarget;
  report: Report;
  mode: Exclude<CommentMode, 'never'>;
  header: string;
  links: NonNullable<MarkdownOptions['links']>;
  t: Translate;
}

export interface CommentResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped';
  id?: number;
  url?: string;
  /** The "since last result" section, for the job summary too. */
  changes?: string;
}

/** What `comment: on-failure` waits for: a criterion failing without a waiver, whatever the fail-on policy. */
export function hasFailures(report: Report): boolean {
  return report.counts.failed > 0;
}

export async function publishComment(request: CommentRequest): Promise<CommentResult> {
  const { client, target, report, t } = request;
  const marker = commentMarker(request.header);
  const existing = await findOwnComment(client, target, marker, () => tokenLogin(client));
  const previous = existing ? decodeState(existing.body, marker) : undefined;
  const current = snapshotOf(report);
  const { base, shown } = advance(previous, current);
  const changes = shown ? renderChanges(shown, report, t) : undefined;
  const { body, hash } = composeCommentBody({
    report,
    marker,
    links: request.links,
    ...(changes ? { preamble: changes } : {}),
    state: { current, ...(base ? { base } : {}) },
  });
  const withChanges = changes ? { changes } : {};

  if (existing && previous?.hash === hash)
    return { action: 'unchanged', id: existing.id, url: existing.url, ...withChanges };
  // on-failure creates a comment only for a failing PR; a clean PR that never had one stays quiet.
  if (!existing && request.mode === 'on-failure' && !hasFailures(report)) return { action: 'skipped' };
  const { owner, repo } = target;
  const { data } = existing
    ? await client.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body })
    : await client.rest.issues.createComment({ owner, repo, issue_number: target.number, body });
  return { action: existing ? 'updated' : 'created', id: data.id, url: data.html_url, ...withChanges };
}
