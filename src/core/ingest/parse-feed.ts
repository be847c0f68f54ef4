/**
 * Text → ParsedFeed. The format is sniffed from the content, never the URL. RSS
 * 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0/0.3 are read by xml2js (pinned 0.5.0, the XML
 * reader rss-parser 3.13.0 is built on, with the same settings) and mapped here, field by
 * field; JSON Feed 1.0/1.1 is read by hand. Pure (no I/O); never throws, never rejects:
 * every failure is a typed FeedError. Why not rss-parser's own items, fast-xml-parser or
 * feedsmith: docs/decisions/parsers.md.
 */
import { Builder, Parser as XmlParser } from 'xml2js';
import { escapeHtmlText } from '../text/escape-html.ts';
import { hasXhtmlConstruct, readAtomXhtml, type EntryXhtml } from './atom-xhtml.ts';
import { parseJsonFeed } from './json-feed.ts';
import { toPlainText } from './plain-text.ts';
import type { FeedError, FeedFormat, ParsedFeed, RawItem } from './types.ts';
import { cutAfterLastCompleteItem } from './xml-recovery.ts';
import { prepareXmlText } from './xml-text.ts';

/** Result of parsing one feed document. */
export type ParseResult = { ok: true; feed: ParsedFeed } | { ok: false; error: FeedError };

/** What the document looks like, decided from its first bytes. */
export type SniffResult = { kind: 'xml'; format: Exclude<FeedFormat, 'json'> } | { kind: 'json' } | { kind: 'error'; error: FeedError };

/** xml2js's node shape: child arrays by name, attributes in `$`, text in `_`. */
type XmlNode = { $?: Record<string, string>; _?: string; [child: string]: unknown };

/**
 * Decides the format from the content: leading whitespace and a BOM are skipped, then
 * the XML declaration, comments, processing instructions and DOCTYPE; the root element
 * decides (rss, rdf:RDF, feed). A document starting with '{' is JSON. HTML, empty and
 * unknown documents are a 'not-a-feed' error. Pure; never throws.
 */
export function sniffFeedFormat(text: string): SniffResult {
  const start = text.replace(/^[\s\ufeff\u0000]+/, '');
  if (start === '') return { kind: 'error', error: { reason: 'not-a-feed', message: 'the document is empty' } };
  if (start.startsWith('{') || start.startsWith('[')) return { kind: 'json' };
  if (!start.startsWith('<')) return { kind: 'error', error: { reason: 'not-a-feed', message: 'the document is neither XML nor JSON' } };
  const body = start.replace(/^(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]*|[^[>]*\[[\s\S]*?\]\s*)>|\s+)*/i, '');
  const root = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)/.exec(body)?.[1];
  if (!root) return { kind: 'error', error: { reason: body === '' ? 'not-a-feed' : 'malformed', message: body === '' ? 'the document has no root element' : 'the document does not start with an XML element' } };
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  if (/^rss$/i.test(local)) return { kind: 'xml', format: 'rss' };
  if (local === 'RDF') return { kind: 'xml', format: 'rdf' };
  if (local === 'feed') return { kind: 'xml', format: 'atom' };
  if (/^html$/i.test(local)) return { kind: 'error', error: { reason: 'not-a-feed', message: 'the document is an HTML page, not a feed (look for its <link rel="alternate"> feed)' } };
  return { kind: 'error', error: { reason: 'not-a-feed', message: `the document's root element <${root}> is not rss, rdf:RDF or feed` } };
}

function asArray(value: unknown): XmlNode[] {
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

/** All text inside an xml2js node, in a stable order; for titles and names. */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).join(' ');
  if (typeof value === 'object') {
    const node = value as XmlNode;
    const parts: string[] = [];
    if (typeof node._ === 'string') parts.push(node._);
    for (const [key, child] of Object.entries(node)) if (key !== '$' && key !== '_') parts.push(textOf(child));
    return parts.join(' ');
  }
  return String(value);
}

function firstText(node: XmlNode, ...names: string[]): string | undefined {
  for (const name of names) {
    const text = textOf(asArray(node[name])[0]).trim();
    if (text !== '') return text;
  }
  return undefined;
}

