// One pass over the repository's files for every scan: each file is read once (if any scan wants it) and handed
// to the scans that want it. Files a scan should not read (binaries, over its size limit, unreadable) are counted
// per scan, so each report can say what was skipped.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
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

export function emptyStats(): ScanStats {
  return { scanned: 0, binary: 0, tooLarge: [], unreadable: [] };
}

/** A scan, as the pass sees it. */
export interface FileVisitor {
  readonly maxBytes: number;
  readonly stats: ScanStats;
  wants(file: RepoFile): boolean;
  visit(file: RepoFile, text: string): Promise<void> | void;
  /** Called once every file has been visited. */
  finish?(): Promise<void>;
}

/** Files read between two returns to the event loop, so that endpoint checks running alongside keep their timers. */
const FILES_PER_TURN = 64;

export async function scanFiles(
  files: readonly RepoFile[],
  signal: AbortSignal,
  visitors: FileVisitor[],
): Promise<void> {
  for (const [i, file] of files.entries()) {
    if (signal.aborted) break;
    if (i % FILES_PER_TURN === FILES_PER_TURN - 1) await yieldToEventLoop();
    const interested = visitors.filter((v) => v.wants(file));
    if (interested.length === 0) continue;
    const read = readTextFile(file.absolute, Math.max(...interested.map((v) => v.maxBytes)));
    for (const visitor of interested) {
      const { stats } = visitor;
      if (read.kind === 'binary') stats.binary++;
      else if (read.kind === 'unreadable') stats.unreadable.push(file.path);
      else if (read.kind === 'too-large' || read.size > visitor.maxBytes) stats.tooLarge.push(file.path);
      else {
        stats.scanned++;
        await visitor.visit(file, read.text);
      }
    }
  }
  for (const visitor of visitors) await visitor.finish?.();
}

/** The repository's file list, walked once per run and shared by every repository scan. */
export function repoFiles(ctx: CheckContext): Promise<RepoFile[]> {
  return ctx.shared('repo:files', () => listRepoFiles(ctx.repoDir, ctx.excluded));
}
