// A verdict an editor can trust, through the whole pipeline (manifest → checks → evaluation → policy → outputs):
// our sample never fails the editor, levels say where they come from, nothing unverified is silent, human reviews
// close the loop and lapse when the evidence changes, and each action instance keeps its own SARIF category.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/pipeline.js';
import type { RunOptions } from '../../src/pipeline.js';
import { renderConsole } from '../../src/report/console.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { writeReportFiles } from '../../src/report/write.js';
import { Redactor } from '../../src/secrets.js';
import {
  DEMO_TODAY,
  FHIR_PACKAGE_FOLDERS,
  ROOT,
  copyDemo,
  editManifest,
  runCli,
  tempDir,
} from '../helpers.js';

const options = (repoDir: string, extra: Partial<RunOptions> = {}): RunOptions => ({
  repoDir,
  lang: 'fr',
  failOn: 'obligatoire',
  now: DEMO_TODAY,
  engine: { offline: true, fhirPackagePath: FHIR_PACKAGE_FOLDERS, env: {} },
  ...extra,
});

/** The demo rewritten as a new editor: its own OIDs, measures only, and no FHIR resource of its own. */
function newEditor(): string {
  const repo = copyDemo();
  editManifest(repo, (t) =>
    t
      .replace('editor-oid: 1.2.250.1.999.42', 'editor-oid: 1.2.250.1.999.77')
      .replace('solution-oid: 1.2.250.1.999.42.1', 'solution-oid: 1.2.250.1.999.77.3')
      .replace('data-domains: [mesures, documents]', 'data-domains: [mesures]')
      .replace(/\nfhir:\n {2}resources:\n( {4}- .*\n)+/, '\n'),
  );
  return repo;
}

describe('hooking tests on our own sample', () => {
  it('moves the sample to the editor’s OIDs, says it used sample data, and never fails the editor for it', async () => {
    const { report, attachments } = await run(options(newEditor()));
    const hooking = report.criteria.find((c) => c.id === 'INT-ACCROCHAGE');
    // The emulator used to refuse the sample (422, meta.source under another root OID): now every test passes…
    expect(hooking?.findings.filter((f) => f.outcome === 'fail')).toEqual([]);
    expect(hooking?.findings.filter((f) => f.code.startsWith('sandbox.mesures.')).length).toBeGreaterThan(3);
    // …and the criterion is at best a-verifier, saying why.
    expect(hooking?.status).toBe('a-verifier');
    const sample = hooking?.findings.find((f) => f.code === 'sandbox.sample-data');
    expect(sample?.outcome).toBe('review');
    expect(sample?.message).toContain('l’exemple du projet (mesures-tension.json), réécrit à votre identité');
    expect(sample?.message).toContain('1.2.250.1.999.77.3');
    expect(sample?.fix).toContain('fhir.resources');
    expect(report.failing).toBe(false);

    // What was sent carries the editor's OIDs only: meta.source, Device identifier and ifNoneExist.
    const exchanges = JSON.parse(attachments.get('exchanges.json') ?? '{}') as {
      exchanges: { request: { body?: string } }[];
      tests: { sample?: boolean; item?: string }[];
    };
    const bodies = exchanges.exchanges.map((x) => x.request.body ?? '').join('\n');
    expect(bodies).toContain('"source": "urn:oid:1.2.250.1.999.77.3"');
    expect(bodies).toContain('"system": "urn:oid:1.2.250.1.999.77.3.2"');
    expect(bodies).toContain('identifier=urn:oid:1.2.250.1.999.77.3|');
    expect(bodies).not.toMatch(/1\.2\.250\.1\.999\.42(?![0-9])/);
    expect(exchanges.tests.filter((t) => t.item === 'mesures-tension.json').every((t) => t.sample)).toBe(
      true,
    );
  });
});

