import { describe, expect, it } from 'vitest';
import { extractSafeLinks, htmlToSafeMarkdown } from '../../../src/core/ingest/sanitize-excerpt.ts';
import { findUnsafeMarkdown } from '../../../scripts/harness/unsafe-output.ts';

const HOSTILE: ReadonlyArray<readonly [string, string]> = [
  ['a script element', '<p>ok</p><script>alert(1)</script>'],
  ['an event handler attribute', '<img src="https://x.example/a.png" onerror="alert(1)"><p onclick="alert(1)">click</p>'],
  ['a javascript: link', '<a href="javascript:alert(1)">x</a>'],
  ['a mixed-case javascript: link', '<a href="JaVaScRiPt:alert(1)">x</a>'],
  ['an entity-encoded javascript: link', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
  ['a hex-entity javascript: link without semicolons', '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>'],
  ['a whitespace-obfuscated scheme', '<a href="jav&#x09;ascript:alert(1)">x</a><a href=" java\nscript:alert(1)">y</a>'],
  ['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>'],
  ['a data: link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['a data: image', '<img src="data:image/svg+xml,<svg onload=alert(1)>">'],
  ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
  ['an svg with a script', '<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>'],
  ['a style element and attribute', '<style>body{background:url(javascript:alert(1))}</style><p style="x:expression(alert(1))">s</p>'],
  ['a form', '<form action="https://evil.example"><input name=a><button>go</button></form>'],
  ['a meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['a base element', '<base href="javascript:alert(1)//">'],
  ['escaped markup that becomes text', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['mXSS via noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['an unclosed tag soup', '<<script>alert(1);//<</script><a href="javascript:alert(1)"'],
];

describe('htmlToSafeMarkdown', () => {
  it.each(HOSTILE)('neutralises %s', (_title, html) => {
    const { markdown } = htmlToSafeMarkdown(html, 600, 'https://blog.example/feed');
    expect(findUnsafeMarkdown(markdown)).toEqual([]);
    expect(markdown).not.toMatch(/(?<!\\)<script/i);
    expect(markdown.toLowerCase()).not.toMatch(/\]\(\s*(?:javascript|vbscript|data):/);
  });

  it('keeps ordinary structure as Markdown', () => {
    const { markdown } = htmlToSafeMarkdown('<p>Hello <strong>there</strong>, <em>see</em> <a href="https://x.example/a">this</a>.</p><ul><li>one</li><li>two</li></ul>', 600);
    expect(markdown).toBe('Hello **there**, _see_ [this](https://x.example/a).\n\n- one\n- two');
  });

  it('keeps most of the text when long link URLs fill the budget, and says it is cut (a Blogger post)', () => {
    const link = (n: number) => `<a href="https://developers.example/adwords/api/docs/guides/migration/v2016${n}">v2016${n} migration guide</a>`;
    const html = `<div><b>AdWords API v201509 will be <a href="https://developers.example/adwords/api/docs/sunset-dates">sunset</a> on June 21, 2016, after which all requests will fail.</b> This version was <a href="https://blog.example/2015/10/announcing-v201509-of-adwords-api.html">deprecated</a> on February 2, 2016. Please migrate before the sunset.<br /><br />Resources:<ul><li>${link(3)}</li><li>${link(1)}</li><li>${link(2)}</li></ul>As always, ask in the <a href="https://groups.example/forum/adwords-api">forum</a>.</div>`;
    let previous = 0;
    for (const maxChars of [200, 300, 400, 500, 600]) {
      const { markdown } = htmlToSafeMarkdown(html, maxChars);
      const text = markdown.replace(/\]\([^)]*\)/g, ']');
      expect(Array.from(markdown).length).toBeLessThanOrEqual(maxChars);
      expect(text).toContain('AdWords API v201509 will be [sunset] on June 21');
      expect(markdown).toMatch(/…\**\]?(?:\([^)]*\))?$/);
      expect(text.length).toBeGreaterThanOrEqual(previous);
      previous = text.length;
    }
  });

  it('keeps the text of a link whose target is unsafe', () => {
    expect(htmlToSafeMarkdown('<a href="javascript:alert(1)">the details</a>', 600).markdown).toBe('the details');
  });

  it('resolves relative links against the base and reports their canonical URLs', () => {
    const result = htmlToSafeMarkdown('<a href="/t/1?utm_source=x#c">a</a> <a href="https://b.example/p">b</a> <a href="mailto:x@y.example">m</a>', 600, 'https://Forum.example/c/feed.rss');
    expect(result.markdown).toContain('(https://forum.example/t/1?utm_source=x#c)');
    expect(result.links).toEqual(['https://forum.example/t/1', 'https://b.example/p']);
  });

  it('escapes text that would otherwise be Markdown or HTML', () => {
    const { markdown } = htmlToSafeMarkdown('<p>1. not a list *not bold* [not](a link) &lt;b&gt;</p>', 600);
    expect(findUnsafeMarkdown(markdown)).toEqual([]);
    expect(markdown).toContain('\\*not bold\\*');
  });

  it.each([10, 50, 120, 600])('caps the excerpt at %i characters on a word boundary', (max) => {
    const html = `<p>${'Lorem ipsum dolor sit amet, <a href="https://x.example/l">consectetur</a> adipiscing elit. '.repeat(40)}</p>`;
    const { markdown } = htmlToSafeMarkdown(html, max);
    expect(Array.from(markdown).length).toBeLessThanOrEqual(max);
    expect(markdown.endsWith('…')).toBe(true);
    expect(findUnsafeMarkdown(markdown)).toEqual([]);
  });

  it('returns the whole text when it fits', () => {
    expect(htmlToSafeMarkdown('<p>short</p>', 600).markdown).toBe('short');
  });
});

describe('extractSafeLinks', () => {
  it('lists the same safe links without building an excerpt', () => {
    expect(extractSafeLinks('<a href="x">1</a><a href="javascript:alert(1)">2</a><a href="x#again">3</a>', 'https://a.example/d/')).toEqual(['https://a.example/d/x']);
  });
});