/** Resolves an xml:base against the base in scope; keeps the old base when it cannot. */
function resolveBase(node: XmlNode | undefined, inherited: string): string {
  const base = node?.$?.['xml:base'];
  if (!base) return inherited;
  try {
    return new URL(base.trim(), inherited).href;
  } catch {
    return inherited;
  }
}

/** The HTML of a text construct: escaped when it is declared plain text. */
function htmlOfTextConstruct(node: XmlNode | undefined, rendered: unknown, textIsDefault: boolean): string | undefined {
  if (rendered === undefined || rendered === null) return undefined;
  const html = typeof rendered === 'string' ? rendered : textOf(rendered);
  const type = node?.$?.type?.toLowerCase();
  const isText = type === 'text' || type === 'text/plain' || (type === undefined && textIsDefault);
  return isText ? escapeHtmlText(html) : html;
}

function collectInReplyTo(node: XmlNode, base: string): string[] | undefined {
  const refs = asArray(node['thr:in-reply-to'])
    // RFC 4685: `ref` is the parent's atom:id, `href` where it lives; keep both to find it by either.
    .flatMap((reply) => (reply.$?.href || reply.$?.ref ? [reply.$?.href, reply.$?.ref].filter((ref): ref is string => typeof ref === 'string') : [textOf(reply)]))
    .map((ref) => ref.trim())
    .filter((ref) => ref !== '')
    .map((ref) => {
      try {
        return /^[a-z][a-z0-9+.-]*:/i.test(ref) ? ref : new URL(ref, base).href;
      } catch {
        return ref;
      }
    });
  return refs.length > 0 ? refs : undefined;
}

/** The Media RSS nodes of an item: itself, then its media:group and media:content children (groups nest contents). */
function mediaNodes(raw: XmlNode): XmlNode[] {
  const groups = asArray(raw['media:group']);
  return [raw, ...groups, ...asArray(raw['media:content']), ...groups.flatMap((group) => asArray(group['media:content']))];
}

/** The first non-empty media:<name> text among the item's media nodes, with its type attribute. */
function firstMediaText(raw: XmlNode, name: string): { text: string; type: string | undefined } | undefined {
  for (const node of mediaNodes(raw)) {
    const element = asArray(node[name])[0];
    const text = textOf(element).trim();
    if (text !== '') return { text, type: element?.$?.type?.toLowerCase() };
  }
  return undefined;
}

/** media:description as plain text (see RawItem.mediaDescription). */
function readMediaDescription(raw: XmlNode): string | undefined {
  const description = firstMediaText(raw, 'media:description');
  if (!description) return undefined;
  return description.type === 'html' ? toPlainText(description.text) : description.text.replace(/\r\n?/g, '\n');
}

/** A MIME type or medium's family: 'audio', 'video' or undefined. */
function mediaFamily(value: string | undefined): 'audio' | 'video' | undefined {
  const family = value?.trim().toLowerCase().split('/')[0];
  return family === 'audio' || family === 'video' ? family : undefined;
}

/**
 * Whether an item is a published episode (see RawItem.episode): YouTube's yt:videoId, an
 * audio or video enclosure (RSS <enclosure>, Atom rel="enclosure"), Media RSS content of
 * that medium or type, or iTunes episode tags (audio).
 */
function readEpisode(raw: XmlNode): 'audio' | 'video' | undefined {
  if (asArray(raw['yt:videoId']).length > 0) return 'video';
  const enclosures = [...asArray(raw.enclosure), ...asArray(raw.link).filter((link) => link.$?.rel === 'enclosure')];
  for (const enclosure of enclosures) {
    const family = mediaFamily(enclosure.$?.type);
    if (family) return family;
  }
  for (const node of mediaNodes(raw).slice(1)) {
    const family = mediaFamily(node.$?.medium) ?? mediaFamily(node.$?.type);
    if (family) return family;
  }
  if (['itunes:duration', 'itunes:episode', 'itunes:episodeType'].some((tag) => asArray(raw[tag]).length > 0)) return 'audio';
  return undefined;
}

/** media:title, the title of last resort (a type="html" title stays markup: titles are reduced to text later). */
function readMediaTitle(raw: XmlNode): string | undefined {
  return firstMediaText(raw, 'media:title')?.text;
}

/** The item without fields a feed left out or left empty, so an empty <author/> reads as no author. */
function dropEmptyFields(item: RawItem): RawItem {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined && value !== '')) as RawItem;
}