describe('nothing unverified is silent', () => {
  const withoutPackages = (repo: string, extra: Partial<RunOptions> = {}) =>
    run(
      options(repo, {
        engine: { offline: true, fhirPackagePath: [], fhirPackageCache: tempDir('mes-no-cache-'), env: {} },
        ...extra,
      }),
    );

  it('counts the unchecked mandatory criteria in the first lines, each with its reason and fix, and blocks on request', async () => {
    const repo = copyDemo();
    const { report } = await withoutPackages(repo);
    const fhir = report.criteria.find((c) => c.id === 'INT-FHIR-MESURES');
    expect(fhir?.status).toBe('indisponible');
    expect(fhir?.niveau).toBe('obligatoire');
    expect(fhir?.blocking).toBe(false);
    expect(report.failing).toBe(false);
    expect(report.counts.unverified).toBeGreaterThanOrEqual(2);

    // Console: the third line counts them and names INT-FHIR-MESURES; its reason and fix follow under "À traiter".
    const consoleText = renderConsole(report, false);
    const lines = consoleText.split('\n');
    expect(lines[2]).toMatch(/^⛔ \d+ critères obligatoires n’ont pas pu être vérifiés : .*INT-FHIR-MESURES/);
    const at = consoleText.indexOf('INT-FHIR-MESURES (obligatoire)');
    expect(at).toBeGreaterThan(0);
    const item = consoleText.slice(at, consoleText.indexOf('\n  ', consoleText.indexOf('→', at)));
    expect(item).toContain('paquet FHIR ans.fhir.fr.mesures#3.1.0 introuvable');
    expect(item).toContain(
      '→ À faire : le mode hors ligne interdit le téléchargement : placez les paquets dans un dossier de FHIR_PACKAGE_PATH',
    );

    // Comment and job summary (the same Markdown): right after the verdict, then the item with its fix.
    const md = renderMarkdown(report).split('\n');
    expect(md.slice(4, 6).join('\n')).toMatch(
      /^> \[!IMPORTANT\]\n> ⛔ \*\*\d+ critères obligatoires n’ont pas pu être vérifiés\*\* : .*INT-FHIR-MESURES/,
    );
    const todo = md.find((l) => l.includes('**INT-FHIR-MESURES**') && l.includes('non vérifié'));
    // (A word joiner after `#` keeps GitHub from reading `#3` as an issue reference.)
    expect(todo).toContain('paquet FHIR ans.fhir.fr.mesures#\u20603.1.0 introuvable');
    expect(todo).toContain(
      '**À faire :** le mode hors ligne interdit le téléchargement : placez les paquets dans un dossier de FHIR\\_PACKAGE\\_PATH',
    );

    // fail-on-unverified: the same run fails the job, and says why.
    const strict = (await withoutPackages(repo, { failOnUnverified: true })).report;
    expect(strict.failing).toBe(true);
    expect(strict.criteria.find((c) => c.id === 'INT-FHIR-MESURES')?.blocking).toBe(true);
    expect(strict.verdict).toBe('a-verifier');
    expect(renderMarkdown(strict).split('\n')[2]).toMatch(
      /^❌ \*\*Échec : \d+ critères obligatoires n’ont pas pu être vérifiés \(fail-on-unverified\)\*\*/,
    );
    expect(renderConsole(strict, false).split('\n')[0]).toContain('Échec :');
  });
});

