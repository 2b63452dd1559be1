// Reads a list of repository files with bounded concurrency and hands each text to a visitor; files a scan
// should not read (binaries, over the size limit, unreadable) are counted, so the report can say what was skipped.
import pLimit from 'p-limit';
import type { CheckContext } from '../types.js';
import type { RepoFile } from './files.js';
import { listRepoFiles } from './files.js';
import { readTextFile } from './read.js';

export interface ScanStats {
  scanned: number;
  binary: number;
  tooLarge: string[];
  unreadable: string[];
}

/** Open files at once: enough to overlap disk waits, few enough to stay far from descriptor limits. */
const READ_CONCURRENCY = 32;

export async function scanTextFiles(
  files: readonly RepoFile[],
  maxBytes: number,
  signal: AbortSignal,
  visit: (file: RepoFile, text: string) => Promise<void> | void,
): Promise<ScanStats> {
  const stats: ScanStats = { scanned: 0, binary: 0, tooLarge: [], unreadable: [] };
  const limit = pLimit(READ_CONCURRENCY);
  await Promise.all(
    files.map((file) =>
      limit(async () => {
        if (signal.aborted) return;
        const read = await readTextFile(file.absolute, maxBytes);
        if (read.kind === 'text') {
          stats.scanned++;
          await visit(file, read.text);
        } else if (read.kind === 'binary') stats.binary++;
        else if (read.kind === 'too-large') stats.tooLarge.push(file.path);
        else stats.unreadable.push(file.path);
      }),
    ),
  );
  stats.tooLarge.sort();
  stats.unreadable.sort();
  return stats;
}

/** The repository's file list, walked once per run and shared by every repository scan. */
export function repoFiles(ctx: CheckContext): Promise<RepoFile[]> {
  return ctx.shared('repo:files', () => listRepoFiles(ctx.repoDir));
}
