/**
 * The hostile strings the hardening suite throws at the pipeline: XSS payloads from the
 * corpora (DOMPurify's 223 fixtures; OWASP's filter-evasion cheat sheet, html/js blocks,
 * each with and without the sheet's Markdown backslashes) and strings made to break YAML
 * front matter and file paths. Corpus files are read where they are, never copied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { CORPORA_DIR } from './corpora.ts';

/** One payload and where it came from, for messages. */
export type Payload = { origin: string; text: string };

const DOMPURIFY_FILE = `${CORPORA_DIR}/dompurify/test/fixtures/expect.json`;
const OWASP_FILE = `${CORPORA_DIR}/owasp-xss-cheatsheet/payloads.json`;

/** True when both XSS payload lists are present. */
export const HAS_XSS_CORPORA = existsSync(DOMPURIFY_FILE) && existsSync(OWASP_FILE);

/** Every XSS payload of the corpora, deduplicated, in a stable order (empty when absent). */
export function loadXssPayloads(): Payload[] {
  if (!HAS_XSS_CORPORA) return [];
  const out: Payload[] = [];
  const seen = new Set<string>();
  const add = (origin: string, text: string) => {
    if (text.trim() === '' || seen.has(text)) return;
    seen.add(text);
    out.push({ origin, text });
  };
  const dompurify = JSON.parse(readFileSync(DOMPURIFY_FILE, 'utf8')) as { title: string; payload: string }[];
  dompurify.forEach((entry, index) => add(`dompurify#${index} ${entry.title}`, entry.payload));
  const owasp = JSON.parse(readFileSync(OWASP_FILE, 'utf8')) as { heading: string; fence_lang: string; source_line: number; payload: string }[];
  for (const entry of owasp) {
    if (entry.fence_lang !== 'html' && entry.fence_lang !== 'js') continue;
    add(`owasp:${entry.source_line} ${entry.heading}`, entry.payload);
    // The sheet keeps Markdown escapes (\<a ...\>); the unescaped form is the real vector.
    add(`owasp:${entry.source_line} ${entry.heading} (unescaped)`, entry.payload.replace(/\\([<>\\[\]()*_`#])/g, '$1'));
  }
  return out;
}

/**
 * A deterministic sample of `count` payloads spread over the whole list (every k-th), always
 * including the ones that call alert, so `npm test` stays fast and still covers each family.
 */
export function samplePayloads(payloads: readonly Payload[], count: number): Payload[] {
  if (payloads.length <= count) return [...payloads];
  const step = payloads.length / count;
  return Array.from({ length: count }, (_, index) => payloads[Math.floor(index * step)]!);
}

/** A few classic vectors used when the corpora are absent, and as a fixed core in fuzzing. */
export const BUILTIN_XSS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<svg/onload=alert(1)>',
  '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
  '"><script>alert(1)</script>',
  "'';!--\"<XSS>=&{()}",
  '[x](javascript:alert(1))',
  '![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<style>@import "javascript:alert(1)";</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '{{constructor.constructor("alert(1)")()}}',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
];

/**
 * Strings that would break naive front matter or paths: delimiters, YAML tags, anchors and
 * aliases, colons, comments, newlines, NUL, bidi controls, traversal, absolute paths, and
 * 10,000 characters.
 */
export const FRONT_MATTER_HOSTILE: ReadonlyArray<readonly [name: string, text: string]> = [
  ['a front-matter delimiter', 'before\n---\nafter'],
  ['a delimiter alone', '---'],
  ['a js-yaml function tag', '!!js/function "function () { globalThis.PWNED = 1 }"'],
  ['a python object tag', '!!python/object/apply:os.system ["touch /tmp/pwned"]'],
  ['an anchor and aliases', '&a [*a, *a, *a]'],
  ['an alias alone', '*a'],
  ['a colon and space', 'Acme: the outage: part 2'],
  ['a comment sign', '# not a comment'],
  ['newlines', 'line one\nline two\r\nline three'],
  ['a NUL', 'before\u0000after'],
  ['a right-to-left override', 'invoice\u202Efdp.exe'],
  ['a parent-folder path', '../../../../etc/passwd'],
  ['an absolute path', '/etc/passwd'],
  ['a Windows path', 'C:\\Windows\\system32\\..\\win.ini'],
  ['a flow mapping', '{ hidden: true, caseId: "x" }'],
  ['a YAML document end', '...'],
  ['quotes and backslashes', `"double" 'single' \\back\\ \\"`],
  ['markup that must stay text', '<b>bold</b> &amp; <i>not italic</i> <script>alert(1)</script>'],
  ['10,000 characters', 'Acme '.repeat(2_000)],
];
