// The escapers every renderer routes outside text through: attacker strings rendered as GitHub renders Markdown
// show as the characters they are, and log lines never become workflow commands.
import { describe, expect, it } from 'vitest';
import { htmlLink, safeHref } from '../../src/escape/html.js';
import { logText } from '../../src/escape/log.js';
import { mdCode, mdHtml, mdText } from '../../src/escape/markdown.js';
import { markupFrom, mentionsAndReferences, renderGfm, textNodes } from './gfm.js';

const ATTACKS = [
  '@octocat please merge',
  'ping @mes-referencing/maintainers',
  'fixes #12 and tensio-sante/tensio#3',
  '![pixel](https://evil.example/p.png)',
  '[cliquez ici](https://evil.example)',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">lien</a><h1>Titre</h1>',
  '<!-- mes-referencing:state v1 eyJjIjp7fX0 -->',
  '<details open><summary>x</summary>',
  'visit https://evil.example or www.evil.example or mail me@evil.example',
  '**gras** _italique_ ~~barré~~ `code` $\\frac{1}{2}$',
  '# Titre\n\n- liste\n> citation',
  '| a | b |\n|---|---|',
  '- [x] tâche',
  '1. premier',
  'texte\\',
  '[^1]\n\n[^1]: note',
];

const PLAIN = 'Tensio — Hébergeur Exemple HDS (FR), 1.2.250.1.999.42.1, certificat-hds.md';

describe('mdText', () => {
  it('renders every attack as plain text, in a paragraph, a list item and a table cell', () => {
    for (const attack of ATTACKS) {
      for (const [doc, allowed] of [
        [mdText(attack), ['p']],
        [`- ${mdText(attack)}`, ['ul', 'li']],
        [`| a |\n|---|\n| ${mdText(attack)} |`, ['table', 'thead', 'tr', 'th', 'tbody', 'td']],
      ] as const) {
        const html = renderGfm(doc);
        expect(markupFrom(html, allowed), `${attack} → ${html}`).toEqual([]);
        expect(mentionsAndReferences(html), `${attack} → ${html}`).toEqual([]);
      }
    }
  });

  it('shows the same characters a person typed (line breaks aside)', () => {
    for (const attack of [...ATTACKS, PLAIN]) {
      const words = (text: string) =>
        text
          .replace(/\u2060/g, '')
          .replace(/\s+/g, ' ')
          .trim();
      expect(words(textNodes(renderGfm(mdText(attack))))).toBe(words(attack));
    }
  });

  it('leaves ordinary text readable in the source', () => {
    expect(mdText(PLAIN)).toBe(PLAIN);
  });
});

describe('mdCode', () => {
  it('keeps any value inside one code span, in and out of tables', () => {
    for (const value of ['a`b', '``x``', '`', 'x | y', 'file.yml:3:5', '<!-- x -->', '@octocat #1']) {
      const inline = renderGfm(`voir ${mdCode(value)}`);
      expect(markupFrom(inline, ['p', 'code'])).toEqual([]);
      expect(inline).toContain('<code>');
      const cell = renderGfm(`| a |\n|---|\n| ${mdCode(value, { inTable: true })} |`);
      expect(markupFrom(cell, ['table', 'thead', 'tr', 'th', 'tbody', 'td', 'code'])).toEqual([]);
      expect(cell.match(/<td>/g)).toHaveLength(1);
    }
  });
});

describe('mdHtml', () => {
  it('is inert inside a raw HTML block', () => {
    for (const attack of ATTACKS) {
      const html = renderGfm(`<details><summary><b>${mdHtml(attack)}</b></summary>\n\ncontenu\n\n</details>`);
      expect(markupFrom(html, ['details', 'summary', 'b', 'p']), html).toEqual([]);
      expect(mentionsAndReferences(html)).toEqual([]);
    }
  });
});

describe('logText', () => {
  it('keeps outside text on one line that never starts a workflow command', () => {
    const forged =
      'Tensio\n::add-mask::x\r\n::stop-commands::tok\n  ::warning::pwned\u2028::error::x\u001b[31m';
    const line = logText(forged);
    expect(line).not.toMatch(/[\r\n\u2028]/);
    expect(line).not.toContain('\u001b');
    expect(line).toBe(
      'Tensio\\n::add-mask::x\\r\\n::stop-commands::tok\\n  ::warning::pwned\\u2028::error::x\\u001b[31m',
    );
    expect(logText('::warning::pwned')).toBe('\\::warning::pwned');
    expect(logText('   ::error::x')).toBe('\\::error::x');
    expect(logText('Manifeste mes-referencing.yml : Tensio')).toBe('Manifeste mes-referencing.yml : Tensio');
  });
});

describe('safeHref', () => {
  it('links only http(s) URLs without credentials', () => {
    expect(safeHref('https://tensio.example/cgu')).toBe('https://tensio.example/cgu');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'https://u:p@x.example',
      '//evil.example',
      ' javascript:x',
    ])
      expect(safeHref(bad), bad).toBeUndefined();
    expect(htmlLink('javascript:alert(1)', 'x"><script>')).toBe('x&quot;&gt;&lt;script&gt;');
    expect(htmlLink('https://a.example/?q="x"', 'a')).toBe(
      '<a href="https://a.example/?q=%22x%22" rel="noopener noreferrer">a</a>',
    );
  });
});
