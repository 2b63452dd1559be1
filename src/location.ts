/** A place in a file of the editor's repository. Lines and columns are 1-based. */
export interface SourceLocation {
  /** Path relative to the repository root, with `/` separators (as SARIF and annotations want). */
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export function formatLocation(loc: SourceLocation): string {
  if (loc.line === undefined) return loc.file;
  return loc.column === undefined ? `${loc.file}:${loc.line}` : `${loc.file}:${loc.line}:${loc.column}`;
}
