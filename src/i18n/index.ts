// User-facing text: French by default, English on request. Each concept keeps its messages in
// src/i18n/messages/<concept>.ts; this module merges them and formats `{param}` placeholders.
import { common } from './messages/common.js';
import { manifest } from './messages/manifest.js';
import { catalogue } from './messages/catalogue.js';
import { evidence } from './messages/evidence.js';
import { report } from './messages/report.js';
import { cli } from './messages/cli.js';
import { fhirValidation } from './messages/fhir-validation.js';
import { mes } from './messages/mes.js';
import { emulator } from './messages/emulator.js';
import { sandbox } from './messages/sandbox.js';
import { recording } from './messages/recording.js';
import { github } from './messages/github.js';
import { web } from './messages/web.js';
import { repo } from './messages/repo.js';
import { process } from './messages/process.js';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** A message table: one entry per key, the same keys in both languages. */
export interface MessageTable {
  fr: Record<string, string>;
  en: Record<string, string>;
}

/** A text given in both languages, as found in data files (rules/). */
export interface LocalizedText {
  fr: string;
  en: string;
}

export type Params = Record<string, string | number | undefined>;
export type Translate = (key: string, params?: Params) => string;

const tables: MessageTable[] = [
  common,
  manifest,
  catalogue,
  evidence,
  report,
  cli,
  fhirValidation,
  mes,
  emulator,
  sandbox,
  recording,
  github,
  web,
  repo,
  process,
];

const merged: Record<Lang, Map<string, string>> = { fr: new Map(), en: new Map() };
for (const table of tables) {
  for (const lang of LANGS) {
    for (const [key, text] of Object.entries(table[lang])) {
      if (merged[lang].has(key)) throw new Error(`duplicate message key ${key}`);
      merged[lang].set(key, text);
    }
  }
}

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function translator(lang: Lang): Translate {
  const table = merged[lang];
  return (key, params) => {
    const template = table.get(key) ?? merged.fr.get(key);
    // A missing key is a programming error, but it must never hide the message from the user.
    return template === undefined ? `${key} ${JSON.stringify(params ?? {})}` : format(template, params);
  };
}

export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.fr;
}

/** All keys known in one language; used by tests to check both languages stay in step. */
export function messageKeys(lang: Lang): string[] {
  return [...merged[lang].keys()];
}
