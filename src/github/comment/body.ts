// The comment body: the Markdown report (folded, then cut, to fit GitHub's limit), then the hidden marker and
// state. The fingerprint ignores the per-run links so that an identical result is recognised as such.
import { createHash } from 'node:crypto';
import { renderMarkdown } from '../../report/markdown.js';
import type { MarkdownOptions } from '../../report/markdown.js';
import type { Report } from '../../report/model.js';
import type { CommentState } from './state.js';
import { encodeState } from './state.js';

/** GitHub refuses longer comment bodies (422). JS counts UTF-16 units, GitHub code points: this errs on the safe side. */
export const COMMENT_MAX_LENGTH = 65_536;
const HASH_LENGTH = 16;

export interface BodyInput {
  report: Report;
  marker: string;
  preamble?: string;
  links: NonNullable<MarkdownOptions['links']>;
  state: Omit<CommentState, 'hash'>;
}

export function composeCommentBody(input: BodyInput): { body: string; hash: string } {
  const { report, marker, preamble, links } = input;
  // The hidden part's length does not depend on the hash's value, only on its fixed length.
  const reserved = hidden(marker, { ...input.state, hash: '0'.repeat(HASH_LENGTH) }).length;
  const options = (l: MarkdownOptions['links']): MarkdownOptions => ({
    maxLength: COMMENT_MAX_LENGTH - reserved,
    ...(preamble ? { preamble } : {}),
    ...(l ? { links: l } : {}),
  });
  // The commit links stay: a new head commit is a new result to point at.
  const stableLinks = {
    ...(links.artifact ? { artifact: 'artifact' } : {}),
    ...(links.run ? { run: 'run' } : {}),
    ...(links.blob ? { blob: links.blob } : {}),
  };
  const hash = createHash('sha256')
    .update(`${marker}\n${renderMarkdown(report, options(stableLinks))}`)
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const body = `${renderMarkdown(report, options(links))}${hidden(marker, { ...input.state, hash })}`;
  return { body, hash };
}

function hidden(marker: string, state: CommentState): string {
  return `\n${marker}\n${encodeState(state)}\n`;
}
