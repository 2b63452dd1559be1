// The scripts a page loads, by their `<script src>`. A full HTML parser would cost ~300 KB of bundle for one
// attribute: comments are removed first (a commented-out tag loads nothing), and a tag this reading would miss only
// means one bundle not fetched — the page itself is always scanned whole.
const COMMENT = /<!--[\s\S]*?-->/g;
const SCRIPT_TAG = /<script\b([^>]*)>/gi;
const SRC = /(?:^|\s)src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const tag of html.replace(COMMENT, '').matchAll(SCRIPT_TAG)) {
    const src = SRC.exec(tag[1] ?? '');
    const value = src?.[1] ?? src?.[2] ?? src?.[3];
    if (value) sources.push(decodeEntities(value.trim()));
  }
  return sources;
}

function decodeEntities(value: string): string {
  return value.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi,
    (whole, hex?: string, dec?: string, name?: string) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(Number(dec));
      return ENTITIES[(name ?? '').toLowerCase()] ?? whole;
    },
  );
}
