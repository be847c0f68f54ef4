/**
 * The security invariant for excerpts and plain-text fields, as a checker tests share.
 * Markdown is unsafe when, outside code, it holds raw HTML (an unescaped tag, so no
 * <script>, no on*= attribute can reach a renderer) or a link/image destination whose
 * scheme, after entity and whitespace decoding, is not http(s)/mailto (javascript:,
 * vbscript:, data:...).
 */
import { decodeHtmlEntity } from '../../src/core/ingest/xml-text.ts';

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+);?|#x([0-9a-f]+);?|([a-z][a-z0-9]*);)/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return decodeHtmlEntity(name ?? '') ?? whole;
  });
}

/** Removes fenced code blocks and inline code spans, whose content renders as text. */
function stripCode(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|$(?![\s\S]))/gm, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/** The scheme of a URL after decoding entities and removing whitespace and controls, lower-cased. */
function schemeOf(url: string): string | undefined {
  const decoded = decodeEntities(decodeEntities(url)).replace(/[\u0000-\u0020\u007f-\u00a0\u200b-\u200f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(decoded)?.[1];
}

/** Every problem found in a Markdown excerpt; empty when it is safe. */
export function findUnsafeMarkdown(markdown: string): string[] {
  const problems: string[] = [];
  const prose = stripCode(markdown);
  const rawTag = /(?<!\\)<\/?[a-z][^\n>]*>?/i.exec(prose);
  if (rawTag && !/^<(?:(?:https?|mailto):[^>\s]*|[^\s<>@]+@[^\s<>]+)>$/i.test(rawTag[0])) problems.push(`raw HTML: ${rawTag[0].slice(0, 60)}`);
  if (/(?<!\\)<!--|(?<!\\)<!\[CDATA\[|(?<!\\)<\?/i.test(prose)) problems.push('raw HTML comment, CDATA or PI');
  for (const match of prose.matchAll(/\]\(\s*<?([^)\s>]*)/g)) {
    const scheme = schemeOf(match[1] ?? '');
    if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) problems.push(`link scheme ${scheme}:`);
  }
  for (const match of prose.matchAll(/^\s*\[[^\]]*\]:\s*<?(\S+)/gm)) {
    const scheme = schemeOf(match[1] ?? '');
    if (scheme !== undefined && !['http', 'https', 'mailto'].includes(scheme)) problems.push(`definition scheme ${scheme}:`);
  }
  return problems;
}

/** Problems in a plain-text field (title, author): control characters or bidi overrides. */
export function findUnsafePlainText(text: string): string[] {
  const problems: string[] = [];
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) problems.push('control character');
  if (/[\u202a-\u202e\u2066-\u2069]/.test(text)) problems.push('bidi control');
  return problems;
}
