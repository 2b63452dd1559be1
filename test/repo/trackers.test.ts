// repo/trackers on a fixture front end with planted trackers in sources, package.json and a minified bundle.
import { cpSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runChecks, tempDir } from '../web/harness.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/repo/trackers-app');

function fixtureRepo(): string {
  const dir = tempDir('mes-trackers-');
  cpSync(FIXTURE, dir, { recursive: true });
  renameSync(path.join(dir, 'gitignore'), path.join(dir, '.gitignore'));
  cpSync(path.join(ROOT, 'test/fixtures/web/mes-referencing.yml'), path.join(dir, 'mes-referencing.yml'));
  // Third-party code is not the service's: never scanned (its bundled form in dist/ is).
  mkdirSync(path.join(dir, 'node_modules/react-ga4'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules/react-ga4/index.js'), "gtag('config', 'G-DEPENDENCY');\n");
  return dir;
}

describe('repo/trackers', () => {
  it('finds every planted tracker at its file, line and column, bundles included', async () => {
    const run = await runChecks(fixtureRepo(), {}, { offline: true });
    const criterion = run.criterion('ETH-TRACEURS');
    expect(criterion.status).toBe('non-conforme');
    expect(criterion.blocking).toBe(true);
    const found = criterion.findings
      .filter((f) => f.check === 'repo/trackers')
      .map((f) => [f.outcome, f.details?.tracker, f.location?.file, f.location?.line, f.location?.column]);
    expect(found).toEqual([
      ['fail', 'meta-pixel', 'dist/assets/index-3f2a9c.js', 1, 372],
      ['fail', 'hotjar', 'dist/assets/index-3f2a9c.js', 2, 85],
      ['fail', 'mixpanel', 'package.json', 6, 5],
      ['fail', 'google-analytics', 'public/index.html', 7, 36],
      ['fail', 'google-analytics', 'src/analytics.ts', 3, 21],
      ['info', 'matomo', 'src/stats.js', 3, 1],
    ]);
    const gtag = criterion.findings.find((f) => f.location?.file === 'public/index.html');
    expect(gtag?.details?.occurrences).toBe(3);
    expect(gtag?.message).toContain('Google Analytics');
  });

  it('passes a front end whose only analytics stay in the EU', async () => {
    const run = await runChecks(path.join(ROOT, 'examples/demo-editor'), {}, { offline: true });
    const repoFindings = run.criterion('ETH-TRACEURS').findings.filter((f) => f.check === 'repo/trackers');
    expect(repoFindings.map((f) => [f.outcome, f.code])).toEqual([
      ['pass', 'repo.no-tracker'],
      ['info', 'repo.tracker-eu'],
      ['info', 'repo.tracker-eu'],
    ]);
  });
});
