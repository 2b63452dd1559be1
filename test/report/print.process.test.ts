// The dossier as the evaluators see it: the demo's report.html printed to PDF by a real headless Chromium. A4
// pages in a sensible number, every exchange of the dossier de recette expanded, no text running out of its box,
// and every text readable (WCAG 2.1 AA contrast), measured in the browser on the print layout.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/pipeline.js';
import { writeReportFiles } from '../../src/report/write.js';
import { Redactor } from '../../src/secrets.js';
import { DEMO, DEMO_TODAY, tempDir } from '../helpers.js';
import { withRepeatedFindings } from './large-report.js';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const CHROMIUM = process.env.CHROMIUM_PATH ?? CANDIDATES.find((c) => existsSync(c));
// As the machine notes say: without the background-networking flags Chromium keeps trying to reach Google.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A4 minus the dossier's 14 mm side margins, in CSS pixels (96 per inch). */
const PRINTABLE_WIDTH = Math.floor(((210 - 28) / 25.4) * 96);
const A4_POINTS = [595.28, 841.89];
const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'print-probe.browser.js');

interface Printed {
  layout: {
    overflow: string[];
    lowContrast: string[];
    checked: number;
    exchanges: number;
    hiddenExchanges: number;
  };
  pages: number;
}

/** Opens a dossier in Chromium's print layout, measures it in the page, prints it and checks every page is A4. */
async function print(html: string): Promise<Printed> {
  if (!CHROMIUM)
    throw new Error(
      `no Chromium found (${CANDIDATES.join(', ')}): install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: PRINTABLE_WIDTH, height: 1100 } });
    await page.goto(pathToFileURL(html).href);
    await page.emulateMedia({ media: 'print' });
    const layout = (await page.evaluate(readFileSync(PROBE, 'utf8'))) as Printed['layout'];
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const pages = (pdf.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    expect(pages).toBe(boxes.length);
    for (const [w, h] of boxes) {
      expect(Math.abs(w! - A4_POINTS[0]!)).toBeLessThan(2);
      expect(Math.abs(h! - A4_POINTS[1]!)).toBeLessThan(2);
    }
    return { layout, pages };
  } finally {
    await browser.close();
  }
}

async function demo() {
  const secrets = new Redactor();
  const result = await run({
    repoDir: DEMO,
    lang: 'fr',
    failOn: 'obligatoire',
    now: DEMO_TODAY,
    secrets,
    engine: { offline: true },
    provenance: {
      repository: 'https://github.com/tensio-sante/tensio',
      commit: '0123456789abcdef0123456789abcdef01234567',
      branch: 'main',
      pathPrefix: '',
    },
  });
  return { ...result, secrets };
}

describe('printed dossier', () => {
  it('prints the demo dossier as a clean A4 document', async () => {
    const { report, attachments, secrets } = await demo();
    const out = tempDir('mes-print-');
    writeReportFiles(out, report, attachments, secrets);
    const html = path.join(out, 'report.html');
    expect(readFileSync(html, 'utf8')).toContain('id="dossier-de-recette"');

    const { layout, pages } = await print(html);
    expect(layout.overflow).toEqual([]);
    expect(layout.checked).toBeGreaterThan(500);
    expect(layout.lowContrast).toEqual([]);
    expect(layout.exchanges).toBeGreaterThan(10);
    expect(layout.hiddenExchanges).toBe(0);
    // Cover, contents, summary, process, criteria table and 49 cards, some 35 exchanges of the dossier de recette,
    // traceability (42 pages today; 63 with every body printed whole): more than a leaflet, less than a binder.
    expect(pages).toBeGreaterThanOrEqual(12);
    expect(pages).toBeLessThanOrEqual(55);
  }, 120_000);

  it('prints a repository of 5,000 failing Bundles in about as many pages, the repeats grouped', async () => {
    const { report, attachments, secrets } = await demo();
    const out = tempDir('mes-print-large-');
    writeReportFiles(out, withRepeatedFindings(report), attachments, secrets);
    const html = path.join(out, 'report.html');
    expect(readFileSync(html, 'utf8')).toContain('(liste complète dans report.json)');

    const { layout, pages } = await print(html);
    // The long lists of places wrap inside the card.
    expect(layout.overflow).toEqual([]);
    expect(layout.lowContrast).toEqual([]);
    expect(pages).toBeLessThanOrEqual(58);
  }, 120_000);
});
