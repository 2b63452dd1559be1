// `${name}` substitution in scenario strings (and in every string of a patch value or fixture).

export type Variables = Record<string, string | undefined>;

export class UnsetVariable extends Error {
  constructor(readonly variable: string) {
    super(`variable ${variable} is not set`);
  }
}

export function substitute(text: string, vars: Variables): string {
  return text.replace(/\$\{([A-Za-z][A-Za-z0-9_]*)\}/g, (_whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new UnsetVariable(name);
    return value;
  });
}

export function substituteDeep<T>(value: T, vars: Variables): T {
  if (typeof value === 'string') return substitute(value, vars) as T;
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, vars)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteDeep(v, vars)])) as T;
  return value;
}
