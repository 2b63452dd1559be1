// JSON documents as the checks read them: parsed with JSON.parse (fast), with the checks JSON.parse does not do
// (nesting depth, duplicate keys) made by one light scan of the text, and source positions computed only when a
// finding needs them, in one pass for all the paths asked. Used by the FHIR validator, the MES rules and the
// scenario runner alike.

import { LineIndex } from './line-index.js';

/** A path into a JSON value: object keys and array indices. */
export type JsonPath = readonly (string | number)[];

/** Deeper than any real FHIR resource; deep enough that a malicious document cannot exhaust the stack. */
export const MAX_JSON_DEPTH = 400;

export interface Position {
  line: number;
  column: number;
}

export type JsonProblem =
  | { kind: 'xml'; position: Position }
  | { kind: 'syntax'; position: Position; detail: string }
  | { kind: 'too-deep'; position: Position; depth: number }
  | { kind: 'empty'; position: Position };

export interface DuplicateKey {
  path: JsonPath;
  key: string;
  position: Position;
}

export type ParsedJson =
  | { ok: true; value: unknown; duplicates: DuplicateKey[]; source: JsonSource }
  | { ok: false; problem: JsonProblem };

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** Counts the `:` outside strings (one per object member in valid JSON) and measures nesting depth. */
function scan(text: string): { members: number; tooDeepAt: number } {
  let members = 0;
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) i++;
        else if (d === QUOTE) break;
      }
    } else if (c === COLON) members++;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return { members, tooDeepAt: i };
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return { members, tooDeepAt: -1 };
}

function countMembers(root: unknown): number {
  let count = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const key in value) {
        count++;
        const item = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    }
  }
  return count;
}

export function parseJson(input: string): ParsedJson {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const source = new JsonSource(text);
  const first = /\S/.exec(text);
  if (!first) return { ok: false, problem: { kind: 'empty', position: { line: 1, column: 1 } } };
  if (first[0] === '<')
    return { ok: false, problem: { kind: 'xml', position: source.position(first.index) } };
  const { members, tooDeepAt } = scan(text);
  if (tooDeepAt >= 0)
    return {
      ok: false,
      problem: { kind: 'too-deep', position: source.position(tooDeepAt), depth: MAX_JSON_DEPTH },
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    return {
      ok: false,
      problem: { kind: 'syntax', position: syntaxPosition(message, source), detail: message },
    };
  }
  const duplicates = members === countMembers(value) ? [] : source.duplicateKeys();
  return { ok: true, value, duplicates, source };
}

function syntaxPosition(message: string, source: JsonSource): Position {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  if (position) return source.position(Number(position[1]));
  // "Unexpected end of JSON input" has no position: the end of the text is where it went wrong.
  return source.position(source.text.length);
}

interface PathTrie {
  children: Map<string | number, PathTrie>;
  offset?: number;
}

/** The text of a parsed document, able to turn JSON paths into line/column positions. */
export class JsonSource {
  private lines: LineIndex | undefined;

  constructor(readonly text: string) {}

  position(offset: number): Position {
    this.lines ??= new LineIndex(this.text);
    return this.lines.position(offset);
  }

  /**
   * Positions of many paths in one pass. A path that does not exist in the text (a missing element) gets the
   * position of its closest existing ancestor. Object members are located at their key.
   */
  locate(paths: readonly JsonPath[]): Position[] {
    const root: PathTrie = { children: new Map() };
    for (const p of paths) {
      let node = root;
      for (const segment of p) {
        let next = node.children.get(segment);
        if (!next) node.children.set(segment, (next = { children: new Map() }));
        node = next;
      }
    }
    const walker = new Walker(this.text);
    walker.ws();
    root.offset = walker.i;
    walker.value(root);
    return paths.map((p) => {
      let node = root;
      let offset = root.offset ?? 0;
      for (const segment of p) {
        const next = node.children.get(segment);
        if (!next || next.offset === undefined) break;
        node = next;
        offset = next.offset;
      }
      return this.position(offset);
    });
  }

  duplicateKeys(): DuplicateKey[] {
    const walker = new Walker(this.text);
    walker.ws();
    walker.findDuplicates([]);
    return walker.duplicates.map((d) => ({ path: d.path, key: d.key, position: this.position(d.offset) }));
  }
}

