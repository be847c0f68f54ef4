/**
 * Static audit of a built site: every HTML page and every feed we publish is parsed (parse5
 * through rehype-parse, so entities and odd markup are read exactly as a browser would) and
 * checked for what would let a hostile string run: a URL in href/src/action/... whose scheme,
 * after entity decoding and whitespace/control stripping, is javascript:, vbscript: or data:;
 * any on* attribute; any <script> other than the site's own external scripts; active
 * elements (iframe, object, embed, base, form, meta refresh); and a page without a CSP meta.
 * In feeds, the escaped HTML of titles and descriptions is unescaped and audited the same way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** One finding: the file (relative to the site), what is wrong, and a snippet. */
export type AuditProblem = { file: string; kind: 'unsafe-url' | 'event-handler' | 'script' | 'active-element' | 'missing-csp' | 'weak-csp'; detail: string };

/** What the audit looked at and what it found. */
export type AuditResult = { htmlFiles: number; feedFiles: number; urlsChecked: number; problems: AuditProblem[] };

/** Attributes (hast property names) whose value is fetched or navigated to. */
const URL_PROPERTIES = new Set(['href', 'src', 'action', 'formAction', 'poster', 'data', 'cite', 'background', 'codeBase', 'manifest', 'ping', 'longDesc', 'xLinkHref', 'srcSet', 'imageSrcSet', 'lowsrc', 'dynsrc']);
/** Elements that must never come from content. */
const ACTIVE_ELEMENTS = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'portal']);
/** Schemes that run code or carry a whole document. */
const UNSAFE_SCHEMES = new Set(['javascript', 'vbscript', 'data', 'livescript', 'mocha']);
/** The site's own scripts: external, same-origin, from these folders. */
const OWN_SCRIPT = /^(?:\/[^/][^"'<>\s]*)?\/(?:search|pagefind|_astro)\/[\w.@/-]+\.m?js$/;

const htmlParser = unified().use(rehypeParse);
const fragmentParser = unified().use(rehypeParse, { fragment: true });

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0' };

function decodeEntitiesOnce(text: string): string {
  return text.replace(/&(?:#(\d+);?|#x([0-9a-f]+);?|([a-z]+);)/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[(name ?? '').toLowerCase()] ?? whole;
  });
}

/** The scheme a browser would see, after decoding entities (twice) and dropping whitespace and controls; lower-case. */
export function findUrlScheme(url: string): string | undefined {
  const decoded = decodeEntitiesOnce(decodeEntitiesOnce(url)).replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(decoded)?.[1];
}

function valuesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === null || value === undefined || typeof value === 'boolean') return [];
  return [String(value)];
}

function walk(node: Root | RootContent, visit: (element: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children) walk(child, visit);
  if (node.type === 'element' && node.tagName === 'template' && node.content) walk(node.content, visit);
}

/**
 * A data: URL that can only ever be decoded as an image: `data:image/*` as an <img> source or
 * a <link rel="icon"> (the site's own favicon). Images never run script; navigations, frames
 * and objects with data: URLs can, so those stay forbidden.
 */
function isInertImageData(element: Element, property: string, url: string): boolean {
  if (!/^\s*data:image\/(?:png|gif|jpeg|webp|avif|svg\+xml)[;,]/i.test(url)) return false;
  if (element.tagName === 'img' && property === 'src') return true;
  return element.tagName === 'link' && property === 'href' && valuesOf(element.properties?.rel).some((rel) => /^icon$/i.test(rel));
}

