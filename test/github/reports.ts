// Reports made by the real pipeline on the demo editor (offline: no check leaves the machine), for unit tests and
// for the process tests that publish a report an earlier run made (the `from-report` input).
import type { Report } from '../../src/report/model.js';
import { renderJson } from '../../src/report/json.js';
import { run } from '../../src/pipeline.js';
import { FHIR_PACKAGE_FOLDERS } from '../helpers.js';
import { TODAY, demoWorkspace } from './harness.js';

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
    engine: { offline: true, fhirPackagePath: FHIR_PACKAGE_FOLDERS },
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

const reportJsons = new Map<string, Promise<string>>();

/**
 * The report.json an earlier run of the action left for the demo (altered), as text: what a process test that is
 * about publishing hands to the `from-report` input instead of running every check again. Made once per worker and
 * `name`, which names the variant.
 */
export function demoReportJson(
  name: string,
  alter?: (repoDir: string) => void,
  lang: 'fr' | 'en' = 'fr',
): Promise<string> {
  let made = reportJsons.get(name);
  if (!made) reportJsons.set(name, (made = demoReport(alter, lang).then(renderJson)));
  return made;
}
