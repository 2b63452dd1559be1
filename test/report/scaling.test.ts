// Output that scales: a repository with thousands of files failing the same rule gives a console, a report.md and a
// dossier that group the repeats with their counts and stay bounded, while report.json and SARIF keep every finding.
// The report is built in memory from the demo's, so no test validates thousands of files.
import { beforeAll, describe, expect, it } from 'vitest';
import { ExchangeRecorder } from '../../src/checks/sandbox/recorder.js';
import { renderConsole } from '../../src/report/console.js';
import { exchangesSection } from '../../src/report/exchanges.js';
import { groupFindings } from '../../src/report/finding-groups.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { Report } from '../../src/report/model.js';
import { SARIF_MAX_RESULTS, renderSarif } from '../../src/report/sarif.js';
import { Redactor } from '../../src/secrets.js';
import { demoReport } from '../helpers/demo-report.js';
import { FILES, file, withRepeatedFindings as large } from './large-report.js';

/** 5,000 × "1 000" with the narrow no-break space French writes thousands with. */
const fr = (n: number) => n.toLocaleString('fr-FR');

let demo: { fr: Report; en: Report };
beforeAll(async () => {
  demo = { fr: await demoReport('fr'), en: await demoReport('en') };
});

describe('repeated findings', () => {
  it('are grouped by check, code and message, with the count, the files and the first places', () => {
    const findings = large(demo.fr).criteria.find((x) => x.id === 'INT-FHIR-MESURES')!.findings;
    const groups = groupFindings(findings, { maxLocations: 3 });
    const same = groups.find((g) => g.code === 'fhir.binding-required');
    expect(same).toMatchObject({ uniform: true, count: FILES, files: FILES, moreLocations: FILES - 3 });
    expect(same?.locations.map((l) => l.file)).toEqual([file(0), file(1), file(2)]);
    // A message naming the resource: the first three stand alone, the 4,997 others are one entry for the code.
    const varying = groups.filter((g) => g.code === 'fhir.min');
    expect(varying.map((g) => g.count)).toEqual([1, 1, 1, FILES - 3]);
    expect(varying[3]).toMatchObject({ uniform: false, files: FILES - 3 });
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(findings.length);
  });
});

describe('a report with thousands of repeated findings', () => {
  it('prints the first few warnings per criterion on the console, then how many more', () => {
    const text = renderConsole(large(demo.fr), false);
    const lines = text.split('\n');
    expect(lines.length).toBeLessThan(120);
    // The summary still counts every warning.
    const demoWarnings = demo.fr.criteria
      .flatMap((x) => x.findings)
      .filter((f) => f.outcome === 'warn').length;
    expect(text).toContain(`Points d’attention (${4000 + demoWarnings}) :`);
    const warnings = lines.filter((l) => l.includes('INT-FHIR-MESURES') && l.includes('extensible n°'));
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toContain(`${file(0)}:107:13, ${file(8)}:107:13, ${file(16)}:107:13, …`);
    expect(warnings[0]).toContain(`— ${fr(500)} constats dans ${fr(500)} fichiers`);
    expect(text).toContain(`… et ${fr(1500)} autres constats (voir report.json)`);
    // The failure names its first places and how many others there are.
    expect(text).toMatch(
      /INT-FHIR-MESURES[^\n]*\n\s+fhir\/mesures\/mesure-00000\.json:19:9, [^\n]+\(\+[^)]+ autres lieux\)/,
    );
  });

  it('groups them in the dossier, with counts and the first places, and stays small', () => {
    const report = large(demo.fr);
    const html = renderHtml(report);
    expect(html.length).toBeLessThan(400_000);
    expect(html).toContain(
      `code finalised absent du jeu de valeurs obligatoire (Bundle.entry[0].resource.status) — <span class="small">${fr(FILES)} constats dans ${fr(FILES)} fichiers</span> : <code>${file(0)}:19:9</code>`,
    );
    expect(html).toContain(
      `<span class="small">${fr(FILES - 3)} constats semblables (fhir.min) dans ${fr(FILES - 3)} fichiers, par exemple :</span> Observation/obs-3 : Observation.subject est obligatoire`,
    );
    expect(html).toContain('(liste complète dans report.json)');
    expect(html).not.toContain(file(4999));
    // Still a whole dossier: the card of the criterion, the traceability chapter after it.
    expect(html.indexOf('id="INT-FHIR-MESURES"')).toBeLessThan(html.indexOf('id="tracabilite"'));
  });

  it('groups them in report.md, in English too, and stays small', () => {
    const md = renderMarkdown(large(demo.fr), { titleLevel: 1 });
    expect(md.length).toBeLessThan(150_000);
    expect(md).toContain(`<sub>${fr(FILES)} constats dans ${fr(FILES)} fichiers : \`${file(0)}:19:9\``);
    expect(md).not.toContain(file(4999));
    const en = renderMarkdown(large(demo.en), { titleLevel: 1 });
    expect(en).toContain(
      `<sub>${FILES.toLocaleString('en-GB')} findings in ${FILES.toLocaleString('en-GB')} files: \`${file(0)}:19:9\``,
    );
    // English punctuation in what the renderer writes around the places (the sample messages are French).
    expect([...en.matchAll(/<sub>[^<]*<\/sub>/g)].filter((m) => m[0].includes(' : '))).toEqual([]);
    expect(en).toContain('(full list in report.json)');
    expect(en).toContain(`${(FILES - 3).toLocaleString('en-GB')} similar findings (fhir.min) in`);
  });

  it('keeps every finding in report.json', () => {
    const report = large(demo.fr);
    const parsed = JSON.parse(renderJson(report)) as Report;
    const findings = parsed.criteria.find((x) => x.id === 'INT-FHIR-MESURES')!.findings;
    expect(findings.filter((f) => f.code === 'fhir.binding-required')).toHaveLength(FILES);
    expect(findings.filter((f) => f.code === 'fhir.min').map((f) => f.location?.file)).toContain(file(4999));
  });
});

