// Element-by-element comparison of two snapshots on what validation depends on: ids, cardinality, types with their
// profiles and target profiles, binding strength and value set, fixed/pattern values, slicing, constraint keys.
// Used to check the snapshot generator against the IG Publisher's shipped snapshots.

type Element = Record<string, unknown> & { id?: string; path: string };

/**
 * A canonical without its `|version`: the IG Publisher's pin-canonicals option (FR Core 2.2.0) writes core
 * canonicals as `…|4.0.1`, which resolve to the same definitions.
 */
function unversioned(url: string | undefined): string {
  return url ? (url.split('|')[0] as string) : '';
}

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function types(e: Element): string {
  const list =
    (e.type as { code?: string; profile?: string[]; targetProfile?: string[] }[] | undefined) ?? [];
  return list
    .map((t) => {
      const profiles = (t.profile ?? []).map(unversioned).sort().join(' ');
      const targets = (t.targetProfile ?? []).map(unversioned).sort().join(' ');
      return `${t.code}${profiles ? `(${profiles})` : ''}${targets ? `->(${targets})` : ''}`;
    })
    .sort()
    .join(', ');
}

function valued(e: Element, prefix: string): string {
  const key = Object.keys(e).find((k) => k.startsWith(prefix));
  return key ? `${key}=${canonicalJson(e[key])}` : '';
}

function binding(e: Element): string {
  const b = e.binding as { strength?: string; valueSet?: string } | undefined;
  return b ? `${b.strength} ${unversioned(b.valueSet)}` : '';
}

function slicing(e: Element): string {
  const s = e.slicing as
    { discriminator?: { type: string; path: string }[]; rules?: string; ordered?: boolean } | undefined;
  if (!s) return '';
  const d = (s.discriminator ?? []).map((x) => `${x.type}:${x.path}`).join(',');
  return `${d} ${s.rules ?? 'open'} ${s.ordered ? 'ordered' : 'unordered'}`;
}

function constraints(e: Element): string {
  return ((e.constraint as { key?: string }[] | undefined) ?? [])
    .map((c) => c.key)
    .sort()
    .join(',');
}

const ASPECTS: [string, (e: Element) => string][] = [
  ['min', (e) => String(e.min ?? '')],
  ['max', (e) => String(e.max ?? '')],
  ['type', types],
  ['binding', binding],
  ['fixed', (e) => valued(e, 'fixed')],
  ['pattern', (e) => valued(e, 'pattern')],
  ['slicing', slicing],
  ['constraints', constraints],
];

export const COMPARED_ASPECTS = ['ids', 'order', ...ASPECTS.map(([name]) => name)];

/** Differences between the expected (shipped) and actual (generated) snapshots, one line each. */
export function compareSnapshots(expected: Element[], actual: Element[]): string[] {
  const out: string[] = [];
  const id = (e: Element) => String(e.id ?? e.path);
  const mine = new Map(actual.map((e) => [id(e), e]));
  const theirs = new Map(expected.map((e) => [id(e), e]));
  for (const key of theirs.keys()) if (!mine.has(key)) out.push(`ids: missing ${key}`);
  for (const key of mine.keys()) if (!theirs.has(key)) out.push(`ids: extra ${key}`);
  const common = expected.map(id).filter((k) => mine.has(k));
  const order = actual.map(id).filter((k) => theirs.has(k));
  if (common.join('\n') !== order.join('\n')) {
    const at = common.findIndex((k, i) => order[i] !== k);
    out.push(`order: from ${common[at]} (generated: ${order[at]})`);
  }
  for (const key of common) {
    const a = theirs.get(key) as Element;
    const b = mine.get(key) as Element;
    for (const [name, read] of ASPECTS) {
      const x = read(a);
      const y = read(b);
      if (x !== y) out.push(`${name} ${key}: shipped «${x}» generated «${y}»`);
    }
  }
  return out;
}
