// Links from a finding's place to the file at the commit the run checked: `<server>/<owner>/<repo>/blob/<sha>/<path>#L<line>`.
import type { SourceLocation } from '../location.js';

export interface BlobBase {
  /** `https://github.com/owner/repo/blob/<sha>` (no trailing slash). */
  base: string;
  /** The evaluated folder relative to the repository root ('' at the root). */
  prefix: string;
}

export function blobBase(
  serverUrl: string,
  owner: string,
  repo: string,
  sha: string,
  prefix: string,
): BlobBase {
  return { base: `${serverUrl.replace(/\/+$/, '')}/${owner}/${repo}/blob/${sha}`, prefix };
}

/** The URL of a repository file at the commit, or undefined for places outside the repository. */
export function sourceUrl(blob: BlobBase | undefined, loc: SourceLocation): string | undefined {
  if (!blob) return undefined;
  const file = loc.file;
  if (!file || file.startsWith('/') || file.startsWith('..') || /^[a-z][a-z0-9+.-]*:/i.test(file))
    return undefined;
  const full = blob.prefix ? `${blob.prefix}/${file}` : file;
  const anchor = loc.line !== undefined ? `#L${loc.line}` : '';
  return `${blob.base}/${full}${anchor}`;
}
