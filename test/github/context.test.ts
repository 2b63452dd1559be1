// Which runs are pull-request runs: those get the comment and the trust boundary (base-branch connection settings).
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunContext } from '../../src/github/context.js';

const BASE_SHA = 'a'.repeat(40);

function contextFor(eventName: string, payload: object) {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mes-event-')), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return readRunContext({
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: file,
    GITHUB_REPOSITORY: 'tensio-sante/tensio',
    GITHUB_RUN_ID: '42',
  });
}

const pullRequest = {
  number: 17,
  head: { repo: { full_name: 'attacker/tensio' } },
  base: { sha: BASE_SHA, repo: { full_name: 'tensio-sante/tensio' } },
};

describe('readRunContext', () => {
  it.each(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment'])(
    '%s runs on the pull request’s code: the pull request and its base commit are known',
    (event) => {
      expect(contextFor(event, { pull_request: pullRequest }).pullRequest).toEqual({
        number: 17,
        fork: true,
        baseSha: BASE_SHA,
      });
    },
  );

  it.each(['push', 'schedule', 'workflow_dispatch'])('%s is not a pull-request run', (event) => {
    expect(contextFor(event, { pull_request: pullRequest }).pullRequest).toBeUndefined();
  });

  it('links the run, with its attempt', () => {
    const context = readRunContext({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'tensio-sante/tensio',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '2',
    });
    expect(context.runUrl).toBe('https://github.com/tensio-sante/tensio/actions/runs/42/attempts/2');
  });
});
