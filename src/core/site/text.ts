/**
 * Text for pages and feeds from content that strangers wrote. Excerpts are sanitized
 * Markdown; the site shows them as plain text (we quote and link, we don't republish), so
 * no markup from a feed ever reaches a page as HTML. Pure.
 */

/** Characters XML 1.0 forbids (C0 controls except tab, LF, CR; U+FFFE, U+FFFF; lone surrogates). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes every character XML 1.0 forbids, so any text can go into a feed. */
export function stripXmlControlChars(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}

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

/** Plain text cut to at most `maxChars` at a word boundary, with an ellipsis when cut. */
export function truncateText(text: string, maxChars: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxChars) return clean;
  const cut = clean.slice(0, Math.max(0, maxChars - 1));
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length > maxChars / 2 ? atWord : cut}…`;
}

/** A count with its noun, singular for exactly one: "1 mention", "3 mentions", "0 cases". */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
