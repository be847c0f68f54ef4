/**
 * Atom's type="xhtml" text constructs (RFC 4287 §3.1.1.3) as HTML, with their text and
 * elements in document order. The feed's main xml2js reading groups an element's children
 * by name and joins its text, so "thanks <strong>Jo</strong>." would come out as
 * "thanks .<strong>Jo</strong>"; this second reading keeps xml2js's ordered children
 * (`$$`, text included) and is done only for a document that has an xhtml construct. Pure.
 */
import { Parser as XmlParser } from 'xml2js';
import { escapeHtmlText } from '../text/escape-html.ts';

/** The xhtml content and summary of one entry, as HTML; a field is absent when it is not xhtml. */
export type EntryXhtml = { content?: string; summary?: string };

/** xml2js's ordered node: its name, attributes, text and children in document order. */
type OrderedNode = { '#name'?: string; $?: Record<string, string>; _?: string; $$?: OrderedNode[] };

const TEXT_NODE = '__text__';
/** HTML elements with no end tag: `</br>` would read as a second <br> in HTML. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** True when the document may hold an xhtml text construct, so the ordered reading is worth its cost. */
export function hasXhtmlConstruct(xml: string): boolean {
  return /\btype\s*=\s*["']xhtml["']/i.test(xml);
}

/**
 * For each entry of the Atom document, in order, its xhtml content and summary as HTML.
 * Rejects when the XML is not well-formed, like the main reading of the same text.
 */
export async function readAtomXhtml(xml: string): Promise<EntryXhtml[]> {
  const document = (await new XmlParser({ explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: true }).parseStringPromise(xml)) as Record<string, OrderedNode> | null;
  const root = document ? Object.values(document)[0] : undefined;
  return childrenNamed(root, 'entry').map((entry) => {
    const found: EntryXhtml = {};
    for (const field of ['content', 'summary'] as const) {
      const node = childrenNamed(entry, field)[0];
      if (node?.$?.type?.toLowerCase() === 'xhtml') found[field] = serializeChildren(node);
    }
    return found;
  });
}

/** Localname without a namespace prefix: <atom:entry> and <entry> are both entries. */
function localName(node: OrderedNode): string {
  return (node['#name'] ?? '').replace(/^[^:]*:/, '');
}

function childrenNamed(node: OrderedNode | undefined, name: string): OrderedNode[] {
  return (node?.$$ ?? []).filter((child) => localName(child) === name);
}

/** An element's children as HTML. The xhtml wrapper <div> of the construct is kept: the sanitizer drops it. */
function serializeChildren(node: OrderedNode): string {
  return (node.$$ ?? []).map(serializeNode).join('');
}

function serializeNode(node: OrderedNode): string {
  if (node['#name'] === TEXT_NODE) return escapeHtmlText(node._ ?? '');
  const name = localName(node);
  const attributes = Object.entries(node.$ ?? {})
    .filter(([attribute]) => attribute !== 'xmlns' && !attribute.startsWith('xmlns:'))
    .map(([attribute, value]) => ` ${attribute.replace(/^[^:]*:/, '')}="${escapeHtmlText(value).replace(/"/g, '&quot;')}"`)
    .join('');
  return VOID_ELEMENTS.has(name.toLowerCase()) ? `<${name}${attributes}>` : `<${name}${attributes}>${serializeChildren(node)}</${name}>`;
}
