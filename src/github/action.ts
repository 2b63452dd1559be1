// The action: reads inputs, runs the pipeline, writes the dossier, and publishes outputs and the job summary.
import path from 'node:path';
import * as core from '@actions/core';
import { UserError } from '../errors.js';
import { isLang, translator } from '../i18n/index.js';
import { run } from '../pipeline.js';
import { FAIL_ON } from '../report/model.js';
import type { FailOn } from '../report/model.js';
import { renderMarkdown } from '../report/markdown.js';
import { writeReportFiles } from '../report/write.js';
import { Redactor } from '../secrets.js';
import { engineOptionsFromEnv } from '../commands/environment.js';

export async function runAction(): Promise<number> {
  const langInput = core.getInput('lang');
  const lang = isLang(langInput) ? langInput : 'fr';
  const t = translator(lang);
  try {
    const failOnInput = core.getInput('fail-on') || 'obligatoire';
    if (!FAIL_ON.includes(failOnInput as FailOn))
      throw new UserError('cli.bad-choice', {
        option: 'fail-on',
        value: failOnInput,
        allowed: FAIL_ON.join(' | '),
        suggestion: 'obligatoire',
      });
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const repoDir = path.resolve(workspace, core.getInput('working-directory') || '.');
    const secrets = new Redactor();
    secrets.onSecret((value) => core.setSecret(value));
    const result = await run({
      repoDir,
      manifestPath: core.getInput('manifest') || 'mes-referencing.yml',
      lang,
      failOn: failOnInput as FailOn,
      secrets,
      engine: engineOptionsFromEnv(process.env),
      onProgress: (_stage, message) => core.info(message),
    });
    const outDir = path.resolve(
      core.getInput('report-dir') || path.join(process.env.RUNNER_TEMP ?? repoDir, 'mes-report'),
    );
    writeReportFiles(outDir, result.report, result.attachments, secrets);
    core.setOutput('result', result.report.verdict);
    core.setOutput('blocking-count', result.report.counts.blocking);
    core.setOutput('failed-count', result.report.counts.failed);
    core.setOutput('report-json', path.join(outDir, 'report.json'));
    core.setOutput('sarif-file', path.join(outDir, 'report.sarif'));
    if (process.env.GITHUB_STEP_SUMMARY)
      await core.summary.addRaw(secrets.redact(renderMarkdown(result.report))).write();
    if (result.report.failing)
      core.setFailed(t('md.verdict.non-conforme', { blocking: result.report.counts.blocking }));
    return result.report.failing ? 1 : 0;
  } catch (error) {
    if (error instanceof UserError) {
      for (const e of error.all()) {
        core.error(
          t(e.key, e.params),
          e.location
            ? { file: e.location.file, startLine: e.location.line, startColumn: e.location.column }
            : {},
        );
      }
      return 2;
    }
    core.error(t('cli.internal-error', { detail: error instanceof Error ? error.message : String(error) }));
    return 3;
  }
}
