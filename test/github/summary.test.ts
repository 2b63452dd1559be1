// The job summary: the report under 1 MiB of UTF-8 whatever the script, with the banner on top.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_MAX_BYTES, fitToBytes, problemBanner, reportSummary } from '../../src/github/summary.js';
import { translator } from '../../src/messages.js';
import type { Report } from '../../src/report/model.js';
import { cleanTempDirs } from './harness.js';
import { demoReport, withNotices } from './reports.js';

const t = translator('fr');
let report: Report;
beforeAll(async () => {
  report = await demoReport();
});
afterAll(cleanTempDirs);

describe('reportSummary', () => {
  it('is the whole report when it fits', () => {
    const text = reportSummary({ report, banner: '', links: { run: 'https://x/run' } });
    expect(text).toContain('## Référencement Mon espace santé — Tensio');
    expect(text).toContain('<details');
    expect(text).toContain('[exécution](https://x/run)');
  });

  it('stays under 1 MiB of UTF-8 for reports of several megabytes, in any script', () => {
    for (const script of ['Remarque longue sur le manifeste ', '血压测量记录与健康数据 🫀🩺 ']) {
      const huge = withNotices(report, 20_000, script);
      const banner = problemBanner(t, [{ level: 'warning', text: 'Commentaire non publié' }]);
      const text = reportSummary({ report: huge, banner, links: { artifact: 'https://x/artifact' } });
      const bytes = Buffer.byteLength(text);
      expect(bytes).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
      // Not needlessly short either.
      expect(bytes).toBeGreaterThan(SUMMARY_MAX_BYTES * 0.8);
      expect(text.startsWith('> [!WARNING]\n')).toBe(true);
      expect(text).toContain('https://x/artifact');
    }
  });

  it('fits any renderer to a byte limit', () => {
    const render = (max: number) => 'é'.repeat(Math.min(max, 10_000));
    expect(Buffer.byteLength(fitToBytes(render, 1000))).toBeLessThanOrEqual(1000);
    expect(fitToBytes(render, 1000).length).toBeGreaterThan(450);
  });
});

describe('problemBanner', () => {
  it('is a warning alert when something failed, a note for platform limits only, nothing otherwise', () => {
    expect(problemBanner(t, [])).toBe('');
    expect(problemBanner(t, [{ level: 'notice', text: 'GHES' }])).toMatch(/^> \[!NOTE\]\n/);
    const banner = problemBanner(t, [
      { level: 'notice', text: 'GHES' },
      { level: 'warning', text: 'a <b> c\nd' },
    ]);
    expect(banner).toMatch(/^> \[!WARNING\]\n> \*\*Publication incomplète/);
    expect(banner).toContain('> - a &lt;b&gt; c d');
  });
});
