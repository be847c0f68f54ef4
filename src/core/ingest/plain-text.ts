/**
 * Plain text for titles and author names: no markup, entities decoded, one line.
 * Pure; uses the same HTML parser as the excerpt sanitizer (parse5 via rehype-parse).
 */
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { truncateAtWord } from '../text/truncate.ts';

/** Elements whose text is never part of what a reader sees. */
const INVISIBLE_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math']);

/** C0/C1 control characters (tab, line breaks included: whitespace is collapsed anyway), NUL, DEL. */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional embeddings, overrides and isolates, which can disguise text. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** Unicode whitespace, including NBSP. */
const WHITESPACE_RUN = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

const htmlParser = unified().use(rehypeParse, { fragment: true });

function collectText(node: Root | RootContent, out: string[]): void {
  if (node.type === 'text') out.push(node.value);
  else if (node.type === 'element') {
    const element = node as Element;
    if (INVISIBLE_ELEMENTS.has(element.tagName)) return;
    if (element.tagName === 'br') out.push(' ');
    for (const child of element.children) collectText(child, out);
    out.push(' ');
  } else if (node.type === 'root') for (const child of node.children) collectText(child, out);
}

/**
 * Any title or author string (HTML or text) → one line of plain text: tags removed
 * (the contents of script/style dropped), entities decoded, control characters, NUL
 * and bidi controls removed, whitespace collapsed and trimmed. Capped at `maxChars`
 * (default: no cap) on a word boundary with "…". Pure; never throws.
 */
export function toPlainText(htmlOrText: string, maxChars?: number): string {
  let text: string;
  try {
    const input = htmlOrText.replace(/\u0000/g, '');
    if (/[<&]/.test(input)) {
      const out: string[] = [];
      collectText(htmlParser.parse(input), out);
      text = out.join('');
    } else text = input;
  } catch {
    text = htmlOrText.replace(/<[^>]*>/g, ' ');
  }
  return cleanText(text, maxChars);
}

function cleanText(text: string, maxChars?: number): string {
  const clean = text.replace(WHITESPACE_RUN, ' ').replace(CONTROL_CHARS, '').replace(BIDI_CONTROLS, '').replace(/ {2,}/g, ' ').trim();
  return maxChars === undefined ? clean : truncateAtWord(clean, maxChars);
}

/** An already parsed HTML tree as plain text, like toPlainText. Pure. */
export function treeToPlainText(tree: Root): string {
  const out: string[] = [];
  collectText(tree, out);
  return cleanText(out.join(''));
}
