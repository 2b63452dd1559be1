// The hidden marker that identifies the action's comment on a pull request, one per `header`.

const NAMESPACE = 'mes-referencing';

/**
 * `<!-- mes-referencing:comment -->`, or with the header encoded so that it cannot end the HTML comment early
 * (no `-->`, no `--`) nor collide with another header's marker.
 */
export function commentMarker(header: string): string {
  const id = header ? ` ${encodeURIComponent(header).replace(/-/g, '%2D')}` : '';
  return `<!-- ${NAMESPACE}:comment${id} -->`;
}
