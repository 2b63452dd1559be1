// What the job itself reports, end to end: exit codes under each fail-on policy, configuration errors, annotations,
// the SARIF file, the outputs, and publishing a report made by an earlier run (the workflow_run pattern). Tests about
// what the checks found run every check of the demo; tests about how a result is reported publish reports the real
// pipeline made (the `from-report` input), which take the same publishing path without running the checks again.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS_BOT, FakeGitHubApi } from '../fakes/github-api.js';
import {
  DEFAULT_TOKEN,
  LOCAL_SERVER_URL,
  OWNER,
  REPO,
  breakManifestDates,
  cleanTempDirs,
  demoWorkspace,
  expireHdsCertificate,
  publishEarlierReport,
  runAction,
  tempDir,
} from './harness.js';
import { demoManifestLine } from '../helpers.js';
import { demoReportJson } from './reports.js';

let api: FakeGitHubApi;

beforeAll(async () => {
  api = await FakeGitHubApi.start({
    tokens: { [DEFAULT_TOKEN]: { user: ACTIONS_BOT, installation: true } },
    serverUrl: LOCAL_SERVER_URL,
  });
});
afterAll(async () => {
  await api.close();
  cleanTempDirs();
});

const push = { name: 'push', payload: {} };
/** Where the HDS certificate's expiry sits in the demo manifest (the annotation of its failure). */
const HDS_EXPIRES_LINE = demoManifestLine('expires: 2028-06-29');

/** Every declared evidence file deleted: over ten blocking findings. */
function removeAllEvidence(repoDir: string): void {
  for (const file of ['docs', 'SECURITY.md']) rmSync(path.join(repoDir, file), { recursive: true });
}

describe('exit code and outputs', () => {
  it('follows fail-on: obligatoire fails on a blocking criterion, tout on any failure, jamais never', async () => {
    const clean = await demoReportJson('demo');
    const blocking = await demoReportJson('hds-expired', expireHdsCertificate);
    // The policy applied by the checks themselves (a full run), then by the publication of earlier results.
    const cases: [string | undefined, string | undefined, number][] = [
      [undefined, 'tout', 1],
      [clean, undefined, 0],
      [blocking, undefined, 1],
      [blocking, 'jamais', 0],
    ];
    for (const [report, failOn, code] of cases) {
      const inputs: Record<string, string> = failOn ? { 'fail-on': failOn } : {};
      const run = report
        ? await publishEarlierReport(report, { event: push, inputs })
        : await runAction({ workspace: demoWorkspace().workspace, event: push, inputs });
      expect(run.code, `fail-on ${failOn ?? '(default)'}`).toBe(code);
      const failed = run.annotations.filter(
        (a) => a.level === 'error' && a.message.includes('échec selon la politique'),
      );
      expect(failed).toHaveLength(code);
    }
  });

  it('sets result, counts and paths, and writes report.json where report-json says', async () => {
    const { workspace } = demoWorkspace({ alter: expireHdsCertificate });
    const run = await runAction({ workspace, event: push });
    expect(run.outputs).toMatchObject({
      result: 'non-conforme',
      'blocking-count': '1',
      'failed-count': '2',
      'report-json': path.join(run.reportDir, 'report.json'),
      'sarif-file': path.join(run.reportDir, 'report.sarif'),
    });
    const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8'));
    expect(report.verdict).toBe('non-conforme');
    expect(report.today).toBe('2026-10-01');
  });

  it('a bad input is a configuration error: exit 2, an error annotation, the summary says so', async () => {
    const { workspace } = demoWorkspace();
    const run = await runAction({
      workspace,
      event: push,
      inputs: { 'fail-on': 'parfois', comment: 'souvent', 'retention-days': 'zero' },
    });
    expect(run.code).toBe(2);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors.map((e) => e.message)).toEqual([
      'entrée fail-on : valeur « parfois » invalide (valeurs possibles : obligatoire | obligatoire-suppose | tout | jamais)',
      'entrée comment : valeur « souvent » invalide (valeurs possibles : always | on-failure | never)',
      'entrée retention-days : « zero » n’est pas un entier positif',
    ]);
    expect(run.summary).toContain('mes-referencing : erreur de configuration');
    expect(run.outputs.result).toBeUndefined();
  });

  it('a manifest error is exit 2 with an annotation at its file, line and column, below working-directory', async () => {
    const { workspace } = demoWorkspace({ subdir: 'services/tensio', alter: breakManifestDates });
    api.requests.length = 0;
    const run = await runAction({
      workspace,
      api,
      inputs: { 'working-directory': 'services/tensio', lang: 'en' },
    });
    expect(run.code).toBe(2);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.properties).toEqual({
      file: 'services/tensio/mes-referencing.yml',
      line: String(HDS_EXPIRES_LINE),
      col: '14',
    });
    expect(errors[0]!.message).toContain('2024-06-29');
    expect(run.summary).toContain(`\`services/tensio/mes-referencing.yml:${HDS_EXPIRES_LINE}:14\``);
    // Nothing is published for a run that could not evaluate anything.
    expect(api.requests).toEqual([]);
  });

  it('a report-dir that cannot be written is a configuration error, not a crash', async () => {
    const workspace = path.join(tempDir(), 'workspace');
    mkdirSync(workspace);
    writeFileSync(path.join(workspace, 'occupied'), 'a file, not a folder');
    const run = await publishEarlierReport(await demoReportJson('demo'), {
      workspace,
      event: push,
      inputs: { 'report-dir': 'occupied' },
    });
    expect(run.code).toBe(2);
    expect(run.annotations.filter((a) => a.level === 'error')[0]!.message).toContain(
      `report-dir : impossible d’écrire dans ${path.join(workspace, 'occupied')} : c’est un fichier, pas un dossier`,
    );
    expect(run.summary).toContain('mes-referencing : erreur de configuration');
    expect(run.stderr).toBe('');
  });

  it('a fixed reference date that is not a date is a configuration error', async () => {
    const { workspace } = demoWorkspace();
    const run = await runAction({ workspace, event: push, env: { MES_REFERENCING_TODAY: '2026-13-01' } });
    expect(run.code).toBe(2);
    expect(run.annotations[0]!.message).toContain('MES_REFERENCING_TODAY');
  });
});

