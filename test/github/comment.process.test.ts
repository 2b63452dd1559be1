// The sticky PR comment, end to end: the built action as a child process against the fake GitHub API. The lifecycle
// test runs every check of the demo; the tests about how the comment is found, kept and updated publish reports the
// real pipeline made (the `from-report` input), which take the same publishing path without running the checks again.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS_BOT, FakeGitHubApi } from '../fakes/github-api.js';
import type { FakeUser } from '../fakes/github-api.js';
import {
  DEFAULT_TOKEN,
  LOCAL_SERVER_URL,
  OWNER,
  REPO,
  cleanTempDirs,
  demoWorkspace,
  expireHdsCertificate,
  publishEarlierReport,
  renewHdsCertificate,
  runAction,
} from './harness.js';
import { demoReportJson } from './reports.js';

const PAT = 'ghp_CanaryPersonalToken0123456789abcdef';
const MES_BOT: FakeUser = { login: 'mes-bot', id: 880088, type: 'User' };
const MALLORY: FakeUser = { login: 'mallory', id: 666, type: 'User' };
const MARKER = '<!-- mes-referencing:comment -->';

let api: FakeGitHubApi;

beforeAll(async () => {
  api = await FakeGitHubApi.start({
    tokens: {
      [DEFAULT_TOKEN]: { user: ACTIONS_BOT, installation: true },
      [PAT]: { user: MES_BOT, installation: false },
    },
    // Small pages, so that finding the comment needs the Link header.
    maxPerPage: 2,
    serverUrl: LOCAL_SERVER_URL,
  });
});
afterAll(async () => {
  await api.close();
  cleanTempDirs();
});
afterEach(() => api.clearFailures());

/** Each test comments on its own pull request of the fake. */
let nextPr = 100;
function prEvent(number: number) {
  return {
    name: 'pull_request',
    payload: {
      action: 'synchronize',
      number,
      pull_request: {
        number,
        head: { repo: { full_name: `${OWNER}/${REPO}` } },
        base: { sha: '3333333333333333333333333333333333333333', repo: { full_name: `${OWNER}/${REPO}` } },
      },
    },
  };
}

