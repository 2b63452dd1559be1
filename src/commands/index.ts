// `mes-referencing <command> [options]`: each command lives in its own module here; this one dispatches and
// turns errors into exit codes: 0 ok, 1 blocking failures (or validation errors), 2 configuration/usage error,
// 3 internal error.
import { UserError } from '../errors.js';
import { isLang } from '../i18n/index.js';
import { translator } from '../messages.js';
import type { Lang } from '../i18n/index.js';
import type { Command } from './command.js';
import { closest } from '../util/suggest.js';
import { TOOL_VERSION } from '../util/project.js';

/**
 * The commands, each loaded when asked for: `validate` does not pay for loading the emulator or the web engine,
 * and `--help` for none of them.
 */
type CommandName = 'check' | 'validate' | 'emulator' | 'schema' | 'review';

const commands: { name: CommandName; load(): Promise<Command> }[] = [
  { name: 'check', load: async () => (await import('./check.js')).checkCommand },
  { name: 'validate', load: async () => (await import('./validate.js')).validateCommand },
  { name: 'emulator', load: async () => (await import('./emulator.js')).emulatorCommand },
  { name: 'schema', load: async () => (await import('./schema.js')).schemaCommand },
  { name: 'review', load: async () => (await import('./review.js')).reviewCommand },
];

function langFrom(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const arg = argv[i] ?? '';
  const value =
    i < 0 ? process.env.MES_REFERENCING_LANG : arg.includes('=') ? arg.split('=')[1] : argv[i + 1];
  return isLang(value) ? value : 'fr';
}

/** The CLI as a process: `main` plus what a terminal program owes its shell. */
export async function runCli(argv: string[]): Promise<number> {
  // `mes-referencing … | head` closes stdout early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return main(argv);
}

export async function main(argv: string[]): Promise<number> {
  const lang = langFrom(argv);
  const t = translator(lang);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(
      `${t('cli.usage', { commands: commands.map((c) => `  ${c.name.padEnd(10)} ${t(`cli.${c.name}.summary`)}`).join('\n') })}\n`,
    );
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) {
      throw new UserError('cli.unknown-command', {
        name,
        suggestion:
          closest(
            name,
            commands.map((c) => c.name),
          ) ?? 'check',
      });
    }
    return await (await command.load()).run(rest, { lang, t });
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`${error.render(t)}\n`);
      return 2;
    }
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${t('cli.internal-error', { detail })}\n`);
    if (process.env.MES_REFERENCING_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 3;
  }
}
