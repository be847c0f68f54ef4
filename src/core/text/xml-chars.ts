/**
 * The characters XML 1.0 cannot carry at all, one definition for everything that reads or
 * writes XML: feed text before our parser sees it, titles and descriptions in our feeds,
 * badge SVGs. Pure.
 */

/**
 * C0 controls except tab, LF and CR; U+FFFE and U+FFFF; surrogates that are not part of a
 * pair (a well-formed pair is one astral character, which XML allows).
 */
const XML_FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML 1.0 forbids, so it can go into any XML document. */
export function stripXmlControlChars(text: string): string {
  return text.replace(XML_FORBIDDEN_CHARS, '');
}

/** True when `text` holds a character XML 1.0 forbids (a document with one is not well-formed). */
export function hasXmlForbiddenChars(text: string): boolean {
  XML_FORBIDDEN_CHARS.lastIndex = 0;
  return XML_FORBIDDEN_CHARS.test(text);
}
