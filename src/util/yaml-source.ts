// YAML parsing that keeps source positions, so every later error can point at file:line:column.
import type { MessageKey } from '../messages.js';
import { statSync } from 'node:fs';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import { UserError } from '../errors.js';
import type { SourceLocation } from '../location.js';
import { readTextFile, textError } from './text-file.js';

export type DataPath = readonly (string | number)[];

export interface YamlSource {
  /** The parsed value (plain JSON-like data). */
  data: unknown;
  /** Where a value sits; with `key: true`, where the key of the last path segment sits. */
  locate(path: DataPath, options?: { key?: boolean }): SourceLocation;
}

/** Codes of the `yaml` library mapped to our message keys; anything else falls back to a generic message. */
const YAML_ERROR_KEYS: Record<string, MessageKey> = {
  DUPLICATE_KEY: 'yaml.duplicate-key',
  BAD_INDENT: 'yaml.bad-indent',
  MISSING_CHAR: 'yaml.missing-char',
  MULTILINE_IMPLICIT_KEY: 'yaml.multiline-key',
  BLOCK_AS_IMPLICIT_KEY: 'yaml.multiline-key',
  TAB_AS_INDENT: 'yaml.tab-indent',
  BAD_ALIAS: 'yaml.bad-alias',
  UNEXPECTED_TOKEN: 'yaml.unexpected-token',
  ALIAS_PROPS: 'yaml.bad-alias',
  RESOURCE_EXHAUSTION: 'yaml.too-many-aliases',
};

export interface ReadYamlOptions {
  /** Path shown to the user (relative to the repository when possible). */
  displayPath: string;
  maxBytes: number;
}

export function readYamlFile(absPath: string, options: ReadYamlOptions): YamlSource {
  const file = options.displayPath;
  let size: number;
  try {
    const stat = statSync(absPath);
    if (!stat.isFile()) throw new UserError('file.not-a-file', { file });
    size = stat.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('file.not-found', { file });
  }
  if (size > options.maxBytes) {
    throw new UserError('file.too-large', { file, size, max: options.maxBytes }, { file });
  }
  const decoded = readTextFile(absPath);
  if (!decoded.ok) throw textError(decoded.problem, file);
  return parseYaml(decoded.text, file);
}

export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, strict: true });
  const at = (offset: number): SourceLocation => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const problems = [...doc.errors].map((e) => {
    const key = YAML_ERROR_KEYS[e.code] ?? 'yaml.syntax';
    const detail = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
    return new UserError(key, { detail }, at(e.pos[0]));
  });
  const [first, ...rest] = problems;
  if (first) throw new UserError(first.key, first.params, first.location, rest);

  if (doc.contents === null) throw new UserError('file.empty', { file }, { file, line: 1, column: 1 });
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new UserError(
      'yaml.too-many-aliases',
      { detail: (error as Error).message },
      { file, line: 1, column: 1 },
    );
  }
  return { data, locate: (path, options) => locateIn(doc, path, options?.key ?? false, at, file) };
}

function locateIn(
  doc: Document,
  path: DataPath,
  key: boolean,
  at: (offset: number) => SourceLocation,
  file: string,
): SourceLocation {
  // Walk down as far as the path exists: an error on a missing child points at its parent.
  let node: unknown = doc.contents;
  let best: SourceLocation = { file, line: 1, column: 1 };
  const rangeOf = (n: unknown): SourceLocation | undefined => {
    const range = (n as Node | null)?.range;
    return range ? at(range[0]) : undefined;
  };
  best = rangeOf(node) ?? best;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) return best;
      if (last && key) return rangeOf(pair.key) ?? best;
      node = pair.value;
      best = rangeOf(pair.value) ?? rangeOf(pair.key) ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return best;
      node = item;
      best = rangeOf(item) ?? best;
    } else {
      return best;
    }
  }
  return best;
}