describe('human reviews', () => {
  const pentest = async (repo: string, now = DEMO_TODAY) =>
    (await run(options(repo, { now }))).report.criteria.find((c) => c.id === 'SEC-PENTEST');

  it('records a review, and lets it lapse when the reviewed file changes or after a year', async () => {
    const repo = copyDemo();
    const reviewed = await pentest(repo);
    expect(reviewed?.status).toBe('conforme');
    expect(reviewed?.review).toMatchObject({ reviewer: 'Jeanne Martin, RSSI', state: 'applied' });
    expect(reviewed?.findings.at(-1)?.message).toMatch(
      /^revu par Jeanne Martin, RSSI le 2026-09-25 : conforme — Rapport du 21 septembre 2026 lu/,
    );

    // The report is edited after the review: the review no longer holds.
    const report = path.join(repo, 'docs', 'rapport-pentest-2026.md');
    writeFileSync(report, `${readFileSync(report, 'utf8')}\nAnnexe ajoutée après la revue.\n`);
    const changed = await pentest(repo);
    expect(changed?.status).toBe('a-verifier');
    expect(changed?.review?.state).toBe('lapsed');
    const lapsed = changed?.findings.find((f) => f.code === 'review.lapsed');
    expect(lapsed?.message).toBe(
      'la revue de Jeanne Martin, RSSI du 2026-09-25 ne vaut plus : docs/rapport-pentest-2026.md a changé depuis (empreinte sha256 différente)',
    );
    expect(lapsed?.fix).toContain('mes-referencing review SEC-PENTEST');

    // `mes-referencing review` prints the entry with the new hash: pasted into the manifest, it holds again.
    const printed = runCli([
      'review',
      'SEC-PENTEST',
      '--repo',
      repo,
      '--reviewer',
      'Karim Benali, RSSI',
      '--today',
      '2026-11-20',
    ]);
    expect(printed.code).toBe(0);
    const [entry] = parse(printed.stdout) as { sha256: Record<string, string>; reviewer: string }[];
    expect(entry?.reviewer).toBe('Karim Benali, RSSI');
    expect(entry?.sha256['docs/rapport-pentest-2026.md']).toMatch(/^[0-9a-f]{64}$/);
    editManifest(repo, (t) => t.replace('revues:\n', `revues:\n${printed.stdout}`));
    const again = await pentest(repo);
    expect(again?.status).toBe('conforme');
    expect(again?.review).toMatchObject({
      reviewer: 'Karim Benali, RSSI',
      date: '2026-11-20',
      state: 'applied',
    });

    // A year and a day later, it has lapsed (and the criterion is back to a person).
    const aged = copyDemo();
    editManifest(aged, (t) => t.replace('date: 2026-09-25', 'date: 2025-11-25'));
    const expired = await pentest(aged);
    expect(expired?.status).toBe('a-verifier');
    expect(expired?.review?.lapse).toBe('elle a plus d’un an (valable jusqu’au 2026-11-25)');
  });

  it('turns a negative review into a failure at the criterion’s level, and ignores a review of a failing criterion', async () => {
    const repo = copyDemo();
    editManifest(repo, (t) =>
      t.replace('    verdict: conforme\n    note: Rapport', '    verdict: non-conforme\n    note: Rapport'),
    );
    const { report } = await run(options(repo, { failOn: 'obligatoire-suppose' }));
    const c = report.criteria.find((x) => x.id === 'SEC-PENTEST');
    expect(c?.status).toBe('non-conforme');
    expect(c?.blocking).toBe(true);

    // The pentest report is now too old: the automated failure stands, the review says nothing.
    const old = await run(options(copyDemo(), { now: new Date('2027-09-23T12:00:00Z') }));
    expect(old.report.criteria.find((x) => x.id === 'SEC-PENTEST')?.status).toBe('non-conforme');
    expect(old.report.notices.find((n) => n.code === 'review.unused')?.location?.file).toBe(
      'mes-referencing.yml',
    );
  });
});

describe('SARIF category', () => {
  it('gives two instances of the action (two headers) two automation ids', async () => {
    const { report, attachments } = await run(options(copyDemo()));
    const id = (instance: string) => {
      const out = tempDir('mes-sarif-');
      writeReportFiles(out, report, attachments, new Redactor(), { instance });
      return JSON.parse(readFileSync(path.join(out, 'report.sarif'), 'utf8')).runs[0].automationDetails.id;
    };
    expect(id('ios')).toBe('mes-referencing/ios/');
    expect(id('android')).toBe('mes-referencing/android/');
  });
});

describe('the README', () => {
  it('shows what the demo prints', async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /<!-- demo-output:start -->\n```\n([\s\S]*?)```\n<!-- demo-output:end -->/.exec(
      readme,
    )?.[1];
    expect(block).toBeDefined();
    // As the quick start runs it: network allowed (the demo's addresses do not resolve), packages given.
    const { report } = await run({
      repoDir: path.join(ROOT, 'examples', 'demo-editor'),
      lang: 'fr',
      failOn: 'obligatoire',
      now: DEMO_TODAY,
      engine: { offline: false, fhirPackagePath: FHIR_PACKAGE_FOLDERS, env: {} },
    });
    const printed = renderConsole(report, false);
    expect(block?.startsWith(printed)).toBe(true);
  });
});