describe('SARIF with more results than code scanning accepts', () => {
  it('keeps the most severe within the limit and says how many were left out', () => {
    const report = structuredClone(demo.fr);
    const c = report.criteria.find((x) => x.id === 'INT-FHIR-MESURES')!;
    c.status = 'non-conforme';
    c.blocking = true;
    const over = SARIF_MAX_RESULTS + 2000;
    for (let i = 0; i < over; i++)
      c.findings.push({
        // The warnings come first in the report: the errors must still all be kept.
        outcome: i < over - 3000 ? 'warn' : 'fail',
        check: 'fhir/profiles',
        code: 'x',
        message: `constat ${i}`,
        location: { file: file(i % FILES), line: 1 },
      });
    const run = JSON.parse(renderSarif(report)).runs[0];
    expect(run.results.length).toBe(SARIF_MAX_RESULTS);
    expect(run.results.filter((r: { level: string }) => r.level === 'error')).toHaveLength(3000);
    const note = run.invocations[0].toolExecutionNotifications[0].message.text as string;
    const dropped = demoResults(demo.fr) + over - SARIF_MAX_RESULTS;
    expect(note).toContain(`${dropped} résultats sur ${demoResults(demo.fr) + over} omis`);
    // Under the limit, nothing is said.
    expect(JSON.parse(renderSarif(demo.fr)).runs[0].invocations).toBeUndefined();
  });
});

function demoResults(report: Report): number {
  return JSON.parse(renderSarif(report)).runs[0].results.length;
}

describe('the dossier de recette of a test replayed for every resource', () => {
  it('prints three runs of each test and result, and counts the others', () => {
    const recorder = new ExchangeRecorder(new Redactor(), new Set());
    recorder.suites.set('mesures', { id: 'mesures', title: 'Mesures de santé', requirements: [] });
    for (let i = 0; i < 1000; i++) {
      const id = recorder.record({
        suite: 'mesures',
        test: 'nominal-create',
        step: 'create',
        attempt: 1,
        method: 'POST',
        url: 'http://127.0.0.1:1/fhir/',
        status: i % 4 === 0 ? 422 : 200,
        durationMs: 1,
        startedAt: '2026-06-01T12:00:00.000Z',
        request: { headers: {}, body: `{"n":${i}}` },
        response: { headers: {}, body: '{}' },
      });
      recorder.tests.push({
        suite: 'mesures',
        id: 'nominal-create',
        title: 'Création nominale',
        result: i % 4 === 0 ? 'fail' : 'pass',
        durationMs: 1,
        steps: [{ id: 'create', title: 'create', result: 'pass', messages: [], exchanges: [id] }],
      });
    }
    const doc = JSON.stringify(recorder.document({ kind: 'emulator', url: 'http://127.0.0.1:1/fhir' }, 'r'));
    const section = exchangesSection(doc, 'fr');
    expect(section).toBeDefined();
    const html = section!.html;
    expect(html.match(/<div class="criterion">/g)).toHaveLength(6);
    expect(html).toContain(
      '… et 747 autres tests « Création nominale » (réussi) : exchanges.json les garde tous',
    );
    expect(html).toContain('… et 247 autres tests « Création nominale » (échec)');
    // The introduction still counts every test and exchange, though only the printed ones' exchanges are kept.
    expect(html).toContain('1000 tests contre l’émulateur embarqué');
    expect(html).toContain(': 1000 échanges.');
    expect(html.match(/<details class="exchange">/g)).toHaveLength(6);
  });
});
