// A snapshot as a tree while it is being built: each element node holds its children (in order) and, when it is
// sliced, its slices (in order, re-slices under their slice). Element ids follow
// http://hl7.org/fhir/R4/elementdefinition.html#id: `Path.to.element:slice/reslice.child`. Flattening the tree
// gives the snapshot order the IG Publisher uses: an element, its children, then its slices.

export type RawElement = Record<string, unknown> & { id?: string; path: string; sliceName?: string };

export interface TreeNode {
  ed: RawElement;
  /** Last path segment (`value[x]`). */
  name: string;
  children: TreeNode[];
  slices: TreeNode[];
  /** The node as the base definition gave it (element and children, no slices): what a new slice starts from. */
  pristine?: TreeNode;
  /** Children were filled from the element's type (or content reference) during this generation. */
  expanded?: boolean;
}

export function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** The id segments of an element id: `Observation.component:sys.code` → name and slice of each. */
export function idSegments(id: string): { name: string; slice?: string }[] {
  return id.split('.').map((segment) => {
    const colon = segment.indexOf(':');
    return colon < 0 ? { name: segment } : { name: segment.slice(0, colon), slice: segment.slice(colon + 1) };
  });
}

/** Id of the element an element belongs to: its parent, or for a slice the element (or slice) it slices. */
function ownerOf(id: string): { owner: string; slice: boolean } | undefined {
  const dot = id.lastIndexOf('.');
  const last = id.slice(dot + 1);
  const colon = last.indexOf(':');
  if (colon >= 0) {
    const sliceName = last.slice(colon + 1);
    const slash = sliceName.lastIndexOf('/');
    const base = slash >= 0 ? `${last.slice(0, colon)}:${sliceName.slice(0, slash)}` : last.slice(0, colon);
    return { owner: `${id.slice(0, dot + 1)}${base}`, slice: true };
  }
  return dot < 0 ? undefined : { owner: id.slice(0, dot), slice: false };
}

export function cloneNode(node: TreeNode, withSlices = true): TreeNode {
  const copy: TreeNode = {
    ed: structuredClone(node.ed),
    name: node.name,
    children: node.children.map((c) => cloneNode(c)),
    slices: withSlices ? node.slices.map((s) => cloneNode(s)) : [],
  };
  if (node.expanded) copy.expanded = true;
  return copy;
}

/** Builds the tree of a snapshot; elements whose owner is not found are returned apart. */
export function buildTree(elements: RawElement[]): { root: TreeNode; orphans: RawElement[] } {
  const first = elements[0] as RawElement;
  const root: TreeNode = { ed: first, name: first.path, children: [], slices: [] };
  const byId = new Map<string, TreeNode>([[first.id ?? first.path, root]]);
  const orphans: RawElement[] = [];
  for (const ed of elements.slice(1)) {
    const id = ed.id ?? ed.path;
    const node: TreeNode = { ed, name: lastSegment(ed.path), children: [], slices: [] };
    const owner = ownerOf(id);
    const parent = owner && byId.get(owner.owner);
    if (!owner || !parent) {
      orphans.push(ed);
      continue;
    }
    byId.set(id, node);
    if (owner.slice) parent.slices.push(node);
    else parent.children.push(node);
  }
  return { root, orphans };
}

/** Records each node's pristine copy (element and children, without slices), for slices created later. */
export function markPristine(node: TreeNode): void {
  node.pristine = cloneNode(node, false);
  for (const c of node.children) markPristine(c);
  for (const s of node.slices) markPristine(s);
}

/** Rewrites the ids (and paths) of a subtree copied to another place: prefixes are swapped. */
export function relocate(
  node: TreeNode,
  from: { id: string; path: string },
  to: { id: string; path: string },
): void {
  const swap = (value: string, a: string, b: string) =>
    value === a || value.startsWith(`${a}.`) || value.startsWith(`${a}:`) ? b + value.slice(a.length) : value;
  node.ed.id = swap(node.ed.id ?? node.ed.path, from.id, to.id);
  node.ed.path = swap(node.ed.path, from.path, to.path);
  for (const c of node.children) relocate(c, from, to);
  for (const s of node.slices) relocate(s, from, to);
}

/** The snapshot's elements in IG Publisher order: an element, its children, then its slices. */
export function flatten(root: TreeNode): RawElement[] {
  const out: RawElement[] = [];
  const stack: TreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as TreeNode;
    out.push(node.ed);
    for (let i = node.slices.length - 1; i >= 0; i--) stack.push(node.slices[i] as TreeNode);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as TreeNode);
  }
  return out;
}

/** The id of an element without its own slice name (`a.b:s` → `a.b`). */
export function unslicedId(id: string): string {
  const dot = id.lastIndexOf('.');
  const colon = id.indexOf(':', dot + 1);
  return colon < 0 ? id : id.slice(0, colon);
}
