import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../src/i18n/index.js';
import { MESSAGE_TABLES, messageKeys, translator } from '../src/messages.js';
import { TOOL_VERSION } from '../src/util/project.js';
import { ROOT } from './helpers.js';

describe('user-facing text', () => {
  it('has every message in French and in English', () => {
    expect(messageKeys('en').sort()).toEqual(messageKeys('fr').sort());
  });

  it('reports the version of package.json', () => {
    expect(TOOL_VERSION).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('writes real plurals in each language, 0 and 1 being singular in French', () => {
    const days = '{days, plural, one {# jour} other {# jours}} de retard';
    expect(formatMessage(days, { days: 0 }, 'fr')).toBe('0 jour de retard');
    expect(formatMessage(days, { days: 1 }, 'fr')).toBe('1 jour de retard');
    expect(formatMessage(days, { days: 2 }, 'fr')).toBe('2 jours de retard');
    const late = '{days, plural, one {# day} other {# days}} late';
    expect(formatMessage(late, { days: 0 }, 'en')).toBe('0 days late');
    expect(formatMessage(late, { days: 1 }, 'en')).toBe('1 day late');
    expect(
      formatMessage('{n, plural, =0 {none} one {# {what}} other {# {what}s}}', { n: 3, what: 'file' }, 'en'),
    ).toBe('3 files');
    expect(formatMessage('{n, plural, =0 {none} other {#}}', { n: 0 }, 'en')).toBe('none');
  });

  it('leaves an absent parameter visible rather than guessing', () => {
    expect(formatMessage('{count, plural, one {# item} other {# items}} in {where}', {}, 'en')).toBe(
      '{count} in {where}',
    );
  });

  it('has no "(s)" in French and well-formed plurals everywhere', () => {
    for (const lang of ['fr', 'en'] as const) {
      const t = translator(lang);
      for (const key of messageKeys(lang)) {
        // Rendering with numbers exercises every plural placeholder (a malformed one throws).
        const params = new Proxy({}, { get: () => 2 });
        const text = t(key as Parameters<typeof t>[0], params);
        if (lang === 'fr') expect(text, key).not.toMatch(/\(s\)|\(x\)/);
      }
    }
  });

  it('gives each message the same parameters in both languages', () => {
    // A plural branch (`=0 {today}`) is text, not a parameter.
    const names = (text: string) =>
      [
        ...new Set(
          [...text.matchAll(/(?<!(?:=\d+|zero|one|two|few|many|other)\s*)\{(\w+)(?:\}|, plural,)/g)].map(
            (m) => m[1],
          ),
        ),
      ].sort();
    for (const table of MESSAGE_TABLES) {
      for (const [key, fr] of Object.entries<string>(table.fr)) {
        expect(names((table.en as Record<string, string>)[key] ?? ''), key).toEqual(names(fr));
      }
    }
  });

  it('keeps src/i18n a leaf: it imports nothing outside itself', () => {
    const dir = path.join(ROOT, 'src', 'i18n');
    for (const file of readdirSync(dir)) {
      const imports = [...readFileSync(path.join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map(
        (m) => m[1],
      );
      for (const target of imports) expect(target, `${file} imports ${target}`).toMatch(/^\.\/[^/]+$/);
    }
  });
});
