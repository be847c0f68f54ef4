/**
 * Feed HTML → a short, safe Markdown excerpt. unified all the way: rehype-parse →
 * (resolve links) → rehype-sanitize (GitHub's schema, tightened) → rehype-remark →
 * remark-stringify. Pure and synchronous; never throws.
 */
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { canonicalizeUrl } from './canonical-url.ts';
import { toPlainText, treeToPlainText, truncateAtWord } from './plain-text.ts';

/** Elements removed with everything inside them, on top of the GitHub schema's own list. */
const STRIPPED_ELEMENTS = ['script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'svg', 'math', 'title', 'head', 'meta', 'link', 'base'];

/**
 * GitHub's schema, tightened: links may only be http(s) or mailto, images only http(s),
 * no form controls, and the contents of dangerous elements are dropped, not kept as text.
 */
export const EXCERPT_SANITIZE_SCHEMA = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => !STRIPPED_ELEMENTS.includes(name)),
  strip: [...new Set([...(defaultSchema.strip ?? []), ...STRIPPED_ELEMENTS])],
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'], longDesc: ['http', 'https'] },
};

const parser = unified().use(rehypeParse, { fragment: true });
const toMarkdownTree = unified().use(rehypeSanitize, EXCERPT_SANITIZE_SCHEMA).use(rehypeRemark);
const toSanitizedHast = unified().use(rehypeSanitize, EXCERPT_SANITIZE_SCHEMA);
const stringifier = unified().use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-' });

/** Resolves an attribute URL against the base; keeps it only when its scheme is allowed. */
function resolveAttributeUrl(value: unknown, base: string | undefined, schemes: readonly string[]): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Makes every link and image absolute and drops those with a scheme we do not allow. */
function resolveUrls(node: HastRoot | HastContent, base: string | undefined): void {
  if (node.type === 'element') {
    const element = node as Element;
    const props = element.properties;
    if (element.tagName === 'a' && 'href' in props) {
      const href = resolveAttributeUrl(props.href, base, ['http:', 'https:', 'mailto:']);
      if (href) props.href = href;
      else {
        // A link whose target is unsafe keeps its text and loses the link.
        delete props.href;
        element.tagName = 'span';
      }
    }
    if (element.tagName === 'img') {
      const src = resolveAttributeUrl(props.src, base, ['http:', 'https:']);
      if (src) props.src = src;
      else delete props.src;
    }
    if (element.tagName === 'template') element.children = [];
  }
  if ('children' in node) for (const child of node.children) resolveUrls(child, base);
}

/**
 * Link texts that only lead elsewhere or share the post: "View Entire Post ›", "Read more",
 * "Continue reading…" (with or without the title after it), "Share on Twitter", "Tweet".
 */
const BOILERPLATE_LINK_TEXT =
  /^(?:view (?:the )?(?:entire|full) (?:post|story|article)|read (?:the )?(?:more|full (?:post|story|article)|the rest)|continue reading|keep reading|(?:share|post) (?:on|to|via|with) \S+(?: \S+)?|share(?: this(?: (?:post|article|story))?)?|tweet(?: this)?|pin it)\b/i;
