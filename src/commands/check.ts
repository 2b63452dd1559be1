// `mes-referencing check`: the main job, outside GitHub. Runs the pipeline on a repository, writes the dossier
// files and prints a summary; the exit code follows the fail-on policy.
import path from 'node:path';
import { logText } from '../escape/log.js';
import { UserError } from '../errors.js';
import { isAcceptedUrl } from '../manifest/load.js';
import { LANGS } from '../i18n/index.js';
import { run } from '../pipeline.js';
import { FAIL_ON } from '../report/model.js';
import { renderConsole } from '../report/console.js';
import { policyText } from '../report/html.js';
import { writeReportFiles } from '../report/write.js';
import { Redactor } from '../secrets.js';
import { isValidDate } from '../util/dates.js';
import { outputDirError, prepareOutputDir } from '../util/output-dir.js';
import { engineOptionsFromEnv } from './environment.js';
import { provenanceFor } from './provenance.js';
import type { Command } from './command.js';
import { oneOf, parseOptions } from './command.js';

export const checkCommand: Command = {
  async run(argv, { lang, t }) {
    const { values } = parseOptions(argv, {
      manifest: { type: 'string', short: 'm' },
      repo: { type: 'string', short: 'r' },
      out: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      'fail-on': { type: 'string' },
      'fail-on-unverified': { type: 'boolean' },
      today: { type: 'string' },
      offline: { type: 'boolean' },
      'sandbox-target': { type: 'string' },
      'allow-private-network': { type: 'boolean' },
      recording: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      color: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(`${t('cli.check.help')}\n`);
      return 0;
    }
    oneOf(values.lang, LANGS, '--lang', lang);
    const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on', 'obligatoire');
    const target = values['sandbox-target'];
    if (target !== undefined && target !== 'emulator' && !isAcceptedUrl(target))
      throw new UserError('cli.bad-target', { option: '--sandbox-target', value: target });
    if (values.today !== undefined && !isValidDate(values.today))
      throw new UserError('cli.bad-date', { option: '--today', value: values.today });
    const now = values.today ? new Date(`${values.today}T12:00:00Z`) : new Date();
    const repoDir = path.resolve(values.repo ?? '.');
    const outDir = path.resolve(values.out ?? 'mes-report');
    // Before the run: a folder that cannot be written is said at once, not after minutes of checks.
    prepareOutputDir(outDir, '--out');
    const color = values['no-color']
      ? false
      : values.color
        ? true
        : process.stdout.isTTY === true && !process.env.NO_COLOR;
    const secrets = new Redactor();
    const progress = (stage: string, message: string) => {
      if (!values.quiet)
        process.stderr.write(`${color ? `\x1b[2m[${stage}]\x1b[0m` : `[${stage}]`} ${logText(message)}\n`);
    };

    const result = await run({
      repoDir,
      // A relative --manifest is read from the repository, like the action's `manifest` input.
      ...(values.manifest ? { manifestPath: values.manifest } : {}),
      lang,
      failOn,
      failOnUnverified: values['fail-on-unverified'] === true,
      now,
      secrets,
      engine: {
        ...engineOptionsFromEnv(process.env),
        ...(values.offline ? { offline: true } : {}),
        ...(values['sandbox-target'] ? { sandboxTarget: values['sandbox-target'] } : {}),
        ...(values['allow-private-network'] ? { allowPrivateNetwork: true } : {}),
        ...(values.recording ? { sandboxRecording: path.resolve(values.recording) } : {}),
      },
      onProgress: progress,
      provenance: provenanceFor(process.env, repoDir),
      outputDir: outDir,
    });
    let written: string[];
    try {
      written = writeReportFiles(outDir, result.report, result.attachments, secrets);
    } catch (error) {
      throw outputDirError(outDir, '--out', error);
    }
    const code = result.report.failing ? 1 : 0;
    process.stdout.write(secrets.redact(renderConsole(result.report, color)));
    process.stdout.write(
      `\n${t('console.files', { dir: path.relative(process.cwd(), outDir) || '.', files: written.map((f) => path.basename(f)).join(', ') })}\n`,
    );
    process.stdout.write(`${t('console.exit', { code, policy: policyText(result.report, t) })}\n`);
    return code;
  },
};
