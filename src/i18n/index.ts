// User-facing text: French by default, English on request. This module is the machinery only and knows no
// message: each concept owns its table beside its code (`defineMessages`), and `src/messages.ts` merges them.
import { formatMessage } from './format.js';
import type { Params } from './format.js';

export { formatMessage } from './format.js';
export type { Params } from './format.js';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** A text given in both languages, as found in data files (rules/). */
export interface LocalizedText {
  fr: string;
  en: string;
}

/** A message table: the keys `K`, each with its text in both languages. */
export interface MessageTable<K extends string = string> {
  fr: Record<K, string>;
  en: Record<K, string>;
}

/** The keys of a message table. */
export type KeyOf<T> = T extends MessageTable<infer K> ? K : never;

/** The endings of a table's keys that start with `P`: `KeySuffix<T, 'md.path.'>` is the union of the paths. */
export type KeySuffix<T, P extends string> =
  KeyOf<T> extends infer K ? (K extends `${P}${infer S}` ? S : never) : never;

/**
 * Declares a message table. The keys come from the French table; the English one must have exactly the same keys
 * (a missing or an extra key fails to compile), so the two languages cannot drift apart.
 */
export function defineMessages<K extends string>(table: {
  fr: Record<K, string>;
  en: NoInfer<Record<K, string>>;
}): MessageTable<K> {
  return table;
}

/**
 * Renders the message `key`. Only the keys a module declares it needs are accepted, so a key that no table holds,
 * or a template whose parts are not all keys (`md.path.${string}`), fails to compile.
 */
export type Translate<K extends string = string> = (key: K, params?: Params) => string;

export function isLang(value: unknown): value is Lang {
  return value === 'fr' || value === 'en';
}

/** A translator over the given tables (no key may appear in two of them). */
export function translatorFor<T extends MessageTable>(tables: readonly T[], lang: Lang): Translate<KeyOf<T>> {
  const merged = mergeTables(tables);
  const own = merged[lang];
  return (key, params) => {
    const template = own.get(key) ?? merged.fr.get(key);
    // Unreachable for typed callers; a key built at run time must still never hide the message from the user.
    return template === undefined
      ? `${key} ${JSON.stringify(params ?? {})}`
      : formatMessage(template, params, lang);
  };
}

const mergedCache = new WeakMap<readonly MessageTable[], Record<Lang, Map<string, string>>>();

function mergeTables(tables: readonly MessageTable[]): Record<Lang, Map<string, string>> {
  const cached = mergedCache.get(tables);
  if (cached) return cached;
  const merged: Record<Lang, Map<string, string>> = { fr: new Map(), en: new Map() };
  for (const table of tables) {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries<string>(table[lang])) {
        if (merged[lang].has(key)) throw new Error(`duplicate message key ${key}`);
        merged[lang].set(key, text);
      }
    }
  }
  mergedCache.set(tables, merged);
  return merged;
}

/** Every key of the given tables in one language; tests use it to check both languages stay in step. */
export function keysOf(tables: readonly MessageTable[], lang: Lang): string[] {
  return [...mergeTables(tables)[lang].keys()];
}

export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.fr;
}
