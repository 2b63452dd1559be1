// A report as a repository of 5,000 measure Bundles gives, built in memory from a real one: the renderers' and the
// printed dossier's tests share it, and no test validates thousands of files.
import type { Report, ReportFinding } from '../../src/report/model.js';

export const FILES = 5000;
export const file = (i: number) => `fhir/mesures/mesure-${String(i).padStart(5, '0')}.json`;

/**
 * The demo, with INT-FHIR-MESURES failing in 5,000 Bundles: one identical error per file, one error whose message
 * names the resource (so it differs per file), and eight kinds of warnings over 500 files each.
 */
export function withRepeatedFindings(base: Report): Report {
  const report = structuredClone(base);
  const c = report.criteria.find((x) => x.id === 'INT-FHIR-MESURES');
  if (!c) throw new Error('INT-FHIR-MESURES is not in the demo');
  const added: ReportFinding[] = [];
  for (let i = 0; i < FILES; i++) {
    added.push({
      outcome: 'fail',
      check: 'fhir/profiles',
      code: 'fhir.binding-required',
      message: 'code finalised absent du jeu de valeurs obligatoire (Bundle.entry[0].resource.status)',
      location: { file: file(i), line: 19, column: 9 },
    });
    added.push({
      outcome: 'fail',
      check: 'fhir/profiles',
      code: 'fhir.min',
      message: `Observation/obs-${i} : Observation.subject est obligatoire`,
      location: { file: file(i), line: 7, column: 7 },
    });
    if (i < 4000)
      added.push({
        outcome: 'warn',
        check: 'fhir/profiles',
        code: `fhir.binding-extensible-${i % 8}`,
        message: `code SYSID absent du jeu de valeurs extensible n° ${i % 8}`,
        location: { file: file(i), line: 107, column: 13 },
      });
  }
  c.findings.push(...added);
  c.status = 'non-conforme';
  c.blocking = true;
  c.attention = true;
  report.verdict = 'non-conforme';
  report.failing = true;
  return report;
}
