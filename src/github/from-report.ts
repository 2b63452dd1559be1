// Publishing a report made by an earlier run (the second stage of the workflow_run pattern for fork pull
// requests): the report.json is checked against its schema, with located errors, before anything is posted.
import path from 'node:path';
import schema from '../../schemas/report.schema.json' with { type: 'json' };
import type { UserError } from '../errors.js';
import { combineErrors } from '../errors.js';
import { summarise } from '../pipeline.js';
import type { Report } from '../report/model.js';
import { applyPolicy } from '../report/policy.js';
import { compileSchema, schemaErrorsToUserErrors } from '../util/schema-errors.js';
import { readYamlFile } from '../util/yaml-source.js';

/** A report with thousands of findings is a few megabytes; anything far larger is not one. */
const REPORT_MAX_BYTES = 64 * 1024 * 1024;

let validate: ReturnType<typeof compileSchema> | undefined;

export function loadReport(file: string, workspace: string): Report {
  const relative = path.relative(workspace, file);
  const display =
    relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
  // JSON is YAML: the YAML reader keeps positions, so a bad field is reported at its line.
  const source = readYamlFile(file, { displayPath: display, maxBytes: REPORT_MAX_BYTES });
  validate ??= compileSchema(schema);
  if (!validate(source.data))
    throw combineErrors(schemaErrorsToUserErrors(validate.errors ?? [], source)) as UserError;
  return rederived(source.data as Report);
}

/**
 * The report an earlier run made may have been written by anyone (a fork's job uploads it): what it says about its
 * criteria is shown, but whether they block, the counts, the verdict and the policy's outcome are recomputed from
 * them, never believed.
 */
function rederived(report: Report): Report {
  const criteria = report.criteria.map((c) => ({
    ...c,
    attention: c.findings.some((f) => f.outcome === 'warn'),
  }));
  const titles = report.rubriques.map((r) => ({ id: r.id, title: r.title }));
  return applyPolicy({ ...report, criteria, ...summarise(criteria, titles) }, report.policy);
}
