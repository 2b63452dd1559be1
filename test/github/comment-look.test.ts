// The comment as a person sees it: the body rendered as GitHub Markdown (CommonMark + GFM, HTML blocks allowed as
// GitHub allows <details>, <sub>, <br>), then read as HTML. Verdict first, what could not be checked, then what to do
// first with links to the file and line at the head commit; everything else folded; outside text stays text.
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_MAX_LENGTH, composeCommentBody } from '../../src/github/comment/body.js';
import { commentMarker } from '../../src/github/comment/marker.js';
import { snapshotOf } from '../../src/github/comment/state.js';
import type { Report } from '../../src/report/model.js';
import { blobBase } from '../../src/report/source-links.js';
import { renderGfm as render } from '../escape/gfm.js';
import { demoReport } from './reports.js';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const blob = blobBase('https://github.com', 'tensio-sante', 'tensio', SHA, 'examples/demo-editor');

/** The text a reader sees: tags dropped, entities decoded. */
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

let report: Report;
let body: string;
let html: string;

beforeAll(async () => {
  report = await demoReport();
  // A failure whose message quotes outside text trying every Markdown trick.
  const c = report.criteria.find((x) => x.id === 'ETH-CONTENU');
  c?.findings.unshift({
    outcome: 'fail',
    code: 'test.hostile',
    check: 'evidence',
    message:
      'texte <img src=x onerror=alert(1)> @octocat [piège](https://evil.example) **gras** `code` | fin',
    location: { file: 'docs/cgu.md', line: 12 },
  });
  body = composeCommentBody({
    report,
    marker: commentMarker(''),
    links: { run: 'https://github.com/tensio-sante/tensio/actions/runs/1', blob },
    state: { current: snapshotOf(report) },
  }).body;
  html = render(body);
});

describe('the comment rendered as GitHub Markdown', () => {
  it('reads verdict, unverified count, then what to do first, before anything folded', () => {
    const h2 = html.indexOf('<h2>');
    const verdict = html.indexOf('Aucun critère bloquant');
    const alert = html.indexOf('<blockquote>');
    const todo = html.indexOf('<h3>À traiter en premier</h3>');
    const firstDetails = html.indexOf('<details');
    expect(h2).toBe(0);
    expect(verdict).toBeGreaterThan(h2);
    expect(alert).toBeGreaterThan(verdict);
    expect(visible(html.slice(alert, html.indexOf('</blockquote>')))).toMatch(
      /⛔ \d+ critères obligatoires n’ont pas pu être vérifiés : .*ETH-TRACEURS/,
    );
    expect(todo).toBeGreaterThan(alert);
    expect(todo).toBeLessThan(firstDetails);
    // The first h3 is "À traiter en premier": nothing else stands between the verdict and it.
    expect(html.indexOf('<h3>')).toBe(todo);
  });

  it('lists items as an ordered list, each linked to its file and line at the head commit, with what to do', () => {
    const list = html.slice(html.indexOf('<ol>'), html.indexOf('</ol>'));
    const items = list.split('<li>').slice(1);
    expect(items.length).toBeGreaterThan(1);
    const hostile = items.find((i) => i.includes('ETH-CONTENU'));
    // Named from the repository root, as GitHub shows files, although the manifest sits in examples/demo-editor.
    expect(hostile).toContain(
      `<a href="https://github.com/tensio-sante/tensio/blob/${SHA}/examples/demo-editor/docs/cgu.md#L12">examples/demo-editor/docs/cgu.md:12</a>`,
    );
    const unverified = items.find((i) => i.includes('ETH-TRACEURS'));
    expect(unverified).toMatch(
      new RegExp(
        `<a href="https://github\\.com/tensio-sante/tensio/blob/${SHA}/examples/demo-editor/mes-referencing\\.yml#L\\d+">`,
      ),
    );
    expect(unverified).toContain('<strong>À faire :</strong>');
    expect(unverified).toContain('<sub>obligatoire · recommandé · non vérifié</sub>');
  });

  it('folds everything else: reviews and rubrique details in <details>, only the summary table open', () => {
    const afterTodo = html.slice(html.indexOf('</ol>'));
    // Outside <details>: the rubrique table, waivers, notes and the footer; never a criterion-by-criterion table.
    const outside = afterTodo.replace(/<details[\s\S]*?<\/details>/g, '');
    expect(outside).toContain('<h3>Par rubrique</h3>');
    expect((outside.match(/<table>/g) ?? []).length).toBe(1);
    expect(outside).not.toContain('ETH-ACCOMPAGNEMENT');
    // The folded parts render as real tables and lists, not as Markdown text.
    const folded = afterTodo.match(/<details[\s\S]*?<\/details>/g) ?? [];
    expect(folded.length).toBeGreaterThan(5);
    expect(folded[0]).toMatch(
      /^<details><summary>🔍 <b>\d+ points à vérifier par une personne<\/b><\/summary>/,
    );
    expect(folded.slice(1).every((d) => d.includes('<table>'))).toBe(true);
    // Places in the details are links at the head commit too.
    const base = `https://github\\.com/tensio-sante/tensio/blob/${SHA}/examples/demo-editor/mes-referencing\\.yml`;
    expect(folded.join('')).toMatch(
      new RegExp(
        `<sub><a href="${base}#L\\d+">examples/demo-editor/mes-referencing\\.yml:\\d+:\\d+</a></sub>`,
      ),
    );
    // Level and basis next to each criterion.
    expect(html).toMatch(
      /<strong>URB-HDS<\/strong> Hébergement certifié HDS<\/td>\s*<td>obligatoire<br><sub>L’article L1111-8/,
    );
  });

  it('shows outside text as text: no HTML, link, emphasis, code or mention from it', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="https://evil.example"');
    expect(html).not.toContain('<strong>gras</strong>');
    expect(html).not.toContain('<code>code</code>');
    const shown = visible(html);
    // Invisible word joiners break the mention and the bare URL GitHub would otherwise link.
    expect(shown).toContain(
      'texte <img src=x onerror=alert(1)> @\u2060octocat [piège](https:\u2060//evil.example) **gras** `code` | fin',
    );
    // No Markdown syntax of ours leaks into what is read.
    expect(shown).not.toMatch(/\*\*[A-Z]{3}-/);
    expect(shown).not.toContain('\\_');
  });

  it('stays under GitHub’s comment size limit', () => {
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_LENGTH);
  });
});
