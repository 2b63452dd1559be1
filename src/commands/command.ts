import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { UserError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import type { Translate } from '../messages.js';
import { closest } from '../util/suggest.js';

export interface CommandContext {
  lang: Lang;
  t: Translate;
}

/** A subcommand; its one-line `--help` description is the message `cli.<name>.summary`. */
export interface Command {
  /** Returns the exit code. */
  run(argv: string[], ctx: CommandContext): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` with its errors turned into user errors ("did you mean --manifest?"). */
export function parseOptions<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const names = Object.keys(options).map((n) => `--${n}`);
      throw new UserError('cli.unknown-option', {
        option: unknown,
        suggestion: closest(unknown, names) ?? names.join(', '),
      });
    }
    const missing = /Option '(-{1,2}[^']+)(?: <value>)?' argument missing/.exec(message)?.[1];
    if (missing) throw new UserError('cli.missing-value', { option: missing });
    const positional = /Unexpected argument '([^']+)'/.exec(message)?.[1];
    if (positional) throw new UserError('cli.unexpected-argument', { value: positional });
    throw new UserError('cli.bad-arguments', { detail: message });
  }
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError('cli.bad-choice', {
    option,
    value,
    allowed: allowed.join(' | '),
    suggestion: closest(value, allowed) ?? allowed[0],
  });
}
