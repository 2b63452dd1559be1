// Where a run comes from, for the report's traceability: in GitHub Actions the runner's variables (the head
// commit of a pull request, not the merge commit); elsewhere the git checkout around the repository folder. A
// folder outside git, or git missing, gives an empty provenance, never an error.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readRunContext } from '../github/context.js';
import type { Provenance } from '../report/trace.js';

type Env = Record<string, string | undefined>;

export function provenanceFor(env: Env, repoDir: string, workspace?: string): Provenance {
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_REPOSITORY && env.GITHUB_SHA) {
    const context = readRunContext(env);
    const root = path.resolve(workspace ?? env.GITHUB_WORKSPACE ?? repoDir);
    const relative = path.relative(root, path.resolve(repoDir));
    const prefix = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : '';
    const branch = env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME;
    return {
      repository: `${context.serverUrl}/${env.GITHUB_REPOSITORY}`,
      commit: context.headSha ?? env.GITHUB_SHA,
      ...(branch ? { branch } : {}),
      ...(context.runUrl ? { runUrl: context.runUrl } : {}),
      pathPrefix: prefix.split(path.sep).join('/'),
    };
  }
  return gitProvenance(repoDir);
}

function git(repoDir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', ['-C', repoDir, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
  } catch {
    return undefined;
  }
}

export function gitProvenance(repoDir: string): Provenance {
  const head = git(repoDir, ['rev-parse', 'HEAD', '--abbrev-ref', 'HEAD', '--show-prefix']);
  if (!head) return {};
  const [commit, branch, prefix] = head.split('\n');
  if (!commit || !/^[0-9a-f]{40,64}$/.test(commit)) return {};
  const remote = git(repoDir, ['config', '--get', 'remote.origin.url']);
  const changes = git(repoDir, ['status', '--porcelain', '--untracked-files=no', '--', '.']);
  const repository = remote ? webAddress(remote) : undefined;
  return {
    ...(repository ? { repository } : {}),
    commit,
    ...(branch && branch !== 'HEAD' ? { branch } : {}),
    pathPrefix: (prefix ?? '').replace(/\/+$/, ''),
    ...(changes ? { uncommitted: true } : {}),
  };
}

/**
 * The web address of a git remote: `git@host:owner/repo.git`, `ssh://git@host/owner/repo.git` and
 * `https://user:token@host/owner/repo.git` all give `https://host/owner/repo`. Credentials never survive.
 */
export function webAddress(remote: string): string | undefined {
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)([\w.~/-]+?)(?:\.git)?\/?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  let url: URL;
  try {
    url = new URL(remote);
  } catch {
    return undefined;
  }
  if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) || !url.hostname) return undefined;
  const repoPath = url.pathname.replace(/\.git\/?$/, '').replace(/\/+$/, '');
  if (!/^\/[\w.~-]+\/[\w.~/-]+$/.test(repoPath)) return undefined;
  const port = url.protocol === 'https:' && url.port ? `:${url.port}` : '';
  return `https://${url.hostname}${port}${repoPath}`;
}
