// Snapshot generation (http://hl7.org/fhir/R4/profiling.html#snapshot): a StructureDefinition's snapshot from its
// base's snapshot and its own differential, the way the IG Publisher builds it. Each differential element is
// found in the base tree by its id: children of a complex type are expanded from the type's definition (or its
// type profile) when the differential reaches into them; a slice the base does not have starts as a copy of the
// base's element; a choice type named by its type (`valueQuantity`) becomes the type slice `value[x]:valueQuantity`.
// Then the element's constraints are applied. What the differential cannot do to its base is reported, located
// at the differential element.
import type { SnapshotKey } from '../messages.js';
import type { RawElement, TreeNode } from './element-tree.js';
import {
  buildTree,
  cloneNode,
  flatten,
  idSegments,
  markPristine,
  relocate,
  unslicedId,
} from './element-tree.js';
import { mergeElement } from './merge.js';

export interface SnapshotProblem {
  messageId: SnapshotKey;
  params: Record<string, string | number>;
  /** Index of the differential element the problem is about (-1: the StructureDefinition itself). */
  index: number;
}

export interface SnapshotSource {
  /** The snapshot elements of a canonical or a type name, generated when it has none; undefined when unknown. */
  snapshotOf(url: string): RawElement[] | undefined;
  isResourceType(code: string): boolean;
}

export interface GeneratedSnapshot {
  elements: RawElement[];
  problems: SnapshotProblem[];
}

const TYPE_SLICING = { discriminator: [{ type: 'type', path: '$this' }], ordered: false, rules: 'closed' };
const EXTENSION_SLICING = { discriminator: [{ type: 'value', path: 'url' }], ordered: false, rules: 'open' };
const BACKBONE = new Set(['BackboneElement', 'Element']);

function typeCodes(ed: RawElement): string[] {
  return ((ed.type as { code?: string }[] | undefined) ?? []).map((t) => t.code ?? '');
}

