// Fixture patches of the scenarios: `set` or `remove` at a path such as
// `entry[resource.resourceType=Observation].resource.meta.profile` — dotted keys, `[n]` indexes, `[*]` every
// element, `[key=value]` elements whose (dotted) key equals the value. Applied to a copy, never to the fixture.

type Json = Record<string, unknown>;
type Segment = { key: string } | { index: number } | { all: true } | { where: string[]; equals: string };

export function parsePatchPath(path: string): Segment[] {
  const segments: Segment[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(path))) {
    if (match[1] !== undefined) segments.push({ key: match[1] });
    else {
      const inner = match[2] as string;
      if (inner === '*') segments.push({ all: true });
      else if (/^\d+$/.test(inner)) segments.push({ index: Number(inner) });
      else if (inner.includes('=')) {
        const [left, right] = inner.split('=', 2) as [string, string];
        segments.push({ where: left.split('.'), equals: right });
      } else throw new Error(`bad path segment [${inner}] in ${path}`);
    }
  }
  if (segments.length === 0) throw new Error(`empty patch path`);
  return segments;
}

function dig(value: unknown, keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = (current as Json | undefined)?.[key];
  return current;
}

/** Every container (object or array) that holds the last segment, with the key to act on. */
function targets(root: unknown, segments: Segment[], create: boolean): [Json | unknown[], string | number][] {
  let current: unknown[] = [root];
  for (let i = 0; i < segments.length - 1; i++) {
    const seg = segments[i] as Segment;
    const next: unknown[] = [];
    for (const node of current) {
      if ('key' in seg) {
        if (typeof node !== 'object' || node === null || Array.isArray(node)) continue;
        const obj = node as Json;
        if (obj[seg.key] === undefined && create) {
          const following = segments[i + 1] as Segment;
          obj[seg.key] = 'key' in following ? {} : [];
        }
        if (obj[seg.key] !== undefined) next.push(obj[seg.key]);
      } else if (Array.isArray(node)) {
        if ('index' in seg) {
          if (node[seg.index] !== undefined) next.push(node[seg.index]);
        } else if ('all' in seg) next.push(...node);
        else next.push(...node.filter((el) => String(dig(el, seg.where)) === seg.equals));
      }
    }
    current = next;
  }
  const last = segments[segments.length - 1] as Segment;
  const out: [Json | unknown[], string | number][] = [];
  for (const node of current) {
    if ('key' in last && typeof node === 'object' && node !== null && !Array.isArray(node))
      out.push([node as Json, last.key]);
    else if ('index' in last && Array.isArray(node)) out.push([node, last.index]);
  }
  return out;
}

export function applyPatch<T>(
  value: T,
  ops: readonly { op: 'set' | 'remove'; path: string; value?: unknown }[],
): T {
  const copy = structuredClone(value);
  for (const op of ops) {
    const segments = parsePatchPath(op.path);
    for (const [container, key] of targets(copy, segments, op.op === 'set')) {
      if (op.op === 'set') (container as Record<string | number, unknown>)[key] = structuredClone(op.value);
      else if (Array.isArray(container)) container.splice(key as number, 1);
      else delete (container as Json)[key as string];
    }
  }
  return copy;
}
