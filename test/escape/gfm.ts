// Markdown rendered as GitHub renders it (CommonMark + GFM: tables, autolinks, strikethrough, task lists), with raw
// HTML passed through as GitHub lets it through, plus what GitHub does after rendering: @mentions and #references
// in text become links. Tests look at the comment as a person sees it, not at its source.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

export function renderGfm(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });
}

/** Text outside tags and code, as GitHub's mention and reference filters see it (entities decoded). */
export function textNodes(html: string): string {
  return html
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** What GitHub would turn into a notification or a cross-reference: `@login`, `@org/team`, `#123`, `owner/repo#1`. */
export function mentionsAndReferences(html: string): string[] {
  const text = textNodes(html);
  return [
    ...[...text.matchAll(/(?:^|[^\w`])(@[a-z0-9][a-z0-9-]*(?:\/[a-z0-9][a-z0-9_-]*)?)/gi)].map(
      (m) => m[1] as string,
    ),
    ...[...text.matchAll(/(?:^|[^\w&])((?:[\w.-]+\/[\w.-]+)?#\d+)\b/g)].map((m) => m[1] as string),
  ];
}

/** Every element GitHub would show that is not plain text: links, images, headings, HTML comments, emphasis… */
export function markupFrom(html: string, allowed: readonly string[] = []): string[] {
  const tags = [...html.matchAll(/<!--|<([a-z][a-z0-9]*)\b/gi)].map((m) => (m[1] ?? '!--').toLowerCase());
  return tags.filter((tag) => !allowed.includes(tag));
}
