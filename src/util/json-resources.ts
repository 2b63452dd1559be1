// Reads the JSON files a manifest lists by glob (e.g. `fhir.resources`): each file parsed once, with the text kept
// for locating findings, and every problem (refused pattern, unreadable file, bad JSON) returned, not thrown.
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseJson } from './json-source.js';
import { expandRepoGlobs } from './repo-globs.js';
import type { TextProblem } from './text-file.js';
import { readTextFile } from './text-file.js';

export const JSON_RESOURCE_MAX_BYTES = 20 * 1024 * 1024;

export type JsonResourceFile =
  | { file: string; ok: true; text: string; value: unknown }
  | {
      file: string;
      ok: false;
      reason: 'too-large' | 'unreadable' | 'bad-json' | 'bad-encoding' | 'symlink-escapes';
      detail: string;
      /** For `bad-encoding`: what is wrong, to be said with describeTextProblem. */
      text?: TextProblem;
      line?: number;
      column?: number;
    };

export interface JsonResourceSet {
  files: JsonResourceFile[];
  /** Patterns that matched nothing or were refused, with their index in the manifest list. */
  patterns: { pattern: string; index: number; problem: 'no-match' | 'absolute' | 'escapes' }[];
}

export function readJsonResources(
  repoDir: string,
  patterns: readonly string[],
  {
    excluded = [],
    maxBytes = JSON_RESOURCE_MAX_BYTES,
  }: { excluded?: readonly string[]; maxBytes?: number } = {},
): JsonResourceSet {
  const matches = expandRepoGlobs(repoDir, patterns, excluded);
  const seen = new Set<string>();
  const files: JsonResourceFile[] = [];
  const problems: JsonResourceSet['patterns'] = [];
  for (const match of matches) {
    if (match.refused) problems.push({ pattern: match.pattern, index: match.index, problem: match.refused });
    else if (match.files.length === 0)
      problems.push({ pattern: match.pattern, index: match.index, problem: 'no-match' });
    for (const file of match.escaping) {
      if (seen.has(file)) continue;
      seen.add(file);
      files.push({ file, ok: false, reason: 'symlink-escapes', detail: file });
    }
    for (const file of match.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      files.push(readOne(repoDir, file, maxBytes));
    }
  }
  return { files, patterns: problems };
}

function readOne(repoDir: string, file: string, maxBytes: number): JsonResourceFile {
  const absolute = path.join(repoDir, file);
  let text: string;
  try {
    const size = statSync(absolute).size;
    if (size > maxBytes) return { file, ok: false, reason: 'too-large', detail: String(size) };
    const decoded = readTextFile(absolute);
    if (!decoded.ok) {
      const { problem } = decoded;
      return {
        file,
        ok: false,
        reason: 'bad-encoding',
        detail: problem.kind,
        text: problem,
        line: problem.line,
        column: problem.column,
      };
    }
    text = decoded.text;
  } catch (error) {
    return { file, ok: false, reason: 'unreadable', detail: (error as Error).message };
  }
  const parsed = parseJson(text);
  if (parsed.ok) return { file, ok: true, text, value: parsed.value };
  const { problem } = parsed;
  const detail = problem.kind === 'syntax' ? problem.detail : problem.kind;
  return { file, ok: false, reason: 'bad-json', detail, ...problem.position };
}
