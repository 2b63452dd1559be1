// The committed bundle, run as users run it: dist/cli/index.js. Catches what only bundling can break (a module
// loaded lazily that the bundle lost, a FHIRPath engine silently missing).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, copyDemo, tempDir } from '../helpers.js';

function dist(args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli', 'index.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
  });
}

describe('the bundled CLI (dist/cli/index.js)', () => {
  it('runs the main job on the demo', () => {
    const out = tempDir();
    const r = dist(['check', '--repo', copyDemo(), '--out', out, '--today', '2026-11-26', '--offline', '-q']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Verdict : Aucun critère bloquant');
  });

  it('evaluates FHIRPath invariants (per-1 is not one the validator runs natively)', () => {
    const file = path.join(tempDir(), 'observation.json');
    writeFileSync(
      file,
      JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        code: { text: 'poids' },
        effectivePeriod: { start: '2026-05-02', end: '2026-05-01' },
      }),
    );
    const r = dist(['validate', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/error invariant .*per-1/);
  });
});
