import { logText } from './escape/log.js';
import type { Params } from './i18n/index.js';
import type { MessageKey, Translate } from './messages.js';
import type { SourceLocation } from './location.js';
import { formatLocation } from './location.js';

/**
 * A problem the user can fix (bad manifest, unknown catalogue version, bad flag…). The top level renders it as
 * `file:line:col: message` and exits 2; it never shows a stack trace.
 */
export class UserError extends Error {
  readonly key: MessageKey;
  readonly params: Params;
  readonly location: SourceLocation | undefined;
  /** Further located problems found in the same pass, so the user sees them all at once. */
  readonly more: UserError[];

  constructor(key: MessageKey, params: Params = {}, location?: SourceLocation, more: UserError[] = []) {
    super(key);
    this.name = 'UserError';
    this.key = key;
    this.params = params;
    this.location = location;
    this.more = more;
  }

  /** Every problem carried, this one first. */
  all(): UserError[] {
    return [this, ...this.more];
  }

  render(t: Translate): string {
    return this.all()
      .map((e) =>
        logText(e.location ? `${formatLocation(e.location)}: ${t(e.key, e.params)}` : t(e.key, e.params)),
      )
      .join('\n');
  }
}

export function combineErrors(errors: UserError[]): UserError | undefined {
  const [first, ...rest] = errors;
  return first ? new UserError(first.key, first.params, first.location, rest) : undefined;
}
