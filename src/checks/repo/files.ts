// The repository's files as git would see them: .gitignore files at every level (and .git/info/exclude) are
// respected, .git and node_modules are never entered, symbolic links are not followed (they could leave the
// repository or loop). Build output folders that .gitignore hides are still listed, flagged `ignored`: the
// tracker scan must see the bundles that get deployed, the secret scan must not report files git never holds.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { isExcluded } from '../../util/repo-path.js';

export interface RepoFile {
  /** Repository-relative, with `/`. */
  path: string;
  absolute: string;
  /** Hidden by .gitignore; listed only because it lies in a build output folder. */
  ignored: boolean;
}

/** Folders never entered: git's own data, and third-party packages (the bundles that embed them are scanned). */
const NEVER_ENTERED = new Set(['.git', 'node_modules']);

/** Folder names whose content is built front-end output, scanned for trackers even when .gitignore hides it. */
export const BUILD_OUTPUT_DIRS: readonly string[] = [
  'dist',
  'build',
  'out',
  'public',
  'www',
  '_site',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
];
const BUILD_OUTPUT = new Set(BUILD_OUTPUT_DIRS);

interface Rules {
  /** Directory (repository-relative, '' for the root) the rules belong to. */
  base: string;
  rules: Ignore;
}

/** `excluded`: repository-relative paths never listed (the run's own output, see CheckContext.excluded). */
export async function listRepoFiles(repoDir: string, excluded: readonly string[] = []): Promise<RepoFile[]> {
  const root = path.resolve(repoDir);
  const files: RepoFile[] = [];
  const rootRules = await rulesIn(root, '', ['.git/info/exclude', '.gitignore']);
  await walk({ root, excluded }, '', rootRules ? [rootRules] : [], false, files);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return files;
}

async function walk(
  tree: { root: string; excluded: readonly string[] },
  rel: string,
  stack: Rules[],
  ignored: boolean,
  out: RepoFile[],
): Promise<void> {
  const { root } = tree;
  const absolute = path.join(root, rel);
  let entries;
  try {
    entries = await readdir(absolute, { withFileTypes: true });
  } catch {
    return; // unreadable folder: nothing git could hold either
  }
  const subdirs: Promise<void>[] = [];
  for (const entry of entries) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    if (isExcluded(childRel, tree.excluded)) continue;
    if (entry.isDirectory()) {
      if (NEVER_ENTERED.has(entry.name)) continue;
      const hidden = ignored || isIgnored(stack, childRel, true);
      if (hidden && !ignored && !BUILD_OUTPUT.has(entry.name)) continue;
      // Inside a hidden build folder the .gitignore rules no longer matter: everything there is output.
      const own = hidden ? undefined : await rulesIn(root, childRel, ['.gitignore']);
      subdirs.push(walk(tree, childRel, own ? [...stack, own] : stack, hidden, out));
    } else if (entry.isFile()) {
      if (!ignored && isIgnored(stack, childRel, false)) continue;
      out.push({ path: childRel, absolute: path.join(root, childRel), ignored });
    }
  }
  await Promise.all(subdirs);
}

async function rulesIn(root: string, rel: string, names: string[]): Promise<Rules | undefined> {
  const texts: string[] = [];
  for (const name of names) {
    try {
      texts.push(await readFile(path.join(root, rel, name), 'utf8'));
    } catch {
      // no such file
    }
  }
  if (texts.length === 0) return undefined;
  const rules = ignore();
  for (const text of texts) rules.add(text);
  return { base: rel, rules };
}

/** The deepest .gitignore with an opinion decides, as in git. */
function isIgnored(stack: Rules[], rel: string, dir: boolean): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const { base, rules } = stack[i] as Rules;
    const local = (base ? rel.slice(base.length + 1) : rel) + (dir ? '/' : '');
    const result = rules.test(local);
    if (result.ignored) return true;
    if (result.unignored) return false;
  }
  return false;
}