describe('annotations', () => {
  it('shows blocking findings first, located below working-directory, at most 10 per level with a count of the rest', async () => {
    const { workspace } = demoWorkspace({ subdir: 'app' });
    const run = await publishEarlierReport(await demoReportJson('no-evidence', removeAllEvidence), {
      workspace,
      event: push,
      inputs: { 'working-directory': 'app' },
    });
    expect(run.code).toBe(1);
    const levels = run.annotations.map((a) => a.level);
    expect(levels[0]).toBe('error');
    // The findings' errors come before any warning or notice; the failure message closes the list.
    const firstOther = levels.findIndex((l) => l !== 'error');
    expect(levels.slice(0, firstOther).every((l) => l === 'error')).toBe(true);
    expect(levels.slice(firstOther, -1)).not.toContain('error');
    for (const level of ['error', 'warning', 'notice'])
      expect(levels.filter((l) => l === level).length, level).toBeLessThanOrEqual(10);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    const located = errors.filter((e) => e.properties.file);
    expect(located).toHaveLength(8);
    for (const e of located) {
      expect(e.properties.file).toBe('app/mes-referencing.yml');
      expect(Number(e.properties.line)).toBeGreaterThan(0);
      expect(Number(e.properties.col)).toBeGreaterThan(0);
      expect(e.properties.title).toMatch(/^[A-Z]{2,4}-/);
    }
    const more = errors.find((e) => e.message.startsWith('… et '));
    expect(more?.message).toMatch(/^… et \d+ autres constats bloquants/);
    expect(errors.at(-1)!.message).toContain('échec selon la politique');
  });
});

