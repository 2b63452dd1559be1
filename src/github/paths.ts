// Paths as GitHub wants them in annotations and SARIF: relative to the checkout, with '/' separators. Findings
// are located relative to the evaluated folder (working-directory), which may sit below the checkout.
import path from 'node:path';

/** The evaluated folder relative to the checkout ('' when it is the checkout or lies outside it). */
export function checkoutPrefix(workspace: string, repoDir: string): string {
  const relative = path.relative(workspace, repoDir);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return '';
  return relative.split(path.sep).join('/');
}

/** A repository-relative file under the prefix; absolute or escaping paths are left as they are. */
export function underPrefix(prefix: string, file: string): string {
  if (!prefix || file.startsWith('/') || file.startsWith('..') || /^[a-z][a-z0-9+.-]*:/i.test(file))
    return file;
  return `${prefix}/${file}`;
}
