// Secret values seen during a run (tokens, client secrets, private keys…). Every output goes through `redact`.

const MASK = '***';
/**
 * Very short values found by the tool itself (a line of a PEM) would mask innocent text everywhere; a value the user
 * declared as a secret (a `*-env` variable) is masked whatever its length.
 */
const MIN_SECRET_LENGTH = 6;

export class Redactor {
  private readonly values = new Set<string>();
  private readonly listeners: ((value: string) => void)[] = [];

  /** Registers a secret; listeners (the action's `core.setSecret`) are told about it. */
  add(value: string | undefined, options: { declared?: boolean } = {}): void {
    if (!value || this.values.has(value)) return;
    if (value.length < MIN_SECRET_LENGTH && !options.declared) return;
    this.values.add(value);
    // A multi-line secret (PEM) is also masked line by line, as logs may split it.
    for (const line of value.split(/\r?\n/)) {
      if (line.length >= MIN_SECRET_LENGTH && line !== value && !/^-----(BEGIN|END) /.test(line))
        this.add(line);
    }
    for (const listener of this.listeners) listener(value);
  }

  onSecret(listener: (value: string) => void): void {
    this.listeners.push(listener);
    for (const value of this.values) listener(value);
  }

  redact(text: string): string {
    if (this.values.size === 0) return text;
    if (this.values.size > FEW_SECRETS) return this.scan(text);
    // Longest first, so a secret containing another is masked whole.
    let out = text;
    for (const value of this.byLength()) {
      if (out.includes(value)) out = out.split(value).join(MASK);
    }
    return out;
  }

  private sorted?: string[];
  private index?: {
    of: string[];
    width: number;
    heads: Set<number>;
    byPrefix: Map<string, string[]>;
  };

  private byLength(): string[] {
    if (this.sorted?.length !== this.values.size)
      this.sorted = [...this.values].sort((a, b) => b.length - a.length);
    return this.sorted;
  }

  /**
   * Many secrets (a token per hooking test, thousands in a large repository): searching the text once per secret
   * grows with their product, so the text is read once instead, looking each position up by its first characters.
   * At each position the longest secret starting there is masked, as the search longest-first does.
   */
  private scan(text: string): string {
    const index = this.prefixIndex();
    const { width, heads, byPrefix } = index;
    let out = '';
    let last = 0;
    for (let i = 0; i + width <= text.length; i++) {
      const head = width === 1 ? text.charCodeAt(i) : text.charCodeAt(i) * 65536 + text.charCodeAt(i + 1);
      if (!heads.has(head)) continue;
      const hit = byPrefix.get(text.substr(i, width))?.find((v) => text.startsWith(v, i));
      if (!hit) continue;
      out += text.slice(last, i) + MASK;
      last = i + hit.length;
      i = last - 1;
    }
    return last === 0 ? text : out + text.slice(last);
  }

  private prefixIndex(): NonNullable<Redactor['index']> {
    const sorted = this.byLength();
    if (this.index?.of === sorted) return this.index;
    const width = Math.min(PREFIX, sorted[sorted.length - 1]?.length ?? PREFIX);
    const heads = new Set<number>();
    const byPrefix = new Map<string, string[]>();
    for (const value of sorted) {
      heads.add(width === 1 ? value.charCodeAt(0) : value.charCodeAt(0) * 65536 + value.charCodeAt(1));
      const prefix = value.slice(0, width);
      const list = byPrefix.get(prefix);
      if (list) list.push(value);
      else byPrefix.set(prefix, [value]);
    }
    this.index = { of: sorted, width, heads, byPrefix };
    return this.index;
  }
}

/** Up to this many secrets, the text is searched once per secret. */
const FEW_SECRETS = 16;
/** Characters a position is looked up by (at most the shortest secret's length). */
const PREFIX = 6;
