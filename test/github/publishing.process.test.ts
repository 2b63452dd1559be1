// Publishing end to end: the dossier artifact, GHES, permission and API failures, oversize reports and secrets.
// The built action runs as a child process against the fake GitHub API and the fake artifact service. The artifact
// and secrets tests run every check of the demo; the tests about publishing failures and sizes publish reports the
// real pipeline made (the `from-report` input), which take the same publishing path without running the checks again.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeArtifactService } from '../fakes/artifact-service.js';
import { ACTIONS_BOT, BODY_TOO_LONG, FakeGitHubApi, SECONDARY_RATE_LIMIT } from '../fakes/github-api.js';
import type { ActionRun } from './harness.js';
import {
  RUNTIME_CANARY,
  DEFAULT_TOKEN,
  LOCAL_SERVER_URL,
  OWNER,
  REPO,
  RUN_ID,
  addUnknownWaivers,
  cleanTempDirs,
  demoWorkspace,
  expireHdsCertificate,
  publishEarlierReport,
  pullRequestPayload,
  runAction,
  unzip,
} from './harness.js';
import { demoReportJson } from './reports.js';

const demo = () => demoReportJson('demo');
const hdsExpired = () => demoReportJson('hds-expired', expireHdsCertificate);

const FORK_TOKEN = 'ghs_CanaryForkReadOnlyToken987654321zyx';
/** The report files, and the exchanges the hooking tests recorded against the emulator. */
const DOSSIER = [
  'convergence.csv',
  'exchanges.json',
  'report.html',
  'report.json',
  'report.md',
  'report.sarif',
];

let api: FakeGitHubApi;
let artifacts: FakeArtifactService;

beforeAll(async () => {
  api = await FakeGitHubApi.start({
    tokens: {
      [DEFAULT_TOKEN]: { user: ACTIONS_BOT, installation: true },
      [FORK_TOKEN]: { user: ACTIONS_BOT, installation: true, readOnly: true },
    },
    serverUrl: LOCAL_SERVER_URL,
  });
  artifacts = await FakeArtifactService.start();
});
afterAll(async () => {
  await api.close();
  await artifacts.close();
  cleanTempDirs();
});
afterEach(() => {
  api.clearFailures();
  api.requests.length = 0;
  artifacts.requests.length = 0;
});

/** Each test comments on its own pull request. */
let nextPr = 200;
function prEvent(options: { fork?: boolean } = {}) {
  const payload = pullRequestPayload(options) as { number: number; pull_request: { number: number } };
  payload.number = payload.pull_request.number = nextPr++;
  return { name: 'pull_request', payload, number: payload.number };
}

/** Publishing problems are annotations without a file; findings always have one. */
function publishingAnnotations(run: ActionRun, level: string) {
  return run.annotations.filter((a) => a.level === level && !a.properties.file);
}

