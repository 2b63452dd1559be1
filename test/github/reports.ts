// Reports for unit tests, made by the real pipeline on the demo editor (evidence checks only read local files).
import path from 'node:path';
import type { Report } from '../../src/report/model.js';
import { run } from '../../src/pipeline.js';
import { TODAY, demoWorkspace, repoRoot } from './harness.js';

const FHIR_PACKAGE_PATH = process.env.FHIR_PACKAGE_PATH ?? path.resolve(repoRoot, '../shared/fhir-packages');

export async function demoReport(
  alter?: (repoDir: string) => void,
  lang: 'fr' | 'en' = 'fr',
): Promise<Report> {
  const { repoDir } = demoWorkspace(alter ? { alter } : {});
  const result = await run({
    repoDir,
    lang,
    failOn: 'obligatoire',
    now: new Date(`${TODAY}T12:00:00Z`),
    engine: { offline: true, fhirPackagePath: FHIR_PACKAGE_PATH.split(path.delimiter) },
  });
  return result.report;
}

/** The same report with `count` extra notices, each `size` characters long, in any script. */
export function withNotices(
  report: Report,
  count: number,
  text = 'Remarque longue sur le manifeste ',
): Report {
  const notices = Array.from({ length: count }, (_, i) => ({
    code: 'test.notice',
    message: `${text.repeat(4)} n°${i}`,
  }));
  return { ...report, notices: [...report.notices, ...notices] };
}
