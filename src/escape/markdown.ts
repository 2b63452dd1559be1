// Text from outside (manifest, report, server answer, file) placed in Markdown that GitHub renders: the pull-request
// comment, the job summary, report.md. It must show as the characters it is: never markup, HTML, a link, an image,
// an @mention (which notifies people) or a #reference (which writes into other issues' timelines), never a
// `<!--` that could hide the rest or forge the action's hidden state. Three contexts:
// - mdText: prose in a paragraph, list item or table cell;
// - mdCode: a code span (locations, values, identifiers);
// - mdHtml: inside a raw HTML block (`<details><summary>…`), where Markdown escapes are not read.
// Every renderer that writes outside text into Markdown calls one of these.

/** Controls and line breaks become spaces: one value never starts a new block. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Bidirectional overrides could reorder what a reviewer reads: dropped. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
/**
 * U+2060 WORD JOINER, invisible: placed after `@`, before a `#` number, and inside `://` and `www.`, it breaks
 * GitHub's mention, issue-reference and autolink patterns without changing what a reader sees.
 */
const JOINER = '\u2060';

function neutraliseReferences(text: string): string {
  return text
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${JOINER}`)
    .replace(/#(?=\d)/g, `#${JOINER}`)
    .replace(/:\/\//g, `:${JOINER}//`)
    .replace(/\b(www)\./gi, `$1${JOINER}.`);
}

function oneLine(text: string): string {
  return text.replace(BIDI, '').replace(CONTROL, ' ');
}

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Prose: HTML characters as entities, Markdown punctuation backslash-escaped; safe in a table cell too. */
export function mdText(text: string): string {
  const escaped = oneLine(text)
    .replace(/[&<>"]/g, (c) => ENTITY[c] as string)
    .replace(/[\\`*_[\]|~$]/g, '\\$&')
    // Block markers only count at the start of a line, which a value can be (after `- ` in a list).
    .replace(/^(\s*)([-+=#]|\d+[.)])/, (_, space: string, marker: string) =>
      marker.length === 1 ? `${space}\\${marker}` : `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
    );
  return neutraliseReferences(escaped);
}

/**
 * A code span: fenced with more backticks than the value holds, so nothing in it is read as Markdown (GitHub links
 * no mention, reference or URL inside code). In a table cell `|` must still be escaped: GFM splits cells first.
 */
export function mdCode(text: string, options: { inTable?: boolean } = {}): string {
  let value = oneLine(text);
  if (options.inTable) value = value.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || value === '' ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** Inside a raw HTML block, where backslash escapes are not read: entities, and references broken. */
export function mdHtml(text: string): string {
  return neutraliseReferences(oneLine(text).replace(/[&<>"]/g, (c) => ENTITY[c] as string));
}
