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
import { toPlainText, truncateAtWord } from './plain-text.ts';

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

/** Canonical URLs of every http(s) link in the sanitized tree, in document order, unique. */
function collectLinks(node: HastRoot | HastContent, out: Set<string>): void {
  if (node.type === 'element' && node.tagName === 'a' && typeof node.properties.href === 'string') {
    const canonical = canonicalizeUrl(node.properties.href);
    if (canonical) out.add(canonical);
  }
  if ('children' in node) for (const child of node.children) collectLinks(child, out);
}

/** Keeps the first `budget` characters of text in document order; drops what comes after. Returns the budget left. */
function truncateTree(node: MdastNodes, budget: number): number {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') {
    if (budget <= 0) {
      node.value = '';
      return 0;
    }
    if (Array.from(node.value).length > budget) {
      node.value = truncateAtWord(node.value, budget);
      return 0;
    }
    return budget - Array.from(node.value).length;
  }
  if ('children' in node) {
    const kept: typeof node.children = [];
    let left = budget;
    for (const child of node.children) {
      if (left <= 0) break;
      left = truncateTree(child, left);
      kept.push(child as never);
    }
    node.children = kept as never;
    return left;
  }
  return budget;
}

function stringify(tree: MdastRoot): string {
  return stringifier.stringify(tree).trim();
}

/**
 * Untrusted feed HTML → Markdown that is safe to store and render, at most `maxChars`
 * characters, cut on a word boundary with "…". Scripts, styles, frames, forms, event
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
    const sanitized = toMarkdownTree.runSync(hast) as unknown as MdastRoot;
    collectLinks(hast as HastRoot, links);
    let markdown = stringify(sanitized);
    if (Array.from(markdown).length <= maxChars) return { markdown, links: [...links] };
    // Markdown syntax costs characters too: shrink the text budget until the result fits.
    let budget = maxChars;
    for (let attempt = 0; attempt < 6 && budget > 0; attempt += 1) {
      const tree = structuredClone(sanitized);
      truncateTree(tree, budget);
      markdown = stringify(tree);
      const length = Array.from(markdown).length;
      if (length <= maxChars) return { markdown, links: [...links] };
      budget -= length - maxChars + 8;
    }
    return { markdown: escapePlainText(toPlainText(html, maxChars)), links: [...links] };
  } catch {
    return { markdown: escapePlainText(toPlainText(html, maxChars)), links: [...links] };
  }
}

/**
 * The canonical URLs of the safe links in untrusted HTML, in document order, unique;
 * the same links htmlToSafeMarkdown reports, without building the excerpt. Pure; never throws.
 */
export function extractSafeLinks(html: string, baseUrl?: string): string[] {
  const links = new Set<string>();
  try {
    const hast = parser.parse(html.replace(/\u0000/g, ''));
    resolveUrls(hast, baseUrl);
    collectLinks(toSanitizedHast.runSync(hast) as HastRoot, links);
  } catch {
    // Links are a hint for threading: none is a safe answer.
  }
  return [...links];
}

/** Plain text → Markdown text that renders literally (backslash-escapes Markdown syntax). */
function escapePlainText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, (char) => `\\${char}`);
}
