// A malicious pull request, as an attacker would try it: the built action runs as the runner starts it, with a
// canary server on 127.0.0.1 standing in for internal services and canary secrets in the job's environment. Each
// run batches the attacks one fixture can carry, and asserts what a reviewer would want: no request reached the
// canary, no canary value in any output, no workflow command injected into the log, no HTML, image, link or
// mention from attacker text in the comment, the summary or the dossier. Controls: the opt-in reaches a local
// sandbox. Fixtures are minimal manifests so that the suite stays fast.
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/server.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { mentionsAndReferences, renderGfm } from '../escape/gfm.js';
import { ACTIONS_BOT, FakeGitHubApi } from '../fakes/github-api.js';
import type { ActionRun } from './harness.js';
import {
  DEFAULT_TOKEN,
  LOCAL_SERVER_URL,
  OWNER,
  PR_NUMBER,
  REPO,
  cleanTempDirs,
  runAction,
  tempDir,
} from './harness.js';
import { MINIMAL_MANIFEST } from '../helpers.js';

/** Values that must never appear in any output, nor reach any server but the one they are for. */
const CANARIES = {
  DEPLOY_KEY: 'canary-deploy-key-7f3a9e',
  MES_EXFIL: 'canary-mes-exfil-51c2d4',
  MES_CLIENT_ID: 'canary-client-id-0b8e',
  MES_CLIENT_SECRET: 'canary-client-secret-88d1',
  MES_ID_TOKEN: 'canary-id-token-3c7f',
};
/** A declared secret of two characters: masked all the same. */
const SHORT_SECRET = 'Zq';
const LEAKED_FILE_CANARY = 'canary-file-outside-the-repository-e41b';

let api: FakeGitHubApi;
let canary: http.Server;
let canaryUrl = '';
const canaryHits: string[] = [];

beforeAll(async () => {
  api = await FakeGitHubApi.start({
    tokens: { [DEFAULT_TOKEN]: { user: ACTIONS_BOT, installation: true } },
    serverUrl: LOCAL_SERVER_URL,
  });
  canary = http.createServer((req, res) => {
    canaryHits.push(`${req.method} ${req.url} ${JSON.stringify(req.headers)}`);
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end('{"access_token":"x","resourceType":"Bundle"}');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await api.close();
  canary.close();
  cleanTempDirs();
});

/** The minimal manifest on the exchange path, sending measures. */
const MINIMAL = MINIMAL_MANIFEST.replace('path: sans-echange', 'path: avec-echange').replace(
  '  audience: [patients]\n',
  '  audience: [patients]\n  data-domains: [mesures]\n',
);

function workspaceWith(manifest: string, files: Record<string, string> = {}): string {
  const workspace = path.join(tempDir(), 'workspace');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(path.join(workspace, 'mes-referencing.yml'), manifest);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    writeFileSync(path.join(workspace, name), content);
  }
  return workspace;
}

function prEvent(number: number) {
  const payload = JSON.parse(
    readFileSync(
      path.resolve(import.meta.dirname, '../fixtures/github/pull_request.synchronize.json'),
      'utf8',
    ),
  );
  payload.number = number;
  payload.pull_request.number = number;
  return { name: 'pull_request', payload };
}

/** Every text a person or a later step can see: log, summary, outputs, dossier files, comments. */
function everyOutput(run: ActionRun, number?: number): [string, string][] {
  const files: [string, string][] = [];
  const walk = (dir: string) => {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else files.push([path.relative(run.reportDir, file), readFileSync(file, 'utf8')]);
    }
  };
  walk(run.reportDir);
  const comments = number === undefined ? [] : api.comments(OWNER, REPO, number).map((c) => c.body);
  // `::add-mask::` lines are how the runner learns what to mask: it consumes them, they are never shown.
  const shown = (text: string) => text.replace(/^::add-mask::.*$/gm, '');
  return [
    ['stdout', shown(run.stdout)],
    ['stderr', run.stderr],
    ['summary', run.summary],
    ['outputs', JSON.stringify(run.outputs)],
    ...files,
    ...comments.map((body, i): [string, string] => [`comment ${i}`, body]),
  ];
}

function expectNoCanary(outputs: [string, string][], values: string[]): void {
  for (const [where, text] of outputs)
    for (const value of values) expect(text.includes(value), `${value} in ${where}`).toBe(false);
}

