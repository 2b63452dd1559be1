// What the walker carries from element to element: the path being walked (a linked list, O(1) per step), the
// resource frame references resolve in, and the JSON items a member turns into. Shared by the rule families.
import type { LoadedPackage } from '../packages/loaded-package.js';
import type { BundleIndex } from './bundle-index.js';
import type { ElementNode } from './structure.js';

export type Json = Record<string, unknown>;

/** A path as a linked list: O(1) per step of the walk, turned into an array only for issues. */
export interface PathNode {
  parent: PathNode | undefined;
  key: string | number;
}

export function child(parent: PathNode | undefined, key: string | number): PathNode {
  return { parent, key };
}

export function toArray(path: PathNode | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let p = path; p; p = p.parent) out.push(p.key);
  return out.reverse();
}

/** The resource being walked and what its references can reach. */
export interface Frame {
  resource: Json;
  /** %rootResource: the container for contained resources, the resource itself otherwise. */
  root: Json;
  bundle: BundleIndex | undefined;
  /** The Bundle entry holding the resource, when it is one (its fullUrl anchors relative references). */
  entry?: Json;
  /** Profile whose definitions are being applied (for issues). */
  profile: string;
  /** Package the profile comes from (canonical resolution follows its dependencies). */
  pkg: LoadedPackage | undefined;
}

export interface ChildMatch {
  node: ElementNode;
  /** The type chosen by the JSON name, for choice elements. */
  typeCode?: string;
  /** Position of the element among its siblings. */
  index?: number;
}

export interface ChildTable {
  byName: Map<string, ChildMatch>;
  list: ElementNode[];
  /** Base names of choice elements (`value` for `value[x]`), to explain a type not allowed. */
  choices: Map<string, ElementNode>;
}

/** One value of a member: the JSON value, its `_name` partner (primitives), its type and where it is. */
export interface Item {
  value: unknown;
  extras: unknown;
  typeCode: string | undefined;
  path: PathNode;
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Two canonical URLs name the same resource, ignoring a `|version` on either. */
export function sameCanonical(a: string, b: string): boolean {
  const bar = a.indexOf('|');
  const other = b.indexOf('|');
  return (bar < 0 ? a : a.slice(0, bar)) === (other < 0 ? b : b.slice(0, other));
}

/** The element's name without its `[x]` suffix, as members of the JSON are named. */
export function bareName(node: ElementNode): string {
  return node.name.endsWith('[x]') ? node.name.slice(0, -3) : node.name;
}
