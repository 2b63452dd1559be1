// The dossier as the evaluators see it: the demo's report.html printed to PDF by a real headless Chromium. A4
// pages in a sensible number, every exchange of the dossier de recette expanded, no text running out of its box,
// and every text readable (WCAG 2.1 AA contrast), measured in the browser on the print layout.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/pipeline.js';
import { writeReportFiles } from '../../src/report/write.js';
import { Redactor } from '../../src/secrets.js';
import { DEMO, DEMO_TODAY, tempDir } from '../helpers.js';

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

describe('printed dossier', () => {
  it('prints the demo dossier as a clean A4 document', async () => {
    if (!CHROMIUM)
      throw new Error(
        `no Chromium found (${CANDIDATES.join(', ')}): install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
      );
    const secrets = new Redactor();
    const { report, attachments } = await run({
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
    const out = tempDir('mes-print-');
    writeReportFiles(out, report, attachments, secrets);
    const html = path.join(out, 'report.html');
    expect(readFileSync(html, 'utf8')).toContain('id="dossier-de-recette"');

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: PRINTABLE_WIDTH, height: 1100 } });
      await page.goto(pathToFileURL(html).href);
      await page.emulateMedia({ media: 'print' });

      const layout = await page.evaluate(() => {
        const overflow: string[] = [];
        const name = (el: Element) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} «${(el.textContent ?? '').trim().slice(0, 40)}»`;
        const width = document.documentElement.clientWidth;
        for (const el of document.body.querySelectorAll('*')) {
          if (el.closest('svg')) continue;
          const style = getComputedStyle(el);
          if (style.display === 'none') continue;
          const rect = el.getBoundingClientRect();
          if (rect.right > width + 1)
            overflow.push(`${name(el)} ends at ${Math.round(rect.right)} > ${width}`);
          const clips = ['hidden', 'auto', 'scroll', 'clip'].includes(style.overflowX);
          if (style.display !== 'inline' && !clips && el.scrollWidth > el.clientWidth + 1)
            overflow.push(`${name(el)} content ${el.scrollWidth} > box ${el.clientWidth}`);
          if (
            style.display === 'inline' ||
            style.display === 'inline-flex' ||
            style.display === 'inline-block'
          ) {
            const block = el.parentElement?.closest('td,th,li,p,dd,div,section,pre,h1,h2,h3,h4');
            const box = block?.getBoundingClientRect();
            if (box && rect.right > box.right + 1)
              overflow.push(
                `${name(el)} leaves its ${block!.tagName.toLowerCase()} (${Math.round(rect.right)} > ${Math.round(box.right)})`,
              );
          }
        }

        // WCAG 2.1 relative luminance and contrast of every element that holds text.
        const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) =>
          [r!, g!, b!]
            .map((v) => v / 255)
            .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        const background = (el: Element | null): number[] => {
          for (let e = el; e; e = e.parentElement) {
            const c = parse(getComputedStyle(e).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c;
          }
          return [255, 255, 255];
        };
        const lowContrast: string[] = [];
        let checked = 0;
        for (const el of document.body.querySelectorAll('*')) {
          const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
          if (!own || !el.checkVisibility()) continue;
          const style = getComputedStyle(el);
          const fg = el.closest('svg') ? parse(style.fill) : parse(style.color);
          const bg = el.closest('svg') ? [255, 255, 255] : background(el);
          const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
          const ratio = (hi + 0.05) / (lo + 0.05);
          const size = parseFloat(style.fontSize);
          const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
          checked++;
          if (ratio < (large ? 3 : 4.5)) lowContrast.push(`${name(el)} ${ratio.toFixed(2)}:1`);
        }
        const hiddenExchanges = [...document.querySelectorAll('details.exchange > pre')].filter(
          (p) => !p.checkVisibility(),
        ).length;
        return {
          overflow,
          lowContrast,
          checked,
          exchanges: document.querySelectorAll('details.exchange').length,
          hiddenExchanges,
        };
      });
      expect(layout.overflow).toEqual([]);
      expect(layout.checked).toBeGreaterThan(500);
      expect(layout.lowContrast).toEqual([]);
      expect(layout.exchanges).toBeGreaterThan(10);
      expect(layout.hiddenExchanges).toBe(0);

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
      // Cover, contents, summary, process, criteria table and cards, dossier de recette, traceability: more than
      // a leaflet, less than a binder.
      expect(pages).toBeGreaterThanOrEqual(12);
      expect(pages).toBeLessThanOrEqual(45);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
