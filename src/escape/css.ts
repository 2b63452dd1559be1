// Text from outside in a CSS string (the dossier's running header, printed by @page margin boxes).

/**
 * A CSS string literal for any text: every character outside letters, digits and space is written as a hex
 * escape, so no quote, backslash or `</style>` in the data can leave the string.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text.replace(/\p{Cc}/gu, ' ')) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${(ch.codePointAt(0) as number).toString(16)} `;
  }
  return `${out}"`;
}