/**
 * The markup of a content element as rss-parser rendered it: its text, or, for an element
 * with child elements (Atom's type="xhtml"), those elements serialised inside a <div>.
 */
function renderContent(node: unknown): unknown {
  if (node === undefined || node === null) return undefined;
  if (typeof (node as XmlNode)._ === 'string') return (node as XmlNode)._;
  if (typeof node !== 'object') return node;
  return new Builder({ headless: true, rootName: 'div', renderOpts: { pretty: false } }).buildObject(node);
}

/** A node whose links without an href are left out (they carry nothing to follow). */
function withHrefLinks(node: XmlNode): XmlNode {
  return node.link ? { ...node, link: asArray(node.link).filter((link) => typeof link.$?.href === 'string') } : node;
}

function mapAtomEntry(entry: unknown, feedBase: string, feedAuthor: string | undefined, atom03: boolean, xhtml: EntryXhtml = {}): RawItem {
  const raw = entry && typeof entry === 'object' ? withHrefLinks(entry as XmlNode) : {};
  const base = resolveBase(raw, feedBase);
  const links = asArray(raw.link);
  const alternate = links.find((link) => (link.$?.rel ?? 'alternate') === 'alternate') ?? links[0];
  const linkBase = resolveBase(alternate, base);
  const author = asArray(raw.author)[0];
  const summaryNode = asArray(raw.summary)[0];
  const contentNode = asArray(raw.content)[0];
  return dropEmptyFields({
    guid: firstText(raw, 'id'),
    link: alternate?.$?.href?.trim(),
    baseUrl: linkBase,
    title: firstText(raw, 'title') ?? readMediaTitle(raw),
    author: (author ? firstText(author, 'name') ?? firstText(author, 'email') : undefined) ?? firstText(raw, 'dc:creator') ?? feedAuthor,
    date: firstText(raw, 'published', 'issued', 'updated', 'modified', 'created', 'dc:date'),
    summary: htmlOfTextConstruct(summaryNode, xhtml.summary ?? renderContent(summaryNode), !atom03),
    content: htmlOfTextConstruct(contentNode, xhtml.content ?? renderContent(contentNode), !atom03),
    mediaDescription: readMediaDescription(raw),
    episode: readEpisode(raw),
    categories: asArray(raw.category).map((category) => (category.$?.term ?? textOf(category)).trim()).filter((term) => term !== ''),
    inReplyTo: collectInReplyTo(raw, base),
  });
}

