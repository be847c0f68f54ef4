/**
 * Makes feed XML safe and parseable before it reaches the XML parser. Pure.
 * - The DOCTYPE (and any internal subset with ENTITY declarations) is removed, so no
 *   entity is ever expanded beyond XML's five and nothing external is resolved.
 * - HTML named entities (&nbsp;, &eacute;...) become numeric references to the same
 *   characters; unknown names and bare '&' become literal text.
 * - Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F) are dropped.
 * CDATA sections are left as they are.
 */
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { stripXmlControlChars } from '../text/xml-chars.ts';

const XML_PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const htmlParser = unified().use(rehypeParse, { fragment: true });
const entityCache = new Map<string, string | null>();

/** The characters an HTML named character reference stands for, or null when HTML does not know it. */
export function decodeHtmlEntity(name: string): string | null {
  const cached = entityCache.get(name);
  if (cached !== undefined) return cached;
  let decoded: string | null = null;
  if (/^[A-Za-z][A-Za-z0-9]{1,31}$/.test(name)) {
    const tree = htmlParser.parse(`&${name};`);
    const first = tree.children[0];
    const value = tree.children.length === 1 && first?.type === 'text' ? first.value : `&${name};`;
    // A legacy prefix match ("&notit;" → "¬it;") is not this entity.
    decoded = value === `&${name};` || value.endsWith(';') ? null : value;
  }
  if (entityCache.size < 5000) entityCache.set(name, decoded);
  return decoded;
}

/** A DOCTYPE in the prolog (after the declaration, comments and PIs), with its internal subset. */
const PROLOG_DOCTYPE = /^((?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|\s)*)<!DOCTYPE(?:[^[>]*|[^[>]*\[[\s\S]*?\]\s*)>/i;
const AMPERSAND = /&(?:#(\d{1,7});|#x([0-9a-fA-F]{1,6});|([A-Za-z][A-Za-z0-9._-]*);)?/g;

function isValidCodePoint(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function fixReferences(text: string): string {
  return text.replace(AMPERSAND, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
      return isValidCodePoint(code) ? whole : '';
    }
    if (name === undefined) return '&amp;';
    if (XML_PREDEFINED.has(name)) return whole;
    const decoded = decodeHtmlEntity(name);
    if (decoded === null) return `&amp;${name};`;
    return Array.from(decoded)
      .map((char) => `&#${char.codePointAt(0)};`)
      .join('');
  });
}

/**
 * Feed XML text → text the strict XML parser accepts more often and can never be
 * tricked by: see the module comment. Leading whitespace before the XML declaration
 * is removed too. Pure; never throws.
 */
export function prepareXmlText(text: string): string {
  const trimmed = stripXmlControlChars(text.replace(/^[\s\ufeff]+/, ''))
    .replace(PROLOG_DOCTYPE, '$1')
    // A document cut off inside its last end tag ("</rss"): close the tag.
    .replace(/(<\/[A-Za-z_][\w:.-]*)\s*$/, '$1>');
  const parts = trimmed.split(/(<!\[CDATA\[[\s\S]*?(?:\]\]>|$))/);
  return parts.map((part, index) => (index % 2 === 1 ? part : fixReferences(part))).join('');
}