/** Longest link text taken for a "Read more"-style link, in characters: a longer one is a real sentence. */
const BOILERPLATE_LINK_MAX_CHARS = 120;
/** A whole block that is such a line: "Continue reading…", "Read more »" without a link. */
const BOILERPLATE_BLOCK_TEXT = /^(?:view (?:the )?entire post|read more|continue reading|keep reading)\W*$/i;
/** WordPress's footer: "The post <title> appeared first on <site>." */
const APPEARED_FIRST_ON = /^the post .+ appeared first on .+$/is;
/** An image credit line: "Photo: Getty Images", "Image credit: …", "Photo by X on Unsplash", "(Photo by …)". */
const CREDIT_LINE = /^[([]?(?:(?:photo|image|picture|illustration|graphic|video|header image|top image|featured image|cover image)s?(?: credits?)?\s*(?::|by\b|via\b|courtesy\b|©)|credits?\s*:|©\s*\S)/i;
/** Longest text taken for a credit line, in characters. */
const CREDIT_LINE_MAX_CHARS = 200;
/** Class names (one part of a hyphenated/underscored name) that mark captions, credits and share buttons. */
const BOILERPLATE_CLASS_PART = /^(?:caption|captions|figcaption|credit|credits|share|sharing|sharedaddy|sharethis|social|addtoany|jp-relatedposts)$/i;
/** Blocks that may be dropped whole when they are boilerplate, or when only boilerplate was in them. */
const BLOCK_ELEMENTS = new Set(['p', 'div', 'li', 'ul', 'ol', 'section', 'footer', 'aside', 'small', 'span', 'em', 'i', 'strong', 'b', 'figure', 'blockquote', 'nav']);
/** Text that is no content on its own: whitespace, separators, arrows and ellipses left by removed links. */
const NO_CONTENT_TEXT = /^[\s|·•,;:.\-–—»«›‹→←…()[\]/\\]*$/;

/** Text kept per element while looking for boilerplate, in characters: every pattern is shorter, and the cap keeps deep trees linear. */
const BOILERPLATE_TEXT_SCAN_MAX_CHARS = 1_000;

/** What dropBoilerplate learned about a subtree: its text (capped; `long` when cut), whether it removed anything, whether media remain. */
type PruneSummary = { text: string; long: boolean; removed: boolean; media: boolean };

const MEDIA_ELEMENTS = new Set(['img', 'picture', 'video', 'audio']);

function classParts(element: Element): string[] {
  const value: unknown = element.properties.className;
  const names = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
  return names.flatMap((name) => name.split(/[-_]+/).concat(name));
}

/** True when the element's name or class alone marks it as a caption, credit or share block. */
function isBoilerplateByMarkup(element: Element): boolean {
  return element.tagName === 'figcaption' || classParts(element).some((part) => BOILERPLATE_CLASS_PART.test(part));
}

/** True when the element's own (pruned) text marks it as boilerplate. */
function isBoilerplateByText(element: Element, summary: PruneSummary): boolean {
  if (summary.long) return false;
  const text = summary.text.replace(/\s+/g, ' ').trim();
  if (element.tagName === 'a') return text.length <= BOILERPLATE_LINK_MAX_CHARS && BOILERPLATE_LINK_TEXT.test(text);
  if (!BLOCK_ELEMENTS.has(element.tagName)) return false;
  if (BOILERPLATE_BLOCK_TEXT.test(text) || APPEARED_FIRST_ON.test(text) || (text.length <= CREDIT_LINE_MAX_CHARS && CREDIT_LINE.test(text))) return true;
  // A block that held only boilerplate (share links and the "|" between them) goes too.
  return summary.removed && !summary.media && NO_CONTENT_TEXT.test(summary.text);
}

/**
 * Removes what surrounds a post rather than being it: figure captions and credit lines,
 * "Read more" / "Continue reading" / "View Entire Post ›" links, WordPress's "The post …
 * appeared first on …" footer, share links and buttons. A block left with nothing but
 * separators once they are gone goes too, and so does a rule or break that ends the text.
 * Works on the unsanitized tree (class names are still there), children first, so each
 * element's text is gathered once (capped at BOILERPLATE_TEXT_SCAN_MAX_CHARS).
 */
function dropBoilerplate(node: HastRoot | Element): PruneSummary {
  dropSubmittedByFooter(node);
  const summary: PruneSummary = { text: '', long: false, removed: false, media: node.type === 'element' && MEDIA_ELEMENTS.has(node.tagName) };
  const kept: typeof node.children = [];
  const addText = (text: string, long: boolean) => {
    summary.long ||= long || summary.text.length + text.length > BOILERPLATE_TEXT_SCAN_MAX_CHARS;
    if (summary.text.length < BOILERPLATE_TEXT_SCAN_MAX_CHARS) summary.text = (summary.text + text).slice(0, BOILERPLATE_TEXT_SCAN_MAX_CHARS);
  };
  for (const child of node.children) {
    if (child.type === 'element') {
      if (isBoilerplateByMarkup(child)) {
        summary.removed = true;
        continue;
      }
      const inner = dropBoilerplate(child);
      if (isBoilerplateByText(child, inner)) {
        summary.removed = true;
        continue;
      }
      summary.removed ||= inner.removed;
      summary.media ||= inner.media;
      addText(inner.text, inner.long);
    } else if (child.type === 'text') addText(child.value, false);
    kept.push(child as never);
  }
  if (summary.removed) {
    // "…<hr><p><a>View Entire Post ›</a></p>": the rule before a removed link ends nothing now.
    while (kept.length > 0) {
      const last = kept[kept.length - 1]!;
      const isTrailingNoise = (last.type === 'text' && NO_CONTENT_TEXT.test(last.value)) || (last.type === 'element' && (last.tagName === 'hr' || last.tagName === 'br'));
      if (!isTrailingNoise) break;
      kept.pop();
    }
  }
  node.children = kept as never;
  return summary;
}

const TABLE_SECTIONS = new Set(['thead', 'tbody', 'tfoot']);

/**
 * Tables become one paragraph per row (and one for the caption), cells separated by a space:
 * an excerpt quotes, it does not lay out, and CommonMark has no tables, so without this any
 * table (every Reddit link post is one) failed to convert and fell back to the raw text,
 * footers included. Works in place; nested tables are flattened the same way.
 */
function flattenTables(node: HastRoot | Element): void {
  node.children = (node.children as HastContent[]).flatMap((child): HastContent[] => {
    if (child.type !== 'element') return [child];
    flattenTables(child);
    if (child.tagName !== 'table') return [child];
    const rows = child.children.flatMap((part) => (part.type === 'element' && TABLE_SECTIONS.has(part.tagName) ? part.children : [part]));
    return rows.flatMap((row): Element[] => {
      if (row.type !== 'element') return [];
      if (row.tagName === 'caption') return [{ ...row, tagName: 'p' }];
      if (row.tagName !== 'tr') return [];
      const cells = row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'));
      const children = cells.flatMap((cell, index) => (index === 0 ? cell.children : [{ type: 'text' as const, value: ' ' }, ...cell.children]));
      return [{ type: 'element', tagName: 'p', properties: {}, children }];
    });
  }) as never;
}

/** "submitted by", alone in a text node: the start of Reddit's footer. */
const SUBMITTED_BY = /^\s*submitted by\s*$/i;
/** A link to a Reddit user's page, as the footer names the poster. */
const USER_PAGE_HREF = /\/(?:u|user)\/[^/]+\/?$/;

/**
 * Reddit's feeds end every post with "submitted by /u/name [link] [comments]": the footer
 * is about the feed, not the post, and without this it fills short excerpts. It starts at a
 * text node "submitted by" followed by a link to a user page, and runs to the end of its
 * parent. Works in place.
 */
function dropSubmittedByFooter(node: HastRoot | Element): void {
  const children = node.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== 'text' || !SUBMITTED_BY.test(child.value)) continue;
    const next = children.slice(index + 1).find((sibling) => !(sibling.type === 'text' && sibling.value.trim() === ''));
    if (next?.type === 'element' && next.tagName === 'a' && typeof next.properties.href === 'string' && USER_PAGE_HREF.test(next.properties.href)) {
      node.children = children.slice(0, index) as never;
      return;
    }
  }
}