function mapRssItem(raw: XmlNode, channelBase: string, warnings: string[]): RawItem {
  const base = resolveBase(raw, channelBase);
  const guidNode = asArray(raw.guid)[0];
  const guid = textOf(guidNode).trim() || undefined;
  const guidIsLink = guid !== undefined && guidNode?.$?.isPermaLink !== 'false' && /^https?:\/\//i.test(guid);
  const linkNode = asArray(raw.link)[0];
  const link = textOf(linkNode).trim() || (guidIsLink ? guid : undefined) || raw.$?.['rdf:about'];
  let description: unknown;
  try {
    description = renderContent(asArray(raw.description)[0]);
  } catch (error) {
    warnings.push(`an item's description could not be read (${String(error)}); it is left out`);
  }
  const encoded = renderText(asArray(raw['content:encoded'])[0]);
  return dropEmptyFields({
    guid: guid ?? raw.$?.['rdf:about'],
    link,
    baseUrl: resolveBase(linkNode, base),
    title: firstText(raw, 'title', 'dc:title') ?? readMediaTitle(raw),
    author: firstText(raw, 'dc:creator', 'author', 'itunes:author'),
    date: firstText(raw, 'pubDate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'dcterms:modified', 'a10:updated'),
    summary: typeof description === 'string' ? description : undefined,
    content: typeof encoded === 'string' ? encoded : undefined,
    mediaDescription: readMediaDescription(raw),
    episode: readEpisode(raw),
    categories: asArray(raw.category).map((category) => textOf(category).trim()).filter((term) => term !== ''),
    inReplyTo: collectInReplyTo(raw, base),
  });
}

/** An element's text: the text, or the element when it has no text of its own (as rss-parser copies a field). */
function renderText(node: unknown): unknown {
  return node && typeof (node as XmlNode)._ === 'string' ? (node as XmlNode)._ : node;
}

/** The xml2js tree of a feed: its root element's name and node. */
type XmlDocument = Record<string, unknown>;

/** The items (RSS, RDF) or entries (Atom) of a feed document, its root and channel, and what was odd about it. */
type FeedTree = { root: XmlNode; items: unknown[]; link: string | undefined; warnings: string[] };

/** The Atom document's alternate link (else its first link with an href), as the feed's link. */
function readAtomTree(feed: XmlNode): FeedTree {
  const root = withHrefLinks(feed);
  const links = asArray(root.link);
  const link = (links.find((candidate) => candidate.$?.rel === 'alternate') ?? links[0])?.$?.href;
  return { root, items: asArray(root.entry), link, warnings: [] };
}

/** RSS 0.9x/2.0 and RSS 1.0: items in the channel (or, for RDF and broken RSS, beside it). */
function readRssTree(root: XmlNode, rdfItems: XmlNode[] | undefined): FeedTree {
  const channel = asArray(root.channel)[0];
  const safeChannel: XmlNode = channel && typeof channel === 'object' ? channel : {};
  const channelItems = asArray(safeChannel.item).length > 0 ? asArray(safeChannel.item) : asArray(root.item);
  const items = (rdfItems ?? channelItems).filter((entry) => entry && typeof entry === 'object');
  const link = renderText(asArray(safeChannel.link)[0]);
  return { root, items, link: typeof link === 'string' ? link : undefined, warnings: channel ? [] : ['the feed has no <channel>'] };
}

/** A document whose root element is not a feed this reader knows. */
class UnknownRootError extends Error {}

const RSS1_NAMESPACE = /^http:\/\/purl\.org\/rss\/1\.0\/?$/;
const ATOM_NAMESPACE = /^http:\/\/www\.w3\.org\/2005\/Atom\/?$|^http:\/\/purl\.org\/atom\/ns#$/;
/** RSS 2.0 has no namespace, but UserLand once gave it one, and feeds prefix their root with it. */
const RSS2_NAMESPACE = /^http:\/\/backend\.userland\.com\/rss2\/?$/;

/**
 * The feed in an xml2js document, by its root element: rss, rdf:RDF or Atom's feed (also
 * written with a prefix for their namespace, <atom:feed>, <r:rss>); throws when there is none.
 */
function readFeedTree(document: XmlDocument | null | undefined): FeedTree {
  if (!document) throw new Error('Unable to parse XML.');
  const [rootName, rootNode] = Object.entries(document)[0] ?? [];
  if (document.feed) return readAtomTree(document.feed as XmlNode);
  if (document.rss) return readRssTree(document.rss as XmlNode, undefined);
  if (document['rdf:RDF']) {
    const rdf = stripPrefix(document['rdf:RDF'] as XmlNode, RSS1_NAMESPACE);
    const channel = asArray(rdf.channel)[0];
    return readRssTree(rdf, asArray(rdf.item).length > 0 ? asArray(rdf.item) : asArray(channel?.item));
  }
  if (rootNode && typeof rootNode === 'object') {
    if (rootName?.endsWith(':feed')) {
      const feed = stripPrefix(rootNode as XmlNode, ATOM_NAMESPACE);
      if (feed !== rootNode) return readAtomTree(feed);
    }
    if (rootName?.endsWith(':rss')) {
      const rss = stripPrefix(rootNode as XmlNode, RSS2_NAMESPACE);
      if (rss !== rootNode) return readRssTree(rss, undefined);
    }
  }
  throw new UnknownRootError(`the root element <${rootName ?? ''}> is not rss, rdf:RDF or an Atom feed`);
}

/** A feed written with a prefix for its own namespace (<rss:item>, <atom:entry>): that prefix dropped. */
function stripPrefix(root: XmlNode, namespace: RegExp): XmlNode {
  const prefix = Object.entries(root.$ ?? {}).find(([name, uri]) => name.startsWith('xmlns:') && namespace.test(uri))?.[0]?.slice(6);
  if (!prefix) return root;
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key.startsWith(`${prefix}:`) ? key.slice(prefix.length + 1) : key, key === '$' ? child : rename(child)]));
  };
  return rename(root) as XmlNode;
}

