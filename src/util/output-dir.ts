// The folder a run writes its files to (the CLI's --out, the action's report-dir): checked before the run starts, so
// a folder that cannot be written is a configuration error said at once, naming the path and why, never a crash
// after the checks have run.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

/**
 * Checks, without creating anything, that `dir` can be made and written: the nearest part of it that exists is a
 * folder that can be written. `option` names the setting for the message.
 */
export function prepareOutputDir(dir: string, option: string): void {
  const existing = nearestExisting(path.resolve(dir));
  try {
    if (!statSync(existing).isDirectory()) {
      const error = Object.assign(new Error(`not a folder: ${existing}`), { code: 'ENOTDIR' });
      throw error;
    }
    accessSync(existing, constants.W_OK);
  } catch (error) {
    throw outputDirError(dir, option, error);
  }
}

function nearestExisting(dir: string): string {
  let current = dir;
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

/** What went wrong writing into `dir`, said as the user can act on it. */
export function outputDirError(dir: string, option: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const file = fileOnTheWay(dir);
  if (file === dir) return new UserError('output-dir.is-a-file', { option, dir });
  if (file !== undefined) return new UserError('output-dir.under-a-file', { option, dir, file });
  if (code === 'EACCES' || code === 'EPERM') return new UserError('output-dir.denied', { option, dir });
  if (code === 'EROFS') return new UserError('output-dir.read-only', { option, dir });
  if (code === 'ENOSPC' || code === 'EDQUOT') return new UserError('output-dir.full', { option, dir });
  const detail = error instanceof Error ? error.message : String(error);
  return new UserError('output-dir.other', { option, dir, detail });
}

/** `dir` itself or the nearest of its parents that exists and is not a folder. */
function fileOnTheWay(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      return statSync(current).isDirectory() ? undefined : current;
    } catch {
      if (path.dirname(current) === current) return undefined;
    }
  }
}
