// fixed[x] (exactly equal) and pattern[x] (at least these values) of an element definition, on any value.
import type { ElementNode } from './structure.js';
import type { Frame, PathNode } from './walk.js';
import { sameCanonical } from './walk.js';
import type { Validation } from './walker.js';
import { deepEqual, matchesPattern, preview } from './values.js';

export function checkFixedAndPattern(
  v: Validation,
  value: unknown,
  node: ElementNode,
  path: PathNode | undefined,
  frame: Frame,
): void {
  if (node.fixed === undefined && node.pattern === undefined) return;
  if (typeof value === 'string' && node.types[0]?.code === 'canonical') {
    // A canonical without a version matches the same canonical with any version.
    const expected = node.fixed ?? node.pattern;
    if (
      typeof expected === 'string' &&
      (!value.includes('|') || !expected.includes('|')) &&
      sameCanonical(value, expected)
    )
      return;
  }
  const extra = { profile: frame.profile };
  if (node.fixed !== undefined && !deepEqual(value, node.fixed)) {
    const params = { expected: preview(node.fixed), actual: preview(value) };
    v.report('error', 'value', 'fhir.v.fixed', params, path, extra);
  }
  if (node.pattern !== undefined && !matchesPattern(value, node.pattern)) {
    const params = { expected: preview(node.pattern), actual: preview(value) };
    v.report('error', 'value', 'fhir.v.pattern', params, path, extra);
  }
}