/** Audits one parsed tree; `fromFeed` marks HTML that came out of a feed's escaped text, where no script at all is allowed. */
function auditTree(tree: Root, file: string, fromFeed: boolean, problems: AuditProblem[]): number {
  let urls = 0;
  walk(tree, (element) => {
    const snippet = `<${element.tagName} ${JSON.stringify(element.properties).slice(0, 160)}>`;
    for (const [name, value] of Object.entries(element.properties ?? {})) {
      if (/^on/i.test(name)) problems.push({ file, kind: 'event-handler', detail: `${name} on ${snippet}` });
      if (URL_PROPERTIES.has(name) || /href$|src$/i.test(name)) {
        for (const raw of valuesOf(value)) {
          // srcset is a list of "url size" pairs.
          const candidates = name === 'srcSet' || name === 'imageSrcSet' ? raw.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [raw];
          for (const url of candidates) {
            urls += 1;
            const scheme = findUrlScheme(url);
            if (scheme !== undefined && UNSAFE_SCHEMES.has(scheme) && !isInertImageData(element, name, url)) problems.push({ file, kind: 'unsafe-url', detail: `${scheme}: in ${name} of ${snippet}` });
          }
        }
      }
      if (name === 'style' && /expression\s*\(|url\s*\(|behavior\s*:|-moz-binding/i.test(valuesOf(value).join(' '))) problems.push({ file, kind: 'active-element', detail: `style with code or a URL: ${snippet}` });
    }
    if (element.tagName === 'script') {
      const src = valuesOf(element.properties?.src)[0];
      const inline = element.children.some((child) => child.type === 'text' && child.value.trim() !== '');
      const type = valuesOf(element.properties?.type)[0];
      const isData = type !== undefined && /json|ld\+json/i.test(type);
      if (fromFeed || inline && !isData || (src !== undefined && !OWN_SCRIPT.test(src)) || (src === undefined && !isData)) problems.push({ file, kind: 'script', detail: snippet });
    }
    if (ACTIVE_ELEMENTS.has(element.tagName) && (fromFeed || element.tagName !== 'form' || !/search/.test(valuesOf(element.properties?.action)[0] ?? ''))) {
      problems.push({ file, kind: 'active-element', detail: snippet });
    }
    if (element.tagName === 'meta' && /refresh/i.test(valuesOf(element.properties?.httpEquiv)[0] ?? '')) problems.push({ file, kind: 'active-element', detail: `meta refresh ${snippet}` });
  });
  return urls;
}

/** The CSP of a page's meta, or undefined. */
function findCspMeta(tree: Root): string | undefined {
  let csp: string | undefined;
  walk(tree, (element) => {
    if (element.tagName === 'meta' && /^content-security-policy$/i.test(valuesOf(element.properties?.httpEquiv)[0] ?? '')) csp ??= valuesOf(element.properties?.content)[0];
  });
  return csp;
}

/** Audits one HTML page's text. */
export function auditHtml(html: string, file: string, requireCsp = true): { urls: number; problems: AuditProblem[] } {
  const problems: AuditProblem[] = [];
  const tree = htmlParser.parse(html);
  const urls = auditTree(tree, file, false, problems);
  if (requireCsp) {
    const csp = findCspMeta(tree);
    if (csp === undefined) problems.push({ file, kind: 'missing-csp', detail: 'no <meta http-equiv="Content-Security-Policy">' });
    else {
      const scriptSrc = /(?:^|;)\s*script-src\s+([^;]*)/i.exec(csp)?.[1] ?? /(?:^|;)\s*default-src\s+([^;]*)/i.exec(csp)?.[1];
      if (scriptSrc === undefined || /'unsafe-inline'|'unsafe-eval'|\*|data:|https?:(?:\s|$)/.test(scriptSrc)) problems.push({ file, kind: 'weak-csp', detail: `script-src allows more than the site's own scripts: ${csp}` });
    }
  }
  return { urls, problems };
}

function unescapeXml(text: string): string {
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_whole, inner: string) => inner.replace(/&/g, '&amp;').replace(/</g, '&lt;')).replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (whole, name: string) => {
    const decoded = decodeEntitiesOnce(`&${name};`);
    return decoded === `&${name};` && name.toLowerCase() !== 'amp' ? whole : decoded;
  });
}

