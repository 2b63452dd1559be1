// The demo report as a reader of each language sees it: English with no French left but the names of French
// publications and the manifest's own text, French with real plurals.
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { registeredChecks } from '../../src/checks/registry.js';
import { renderConsole } from '../../src/report/console.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { demoReport } from '../helpers/demo-report.js';

/** What a person reads: the page text without tags, styles and scripts. */
function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ');
}

/** Titles of the cited publications, French by nature: left out of the check. */
function sourceTitles(): string[] {
  const catalogue = loadCatalogue({ version: '2023-10', checks: registeredChecks() });
  return Object.values(catalogue.sources)
    .map((s) => s.title)
    .sort((a, b) => b.length - a.length);
}

const FRENCH = [
  /\brubriques?\b/i,
  /\brecette\b/i,
  /\bdérogation/i,
  /\bjusqu’/i,
  /\bà vérifier\b/,
  /\béchéances?\b/i,
  /\bcritères?\b/i,
  /\bnon conformes?\b/i,
  /\bpreuves?\b/i,
  /\bréférentiel/i,
  /\(s\)/,
];

describe('wording', () => {
  it('leaves no French in the English report, console, Markdown and HTML dossier', async () => {
    const report = await demoReport('en');
    const titles = sourceTitles();
    const outputs = {
      console: renderConsole(report, false),
      markdown: renderMarkdown(report),
      // The recorded exchanges quote the MES servers verbatim: they are evidence, not our words.
      html: visibleText(
        renderHtml(report).replace(/<section id="dossier-de-recette"[\s\S]*?<\/section>/, ''),
      ),
    };
    for (const [name, raw] of Object.entries(outputs)) {
      let text = raw;
      for (const title of titles) text = text.split(title).join('');
      // Criterion ids (SEX-PREUVES…) are identifiers.
      text = text.replace(/\b[A-Z]{3}-[A-Z0-9-]+\b/g, '');
      for (const word of FRENCH) expect(text.match(word)?.[0], `${name}: ${word}`).toBeUndefined();
      // French typography puts a space before a colon; English does not.
      expect(text.match(/\S+ : \S+/)?.[0], `${name}: " : "`).toBeUndefined();
    }
  });

  it('writes real plurals in French, with one apostrophe', async () => {
    const report = await demoReport('fr');
    const outputs = [renderConsole(report, false), renderMarkdown(report), visibleText(renderHtml(report))];
    for (const text of outputs) {
      expect(text).not.toMatch(/\(s\)|\(x\)/);
      expect(text).toMatch(/\d+ critères? /);
    }
    expect(outputs[0]).toContain('conformes, ');
  });
});
