// Where a report comes from: the git checkout around the repository folder for the CLI, the runner's variables in
// GitHub Actions (the pull request's head commit, not the merge commit). Credentials in a remote never survive.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitProvenance, provenanceFor, webAddress } from '../../src/commands/provenance.js';
import { tempDir } from '../helpers.js';

describe('provenance', () => {
  it('turns git remotes into web addresses without their credentials', () => {
    expect(webAddress('git@github.com:tensio-sante/tensio.git')).toBe(
      'https://github.com/tensio-sante/tensio',
    );
    expect(webAddress('ssh://git@gitlab.example:2222/sante/tensio.git')).toBe(
      'https://gitlab.example/sante/tensio',
    );
    expect(webAddress('https://x-access-token:ghs_secret@github.com/tensio-sante/tensio.git')).toBe(
      'https://github.com/tensio-sante/tensio',
    );
    expect(webAddress('/srv/git/tensio.git')).toBeUndefined();
    expect(webAddress('file:///srv/git/tensio.git')).toBeUndefined();
  });

  it('reads the commit, branch, remote and folder of a git checkout', () => {
    const root = tempDir('mes-git-');
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', root, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        encoding: 'utf8',
      }).trim();
    git('init', '-q', '-b', 'dossier');
    mkdirSync(path.join(root, 'apps', 'tensio'), { recursive: true });
    writeFileSync(path.join(root, 'apps', 'tensio', 'mes-referencing.yml'), 'version: 1\n');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    git('remote', 'add', 'origin', 'https://user:token@github.com/tensio-sante/tensio.git');
    expect(gitProvenance(path.join(root, 'apps', 'tensio'))).toEqual({
      repository: 'https://github.com/tensio-sante/tensio',
      commit: git('rev-parse', 'HEAD'),
      branch: 'dossier',
      pathPrefix: 'apps/tensio',
    });
    // A tracked file changed since the commit: the dossier says so.
    writeFileSync(path.join(root, 'apps', 'tensio', 'mes-referencing.yml'), 'version: 1 # edited\n');
    expect(gitProvenance(path.join(root, 'apps', 'tensio'))).toMatchObject({ uncommitted: true });
    expect(gitProvenance(tempDir('mes-no-git-'))).toEqual({});
  });

  it('takes the head commit of a pull request and the run from the runner', () => {
    const workspace = tempDir('mes-ws-');
    const event = path.join(workspace, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          number: 7,
          head: { sha: 'a'.repeat(40), repo: { full_name: 'tensio-sante/tensio' } },
          base: { repo: { full_name: 'tensio-sante/tensio' } },
        },
      }),
    );
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'tensio-sante/tensio',
      GITHUB_SHA: 'b'.repeat(40),
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_HEAD_REF: 'feature/dossier',
      GITHUB_REF_NAME: '7/merge',
      GITHUB_RUN_ID: '99',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: workspace,
    };
    expect(provenanceFor(env, path.join(workspace, 'app'))).toEqual({
      repository: 'https://github.com/tensio-sante/tensio',
      commit: 'a'.repeat(40),
      branch: 'feature/dossier',
      runUrl: 'https://github.com/tensio-sante/tensio/actions/runs/99',
      pathPrefix: 'app',
    });
  });
});
