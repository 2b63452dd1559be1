// `mes-referencing validate <files or folders…>`: validates FHIR JSON resources offline against the base R4
// definitions and the packages given with --ig, like the HL7 validator's command line. Text output is
// `file:line:col: severity code message (expression)`; --format json prints an OperationOutcome (one input) or a
// Bundle of them. Exit 0 without errors, 1 with errors, 2 on usage errors and when there is nothing to validate.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { StructureError, structureFor } from '../fhir/validator/structure.js';
import { loadPackages } from '../fhir/packages/load.js';
import { describeProblem } from '../fhir/packages/problems.js';
import { DEFAULT_MAX_FILE_BYTES, validateFile } from '../fhir/validator/files.js';
import type { ValidationIssue } from '../fhir/validator/issue.js';
import { isError } from '../fhir/validator/issue.js';
import { toOperationOutcome, toOutcomeBundle } from '../fhir/validator/operation-outcome.js';
import { UserError } from '../errors.js';
import { LANGS } from '../i18n/index.js';
import type { Command } from './command.js';
import { oneOf, parseOptions } from './command.js';
import { engineOptionsFromEnv } from './environment.js';

const FORMATS = ['text', 'json'] as const;
const EXTENSION_POLICIES = ['warning', 'error', 'ignore'] as const;

function jsonFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFilesUnder(full));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

function inputs(positionals: string[]): string[] {
  if (positionals.length === 0) throw new UserError('validate.no-input');
  const files: string[] = [];
  for (const p of positionals) {
    if (!existsSync(p)) throw new UserError('validate.input-not-found', { path: p });
    files.push(...(statSync(p).isDirectory() ? jsonFilesUnder(p) : [p]));
  }
  // A CI step that validated nothing must not pass.
  if (files.length === 0) throw new UserError('validate.nothing', { paths: positionals.join(', ') });
  return [...new Set(files)];
}

/** A file name as the user reads it: relative to the working directory when it is a path on this machine. */
function displayed(file: string): string {
  return path.isAbsolute(file) ? path.relative(process.cwd(), file) || file : file;
}

/** How many constraint evaluations FHIRPath could not carry out (counted on their once-per-document issue). */
function unevaluated(issues: ValidationIssue[]): number {
  return issues
    .filter(
      (i) =>
        i.messageId === 'fhir.v.invariant-not-checked' || i.messageId === 'fhir.v.invariant-no-expression',
    )
    .reduce((sum, i) => sum + (i.count ?? 1), 0);
}

function textLine(issue: ValidationIssue): string {
  const where = [issue.file ?? '', issue.line ?? '', issue.column ?? ''].filter((p) => p !== '').join(':');
  const expression = issue.expression ? ` (${issue.expression})` : '';
  return `${where}: ${issue.severity} ${issue.code} ${issue.message}${expression}`;
}

export const validateCommand: Command = {
  async run(argv, { lang, t }) {
    const { values, positionals } = parseOptions(
      argv,
      {
        ig: { type: 'string', multiple: true },
        profile: { type: 'string', multiple: true },
        format: { type: 'string' },
        lang: { type: 'string' },
        'unknown-extensions': { type: 'string' },
        'extension-domain': { type: 'string', multiple: true },
        'max-size': { type: 'string' },
        offline: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
    if (values.help) {
      process.stdout.write(`${t('cli.validate.help')}\n`);
      return 0;
    }
    oneOf(values.lang, LANGS, '--lang', lang);
    const format = oneOf(values.format, FORMATS, '--format', 'text');
    const unknownExtensions = oneOf(
      values['unknown-extensions'],
      EXTENSION_POLICIES,
      '--unknown-extensions',
      'warning',
    );
    let maxBytes = DEFAULT_MAX_FILE_BYTES;
    if (values['max-size'] !== undefined) {
      const mb = Number(values['max-size']);
      if (!Number.isFinite(mb) || mb <= 0)
        throw new UserError('validate.bad-max-size', { value: values['max-size'] });
      maxBytes = Math.round(mb * 1024 * 1024);
    }
    const files = inputs(positionals);
    const engine = engineOptionsFromEnv(process.env);
    const context = await loadPackages(values.ig ?? [], {
      packagePath: engine.fhirPackagePath,
      ...(engine.fhirPackageCache ? { cacheDir: engine.fhirPackageCache } : {}),
      ...(engine.fhirRegistry ? { registry: engine.fhirRegistry } : {}),
      offline: engine.offline || values.offline === true,
    });
    const missing = context.missing;
    if (missing.length > 0) {
      throw new UserError('validate.packages-unavailable', {
        detail: missing.map((p) => describeProblem(p, t)).join('\n  '),
      });
    }
    // A dependency loaded in another version than declared: one warning naming both versions.
    for (const problem of context.problems) {
      const severity = problem.kind === 'substituted-dependency' ? 'warning' : 'information';
      process.stderr.write(`${severity}: ${describeProblem(problem, t)}\n`);
    }
    const profiles = values.profile ?? [];
    for (const url of profiles) {
      try {
        if (!structureFor(context, url)) throw new UserError('validate.profile-unknown', { url });
      } catch (error) {
        if (error instanceof StructureError) throw new UserError(`validate.profile-${error.reason}`, { url });
        throw error;
      }
    }
    const results = files.map((file) => {
      const display = path.relative(process.cwd(), file) || file;
      return {
        file: display,
        issues: validateFile(file, display, {
          context,
          profiles,
          lang,
          unknownExtensions,
          extensionDomains: values['extension-domain'] ?? [],
          maxBytes,
        }),
      };
    });
    // Issues about a definition point at the definition's file, said relative to the working directory.
    for (const r of results) for (const issue of r.issues) if (issue.file) issue.file = displayed(issue.file);
    const all = results.flatMap((r) => r.issues);
    if (format === 'json') {
      const outcomes = results.map((r) => toOperationOutcome(r.issues, r.file));
      const output = outcomes.length === 1 ? outcomes[0] : toOutcomeBundle(outcomes);
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      for (const issue of all) process.stdout.write(`${textLine(issue)}\n`);
      process.stderr.write(
        `${t('validate.summary', {
          files: files.length,
          errors: all.filter(isError).length,
          warnings: all.filter((i) => i.severity === 'warning').length,
          information: all.filter((i) => i.severity === 'information').length,
          unevaluated: unevaluated(all),
        })}\n`,
      );
    }
    return all.some(isError) ? 1 : 0;
  },
};