describe('SARIF', () => {
  it('writes sarif-file with locations relative to the checkout', async () => {
    const { workspace } = demoWorkspace({ subdir: 'app' });
    const run = await publishEarlierReport(await demoReportJson('hds-expired', expireHdsCertificate), {
      workspace,
      event: push,
      inputs: { 'working-directory': 'app', 'sarif-file': 'results/mes.sarif' },
    });
    expect(run.code).toBe(1);
    const file = path.join(workspace, 'results', 'mes.sarif');
    expect(run.outputs['sarif-file']).toBe(file);
    const sarif = JSON.parse(readFileSync(file, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results as {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    const hds = results.find((r) => r.ruleId === 'URB-HDS' && r.level === 'error');
    expect(hds?.locations[0]!.physicalLocation.artifactLocation.uri).toBe('app/mes-referencing.yml');
    expect(hds?.locations[0]!.physicalLocation.region.startLine).toBe(HDS_EXPIRES_LINE);
    // The dossier's copy is the same file.
    expect(readFileSync(path.join(run.reportDir, 'report.sarif'), 'utf8')).toBe(readFileSync(file, 'utf8'));
  });
});

describe('what could not be checked', () => {
  it('fails with fail-on-unverified, says so first, links to the head commit, and keeps its SARIF category', async () => {
    // No FHIR package anywhere, and offline: the FHIR criteria cannot be checked.
    const { workspace } = demoWorkspace({ subdir: 'app' });
    const run = await runAction({
      workspace,
      api,
      env: { FHIR_PACKAGE_PATH: '' },
      inputs: {
        'working-directory': 'app',
        offline: 'true',
        'fhir-package-cache': path.join(workspace, '.empty-fhir-cache'),
        'fail-on-unverified': 'true',
        header: 'ios',
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('a-verifier');
    // Five mandatory criteria unverified (FHIR ×2, TLS ×2, trackers); fail-on obligatoire blocks the two whose
    // level a published source states (INT-FHIR-MESURES, ETH-TRACEURS).
    expect(run.outputs['unverified-count']).toBe('5');
    expect(run.outputs['blocking-count']).toBe('2');
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors.some((a) => a.message.includes('« obligatoire + fail-on-unverified »'))).toBe(true);
    const fhir = errors.find((a) => a.properties.title?.startsWith('INT-FHIR-MESURES'));
    expect(fhir?.message).toContain('paquet FHIR ans.fhir.fr.mesures#3.1.0 introuvable');
    expect(fhir?.message).toContain('FHIR_PACKAGE_PATH');
    expect(fhir?.properties.file).toBe('app/mes-referencing.yml');

    // The summary and the comment say it in their first lines.
    const summary = run.summary.split('\n');
    expect(summary[2]).toMatch(/^❌ \*\*Échec : \d+ critères obligatoires n’ont pas pu être vérifiés/);
    expect(summary.slice(4, 6).join('\n')).toMatch(/^> \[!CAUTION\]\n> ⛔ .*INT-FHIR-MESURES/);
    const [comment] = api.comments(OWNER, REPO, 17);
    expect(comment?.body).toContain('### À traiter en premier');
    expect(comment?.body).toMatch(
      /\[app\/mes-referencing\.yml:\d+:\d+\]\(http:\/\/fake\.localhost\/tensio-sante\/tensio\/blob\/2{40}\/app\/mes-referencing\.yml#L\d+\)/,
    );

    // The header names this instance's category in code scanning.
    const sarif = JSON.parse(readFileSync(path.join(run.reportDir, 'report.sarif'), 'utf8'));
    expect(sarif.runs[0].automationDetails.id).toBe('mes-referencing/ios/');
  });
});

describe('publishing an earlier report (workflow_run, second stage)', () => {
  it('comments on the pull request named by the inputs from the report of the first stage', async () => {
    // Stage 1: the fork's pull_request run, no comment, the dossier kept.
    const { workspace } = demoWorkspace({ alter: expireHdsCertificate });
    const stage1 = await runAction({ workspace, event: push, inputs: { comment: 'never' } });
    expect(stage1.code).toBe(1);

    // Stage 2: a workflow_run in the base repository with its own token, publishing stage 1's report.
    const number = 301;
    const stage2Workspace = demoWorkspace().workspace;
    mkdirSync(path.join(stage2Workspace, 'dossier'));
    writeFileSync(
      path.join(stage2Workspace, 'dossier', 'report.json'),
      readFileSync(stage1.outputs['report-json']!, 'utf8'),
    );
    const stage2 = await runAction({
      workspace: stage2Workspace,
      api,
      event: {
        name: 'workflow_run',
        payload: { action: 'completed', workflow_run: { id: 1, pull_requests: [] } },
      },
      inputs: { 'from-report': 'dossier/report.json', 'pull-request': String(number), 'fail-on': 'jamais' },
    });
    expect(stage2.code).toBe(0);
    const thread = api.comments(OWNER, REPO, number);
    expect(thread).toHaveLength(1);
    expect(thread[0]!.body).toContain('Non conforme : 1 critère bloquant');
    expect(stage2.outputs.result).toBe('non-conforme');
    expect(stage2.stdout).toContain('aucun contrôle exécuté');
    expect(existsSync(path.join(stage2.reportDir, 'report.html'))).toBe(true);
  });

  it('refuses a report that does not match its schema, at the line of the problem', async () => {
    const workspace = path.join(tempDir(), 'workspace');
    mkdirSync(workspace);
    const report = (await demoReportJson('demo')).replace('"verdict": "a-verifier"', '"verdict": "parfait"');
    const line = report.split('\n').findIndex((l) => l.includes('"parfait"')) + 1;
    writeFileSync(path.join(workspace, 'forged.json'), report);
    const run = await runAction({
      workspace,
      event: push,
      inputs: { 'from-report': 'forged.json', 'pull-request': '302' },
    });
    expect(run.code).toBe(2);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.properties.file).toBe('forged.json');
    expect(errors[0]!.properties.line).toBe(String(line));
    expect(errors[0]!.message).toContain('parfait');
  });
});