/** Audits a feed or data file we publish (RSS/Atom XML, JSON Feed, open-data JSON): no script element in the XML, no unsafe URL, and the HTML it carries is safe. */
export function auditFeed(text: string, file: string): { urls: number; problems: AuditProblem[] } {
  const problems: AuditProblem[] = [];
  let urls = 0;
  const fragments: string[] = [];
  if (file.endsWith('.json')) {
    const visit = (value: unknown, key: string): void => {
      // Only JSON Feed's content_html is HTML; open-data texts are plain text by contract.
      if (typeof value === 'string' && key === 'content_html') fragments.push(value);
      else if (typeof value === 'string' && /url|link|href|image/i.test(key)) {
        urls += 1;
        const scheme = findUrlScheme(value);
        if (scheme !== undefined && UNSAFE_SCHEMES.has(scheme)) problems.push({ file, kind: 'unsafe-url', detail: `${scheme}: in "${key}"` });
      } else if (Array.isArray(value)) value.forEach((inner) => visit(inner, key));
      else if (value && typeof value === 'object') for (const [inner, child] of Object.entries(value)) visit(child, inner);
    };
    try {
      visit(JSON.parse(text), '');
    } catch {
      return { urls, problems };
    }
  } else {
    // The XML itself: an element named script (in any namespace) would be live in an XHTML reader.
    if (/<(?:[\w-]+:)?script[\s>/]/i.test(text.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''))) problems.push({ file, kind: 'script', detail: 'a <script> element in the feed XML' });
    // Fields readers render as HTML: RSS description/content:encoded, Atom text constructs of type html.
    for (const match of text.matchAll(/<((?:[\w-]+:)?(?:description|encoded))\b[^>]*>([\s\S]*?)<\/\1>|<((?:[\w-]+:)?(?:title|summary|content|subtitle))\b[^>]*type="html"[^>]*>([\s\S]*?)<\/\3>/g)) fragments.push(unescapeXml(match[2] ?? match[4] ?? ''));
    for (const match of text.matchAll(/\b(?:href|url|src)\s*=\s*"([^"]*)"|<(link|guid|comments|url|loc)\b[^>]*>([^<]*)<\/\2>/g)) {
      urls += 1;
      const scheme = findUrlScheme(unescapeXml(match[1] ?? match[3] ?? ''));
      if (scheme !== undefined && UNSAFE_SCHEMES.has(scheme)) problems.push({ file, kind: 'unsafe-url', detail: `${scheme}: link in the feed XML` });
    }
  }
  for (const fragment of fragments) urls += auditTree(fragmentParser.parse(fragment), file, true, problems);
  return { urls, problems };
}

/** Every file under `dir` (relative paths, `/`-separated, sorted). */
export function listSiteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** True for files that are feeds or open data we publish (not Pagefind's index). */
export function isPublishedFeed(file: string): boolean {
  return !file.startsWith('pagefind/') && /\.(xml|rss|atom|json)$/.test(file) && !/sitemap/.test(file);
}

/** Audits every HTML page and every feed of a built site. */
export function auditBuiltSite(outDir: string): AuditResult {
  const result: AuditResult = { htmlFiles: 0, feedFiles: 0, urlsChecked: 0, problems: [] };
  for (const file of listSiteFiles(outDir)) {
    if (file.startsWith('pagefind/')) continue;
    const isHtml = file.endsWith('.html');
    if (!isHtml && !isPublishedFeed(file)) continue;
    const text = readFileSync(path.join(outDir, file), 'utf8');
    const audit = isHtml ? auditHtml(text, file) : auditFeed(text, file);
    if (isHtml) result.htmlFiles += 1;
    else result.feedFiles += 1;
    result.urlsChecked += audit.urls;
    result.problems.push(...audit.problems);
  }
  return result;
}

/**
 * True when a CSP violation report (as recorded by the browser sweep: "<directive> blocked ...")
 * is about something that could execute or exfiltrate: scripts, frames, objects, <base>,
 * forms, connections. Blocked inline style attributes are a styling problem of the site, not
 * an attack (they are reported separately).
 */
export function isScriptRelevantViolation(detail: string): boolean {
  return !/^(?:style-src(?:-attr|-elem)?|img-src|font-src)\b/.test(detail);
}