/** Children defined in place (backbone elements, content references), not by a datatype. */
function isBackbone(ed: RawElement): boolean {
  return ed.contentReference !== undefined || typeCodes(ed).some((c) => BACKBONE.has(c));
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Ids for differential elements written without them: path, with the slice names met on the way. */
function differentialIds(elements: RawElement[]): string[] {
  const sliced = new Map<string, string>();
  return elements.map((e) => {
    if (typeof e.id === 'string') return e.id;
    let id = e.path;
    for (let cut = e.path.length; cut > 0; cut = e.path.lastIndexOf('.', cut - 1)) {
      const prefix = e.path.slice(0, cut);
      const known = sliced.get(prefix);
      if (known && prefix !== e.path) {
        id = known + e.path.slice(cut);
        break;
      }
    }
    if (typeof e.sliceName === 'string') {
      id = `${id}:${e.sliceName}`;
      sliced.set(e.path, id);
    } else sliced.delete(e.path);
    return id;
  });
}

class Generator {
  readonly problems: SnapshotProblem[] = [];
  private index = -1;

  constructor(
    private readonly source: SnapshotSource,
    private readonly rootType: string,
  ) {}

  problem(messageId: SnapshotKey, params: Record<string, string | number>): void {
    this.problems.push({ messageId, params, index: this.index });
  }

  apply(root: TreeNode, diff: RawElement[]): void {
    const ids = differentialIds(diff);
    diff.forEach((d, i) => {
      this.index = i;
      if (!d || typeof d.path !== 'string') {
        this.problem('snapshot.bad-element', { element: String(i) });
        return;
      }
      const id = ids[i] as string;
      const segments = idSegments(id);
      if (segments[0]?.name !== root.name) {
        this.problem('snapshot.unknown-path', { element: id });
        return;
      }
      const target = this.locate(root, segments, id);
      if (!target) return;
      const node = target.node;
      // Restating an element the base slices: the IG Publisher rebuilds it from its slices, and the base's
      // constraints on the unsliced element's datatype children are not carried over.
      if (
        !target.slice &&
        node.slices.length > 0 &&
        !node.expanded &&
        node.children.length > 0 &&
        !isBackbone(node.ed)
      )
        node.children = [];
      for (const p of mergeElement(node.ed, d, target.slice, (c) => this.source.isResourceType(c)))
        this.problem(p.messageId, p.params);
      this.resourceProfileConstraints(node.ed, d);
    });
  }

  /** The node a differential id designates, created (slices) or expanded (type children) on the way. */
  private locate(
    root: TreeNode,
    segments: { name: string; slice?: string }[],
    id: string,
  ): { node: TreeNode; slice: boolean } | undefined {
    let node = root;
    let slice = false;
    for (let k = 1; k < segments.length; k++) {
      const segment = segments[k] as { name: string; slice?: string };
      if (!this.expand(node, id)) return undefined;
      let child = node.children.find((c) => c.name === segment.name);
      let sliceName = segment.slice;
      if (!child) {
        // R4 shortcut: `valueQuantity` designates the Quantity type slice of `value[x]`.
        child = node.children.find(
          (c) =>
            c.name.endsWith('[x]') &&
            segment.name.startsWith(c.name.slice(0, -3)) &&
            ((c.ed.type as { code?: string }[] | undefined) ?? []).some(
              (t) => upperFirst(t.code ?? '') === segment.name.slice(c.name.length - 3),
            ),
        );
        if (child) sliceName = sliceName ?? segment.name;
      }
      if (!child) {
        this.problem('snapshot.unknown-path', { element: id });
        return undefined;
      }
      node = child;
      slice = false;
      if (sliceName) {
        node = this.sliceOf(node, sliceName);
        slice = true;
      }
    }
    return { node, slice };
  }

  /** The slice `name` (`a/b` for a re-slice) of an element, created from the element's base when new. */
  private sliceOf(element: TreeNode, name: string): TreeNode {
    let current = element;
    let acc = '';
    for (const part of name.split('/')) {
      acc = acc ? `${acc}/${part}` : part;
      let found = current.slices.find((s) => s.ed.sliceName === acc);
      if (!found) {
        found = this.newSlice(current, acc);
        current.slices.push(found);
      }
      current = found;
    }
    return current;
  }

  /** A resource-typed element given a profile carries the invariants of that profile's root (dom-*, …). */
  private resourceProfileConstraints(ed: RawElement, diff: RawElement): void {
    const types = (diff.type as { code?: string; profile?: string[] }[] | undefined) ?? [];
    const type = types.length === 1 ? types[0] : undefined;
    const url = type?.profile?.[0];
    if (!url || !type?.code || !this.source.isResourceType(type.code)) return;
    const rootConstraints =
      (this.source.snapshotOf(url)?.[0]?.constraint as { key?: string }[] | undefined) ?? [];
    const present = new Set(((ed.constraint as { key?: string }[] | undefined) ?? []).map((c) => c.key));
    const added = rootConstraints.filter((c) => !present.has(c.key)).map((c) => structuredClone(c));
    if (added.length > 0) ed.constraint = [...((ed.constraint as unknown[] | undefined) ?? []), ...added];
  }

  /**
   * A slice the base does not have: the sliced element as the base defined it, with the children it has at this
   * point (the differential's constraints on the unsliced element's children come before its slices and carry
   * into them, as the current IG Publisher does).
   */
  private newSlice(sliced: TreeNode, name: string): TreeNode {
    const template: TreeNode = { ...(sliced.pristine ?? sliced), children: sliced.children };
    const slice = cloneNode(template, false);
    const from = { id: String(sliced.ed.id ?? sliced.ed.path), path: sliced.ed.path };
    relocate(slice, from, { id: `${unslicedId(from.id)}:${name}`, path: sliced.ed.path });
    slice.ed.sliceName = name;
    delete slice.ed.slicing;
    if (sliced.expanded) slice.expanded = true;
    markPristine(slice);
    // Extensions are always sliced by url: a new extension slice gives its element that slicing.
    if (!sliced.ed.slicing && typeCodes(sliced.ed).includes('Extension'))
      sliced.ed.slicing = structuredClone(EXTENSION_SLICING);
    // A type slice of a choice (`value[x]:valueQuantity`) has that one type; the choice becomes type-sliced.
    if (sliced.name.endsWith('[x]') && name.startsWith(sliced.name.slice(0, -3))) {
      const suffix = name.slice(sliced.name.length - 3);
      const type = ((slice.ed.type as { code?: string }[] | undefined) ?? []).find(
        (t) => upperFirst(t.code ?? '') === suffix,
      );
      if (type) {
        slice.ed.type = [type];
        if (!sliced.ed.slicing) sliced.ed.slicing = structuredClone(TYPE_SLICING);
      }
    }
    return slice;
  }

  /** Gives an element its children from its type (or content reference) when it has none yet. */
  private expand(node: TreeNode, id: string): boolean {
    if (node.children.length > 0) return true;
    const to = { id: String(node.ed.id ?? node.ed.path), path: node.ed.path };
    let elements: RawElement[] | undefined;
    let from: { id: string; path: string };
    if (typeof node.ed.contentReference === 'string') {
      const ref = node.ed.contentReference.slice(node.ed.contentReference.indexOf('#') + 1);
      const core = this.source.snapshotOf(this.rootType) ?? [];
      elements = core.filter(
        (e) => e.path === ref || (e.path.startsWith(`${ref}.`) && !String(e.id ?? '').includes(':')),
      );
      from = { id: ref, path: ref };
    } else {
      const types = (node.ed.type as { code?: string; profile?: string[] }[] | undefined) ?? [];
      if (types.length !== 1) {
        this.problem('snapshot.no-single-type', { element: id, path: node.ed.path });
        return false;
      }
      const type = types[0] as { code?: string; profile?: string[] };
      const url = type.profile?.[0] ?? type.code ?? '';
      elements = this.source.snapshotOf(url);
      if (!elements && type.profile?.[0] && type.code) elements = this.source.snapshotOf(type.code);
      const first = elements?.[0];
      from = { id: String(first?.id ?? first?.path ?? ''), path: first?.path ?? '' };
    }
    if (!elements || elements.length < 2) {
      this.problem('snapshot.no-children', { element: id, path: node.ed.path });
      return false;
    }
    const { root } = buildTree(structuredClone(elements));
    for (const c of root.children) {
      relocate(c, from, to);
      markPristine(c);
    }
    node.children = root.children;
    node.expanded = true;
    return true;
  }
}

/**
 * A choice element with type slices but no slicing (R4 core snapshots written with the `valueQuantity` shortcut)
 * is type-sliced, closed: the type slices are the only types left.
 */
function implicitTypeSlicing(node: TreeNode): void {
  if (node.name.endsWith('[x]') && node.slices.length > 0 && !node.ed.slicing)
    node.ed.slicing = structuredClone(TYPE_SLICING);
  for (const c of node.children) implicitTypeSlicing(c);
  for (const s of node.slices) implicitTypeSlicing(s);
}

/** A slicing that states only rules, on an element without slices, slices nothing: the IG Publisher drops it. */
function dropEmptySlicing(node: TreeNode): void {
  const slicing = node.ed.slicing as { discriminator?: unknown[] } | undefined;
  if (slicing && (slicing.discriminator ?? []).length === 0 && node.slices.length === 0)
    delete node.ed.slicing;
  for (const c of node.children) dropEmptySlicing(c);
  for (const s of node.slices) dropEmptySlicing(s);
}

export function generateSnapshot(sd: Record<string, unknown>, source: SnapshotSource): GeneratedSnapshot {
  const problems: SnapshotProblem[] = [];
  const baseUrl = typeof sd.baseDefinition === 'string' ? sd.baseDefinition : undefined;
  const base = baseUrl ? source.snapshotOf(baseUrl) : undefined;
  if (!baseUrl || !base || base.length === 0) {
    problems.push({ messageId: 'snapshot.base-unknown', params: { base: baseUrl ?? '' }, index: -1 });
    return { elements: [], problems };
  }
  const { root, orphans } = buildTree(structuredClone(base));
  for (const o of orphans)
    problems.push({
      messageId: 'snapshot.base-orphan',
      params: { element: String(o.id ?? o.path) },
      index: -1,
    });
  implicitTypeSlicing(root);
  markPristine(root);
  const generator = new Generator(source, String(sd.type ?? root.name));
  const diff = (sd.differential as { element?: RawElement[] } | undefined)?.element ?? [];
  generator.apply(root, Array.isArray(diff) ? diff : []);
  dropEmptySlicing(root);
  return { elements: flatten(root), problems: [...problems, ...generator.problems] };
}