describe('sticky comment lifecycle', () => {
  it('creates one comment, updates it in place, leaves it alone when nothing changed, and says when the PR is clean', async () => {
    const number = nextPr++;
    const event = prEvent(number);
    const { workspace, repoDir } = demoWorkspace();

    // 1. First run on a PR without comment: one POST.
    api.requests.length = 0;
    const first = await runAction({ workspace, api, event });
    expect(first.code).toBe(0);
    const posts = api.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith(`/issues/${number}/comments`),
    );
    expect(posts).toHaveLength(1);
    const [comment] = api.comments(OWNER, REPO, number);
    expect(comment?.user.login).toBe('github-actions[bot]');
    expect(comment?.body).toContain(MARKER);
    expect(comment?.body).toContain('Référencement Mon espace santé — Tensio');
    expect(first.outputs['comment-id']).toBe(String(comment?.id));
    expect(first.outputs['comment-url']).toBe(comment?.html_url);
    // No "since" section on a first comment.
    expect(comment?.body).not.toContain('Depuis le résultat précédent');

    // 2. The HDS certificate expires: the same comment is edited, saying what started failing.
    expireHdsCertificate(repoDir);
    api.requests.length = 0;
    const second = await runAction({ workspace, api, event });
    expect(second.code).toBe(1);
    expect(api.requests.filter((r) => r.method === 'POST' && r.path.includes('/comments'))).toHaveLength(0);
    const patches = api.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.path)).toEqual([`/repos/${OWNER}/${REPO}/issues/comments/${comment?.id}`]);
    expect(api.comments(OWNER, REPO, number)).toHaveLength(1);
    const failing = api.comments(OWNER, REPO, number)[0]!.body;
    expect(failing).toContain('Non conforme : 1 critère bloquant');
    expect(failing).toContain('Depuis le résultat précédent');
    expect(failing).toMatch(
      /Nouveaux échecs \(1\) :\n- ❌ \*\*URB-HDS\*\* Hébergement certifié HDS : conforme → non conforme/,
    );
    expect(second.outputs['comment-id']).toBe(String(comment?.id));

    // 3. The same run again: the comment is found, and nothing is written.
    api.requests.length = 0;
    const third = await runAction({ workspace, api, event });
    expect(third.code).toBe(1);
    expect(api.requests.filter((r) => r.method !== 'GET' && r.path.includes('/comments'))).toHaveLength(0);
    expect(api.comments(OWNER, REPO, number)[0]!.body).toBe(failing);
    expect(third.outputs['comment-id']).toBe(String(comment?.id));
    expect(third.stdout).toContain(`commentaire inchangé sur la PR #${number}`);

    // 4. Fixed: the comment now says the PR is clean and what was fixed.
    renewHdsCertificate(repoDir);
    api.requests.length = 0;
    const fourth = await runAction({ workspace, api, event });
    expect(fourth.code).toBe(0);
    expect(api.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    const clean = api.comments(OWNER, REPO, number);
    expect(clean).toHaveLength(1);
    expect(clean[0]!.body).toContain('Aucun critère bloquant');
    expect(clean[0]!.body).not.toContain('Nouveaux échecs');
    expect(clean[0]!.body).toMatch(
      /Corrigés \(1\) :\n- ✅ \*\*URB-HDS\*\* Hébergement certifié HDS : non conforme → conforme/,
    );
    // The summary shows the same section.
    expect(fourth.summary).toContain('Corrigés (1)');
  });

  it('never edits a comment carrying the marker that someone else wrote, and finds its own on a later page', async () => {
    const number = nextPr++;
    const event = prEvent(number);
    const planted = api.plantComment(OWNER, REPO, number, `Tout est conforme ✅\n\n${MARKER}\n`, MALLORY);
    for (let i = 0; i < 3; i++) api.plantComment(OWNER, REPO, number, `Revue ${i}`, MALLORY);

    const first = await publishEarlierReport(await demoReportJson('demo'), { api, event });
    expect(first.code).toBe(0);
    const thread = api.comments(OWNER, REPO, number);
    expect(thread).toHaveLength(5);
    expect(thread[0]).toMatchObject({ id: planted.id, body: `Tout est conforme ✅\n\n${MARKER}\n` });
    const own = thread[4]!;
    expect(own.user.login).toBe('github-actions[bot]');
    // GET /user is refused to an installation token: the identity came from GraphQL's viewer.
    expect(api.requests.some((r) => r.path === '/user' && r.status === 403)).toBe(true);
    expect(api.requests.some((r) => r.path === '/graphql')).toBe(true);

    // Our comment sits on page 3 of 3 (two per page): the next run must follow the Link header to it.
    api.plantComment(OWNER, REPO, number, 'Une autre remarque', MALLORY);
    api.requests.length = 0;
    const second = await publishEarlierReport(await demoReportJson('demo-en', undefined, 'en'), {
      api,
      event,
      inputs: { lang: 'en' },
    });
    expect(second.code).toBe(0);
    const pages = api.requests.filter(
      (r) => r.method === 'GET' && r.path.endsWith(`/issues/${number}/comments`),
    );
    expect(pages.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
    expect(api.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([
      `/repos/${OWNER}/${REPO}/issues/comments/${own.id}`,
    ]);
    expect(api.requests.some((r) => r.method === 'PATCH' && r.path.endsWith(`/${planted.id}`))).toBe(false);
    expect(api.comments(OWNER, REPO, number)[0]!.body).toBe(`Tout est conforme ✅\n\n${MARKER}\n`);
    expect(api.comments(OWNER, REPO, number)[4]!.body).toContain('Mon espace santé referencing — Tensio');
  });

  it('with a personal token, knows itself through GET /user and leaves the bot’s comments alone', async () => {
    const number = nextPr++;
    const event = prEvent(number);
    const bots = api.plantComment(OWNER, REPO, number, `ancien rapport\n${MARKER}`, ACTIONS_BOT);
    const run = await publishEarlierReport(await demoReportJson('demo'), { api, event, token: PAT });
    expect(run.code).toBe(0);
    const thread = api.comments(OWNER, REPO, number);
    expect(thread.map((c) => c.user.login)).toEqual(['github-actions[bot]', 'mes-bot']);
    expect(thread[0]!.body).toBe(bots.body);
    expect(api.requests.some((r) => r.path === '/user' && r.status === 200)).toBe(true);
  });

  it('keeps one comment per header', async () => {
    const number = nextPr++;
    const event = prEvent(number);
    const report = await demoReportJson('demo');
    await publishEarlierReport(report, { api, event, inputs: { header: 'production' } });
    await publishEarlierReport(report, { api, event, inputs: { header: 'recette' } });
    await publishEarlierReport(report, { api, event, inputs: { header: 'production' } });
    const thread = api.comments(OWNER, REPO, number);
    expect(thread).toHaveLength(2);
    expect(thread[0]!.body).toContain('<!-- mes-referencing:comment production -->');
    expect(thread[1]!.body).toContain('<!-- mes-referencing:comment recette -->');
  });

  it('comment: on-failure stays quiet on a clean PR, comments when it fails, and still updates when it is clean again', async () => {
    const number = nextPr++;
    const event = prEvent(number);
    // fail-on jamais: whether to comment does not depend on whether the job fails.
    const inputs = { comment: 'on-failure', 'fail-on': 'jamais' };
    // The demo's one unwaived failure (ETH-CONTENU) gets a waiver: nothing fails until the certificate expires.
    const waiveEthContenu = (dir: string) => {
      const file = path.join(dir, 'mes-referencing.yml');
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        text.replace(
          'waivers:\n',
          'waivers:\n  - criterion: ETH-CONTENU\n    justification: Charte éditoriale en relecture.\n    expires: 2027-01-31\n',
        ),
      );
    };
    const cleanReport = await demoReportJson('eth-waived', waiveEthContenu);
    const clean = await publishEarlierReport(cleanReport, { api, event, inputs });
    expect(clean.code).toBe(0);
    expect(api.comments(OWNER, REPO, number)).toHaveLength(0);
    expect(clean.outputs['comment-id']).toBeUndefined();

    const failingReport = await demoReportJson('eth-waived-hds-expired', (dir) => {
      waiveEthContenu(dir);
      expireHdsCertificate(dir);
    });
    const failing = await publishEarlierReport(failingReport, { api, event, inputs });
    expect(failing.code).toBe(0);
    expect(api.comments(OWNER, REPO, number)).toHaveLength(1);

    const fixed = await publishEarlierReport(cleanReport, { api, event, inputs });
    expect(fixed.code).toBe(0);
    const thread = api.comments(OWNER, REPO, number);
    expect(thread).toHaveLength(1);
    expect(thread[0]!.body).toContain('Corrigés (1)');
    expect(fixed.outputs['comment-id']).toBe(String(thread[0]!.id));
  });

  it('posts nothing on push, schedule or workflow_dispatch, and still writes the summary and outputs', async () => {
    const report = await demoReportJson('demo');
    for (const name of ['push', 'schedule', 'workflow_dispatch']) {
      api.requests.length = 0;
      const run = await publishEarlierReport(report, { api, event: { name, payload: {} } });
      expect(run.code).toBe(0);
      expect(api.requests).toHaveLength(0);
      expect(run.outputs.result).toBe('a-verifier');
      expect(run.outputs['comment-id']).toBeUndefined();
      expect(run.summary).toContain('## Référencement Mon espace santé — Tensio');
      expect(run.stdout).toContain(`événement « ${name} » : pas de pull request`);
    }
  });

  it('comment: never makes no API call on a pull request but reading the base branch manifest', async () => {
    const number = nextPr++;
    const { workspace } = demoWorkspace();
    api.requests.length = 0;
    const run = await runAction({ workspace, api, event: prEvent(number), inputs: { comment: 'never' } });
    expect(run.code).toBe(0);
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /repos/tensio-sante/tensio/contents/mes-referencing.yml',
    ]);
    expect(api.comments(OWNER, REPO, number)).toHaveLength(0);
  });
});