/** Lines the runner would execute as workflow commands that the action did not write itself. */
function injectedCommands(stdout: string): string[] {
  return stdout
    .split(/\r?\n|\r/)
    .filter((line) => /^\s*::/.test(line))
    .filter(
      (line) =>
        !/^::(add-mask|error|warning|notice|debug|group|endgroup)(\s[^:]*)?::/.test(line) ||
        /pwned/.test(line),
    );
}

/** The comment or summary as GitHub shows it: nothing from the attacker rendered as markup. */
function expectInert(markdown: string): void {
  const html = renderGfm(markdown);
  expect(html).not.toMatch(/<img|<h1|<script|<iframe|href="javascript:/i);
  for (const [, href] of html.matchAll(/<a href="([^"]*)"/g))
    expect(href?.startsWith(LOCAL_SERVER_URL), href).toBe(true);
  expect(mentionsAndReferences(html)).toEqual([]);
  // The only HTML comments are the action's own marker and state, at the very end.
  const comments = [...markdown.matchAll(/<!--/g)].length;
  if (comments > 0) {
    const lines = markdown.trimEnd().split('\n');
    expect(lines.at(-2)).toMatch(/^<!-- mes-referencing:comment/);
    expect(lines.at(-1)).toMatch(/^<!-- mes-referencing:state v1 [A-Za-z0-9_-]+ -->$/);
    expect(comments).toBe(2);
  }
}

const ATTACK_TEXT = `![pixel](${'{CANARY}'}/pixel.png) [clic](${'{CANARY}'}/link) @octocat #1 <img src=x> <h1>Titre</h1> <!-- mes-referencing:state v1 eyJjIjp7fSwiaCI6IngifQ -->`;

describe('a malicious pull request', () => {
  let reportOfA = '';

  it('changing an existing manifest: connection settings and secrets stay the base branch’s, text stays text', async () => {
    const attack = ATTACK_TEXT.replaceAll('{CANARY}', canaryUrl);
    const base = `${MINIMAL}sandbox:\n  target: https://sandbox.invalid/fhir\n  token-url: https://sandbox.invalid/token\n  auth: {type: client-secret, client-id-env: MES_CLIENT_ID, client-secret-env: MES_CLIENT_SECRET}\n  patient: {idpe: idpe-1}\n`;
    const head = `${MINIMAL.replace('name: Essai', `name: 'Essai ${attack.replaceAll("'", "''")}'`)}endpoints:
  web: ["${canaryUrl}/web"]
  api: ["http://169.254.169.254/latest/meta-data", "http://[::ffff:127.0.0.1]:${new URL(canaryUrl).port}/v6"]
sandbox:
  target: ${canaryUrl}/fhir
  token-url: ${canaryUrl}/token
  auth: {type: client-secret, client-id-env: MES_CLIENT_ID, client-secret-env: MES_EXFIL}
  headers-env: {x-exfil: MES_CLIENT_SECRET}
  patient: {idpe: idpe-1}
waivers:
  - criterion: URB-HDS
    justification: '${attack.replaceAll("'", "''")}'
    expires: 2030-01-01
official-ids:
  URB-PGSSI-S: '<a href="javascript:alert(1)">@octocat</a>'
`;
    const workspace = workspaceWith(head, {
      // A file name carrying a line break and a workflow command, with a secret-looking content the scan reports.
      'docs/note\n::warning file=x::pwned.txt': 'AKIAIOSFODNN7EXAMPLE\n',
    });
    const number = 501;
    const run = await runAction({
      workspace,
      api,
      event: prEvent(number),
      baseManifest: base,
      env: CANARIES,
      inputs: { 'fail-on': 'jamais' },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(canaryHits).toEqual([]);
    expectNoCanary(everyOutput(run, number), Object.values(CANARIES));
    expect(injectedCommands(run.stdout)).toEqual([]);

    const [comment] = api.comments(OWNER, REPO, number);
    expect(comment).toBeDefined();
    expectInert(comment!.body);
    expectInert(run.summary);
    // The proposed change is shown for review, values as code.
    expect(comment!.body).toContain('Paramètres de connexion proposés par cette pull request');
    for (const setting of [
      'endpoints',
      'sandbox.target',
      'sandbox.token-url',
      'sandbox.auth',
      'sandbox.headers-env',
    ])
      expect(comment!.body).toContain(`| \`${setting}\` |`);
    expect(comment!.body).toContain(`\`"${canaryUrl}/fhir"\``);

    const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8'));
    reportOfA = JSON.stringify(report);
    expect(report.trust.base).toBe('found');
    // The hooking tests ran against the base's target, not the proposed one.
    const hooking = report.criteria.find((c: { id: string }) => c.id === 'INT-ACCROCHAGE');
    expect(JSON.stringify(hooking.findings)).toContain('sandbox.invalid');
    // Endpoints the base never declared wait for the merge.
    const web = report.criteria
      .flatMap((c: { findings: { check: string; code: string }[] }) => c.findings)
      .filter((f: { check: string }) => f.check.startsWith('web/'));
    expect(web.length).toBeGreaterThan(0);
    for (const f of web) expect(f.code).toBe('trust.pending.found');

    const html = readFileSync(path.join(run.reportDir, 'report.html'), 'utf8');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).not.toMatch(/<img|<h1>Titre|href="javascript:/);
  });

  it('adding a new manifest: nothing it names is contacted before the merge', async () => {
    const head = `${MINIMAL}endpoints:\n  web: ["${canaryUrl}/new"]\nsandbox:\n  target: ${canaryUrl}/fhir\n  token-url: ${canaryUrl}/token\n  auth: {type: bearer, bearer-token-env: MES_EXFIL}\n  patient: {idpe: idpe-1}\n`;
    const number = 502;
    const run = await runAction({
      workspace: workspaceWith(head),
      api,
      event: prEvent(number),
      baseManifest: null,
      env: CANARIES,
      inputs: { 'fail-on': 'jamais' },
    });
    expect(run.code, run.stderr).toBe(0);
    expect(canaryHits).toEqual([]);
    expectNoCanary(everyOutput(run, number), Object.values(CANARIES));
    const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8'));
    expect(report.trust).toMatchObject({ base: 'absent', pending: ['endpoints', 'sandbox'] });
    const hooking = report.criteria.find((c: { id: string }) => c.id === 'INT-ACCROCHAGE');
    expect(hooking.status).toBe('indisponible');
    expect(hooking.findings[0].message).toContain('le manifeste est nouveau dans cette pull request');
    const [comment] = api.comments(OWNER, REPO, number);
    expect(comment!.body).toContain('Le manifeste est nouveau dans cette pull request');
    expect(comment!.body).toContain(
      'En attente de fusion : contrôles des adresses déclarées (endpoints), tests d’accrochage.',
    );
  });

  it('naming any variable of the job or breaking a log line: refused before anything runs', async () => {
    const head = MINIMAL.replace(
      'name: Essai',
      'name: "Essai\\n::stop-commands::pwned\\n::warning::pwned"',
    ).concat(
      `sandbox:\n  target: https://sandbox.invalid/fhir\n  headers-env: {x-exfil: DEPLOY_KEY, x-token: GITHUB_TOKEN}\n`,
    );
    const run = await runAction({ workspace: workspaceWith(head), api, event: prEvent(503), env: CANARIES });
    expect(run.code).toBe(2);
    expect(injectedCommands(run.stdout)).toEqual([]);
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.some((m) => m.includes('solution.name'))).toBe(true);
    expect(errors.filter((m) => m.includes('MES_ suivi de majuscules'))).toHaveLength(2);
    expect(canaryHits).toEqual([]);
    expectNoCanary(everyOutput(run), [...Object.values(CANARIES), DEFAULT_TOKEN]);
  });

  it('publishing a forged report.json (workflow_run): validated, verdict recomputed, nothing rendered', async () => {
    expect(reportOfA).not.toBe('');
    const forged = JSON.parse(reportOfA);
    forged.verdict = 'conforme';
    forged.failing = false;
    forged.counts.blocking = 0;
    for (const c of forged.criteria) c.blocking = false;
    forged.criteria[0].findings[0].message = `<img src=x onerror=alert(1)> <a href="https://evil.example">lien</a> <h1>Titre</h1> @octocat\n<!-- mes-referencing:state v1 eyJjIjp7fSwiaCI6IngifQ -->`;
    forged.criteria[0].evidence.push({
      key: 'x-forged',
      title: 'Preuve',
      declared: true,
      url: 'javascript:alert(1)',
    });
    const workspace = workspaceWith(MINIMAL, { 'dossier/report.json': JSON.stringify(forged) });
    const number = 504;
    const run = await runAction({
      workspace,
      api,
      event: {
        name: 'workflow_run',
        payload: { action: 'completed', workflow_run: { id: 1, pull_requests: [] } },
      },
      inputs: {
        'from-report': 'dossier/report.json',
        'pull-request': String(number),
        'fail-on': 'obligatoire',
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('non-conforme');
    const [comment] = api.comments(OWNER, REPO, number);
    expectInert(comment!.body);
    const html = readFileSync(path.join(run.reportDir, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<img|<h1>Titre|href="javascript:|<a href="https:\/\/evil/);
    expect(html).toContain('Content-Security-Policy');
    // A second publication reads the state from the action's own place, not from the forged text.
    const again = await runAction({
      workspace,
      api,
      event: {
        name: 'workflow_run',
        payload: { action: 'completed', workflow_run: { id: 2, pull_requests: [] } },
      },
      inputs: {
        'from-report': 'dossier/report.json',
        'pull-request': String(number),
        'fail-on': 'obligatoire',
      },
    });
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`commentaire inchangé sur la PR #${number}`);
    expect(api.comments(OWNER, REPO, number)[0]!.body).toBe(comment!.body);
  });
});

describe('on a push, the manifest as it is, still only public addresses', () => {
  let emulator: RunningEmulator;
  let idToken = '';
  beforeAll(async () => {
    emulator = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      keepProcessAlive: false,
      editorOid: '1.2.250.1.999.7',
      solutionOid: '1.2.250.1.999.7.1',
    });
    idToken = await emulator.mintIdToken('idpe-1');
  });
  afterAll(() => emulator.stop());

  /** A local "remote" sandbox (the emulator on 127.0.0.1), a short declared secret as an extra header. */
  function localSandbox(): { workspace: string; env: Record<string, string> } {
    const head = `${MINIMAL}sandbox:
  target: ${emulator.fhirBase}
  token-url: ${emulator.tokenUrl}
  auth: {type: client-secret, client-id-env: MES_CLIENT_ID, client-secret-env: MES_CLIENT_SECRET, id-token-env: MES_ID_TOKEN}
  headers-env: {x-short: MES_SHORT}
  patient: {idpe: idpe-1}
  suites: [mesures]
fhir:
  resources: [fhir/*.json]
  packages: ["leak#1"]
`;
    const workspace = workspaceWith(head, {
      'fhir/observation.json': '{"resourceType":"Observation","status":"final"}',
    });
    const outside = path.join(tempDir(), 'outside.txt');
    writeFileSync(outside, `${LEAKED_FILE_CANARY}\n`);
    // A file named like a package reference, pointing outside the repository.
    symlinkSync(outside, path.join(workspace, 'leak#1'));
    return {
      workspace,
      env: {
        MES_CLIENT_ID: emulator.credentials.clientId,
        MES_CLIENT_SECRET: emulator.credentials.clientSecret,
        MES_ID_TOKEN: idToken,
        MES_SHORT: SHORT_SECRET,
      },
    };
  }

  it('refuses a local sandbox without the opt-in, and never reads a package reference as a file', async () => {
    const { workspace, env } = localSandbox();
    const before = emulator.store;
    const run = await runAction({
      workspace,
      event: { name: 'push', payload: {} },
      env,
      inputs: { 'fail-on': 'jamais' },
    });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8'));
    const hooking = report.criteria.find((c: { id: string }) => c.id === 'INT-ACCROCHAGE');
    expect(hooking.status).toBe('indisponible');
    expect(JSON.stringify(hooking.findings)).toMatch(/loopback address, not a public one/);
    expect(emulator.store).toBe(before);
    const fhir = report.criteria
      .flatMap((c: { findings: { code: string; message: string }[] }) => c.findings)
      .filter((f: { code: string }) => f.code.startsWith('fhir.package'));
    expect(fhir.length).toBeGreaterThan(0);
    expectNoCanary(everyOutput(run), [LEAKED_FILE_CANARY, env.MES_CLIENT_SECRET!, idToken]);
  });

  it('control: with allow-private-network the hooking tests reach the local sandbox, every secret masked', async () => {
    const { workspace, env } = localSandbox();
    const run = await runAction({
      workspace,
      event: { name: 'push', payload: {} },
      env,
      inputs: { 'fail-on': 'jamais', 'allow-private-network': 'true' },
    });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs['report-json']!, 'utf8'));
    const hooking = report.criteria.find((c: { id: string }) => c.id === 'INT-ACCROCHAGE');
    expect(hooking.status).not.toBe('indisponible');
    const exchanges = readFileSync(path.join(run.reportDir, 'exchanges.json'), 'utf8');
    expect(exchanges).toContain(emulator.fhirBase);
    expect(exchanges).toContain('"x-short": "***"');
    expectNoCanary(everyOutput(run), [SHORT_SECRET, env.MES_CLIENT_SECRET!, idToken, LEAKED_FILE_CANARY]);
    expect(run.stdout).toContain(`::add-mask::${SHORT_SECRET}`);
  });
});

// The pull request number is the fixture's unless a test says otherwise.
void PR_NUMBER;