/** A small JSON tokenizer over text already known to be valid JSON. */
class Walker {
  i = 0;
  readonly duplicates: { path: JsonPath; key: string; offset: number }[] = [];

  constructor(private readonly text: string) {}

  ws(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.i);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.i++;
      else return;
    }
  }

  string(): string {
    const t = this.text;
    const start = this.i;
    let escaped = false;
    for (this.i++; ; this.i++) {
      const c = t.charCodeAt(this.i);
      if (c === BACKSLASH) {
        escaped = true;
        this.i++;
      } else if (c === QUOTE) break;
    }
    this.i++;
    const raw = t.slice(start + 1, this.i - 1);
    return escaped ? (JSON.parse(t.slice(start, this.i)) as string) : raw;
  }

  skip(): void {
    const t = this.text;
    const c = t.charCodeAt(this.i);
    if (c === QUOTE) {
      this.string();
      return;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let depth = 0;
      for (; this.i < t.length; this.i++) {
        const d = t.charCodeAt(this.i);
        if (d === QUOTE) {
          this.string();
          this.i--;
        } else if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
        else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
          if (--depth === 0) {
            this.i++;
            return;
          }
        }
      }
      return;
    }
    while (this.i < t.length) {
      const d = t.charCodeAt(this.i);
      if (
        d === COMMA ||
        d === CLOSE_BRACE ||
        d === CLOSE_BRACKET ||
        d === 32 ||
        d === 10 ||
        d === 13 ||
        d === 9
      )
        return;
      this.i++;
    }
  }

  /** Walks a value, recording offsets of the trie's paths and skipping subtrees nobody asked for. */
  value(node: PathTrie): void {
    const t = this.text;
    const c = t.charCodeAt(this.i);
    if (node.children.size === 0) return this.skip();
    if (c === OPEN_BRACE) {
      this.i++;
      this.ws();
      if (t.charCodeAt(this.i) === CLOSE_BRACE) {
        this.i++;
        return;
      }
      for (;;) {
        this.ws();
        const keyOffset = this.i;
        const key = this.string();
        this.ws();
        this.i++; // colon
        this.ws();
        const child = node.children.get(key);
        if (child) {
          child.offset = keyOffset;
          this.value(child);
        } else this.skip();
        this.ws();
        if (t.charCodeAt(this.i++) === CLOSE_BRACE) return;
      }
    }
    if (c === OPEN_BRACKET) {
      this.i++;
      this.ws();
      if (t.charCodeAt(this.i) === CLOSE_BRACKET) {
        this.i++;
        return;
      }
      for (let index = 0; ; index++) {
        this.ws();
        const child = node.children.get(index);
        if (child) {
          child.offset = this.i;
          this.value(child);
        } else this.skip();
        this.ws();
        if (t.charCodeAt(this.i++) === CLOSE_BRACKET) return;
      }
    }
    this.skip();
  }

  findDuplicates(path: (string | number)[]): void {
    const t = this.text;
    const c = t.charCodeAt(this.i);
    if (c === OPEN_BRACE) {
      this.i++;
      this.ws();
      if (t.charCodeAt(this.i) === CLOSE_BRACE) {
        this.i++;
        return;
      }
      const seen = new Set<string>();
      for (;;) {
        this.ws();
        const keyOffset = this.i;
        const key = this.string();
        if (seen.has(key)) this.duplicates.push({ path: [...path, key], key, offset: keyOffset });
        seen.add(key);
        this.ws();
        this.i++;
        this.ws();
        path.push(key);
        this.findDuplicates(path);
        path.pop();
        this.ws();
        if (t.charCodeAt(this.i++) === CLOSE_BRACE) return;
      }
    }
    if (c === OPEN_BRACKET) {
      this.i++;
      this.ws();
      if (t.charCodeAt(this.i) === CLOSE_BRACKET) {
        this.i++;
        return;
      }
      for (let index = 0; ; index++) {
        this.ws();
        path.push(index);
        this.findDuplicates(path);
        path.pop();
        this.ws();
        if (t.charCodeAt(this.i++) === CLOSE_BRACKET) return;
      }
    }
    this.skip();
  }
}
