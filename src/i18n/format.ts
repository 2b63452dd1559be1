// Message templates: `{name}` is replaced by a parameter; `{count, plural, one {# jour} other {# jours}}` picks the
// branch of the language's plural category for `count` (Intl.PluralRules; `=0 {…}` matches an exact value) and
// writes the number in place of `#`. This is the subset of ICU MessageFormat the messages need, nothing more.

export type Params = Record<string, string | number | undefined>;

const PLACEHOLDER = /\{(\w+)\}/g;
const pluralRules = new Map<string, Intl.PluralRules>();

export function formatMessage(template: string, params: Params = {}, lang = 'fr'): string {
  if (!template.includes(', plural,')) return substitute(template, params);
  let out = '';
  let i = 0;
  while (i < template.length) {
    const start = template.indexOf('{', i);
    if (start < 0) break;
    const head = /^\{(\w+), plural,/.exec(template.slice(start));
    if (!head) {
      const end = template.indexOf('}', start);
      out += substitute(template.slice(i, end + 1), params);
      i = end + 1;
      continue;
    }
    out += template.slice(i, start);
    const [text, next] = plural(template, start + head[0].length, head[1] as string, params, lang);
    out += text;
    i = next;
  }
  return out + template.slice(i);
}

function substitute(text: string, params: Params): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Reads the branches of a plural placeholder from `i` (after `plural,`) to its closing brace. */
function plural(template: string, i: number, name: string, params: Params, lang: string): [string, number] {
  const branches = new Map<string, string>();
  const selector = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  for (;;) {
    selector.lastIndex = i;
    const match = selector.exec(template);
    if (!match) break;
    const end = closingBrace(template, selector.lastIndex);
    branches.set(match[1] as string, template.slice(selector.lastIndex, end));
    i = end + 1;
  }
  const close = template.indexOf('}', i);
  if (close < 0 || !branches.has('other')) throw new Error(`malformed plural in message: ${template}`);
  const value = params[name];
  const count = typeof value === 'number' ? value : Number(value);
  if (value === undefined || Number.isNaN(count)) return [`{${name}}`, close + 1];
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  const branch =
    branches.get(`=${count}`) ?? branches.get(rules.select(count)) ?? (branches.get('other') as string);
  return [substitute(branch.replace(/#/g, String(value)), params), close + 1];
}

function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in message: ${text}`);
}
