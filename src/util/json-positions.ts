// Positions of values in a JSON text, for findings located at file:line:column. The tree is built lazily: files
// without findings only pay for JSON.parse.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';

export type JsonPath = readonly (string | number)[];

export interface JsonPosition {
  line: number;
  column: number;
}

export interface JsonLocator {
  /** 1-based position of the value at `path`, or of its nearest existing ancestor. */
  locate(path: JsonPath): JsonPosition;
}

export function jsonLocator(text: string): JsonLocator {
  let root: Node | undefined;
  let lineStarts: number[] | undefined;
  const position = (offset: number): JsonPosition => {
    lineStarts ??= computeLineStarts(text);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
  };
  return {
    locate(path) {
      root ??= parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
      if (!root) return { line: 1, column: 1 };
      for (let depth = path.length; depth >= 0; depth--) {
        const node = findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
        // For a property, point at its key: that is where an editor looks for it.
        if (node) return position(node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return position(root.offset);
    },
  };
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}