/** Turns a parser failure into a sentence a maintainer can act on. */
function describeXmlError(error: unknown): FeedError {
  if (error instanceof UnknownRootError) return { reason: 'not-a-feed', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n').slice(0, 3).join(' ').replace(/\s+/g, ' ').trim();
  return { reason: 'malformed', message: `the XML is not well-formed: ${firstLine}` };
}

/** Reads prepared XML into the feed's tree; rejects on XML that is not well-formed or not a feed. */
async function readXmlTree(xml: string): Promise<FeedTree> {
  return readFeedTree(await new XmlParser().parseStringPromise(xml));
}

/**
 * The xhtml constructs of an Atom document's entries, in text order (see atom-xhtml.ts); none
 * when it has none, or when the ordered reading does not find the same entries.
 */
async function readXhtmlInOrder(xml: string, entries: number): Promise<EntryXhtml[]> {
  if (!hasXhtmlConstruct(xml)) return [];
  const found = await readAtomXhtml(xml).catch(() => []);
  return found.length === entries ? found : [];
}

async function parseXmlFeed(text: string, feedUrl: string, format: Exclude<FeedFormat, 'json'>): Promise<ParseResult> {
  const xml = prepareXmlText(text);
  let tree: FeedTree;
  let parsedXml = xml;
  try {
    tree = await readXmlTree(xml);
  } catch (error) {
    const failure = describeXmlError(error);
    // Cut off in transfer, or garbage after the last complete item: keep the complete items.
    const recovered = failure.reason === 'malformed' ? cutAfterLastCompleteItem(xml, format) : undefined;
    if (!recovered) return { ok: false, error: failure };
    try {
      tree = await readXmlTree(recovered.text);
      parsedXml = recovered.text;
    } catch {
      return { ok: false, error: failure };
    }
    const [one, many] = format === 'atom' ? ['entry', 'entries'] : ['item', 'items'];
    const reason = failure.message.replace(/^the XML is not well-formed: /, '');
    tree.warnings.unshift(`the feed is cut off or has garbage after its last complete ${one} (${reason}): recovered ${recovered.items} complete ${recovered.items === 1 ? one : many}, dropped the rest`);
  }
  const { root, warnings } = tree;
  const feedBase = resolveBase(root, feedUrl);
  const channel = format === 'atom' ? root : asArray(root.channel)[0] ?? {};
  const channelBase = resolveBase(channel, feedBase);
  const atom03 = format === 'atom' && root.$?.version === '0.3';
  const feedAuthor = format === 'atom' ? firstText(asArray(root.author)[0] ?? {}, 'name') : undefined;
  const xhtml = format === 'atom' ? await readXhtmlInOrder(parsedXml, tree.items.length) : [];
  const items = tree.items.map((item, index) => (format === 'atom' ? mapAtomEntry(item, channelBase, feedAuthor, atom03, xhtml[index]) : mapRssItem(item as XmlNode, channelBase, warnings)));
  const title = firstText(channel, 'title', 'dc:title') ?? '';
  const link = typeof tree.link === 'string' && tree.link.trim() !== '' ? tree.link.trim() : undefined;
  return { ok: true, feed: { format, title, ...(link ? { link } : {}), items, warnings } };
}

/**
 * Feed text → its title, link, format and raw items, or a typed error: 'not-a-feed'
 * for HTML, empty or unknown documents, 'malformed' for XML or JSON that cannot be
 * parsed. `feedUrl` is the base for relative links. One unreadable item or date
 * degrades that item (see `warnings`), never the whole feed. XML cut off after some
 * complete items (or with garbage after them) keeps those items, with a warning that
 * says how many; XML broken before its last complete item is 'malformed'. Pure; never
 * rejects.
 */
export async function parseFeed(text: string, feedUrl: string): Promise<ParseResult> {
  try {
    const sniffed = sniffFeedFormat(text);
    if (sniffed.kind === 'error') return { ok: false, error: sniffed.error };
    if (sniffed.kind === 'json') return parseJsonFeed(text, feedUrl);
    return await parseXmlFeed(text, feedUrl, sniffed.format);
  } catch (error) {
    return { ok: false, error: { reason: 'malformed', message: `the feed could not be parsed: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