describe('dossier artifact', () => {
  it('uploads report.json, .html, .md and .sarif, sets artifact-id and artifact-url, and links them', async () => {
    const event = prEvent();
    const { workspace } = demoWorkspace();
    const run = await runAction({ workspace, api, artifacts, event, inputs: { 'retention-days': '5' } });
    expect(run.code).toBe(0);
    const stored = artifacts.artifacts.find((a) => String(a.id) === run.outputs['artifact-id']);
    expect(stored).toBeDefined();
    expect(stored!.finalized).toBe(true);
    expect(stored!.name).toBe('mes-referencing-dossier');
    // The backend ids come from the runtime token's scope.
    const claims = JSON.parse(Buffer.from(run.runtimeToken.split('.')[1]!, 'base64url').toString('utf8'));
    expect(claims.scp).toBe(
      `Actions.ExampleScope Actions.Results:${stored!.runBackendId}:${stored!.jobBackendId}`,
    );
    expect(stored!.problems).toEqual([]);
    expect(stored!.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const files = unzip(stored!.content!);
    expect(Object.keys(files).sort()).toEqual(DOSSIER);
    expect(JSON.parse(files['report.json']!)).toMatchObject({
      schema: 'mes-referencing/report',
      verdict: 'a-verifier',
    });
    expect(JSON.parse(files['report.sarif']!).version).toBe('2.1.0');
    // The files are the ones left in report-dir.
    for (const name of DOSSIER)
      expect(files[name]).toBe(readFileSync(path.join(run.reportDir, name), 'utf8'));

    const url = `${LOCAL_SERVER_URL}/${OWNER}/${REPO}/actions/runs/${RUN_ID}/artifacts/${stored!.id}`;
    expect(run.outputs['artifact-id']).toBe(String(stored!.id));
    expect(run.outputs['artifact-url']).toBe(url);
    expect(api.comments(OWNER, REPO, event.number)[0]!.body).toContain(`](${url})`);
    expect(run.summary).toContain(`](${url})`);
    // The Twirp calls carry the runtime token, the blob PUTs do not.
    const twirp = artifacts.requests.filter((r) => r.path.startsWith('/twirp/'));
    expect(twirp.map((r) => r.path.split('/').at(-1))).toEqual(['CreateArtifact', 'FinalizeArtifact']);
    for (const r of twirp) expect(r.headers.authorization).toBe(`Bearer ${run.runtimeToken}`);
    expect(artifacts.requests.filter((r) => r.method === 'PUT').every((r) => !r.headers.authorization)).toBe(
      true,
    );
    expect(publishingAnnotations(run, 'warning')).toEqual([]);
  });

  it('on a GitHub Enterprise Server host, skips the artifact with a notice and still succeeds', async () => {
    const event = prEvent();
    const run = await publishEarlierReport(await demo(), {
      api,
      artifacts,
      event,
      serverUrl: 'https://github.sante-entreprise.example',
    });
    expect(run.code).toBe(0);
    expect(artifacts.requests).toEqual([]);
    expect(run.outputs['artifact-id']).toBeUndefined();
    expect(publishingAnnotations(run, 'warning')).toEqual([]);
    const notices = publishingAnnotations(run, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('github.sante-entreprise.example');
    expect(notices[0]!.message).toContain('GitHub Enterprise Server');
    expect(run.summary).toMatch(/^> \[!NOTE\]\n> \*\*Publication incomplète/);
    expect(run.outputs.result).toBe('a-verifier');
    // The comment is still posted, without a dossier link.
    const body = api.comments(OWNER, REPO, event.number)[0]!.body;
    expect(body).not.toContain('/artifacts/');
  });

  it('an artifact service error is one warning and a banner; the comment and exit code are unaffected', async () => {
    const event = prEvent();
    artifacts.fail({
      path: /CreateArtifact$/,
      status: 403,
      body: { code: 'permission_denied', msg: 'denied' },
    });
    try {
      const run = await publishEarlierReport(await hdsExpired(), { api, artifacts, event });
      expect(run.code).toBe(1);
      const warnings = publishingAnnotations(run, 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.message).toContain('Dossier non téléversé en artefact');
      expect(run.summary).toMatch(/^> \[!WARNING\]/);
      expect(api.comments(OWNER, REPO, event.number)).toHaveLength(1);
    } finally {
      artifacts.clearFailures();
    }
  });
});

describe('publishing failures never change the verdict', () => {
  it('403 on a fork PR: exit code follows the verdict, one warning, a banner naming the workflow_run pattern', async () => {
    for (const [report, expected] of [
      [await hdsExpired(), 1],
      [await demo(), 0],
    ] as const) {
      const event = prEvent({ fork: true });
      const run = await publishEarlierReport(report, { api, event, token: FORK_TOKEN });
      expect(run.code).toBe(expected);
      const warnings = publishingAnnotations(run, 'warning');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.message).toContain('Commentaire de pull request non publié');
      expect(warnings[0]!.message).toContain('Resource not accessible by integration');
      expect(warnings[0]!.message).toContain('workflow_run');
      expect(run.summary).toMatch(/^> \[!WARNING\]\n> \*\*Publication incomplète/);
      expect(run.summary).toContain('fork');
      expect(run.summary).toContain('## Référencement Mon espace santé — Tensio');
      expect(run.outputs.result).toBe(expected ? 'non-conforme' : 'a-verifier');
      expect(run.outputs['comment-id']).toBeUndefined();
      expect(api.comments(OWNER, REPO, event.number)).toEqual([]);
      expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it('an empty github-token on a pull request: one warning and a banner line saying how to fix it', async () => {
    const event = prEvent();
    const run = await publishEarlierReport(await demo(), { api, event, token: '' });
    expect(run.code).toBe(0);
    const warnings = publishingAnnotations(run, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toBe(
      'Commentaire de pull request non publié : l’entrée github-token est vide. Laissez github-token à sa valeur par défaut (`${{ github.token }}`) ou passez un jeton qui a la permission `pull-requests: write`. Le verdict et le code de sortie n’en dépendent pas.',
    );
    expect(run.summary).toMatch(
      /^> \[!WARNING\]\n> \*\*Publication incomplète[^\n]*\n> - Commentaire de pull request non publié : l’entrée github-token est vide/,
    );
    expect(api.requests.filter((r) => r.path.includes('/comments'))).toEqual([]);
  });

  it('422 (body refused): one warning, exit code from the verdict', async () => {
    const event = prEvent();
    api.fail({ method: 'POST', path: /\/comments$/, status: 422, body: BODY_TOO_LONG });
    const run = await publishEarlierReport(await hdsExpired(), { api, event });
    expect(run.code).toBe(1);
    const warnings = publishingAnnotations(run, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('GitHub refuse le contenu');
    expect(warnings[0]!.message).toContain('body is too long');
  });

  it('500 then success: the comment is posted after a retry, without a warning', async () => {
    const event = prEvent();
    api.fail({ method: 'POST', path: /\/comments$/, status: 500, times: 1 });
    const run = await publishEarlierReport(await demo(), { api, event });
    expect(run.code).toBe(0);
    const posts = api.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith(`/${event.number}/comments`),
    );
    expect(posts.map((r) => r.status)).toEqual([500, 201]);
    expect(api.comments(OWNER, REPO, event.number)).toHaveLength(1);
    expect(publishingAnnotations(run, 'warning')).toEqual([]);
    expect(run.summary).not.toContain('[!WARNING]');
  });

  it('a persistent 5xx: retried, then one warning', async () => {
    const event = prEvent();
    api.fail({ method: 'GET', path: /\/comments$/, status: 502 });
    const run = await publishEarlierReport(await demo(), { api, event });
    expect(run.code).toBe(0);
    expect(api.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/comments')).length).toBe(3);
    const warnings = publishingAnnotations(run, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('le service GitHub répond en erreur');
  });

  it('a secondary rate limit asking for a minute: no waiting, one warning, exit code from the verdict', async () => {
    const event = prEvent();
    const report = await hdsExpired();
    api.fail({ method: 'POST', status: 403, body: SECONDARY_RATE_LIMIT, headers: { 'retry-after': '60' } });
    const started = Date.now();
    const run = await publishEarlierReport(report, { api, event });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.code).toBe(1);
    const warnings = publishingAnnotations(run, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('limite de débit');
    expect(run.summary).toContain('[!WARNING]');
  });

  it('a short secondary rate limit is waited out once', async () => {
    const event = prEvent();
    api.fail({
      method: 'POST',
      status: 403,
      body: SECONDARY_RATE_LIMIT,
      headers: { 'retry-after': '1' },
      times: 1,
    });
    const run = await publishEarlierReport(await demo(), { api, event });
    expect(run.code).toBe(0);
    expect(api.comments(OWNER, REPO, event.number)).toHaveLength(1);
    expect(publishingAnnotations(run, 'warning')).toEqual([]);
  });
});

describe('size limits', () => {
  it('an oversize report gives a comment of at most 65,536 characters that links to the artifact', async () => {
    const event = prEvent();
    const report = await demoReportJson('unknown-waivers-2500', (dir) => addUnknownWaivers(dir, 2500));
    const run = await publishEarlierReport(report, { api, artifacts, event });
    expect(run.code).toBe(0);
    const posts = api.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith(`/${event.number}/comments`),
    );
    expect(posts.map((r) => r.status)).toEqual([201]);
    const body = api.comments(OWNER, REPO, event.number)[0]!.body;
    expect([...body].length).toBeLessThanOrEqual(65_536);
    expect(body.length).toBeGreaterThan(50_000);
    const url = run.outputs['artifact-url'];
    expect(url).toMatch(/\/artifacts\/\d+$/);
    expect(body).toContain(`le dossier complet est dans l’artefact ${url}`);
    expect(body).toContain('<!-- mes-referencing:comment -->');
    // The summary keeps far more of it, under 1 MiB.
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(run.summary.length).toBeGreaterThan(body.length * 3);
    expect(run.summary).toContain('ZZZ-INCONNU-02499');
  });
});

describe('secrets', () => {
  /** Every value the run asked the runner to mask: the two tokens, and whatever the checks registered. */
  function maskedValues(run: ActionRun): string[] {
    return run.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length));
  }

  function expectNoCanary(run: ActionRun, where: string, text: string) {
    for (const canary of [DEFAULT_TOKEN, run.runtimeToken, RUNTIME_CANARY, ...maskedValues(run)])
      expect(text.includes(canary), `${canary.slice(0, 12)}… found in ${where}`).toBe(false);
  }

  /** stdout carries secrets only in the `::add-mask::` commands that tell the runner to mask them. */
  function expectOnlyMasked(run: ActionRun) {
    expect(maskedValues(run)).toEqual(expect.arrayContaining([DEFAULT_TOKEN, run.runtimeToken]));
    const lines = run.stdout.split('\n');
    expectNoCanary(run, 'stdout', lines.filter((l) => !l.startsWith('::add-mask::')).join('\n'));
    expectNoCanary(run, 'stderr', run.stderr);
    expectNoCanary(run, 'the summary', run.summary);
    expectNoCanary(run, 'GITHUB_OUTPUT', JSON.stringify(run.outputs));
    for (const file of readdirSync(run.reportDir))
      expectNoCanary(run, file, readFileSync(path.join(run.reportDir, file), 'utf8'));
  }

  it('no secret appears in stdout, the summary, the comment, the outputs, the files or the artifact', async () => {
    const event = prEvent();
    const { workspace } = demoWorkspace({ alter: expireHdsCertificate });
    const run = await runAction({ workspace, api, artifacts, event });
    expect(run.code).toBe(1);
    expectOnlyMasked(run);
    const comments = api.comments(OWNER, REPO, event.number);
    expect(comments).toHaveLength(1);
    for (const c of comments) expectNoCanary(run, 'the comment', c.body);
    const stored = artifacts.artifacts.find((a) => String(a.id) === run.outputs['artifact-id']);
    const files = unzip(stored!.content!);
    expect(Object.keys(files).sort()).toEqual(DOSSIER);
    for (const [name, content] of Object.entries(files)) expectNoCanary(run, name, content);
  });

  it('services echoing the tokens back in their errors are redacted, even in the toolkit’s debug lines', async () => {
    const event = prEvent();
    const report = await demo();
    api.fail({
      method: 'GET',
      path: /\/comments$/,
      status: 404,
      body: { message: `no access for ${DEFAULT_TOKEN}` },
    });
    // The artifact service learns the runtime token from the request and says it back.
    artifacts.fail({
      path: /CreateArtifact$/,
      status: 403,
      body: (r: { headers: { authorization?: string } }) => ({
        code: 'permission_denied',
        msg: `token ${String(r.headers.authorization).replace(/^Bearer /, '')} refused`,
      }),
    });
    try {
      const run = await publishEarlierReport(report, { api, artifacts, event, env: { RUNNER_DEBUG: '1' } });
      expect(run.code).toBe(0);
      const warnings = publishingAnnotations(run, 'warning');
      expect(warnings).toHaveLength(2);
      for (const w of warnings) expect(w.message).toContain('***');
      // The toolkit's own debug line printed the artifact service's answer: masked too.
      expect(run.stdout).toMatch(/::debug::Body: .*token \*\*\* refused/s);
      expectOnlyMasked(run);
    } finally {
      artifacts.clearFailures();
    }
  });
});
