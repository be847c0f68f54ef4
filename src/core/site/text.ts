/**
 * Text for pages and feeds from content that strangers wrote. Excerpts are sanitized
 * Markdown; the site shows them as plain text (we quote and link, we don't republish), so
 * no markup from a feed ever reaches a page as HTML. Pure.
 */
import { truncateAtWord } from '../text/truncate.ts';

/** A line's block markers (heading, quote, list item) and its hard-break backslash, removed. */
function stripLineMarkup(line: string): string {
  return line
    .trimEnd()
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '')
    // A hard line break is a backslash at the end of a line (an even run is escaped backslashes).
    .replace(/(^|[^\\])((?:\\\\)*)\\$/, '$1$2');
}

/** Inline Markdown as plain text: links keep their text, emphasis and escapes are dropped. */
function toPlainInline(line: string): string {
  // Escaped markers (`\*`) are literal: park them out of the emphasis pass, restore them after.
  let text = line.replace(/\\([*_`])/g, (_, char: string) => String.fromCharCode(0xe000 + '*_`'.indexOf(char)));
  // Emphasis can nest (`*see `code`*`): strip markers until nothing changes, a few rounds at most.
  for (let round = 0; round < 4; round += 1) {
    const next = text.replace(/(\*\*|__|\*|_|`)(?=\S)([^]*?\S)\1/g, '$2');
    if (next === text) break;
    text = next;
  }
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>&|~])/g, '$1')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => safeCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => safeCodePoint(parseInt(dec, 10)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/[\uE000-\uE002]/g, (char) => '*_`'.charAt(char.charCodeAt(0) - 0xe000));
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

/**
 * A sanitized Markdown excerpt as plain-text paragraphs (blank lines separate paragraphs;
 * lines inside one are joined by a space). Never returns empty strings.
 */
export function toPlainParagraphs(markdown: string): string[] {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => stripLineMarkup(line).trim())
        .filter((line) => line !== '' && !/^(?:-{3,}|\*{3,}|_{3,}|`{3,}.*)$/.test(line))
        .join(' '),
    )
    // Inline markup after joining: emphasis may open on one line and close on the next.
    .map((paragraph) => toPlainInline(paragraph).trim())
    .filter((paragraph) => paragraph !== '');
}

/**
 * Plain text as one line (whitespace runs collapsed) cut to at most `maxChars` characters
 * at a word boundary, with "…" when cut: the one cap of truncateAtWord.
 */
export function truncateText(text: string, maxChars: number): string {
  return truncateAtWord(text.replace(/\s+/g, ' ').trim(), maxChars);
}

/** A count with its noun, singular for exactly one: "1 mention", "3 mentions", "0 cases". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
