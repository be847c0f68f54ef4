/**
 * The one place that reads and writes front matter (item, company, case and post files).
 *
 * Reading uses js-yaml 4 with its default schema, the reader Astro's content loader uses, so
 * fetch and the site read every file alike: `!!js/function`, `!!python/...` and other unknown
 * tags are refused, never evaluated, and nothing but YAML between `---` lines is accepted.
 *
 * Writing is our own small emitter, because the output must be stable and exact: keys in the
 * order the caller gives them; every string one double-quoted line with our escapes (YAML
 * dumpers fold long lines, lose trailing spaces in block scalars, write DEL and C1 controls
 * raw, or escape differently from one version to the next), so no value can open or close a
 * front-matter block, start a tag, an anchor or a comment, and what `serializeContentFile`
 * writes, `parseContentFile` (and Astro) reads back equal. Why not gray-matter or the `yaml`
 * package: docs/decisions/parsers.md.
 */
import { load as loadYaml } from 'js-yaml';

/** A file split into its front matter and its Markdown body. */
export type ParsedFile = { data: Record<string, unknown>; body: string };

/** Reading a file: its parts, or why it could not be read. */
export type ParseFileResult = { ok: true; file: ParsedFile } | { ok: false; message: string };

/** Characters written as escapes: controls, C1 controls (NEL is a YAML line break), separators, BOM, non-characters. */
const ESCAPED_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT_ESCAPES: Record<string, string> = { '\0': '\\0', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A string as a YAML double-quoted scalar on one line. */
function quoteString(value: string): string {
  const escaped = value
    .replace(/[\\"]/g, (char) => `\\${char}`)
    .replace(ESCAPED_CHARS, (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

/** A mapping key: bare when it is a plain identifier, else quoted. */
function formatKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : quoteString(key);
}

function formatScalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quoteString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  if (value instanceof Date) return quoteString(value.toISOString());
  throw new TypeError(`cannot write a ${typeof value} in front matter`);
}

function isContainer(value: unknown): value is unknown[] | Record<string, unknown> {
  return value !== null && typeof value === 'object' && !(value instanceof Date);
}

/** Block-style YAML for one value under `key`, indented by `indent` spaces. */
function formatEntry(prefix: string, value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== undefined);
    if (items.length === 0) return [`${prefix} []`];
    return [prefix, ...items.flatMap((item) => formatItem(item, `${indent}  `))];
  }
  if (isContainer(value)) {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    if (entries.length === 0) return [`${prefix} {}`];
    return [prefix, ...entries.flatMap(([key, inner]) => formatEntry(`${indent}  ${formatKey(key)}:`, inner, `${indent}  `))];
  }
  return [`${prefix} ${formatScalar(value)}`];
}

/** One item of a block sequence. */
function formatItem(value: unknown, indent: string): string[] {
  if (isContainer(value)) {
    const lines = formatEntry(`${indent}-`, value, indent);
    // An inline "- " followed by a nested block: put the first nested line on the dash line.
    if (lines.length > 1 && lines[0] === `${indent}-`) {
      const [, first, ...rest] = lines;
      return [`${indent}- ${first!.trimStart()}`, ...rest];
    }
    return lines;
  }
  return [`${indent}- ${formatScalar(value)}`];
}

/** Block-style YAML for a mapping, keys in the order given, `undefined` values left out. */
function formatMapping(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, value]) => value !== undefined)
    .flatMap(([key, value]) => formatEntry(`${formatKey(key)}:`, value, ''))
    .join('\n');
}

/** YAML timestamps read back as Date; the content model keeps ISO strings. */
function normalizeValue(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = normalizeValue(inner);
    return out;
  }
  return value;
}

/**
 * Front matter + body → file text: `---\n<yaml>\n---\n<body>\n`. Keys keep the order of `data`;
 * `undefined` values are left out. The body is written as given, followed by one newline,
 * which `parseContentFile` removes again.
 */
export function serializeContentFile(data: Record<string, unknown>, body: string): string {
  return `---\n${formatMapping(data)}\n---\n${body}\n`;
}

/**
 * File text → front matter + body, or a message saying why it cannot be read (no front matter,
 * a first line other than "---" such as gray-matter's `---js`, invalid YAML, an unknown tag). Never throws. The body loses the one
 * trailing newline `serializeContentFile` adds, so a round trip is exact.
 */
export function parseContentFile(text: string): ParseFileResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (!/^---\r?\n/.test(source)) {
    return { ok: false, message: 'expected front matter: the file must start with a line "---"' };
  }
  const { yaml, rest } = splitFrontMatter(source);
  try {
    const data = normalizeValue(loadYaml(yaml) ?? {});
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, message: 'expected the front matter to be a YAML mapping of keys to values' };
    }
    // Strip the one line ending the writer (or an editor saving with CRLF) put after the body.
    const crlf = source.startsWith('---\r\n');
    const body = crlf && rest.endsWith('\r\n') ? rest.slice(0, -2) : rest.endsWith('\n') ? rest.slice(0, -1) : rest;
    return { ok: true, file: { data: data as Record<string, unknown>, body } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `invalid front matter: ${message.split('\n')[0]}` };
  }
}

/**
 * A file that starts with "---" → the YAML up to the first line that starts with "---" (as
 * Astro finds it) and the body after that line's "---" and its line ending. Without a
 * closing line, everything is YAML and the body is empty.
 */
function splitFrontMatter(source: string): { yaml: string; rest: string } {
  const afterOpen = source.slice(3);
  const close = afterOpen.indexOf('\n---');
  if (close === -1) return { yaml: afterOpen, rest: '' };
  const rest = afterOpen.slice(close + 4);
  return { yaml: afterOpen.slice(0, close), rest: rest.replace(/^\r/, '').replace(/^\n/, '') };
}
