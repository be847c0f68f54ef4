import fc from 'fast-check';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, it } from 'vitest';
import { parseContentFile, serializeContentFile } from '../../../src/core/write/front-matter.ts';

/** How Astro's content loader reads front matter (its own helper, js-yaml 4). */
function readLikeAstro(text: string): unknown {
  return parseFrontmatter(text).frontmatter;
}

const HOSTILE_TITLES: [string, string][] = [
  ['a front-matter delimiter', 'before\n---\nafter'],
  ['a colon and space', 'Acme: the outage'],
  ['a comment sign', '# not a comment'],
  ['a js-yaml function tag', '!!js/function "function () { return 1 }"'],
  ['an anchor and an alias', '&a [*a, *a]'],
  ['newlines and trailing spaces', '  two\n lines  \n'],
  ['a NUL and other controls', 'nul\u0000bell\u0007del\u007fnel\u0085'],
  ['line and paragraph separators', 'a\u2028b\u2029c'],
  ['a byte-order mark', '\ufeffbom'],
  ['quotes and backslashes', `"double" 'single' \\back\\ \\"`],
  ['a YAML boolean word', 'yes'],
  ['a number-like string', '0x1F'],
  ['an ISO date', '2026-03-01T09:30:00Z'],
  ['emoji beyond the BMP', 'ok 👍🏽'],
  ['a lone surrogate', 'bad \ud800 half'],
  ['a very long string', 'x'.repeat(100_000)],
  ['an empty string', ''],
];

describe('serializeContentFile / parseContentFile', () => {
  it.each(HOSTILE_TITLES)('reads back a title containing %s exactly, in our reader and in Astro’s', (_name, title) => {
    const data = { id: 'abc123', title, links: [title], hidden: false, nested: { deep: [title] } };
    const text = serializeContentFile(data, 'Body text.');
    const parsed = parseContentFile(text);
    expect(parsed).toEqual({ ok: true, file: { data, body: 'Body text.' } });
    expect(readLikeAstro(text)).toEqual(data);
  });

  it('round-trips arbitrary strings, arrays and bodies', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }),
        fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }),
        fc.string({ unit: 'binary' }),
        (title, links, body) => {
          const data = { title, links, n: 3, ok: true };
          const text = serializeContentFile(data, body);
          expect(parseContentFile(text)).toEqual({ ok: true, file: { data, body } });
          expect(readLikeAstro(text)).toEqual(data);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps keys in the order given and leaves out undefined values', () => {
    const text = serializeContentFile({ b: '1', a: undefined, c: 2 }, '');
    expect(text).toBe('---\nb: "1"\nc: 2\n---\n\n');
  });

  it.each([
    ['a js-yaml function tag', '---\ntitle: !!js/function "function () { globalThis.PWNED = 1 }"\n---\n', /unknown tag/],
    ['a javascript front-matter engine', '---js\n{ title: (globalThis.PWNED = 1) }\n---\n', /must start with a line "---"/],
    ['no front matter', 'just text', /must start with a line "---"/],
    ['invalid YAML', '---\ntitle: [unclosed\n---\n', /invalid front matter/],
    ['a list instead of a mapping', '---\n- a\n- b\n---\n', /mapping/],
  ])('refuses %s without evaluating anything', (_name, text, message) => {
    const parsed = parseContentFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
    expect((globalThis as { PWNED?: number }).PWNED).toBeUndefined();
  });

  it('reads unquoted YAML timestamps a maintainer typed as ISO strings', () => {
    const parsed = parseContentFile('---\npublishedAt: 2026-03-01T09:30:00Z\n---\nx\n');
    expect(parsed).toEqual({ ok: true, file: { data: { publishedAt: '2026-03-01T09:30:00.000Z' }, body: 'x' } });
  });

  it('reads a file saved with CRLF line endings', () => {
    const parsed = parseContentFile('---\r\ntitle: "a"\r\n---\r\nbody\r\n');
    expect(parsed).toEqual({ ok: true, file: { data: { title: 'a' }, body: 'body' } });
  });
});
