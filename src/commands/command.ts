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

/**
 * `util.parseArgs` with its errors turned into user errors in the run's language ("did you mean --manifest?"): the
 * parser's own English never reaches the user. A negative number after an option that takes a value is that value
 * (`--max-size -5` is then judged by the option's own check, like `--max-size=-5`).
 */
export function parseOptions<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  const args = withNegativeValues(argv, options);
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw usageError(error as NodeJS.ErrnoException, args, options);
  }
}

/** The long name (`--out`) of the option an argument names (`-o`, `--out`, `--out=x`), if it is one of ours. */
function optionName(arg: string, options: Options): string | undefined {
  if (arg.startsWith('--')) {
    const name = arg.slice(2).split('=')[0] as string;
    return name in options ? name : undefined;
  }
  if (/^-[^-]$/.test(arg)) return Object.keys(options).find((name) => options[name]?.short === arg[1]);
  return undefined;
}

function withNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    const name = optionName(arg, options);
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (name && !arg.includes('=') && options[name]?.type === 'string' && next && /^-\.?\d/.test(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function usageError(error: NodeJS.ErrnoException, args: string[], options: Options): Error {
  const message = error.message;
  const quoted = /^Option '([^']+)'|^Unknown option '([^']+)'|^Unexpected argument '([^']+)'/.exec(message);
  const named = quoted?.[1] ?? '';
  // The parser names an option `-o, --out <value>`: the user reads `--out`.
  const option = /--[^\s<]+/.exec(named)?.[0] ?? named.split(/[\s,]/)[0] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const unknown = quoted?.[2] ?? '';
      const names = Object.keys(options).map((n) => `--${n}`);
      return new UserError('cli.unknown-option', {
        option: unknown,
        suggestion: closest(unknown, names) ?? names.join(', '),
      });
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UserError('cli.unexpected-argument', { value: quoted?.[3] ?? '' });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      if (/argument missing$/.test(message)) return new UserError('cli.missing-value', { option });
      if (/does not take an argument$/.test(message)) return new UserError('cli.no-value', { option });
      if (/is ambiguous/.test(message)) {
        const long = optionName(option, options);
        const at = args.findIndex((a) => a === option);
        return new UserError('cli.ambiguous-value', {
          option: long ? `--${long}` : option,
          value: args[at + 1] ?? '',
        });
      }
      break;
    }
  }
  return new UserError('cli.bad-arguments', { detail: message.split('\n')[0] ?? message });
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
