/**
 * A feed cut off in transfer (or with garbage after some complete items) → the document
 * up to its last complete item, with the elements still open there closed again, as
 * Python feedparser keeps such items. Pure; never throws.
 */

/** Element names (local part) of the items of a feed, by format. */
const ITEM_NAMES: Readonly<Record<'rss' | 'rdf' | 'atom', string>> = { rss: 'item', rdf: 'item', atom: 'entry' };

/**
 * One markup token at a '<': a comment, CDATA section, processing instruction, DOCTYPE,
 * end tag (group 1) or start tag (group 2, with group 3 '/' when it closes itself).
 * Anything that does not match (an unfinished tag, an open CDATA section) ends the scan.
 */
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^[>]*|[^[>]*\[[\s\S]*?\]\s*)>|<\/([A-Za-z_][\w:.-]*)\s*>|<([A-Za-z_][\w:.-]*)(?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>/y;

/** A document cut down to its complete items, and how many there are. */
export type RecoveredXml = { text: string; items: number };

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/**
 * The longest prefix of `text` that ends right after a complete item (<item>, or <entry>
 * for Atom) while everything before it is nested properly, followed by the end tags of
 * the elements still open there (channel, rss...). Returns undefined when nothing can be
 * recovered that way: no complete item, or a complete item end tag appears after the
 * first point where the markup goes wrong — that document is broken in the middle, not
 * cut off, and must fail as malformed. Whether the prefix is well-formed otherwise
 * (entities, attributes) is for the XML parser to say.
 */
export function cutAfterLastCompleteItem(text: string, format: 'rss' | 'rdf' | 'atom'): RecoveredXml | undefined {
  const itemName = ITEM_NAMES[format];
  const stack: string[] = [];
  let cut: { end: number; open: string[]; items: number } | undefined;
  let items = 0;
  let index = text.indexOf('<');
  while (index !== -1) {
    TOKEN.lastIndex = index;
    const token = TOKEN.exec(text);
    if (!token) break; // an unfinished tag or section: the document is cut off or broken here
    const [whole, endName, startName, selfClosing] = token;
    if (endName !== undefined) {
      if (stack[stack.length - 1] !== endName) break; // mismatched end tag
      stack.pop();
      if (localName(endName) === itemName) {
        items += 1;
        cut = { end: index + whole.length, open: [...stack], items };
      }
    } else if (startName !== undefined && selfClosing !== '/') {
      stack.push(startName);
    }
    index = text.indexOf('<', index + whole.length);
  }
  if (!cut || cut.open.length === 0) return undefined;
  // A complete item after the point where the scan stopped means the break is in the middle.
  const itemEnd = new RegExp(`</(?:[A-Za-z_][\\w.-]*:)?${itemName}\\s*>`, 'g');
  itemEnd.lastIndex = cut.end;
  if (itemEnd.test(text)) return undefined;
  const closing = cut.open
    .slice()
    .reverse()
    .map((name) => `</${name}>`)
    .join('');
  return { text: `${text.slice(0, cut.end)}${closing}`, items: cut.items };
}