/** Canonical URLs of every http(s) link in the sanitized tree, in document order, unique. */
function collectLinks(node: HastRoot | HastContent, out: Set<string>): void {
  if (node.type === 'element' && node.tagName === 'a' && typeof node.properties.href === 'string') {
    const canonical = canonicalizeUrl(node.properties.href);
    if (canonical) out.add(canonical);
  }
  if ('children' in node) for (const child of node.children) collectLinks(child, out);
}

/** What truncateTree saw: the last text kept, and whether text was cut or dropped. */
interface TruncateState {
  lastText: { value: string } | null;
  cut: boolean;
  dropped: boolean;
}

/** Whether a Markdown node holds any visible text. */
function hasText(node: MdastNodes): boolean {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value.trim() !== '';
  return 'children' in node && (node.children as MdastNodes[]).some(hasText);
}

/** Keeps the first `budget` characters of text in document order; drops what comes after. Returns the budget left. */
function truncateNode(node: MdastNodes, budget: number, state: TruncateState): number {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
    if (budget <= 0) {
      if (node.value.trim() !== '') state.dropped = true;
      node.value = '';
      return 0;
    }
    if (Array.from(node.value).length > budget) {
      node.value = truncateAtWord(node.value, budget);
      state.cut = true;
      if (node.type === 'text') state.lastText = node;
      return 0;
    }
    if (node.type === 'text' && node.value.trim() !== '') state.lastText = node;
    return budget - Array.from(node.value).length;
  }
  if ('children' in node) {
    const kept: typeof node.children = [];
    let left = budget;
    for (const [index, child] of node.children.entries()) {
      if (left <= 0) {
        if (node.children.slice(index).some(hasText)) state.dropped = true;
        break;
      }
      left = truncateNode(child, left, state);
      kept.push(child as never);
    }
    node.children = kept as never;
    return left;
  }
  return budget;
}

/**
 * truncateNode, and an ellipsis on the last text kept when the cut fell between two nodes
 * (so a cut excerpt always says it is cut).
 */
function truncateTree(tree: MdastRoot, budget: number): void {
  const state: TruncateState = { lastText: null, cut: false, dropped: false };
  truncateNode(tree, budget, state);
  if (state.dropped && !state.cut && state.lastText) {
    state.lastText.value = `${state.lastText.value.replace(/[\s.,;:!?-]+$/, '')}…`;
  }
}

