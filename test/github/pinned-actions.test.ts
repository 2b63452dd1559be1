// The workflows, the README and docs/*.md pin the same action majors: Dependabot (.github/dependabot.yml) bumps the
// workflows, and this test fails until the documentation follows. The CI matrix tests every Node line `engines`
// accepts and the action's own runtime.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from './harness.js';

interface Pin {
  action: string;
  ref: string;
  where: string;
}

/** `owner/repo` of a `uses:` value (sub-actions such as codeql-action/upload-sarif share their repository's tags). */
function repositoryOf(uses: string): string {
  return uses.split('/').slice(0, 2).join('/');
}

/** Our own action, referenced by the examples: not a pin Dependabot keeps. */
const OURS = /^(\.\/|[^/]+\/mes-referencing(@|$))/;

function workflowPins(): Pin[] {
  const dir = path.join(repoRoot, '.github', 'workflows');
  const pins: Pin[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    const workflow = parse(readFileSync(path.join(dir, file), 'utf8')) as {
      jobs: Record<string, { steps?: { uses?: string }[] }>;
    };
    for (const [job, { steps = [] }] of Object.entries(workflow.jobs))
      for (const step of steps) {
        if (!step.uses || OURS.test(step.uses)) continue;
        const [action, ref = ''] = step.uses.split('@');
        pins.push({ action: repositoryOf(action!), ref, where: `.github/workflows/${file} (${job})` });
      }
  }
  return pins;
}

function documentationPins(): Pin[] {
  const files = [
    'README.md',
    ...readdirSync(path.join(repoRoot, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const pins: Pin[] = [];
  for (const file of files) {
    const lines = readFileSync(path.join(repoRoot, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const m = /^\s*(?:-\s+)?uses:\s*['"]?([^\s'"#]+)/.exec(line);
      if (!m || OURS.test(m[1]!)) return;
      const [action, ref = ''] = m[1]!.split('@');
      pins.push({ action: repositoryOf(action!), ref, where: `${file}:${i + 1}` });
    });
  }
  return pins;
}

/**
 * Actions the documentation shows but no workflow runs, so Dependabot never bumps them: their current major, kept
 * by hand. download-artifact v8 is the counterpart of upload-artifact v7.
 */
const DOCUMENTATION_ONLY: Record<string, string> = {
  'actions/download-artifact': 'v8',
};

describe('pinned actions', () => {
  const workflows = workflowPins();
  const docs = documentationPins();

  it('are read from the workflows and the documentation', () => {
    expect(workflows.map((p) => p.action)).toEqual(
      expect.arrayContaining(['actions/checkout', 'actions/setup-node', 'actions/upload-artifact']),
    );
    expect(docs.map((p) => p.action)).toContain('actions/download-artifact');
  });

  it('pin a major tag in the workflows, one per action', () => {
    const majors = new Map<string, Set<string>>();
    for (const pin of workflows) {
      expect(pin.ref, pin.where).toMatch(/^v\d+$/);
      majors.set(pin.action, (majors.get(pin.action) ?? new Set()).add(pin.ref));
    }
    for (const [action, refs] of majors) expect([...refs], action).toHaveLength(1);
  });

  it('are the same majors in the README and docs as in the workflows', () => {
    const current = new Map(workflows.map((p) => [p.action, p.ref]));
    for (const pin of docs) {
      const expected = current.get(pin.action) ?? DOCUMENTATION_ONLY[pin.action];
      expect(
        expected,
        `${pin.where}: ${pin.action} is in no workflow: add it to DOCUMENTATION_ONLY`,
      ).toBeDefined();
      expect(`${pin.action}@${pin.ref}`, pin.where).toBe(`${pin.action}@${expected}`);
    }
  });

  it('are kept current by Dependabot, with the npm dependencies', () => {
    const config = parse(readFileSync(path.join(repoRoot, '.github', 'dependabot.yml'), 'utf8')) as {
      updates: { 'package-ecosystem': string; directory: string; schedule: { interval: string } }[];
    };
    expect(
      config.updates.map((u) => `${u['package-ecosystem']} ${u.directory} ${u.schedule.interval}`).sort(),
    ).toEqual(['github-actions / weekly', 'npm / weekly']);
  });
});

describe('Node versions', () => {
  it('the CI matrix tests each Node line engines accepts, and the action runtime', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
      runs: { using: string };
    };
    const ci = parse(readFileSync(path.join(repoRoot, '.github', 'workflows', 'ci.yml'), 'utf8')) as {
      jobs: { ci: { strategy: { matrix: { node: number[] } } } };
    };
    const lines = pkg.engines.node.split('||').map((range) => Number(/\d+/.exec(range)![0]));
    const runtime = Number(/^node(\d+)$/.exec(action.runs.using)![1]);
    expect(ci.jobs.ci.strategy.matrix.node).toEqual([...new Set([...lines, runtime])].sort((a, b) => a - b));
  });
});
