// src/main.ts is the action's one entry point: the bundle calls its run(), and @github/local-action imports it and
// calls run() itself. Started here as local-action does (import, then run()), on the demo with INPUT_* variables.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cleanTempDirs, demoWorkspace, expireHdsCertificate, runAction } from './harness.js';

afterAll(cleanTempDirs);

/** What local-action does with an entry point: import it (which must not start anything), then await run(). */
const LOCAL_ACTION = `
const entry = await import(process.argv[1]);
if (typeof entry.run !== 'function') throw new Error('no run() export');
if (process.exitCode !== undefined) throw new Error('importing the entry point ran the action');
const code = await entry.run();
console.log('run() resolved to ' + code + ', exit code ' + process.exitCode);
`;

describe('src/main.ts', () => {
  it('exports run(), which runs the action with the INPUT_* environment and sets its exit code', async () => {
    const { workspace } = demoWorkspace({ alter: expireHdsCertificate });
    const run = await runAction({
      workspace,
      event: { name: 'push', payload: {} },
      inputs: { comment: 'never', lang: 'en' },
      start: ['--input-type=module', '-e', LOCAL_ACTION, inject('sourceMain')],
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('run() resolved to 1, exit code 1');
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ result: 'non-conforme', 'blocking-count': '1' });
    const report = JSON.parse(readFileSync(path.join(run.reportDir, 'report.json'), 'utf8')) as {
      lang: string;
    };
    expect(report.lang).toBe('en');
    expect(existsSync(path.join(run.reportDir, 'report.sarif'))).toBe(true);
  });
});