function stringify(tree: MdastRoot): string {
  return stringifier.stringify(tree).trim();
}

/**
 * The text a reader sees of feed HTML, as one plain line: what the excerpt keeps, so without
 * figure captions, credit lines, "Read more" links, "The post … appeared first on …" and
 * share links (dropBoilerplate). Matching reads this, so a company named only in a photo
 * credit is not "mentioned". Pure; never throws.
 */
export function readableText(html: string): string {
  const input = html.replace(/\u0000/g, '');
  if (!/[<&]/.test(input)) return toPlainText(input);
  try {
    const hast = parser.parse(input);
    dropBoilerplate(hast);
    return treeToPlainText(hast);
  } catch {
    return toPlainText(input);
  }
}

/**
 * Untrusted feed HTML → Markdown that is safe to store and render, at most `maxChars`
 * characters, cut on a word boundary with "…". Boilerplate around the post (captions,
 * credit lines, "Read more" links, "The post … appeared first on …", share links) is
 * dropped first (see dropBoilerplate). Scripts, styles, frames, forms, event
 * handlers and every URL that is not http(s) (mailto for links) are removed; relative
 * links are resolved against `baseUrl`. `links` holds the canonical URLs of the links
 * found, for threading. Pure; never throws: when anything fails, the excerpt is the
 * escaped plain text.
 */
export function htmlToSafeMarkdown(html: string, maxChars: number, baseUrl?: string): { markdown: string; links: string[] } {
  const links = new Set<string>();
  try {
    const hast = parser.parse(html.replace(/\u0000/g, ''));
    resolveUrls(hast, baseUrl);
    dropBoilerplate(hast);
    flattenTables(hast);
    const sanitized = toMarkdownTree.runSync(hast) as unknown as MdastRoot;
    collectLinks(hast as HastRoot, links);
    let markdown = stringify(sanitized);
    if (Array.from(markdown).length <= maxChars) return { markdown, links: [...links] };
    // Markdown syntax (link URLs above all) costs characters too: search for the largest text
    // budget whose Markdown fits. A miss steps down by the overshoot (usually enough at once); a
    // fit bisects upwards; the search stops within a few characters of the best, so one long
    // URL can neither shrink the excerpt to a few words nor cost many rounds.
    let fits: string | null = null;
    let low = 0; // the largest budget known to fit
    let high = maxChars + 1; // the smallest budget known not to fit
    let budget = maxChars;
    const close = Math.max(8, Math.floor(maxChars / 50));
    for (let round = 0; round < 12 && high - low > close; round += 1) {
      const tree = structuredClone(sanitized);
      truncateTree(tree, budget);
      const candidate = stringify(tree);
      const length = Array.from(candidate).length;
      if (length <= maxChars) {
        fits = candidate;
        low = budget;
        budget = Math.floor((low + high) / 2);
      } else {
        high = budget;
        budget = Math.max(low + 1, Math.min(high - 1, budget - (length - maxChars)));
      }
    }
    if (fits !== null && fits !== '') return { markdown: fits, links: [...links] };
    return { markdown: escapePlainText(toPlainText(html, maxChars)), links: [...links] };
  } catch {
    return { markdown: escapePlainText(toPlainText(html, maxChars)), links: [...links] };
  }
}

/**
 * The canonical URLs of the safe links in untrusted HTML, in document order, unique;
 * the same links htmlToSafeMarkdown reports (boilerplate links left out), without building the excerpt. Pure; never throws.
 */
export function extractSafeLinks(html: string, baseUrl?: string): string[] {
  const links = new Set<string>();
  try {
    const hast = parser.parse(html.replace(/\u0000/g, ''));
    resolveUrls(hast, baseUrl);
    dropBoilerplate(hast);
    collectLinks(toSanitizedHast.runSync(hast) as HastRoot, links);
  } catch {
    // Links are a hint for threading: none is a safe answer.
  }
  return [...links];
}

/**
 * Plain text (a video's media:description) → HTML that shows the same text: markup
 * characters escaped, blank lines as paragraphs, single line breaks as <br>. Feed it to
 * htmlToSafeMarkdown like any other HTML. Pure.
 */
export function plainTextToHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped
    .split(/\r?\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.replace(/\s*\r?\n\s*/g, '<br>')}</p>`)
    .join('');
}

/** Plain text → Markdown text that renders literally (backslash-escapes Markdown syntax). */
function escapePlainText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, (char) => `\\${char}`);
}
