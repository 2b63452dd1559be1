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
    // Longest first, so a secret containing another is masked whole.
    let out = text;
    for (const value of [...this.values].sort((a, b) => b.length - a.length)) {
      if (out.includes(value)) out = out.split(value).join(MASK);
    }
    return out;
  }
}
