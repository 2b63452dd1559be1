// Text from outside (manifest, report, server answer, file) on its way to a log line. The runner reads every
// stdout line that starts with `::` as a workflow command (`::add-mask::`, `::stop-commands::`, `::warning::`…), and
// a terminal obeys escape sequences: outside text is kept on one line, its control characters shown as escapes,
// and a line can never start with `::`. Every log sink of the action and the CLI goes through `logText`.

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function logText(text: string): string {
  const oneLine = text.replace(
    CONTROL,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  // The runner trims leading white space before looking for `::`; a backslash in front makes it plain text.
  return /^\s*::/.test(oneLine) ? `\\${oneLine.trimStart()}` : oneLine;
}
