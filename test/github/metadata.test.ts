// action.yml, the code and the README agree: every input read is declared, every output set is declared, and
// the README's workflow is the self-test workflow, verbatim.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { OUTPUT_NAMES } from '../../src/github/outputs.js';
import { repoRoot } from './harness.js';

const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

function inputsReadByTheAction(): string[] {
  const names = new Set<string>();
  for (const file of ['inputs.ts', 'action.ts']) {
    const source = readFileSync(path.join(repoRoot, 'src', 'github', file), 'utf8');
    for (const m of source.matchAll(
      /\b(?:get|choice|flag|positive|optional|readInput)\((?:env, )?'([a-z-]+)'/g,
    ))
      names.add(m[1] as string);
  }
  return [...names].sort();
}

describe('action.yml', () => {
  it('declares exactly the inputs the code reads, each described, with no default but the token', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(inputsReadByTheAction());
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description.length, name).toBeGreaterThan(10);
      if (name !== 'github-token') expect(input.default, name).toBeUndefined();
    }
    expect(action.inputs['github-token']!.default).toBe('${{ github.token }}');
  });

  it('declares exactly the outputs the action sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES].sort());
  });

  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});

describe('README workflow', () => {
  it('is the job the self-test workflow runs', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const workflow = readFileSync(path.join(repoRoot, '.github', 'workflows', 'mes-referencing.yml'), 'utf8');
    const block = /<!-- workflow:start -->[\s\S]*?```yaml\n([\s\S]*?)```[\s\S]*?<!-- workflow:end -->/.exec(
      readme,
    );
    expect(block, 'a yaml block between the README markers').not.toBeNull();
    expect(block![1]).toBe(workflow);
  });
});

describe('local debugging (docs/github-action.md)', () => {
  it('sets only inputs action.yml declares, named as the runner names them, in the .env it shows', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs', 'github-action.md'), 'utf8');
    const block = /<!-- local-action-env:start -->\n```bash\n([\s\S]*?)```/.exec(doc);
    expect(block, 'a bash block after the marker').not.toBeNull();
    const names = block![1]!
      .split('\n')
      .filter((line) => line.startsWith('INPUT_'))
      .map((line) => line.slice('INPUT_'.length, line.indexOf('=')));
    expect(names.length).toBeGreaterThan(3);
    const declared = Object.keys(action.inputs).map((name) => name.toUpperCase());
    for (const name of names) expect(declared, name).toContain(name);
  });
});
