/**
 * Text for pages and feeds from content that strangers wrote. Excerpts are sanitized
 * Markdown; the site shows them as plain text (we quote and link, we don't republish), so
 * no markup from a feed ever reaches a page as HTML. Pure.
 */
import type { Nodes, Parents } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { truncateAtWord } from '../text/truncate.ts';

const markdownParser = unified().use(remarkParse);
/**
 * How many flattened excerpts are remembered. A build shows each excerpt on several pages and
 * feeds, route by route (every case page, then every case feed…), so a memo smaller than the
 * site's excerpts is emptied before an excerpt comes round again; this one holds every excerpt
 * of a 200,000-item watch blog (the keys are the items' own strings, the values about as big).
 */
const FLATTENED_MAX_ENTRIES = 250_000;
const flattened = new Map<string, string[]>();

/** Phrasing content as text, a hard line break as a line break. */
function phrasingText(node: Parents): string {
  return node.children.map((child) => (child.type === 'break' ? '\n' : 'children' in child ? phrasingText(child) : toString(child))).join('');
}

/** Lines joined by one space, each line's edges trimmed. */
function joinLines(text: string): string {
  return text.replace(/[ \t]*(?:\r?\n[ \t]*)+/g, ' ').trim();
}

/**
 * The paragraphs a block reads as: a paragraph or heading is one; a code or HTML block one per
 * run of lines between blank lines; a loose list or item, or a quote, one per block inside it,
 * a tight list one for the whole list.
 */
function blockParagraphs(node: Nodes): string[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return [joinLines(phrasingText(node))];
    case 'code':
    case 'html':
      return node.value.split(/\n[ \t]*\n/).map(joinLines);
    case 'thematicBreak':
    case 'definition':
      return [];
    case 'list':
    case 'listItem': {
      const inner = node.children.flatMap(blockParagraphs);
      const loose = node.spread || node.children.some((child) => 'spread' in child && child.spread === true);
      return loose ? inner : [inner.join(' ')];
    }
    default:
      return 'children' in node ? node.children.flatMap(blockParagraphs) : [joinLines(toString(node))];
  }
}

/**
 * A sanitized Markdown excerpt as plain-text paragraphs, read by remark (CommonMark): links
 * keep their text, images their alt text, emphasis, escapes and entities are resolved, code
 * keeps its text; lines inside a paragraph are joined by a space. Never returns empty strings.
 */
export function toPlainParagraphs(markdown: string): string[] {
  let paragraphs = flattened.get(markdown);
  if (!paragraphs) {
    paragraphs = markdownParser.parse(markdown).children.flatMap(blockParagraphs).filter((paragraph) => paragraph !== '');
    if (flattened.size >= FLATTENED_MAX_ENTRIES) flattened.clear();
    flattened.set(markdown, paragraphs);
  }
  return [...paragraphs];
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
