// Text from outside (manifest values, finding messages quoting files or servers) placed in Markdown: it must stay
// text. One function, so the comment, the summary and report.md escape the same way.
import { escapeHtml } from './text.js';

/**
 * Inline Markdown that shows `text` as written: no HTML, no emphasis, link, image, code span or table cell break,
 * no line break, and no `@mention` notifying anyone.
 */
export function escapeMarkdownText(text: string): string {
  return (
    escapeHtml(text.replace(/\r\n?|\n/g, ' '))
      .replace(/[\\`*_[\]|~]/g, '\\$&')
      // A word joiner keeps the text readable and inert: after `@` no mention (nor e-mail autolink), inside
      // `https://` and `www.` no autolinked URL (GitHub links bare URLs in text, entities decoded first).
      .replace(/@(?=[\p{L}\p{N}_-])/gu, '@\u2060')
      .replace(/\b(https?|ftp)(?=:\/\/)/gi, '$1\u2060')
      .replace(/\b(www)(?=\.)/gi, '$1\u2060')
  );
}

/** A link whose text is escaped; the URL is ours (built from the run's context), percent-encoded. */
export function markdownLink(text: string, url: string): string {
  return `[${escapeMarkdownText(text)}](${encodeURI(url).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
}
