// Text from outside in the HTML dossier (report.html): escaped for element content and double-quoted attributes
// (the only kind the renderers write);
// only http(s) URLs become links (no `javascript:`, `data:` or `file:` from a manifest or a forged report).

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITY[c] as string);
}

/** The URL when it is an absolute http(s) URL without credentials, else undefined (shown as text, not linked). */
export function safeHref(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username || parsed.password) return undefined;
  return parsed.href;
}

/** `<a href>` for a safe URL, the escaped text otherwise. */
export function htmlLink(url: string | undefined, text: string): string {
  const href = safeHref(url);
  return href
    ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}
