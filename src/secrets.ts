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
    const sorted = this.byLength();
    if (sorted.length > FEW_SECRETS && (sorted[sorted.length - 1] as string).length >= PREFIX)
      return this.scan(text);
    // Longest first, so a secret containing another is masked whole.
    let out = text;
    for (const value of sorted) {
      if (out.includes(value)) out = out.split(value).join(MASK);
    }
    return out;
  }

  private sorted?: string[];
  private index?: { of: string[]; heads: Uint8Array; byPrefix: Map<string, string[]> };

  private byLength(): string[] {
    if (this.sorted?.length !== this.values.size)
      this.sorted = [...this.values].sort((a, b) => b.length - a.length);
    return this.sorted;
  }

  /**
   * Many secrets (a token per hooking test, thousands in a large repository): searching the text once per secret
   * grows with their product, so the text is read once instead, each position filtered by a hash of its first
   * characters, then looked up by them. At each position the longest secret starting there is masked, as the
   * longest-first search does.
   */
  private scan(text: string): string {
    const { heads, byPrefix } = this.prefixIndex();
    let out = '';
    let last = 0;
    for (let i = 0; i + PREFIX <= text.length; i++) {
      if (heads[headHash(text, i)] === 0) continue;
      const hit = byPrefix.get(text.substr(i, PREFIX))?.find((v) => text.startsWith(v, i));
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
    const heads = new Uint8Array(HEAD_SLOTS);
    const byPrefix = new Map<string, string[]>();
    for (const value of sorted) {
      heads[headHash(value, 0)] = 1;
      const prefix = value.slice(0, PREFIX);
      const list = byPrefix.get(prefix);
      if (list) list.push(value);
      else byPrefix.set(prefix, [value]);
    }
    this.index = { of: sorted, heads, byPrefix };
    return this.index;
  }
}

/** Up to this many secrets, searching the text once per secret is faster (measured: even at about 150). */
const FEW_SECRETS = 128;
/** Characters a position is looked up by (every secret is at least this long when the text is scanned). */
const PREFIX = 3;
const HEAD_SLOTS = 1 << 20;

function headHash(text: string, i: number): number {
  return (text.charCodeAt(i) * 961 + text.charCodeAt(i + 1) * 31 + text.charCodeAt(i + 2)) & (HEAD_SLOTS - 1);
}
