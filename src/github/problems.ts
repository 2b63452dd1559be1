// Publishing problems: what could not be posted or uploaded, and why. They never change the verdict or the exit
// code; each becomes one warning (or a notice, for a platform limitation) and one line of the summary's banner.
import type { Translate } from '../messages.js';
import { cut } from '../report/text.js';
import type { Redactor } from '../secrets.js';
import { rateLimitWait } from './octokit.js';

export type PublishTarget = 'comment' | 'artifact' | 'summary';
export type ProblemKind =
  | 'forbidden'
  | 'rate-limited'
  | 'rejected'
  | 'server'
  | 'network'
  | 'unsupported-host'
  | 'no-token'
  | 'other';

export interface PublishProblem {
  target: PublishTarget;
  kind: ProblemKind;
  /** What the service said, redacted and short. */
  detail: string;
  /** A platform limitation the user cannot fix in the workflow is a notice; a failure is a warning. */
  level: 'warning' | 'notice';
}

const DETAIL_MAX = 300;

export function publishProblem(
  target: PublishTarget,
  error: unknown,
  secrets: Redactor,
  kind?: ProblemKind,
): PublishProblem {
  const status =
    typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const said = secrets.redact(`${typeof status === 'number' ? `${status} ` : ''}${message}`);
  // One line: the toolkit's messages carry line breaks that would split the warning.
  const detail = cut(said.replace(/\s+/g, ' ').trim(), DETAIL_MAX);
  return {
    target,
    kind: kind ?? kindOf(error, status),
    detail,
    level: kind === 'unsupported-host' ? 'notice' : 'warning',
  };
}

function kindOf(error: unknown, status: unknown): ProblemKind {
  if (rateLimitWait(error) !== undefined) return 'rate-limited';
  if (status === 401 || status === 403 || status === 404) return 'forbidden';
  if (status === 422 || status === 413) return 'rejected';
  if (typeof status === 'number' && status >= 500) return 'server';
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && /^(ECONN|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|UND_ERR)/.test(code))
    return 'network';
  if (error instanceof Error && /fetch failed|network|socket/i.test(error.message)) return 'network';
  return 'other';
}

export interface ProblemContext {
  fork: boolean;
  reportDir: string;
}

/** One sentence: what was not published, why, what to do, and that the verdict is unaffected. */
export function problemText(t: Translate, problem: PublishProblem, context: ProblemContext): string {
  const what = t(`github.problem.what.${problem.target}`);
  const why = t(`github.problem.why.${problem.kind}`, { detail: problem.detail });
  const hints: string[] = [];
  if (problem.target === 'comment' && problem.kind === 'no-token') hints.push(t('github.problem.hint.token'));
  if (problem.target === 'comment' && problem.kind === 'forbidden')
    hints.push(t(context.fork ? 'github.problem.hint.fork' : 'github.problem.hint.permission'));
  if (problem.target === 'artifact') hints.push(t('github.problem.hint.files', { dir: context.reportDir }));
  return t('github.problem.sentence', { what, why, hints: hints.map((h) => ` ${h}`).join('') });
}
