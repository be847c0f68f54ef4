import { describe, expect, it } from 'vitest';
import { hasXhtmlConstruct, readAtomXhtml } from '../../../src/core/ingest/atom-xhtml.ts';
import { parseFeed } from '../../../src/core/ingest/parse-feed.ts';

const atom = (entries: string, root = 'feed', prefix = '') =>
  `<?xml version="1.0"?><${prefix}${root} xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://www.w3.org/2005/Atom"><${prefix}title>F</${prefix}title>${entries}</${prefix}${root}>`;
const xhtml = (inner: string) => `<div xmlns="http://www.w3.org/1999/xhtml">${inner}</div>`;

describe("Atom's type=\"xhtml\" content keeps its text and elements in order", () => {
  it('puts the text between elements where it stands', async () => {
    const feed = atom(`<entry><id>1</id><title>t</title><content type="xhtml">${xhtml('<p>Back up at 10:05, thanks <strong>ZephyrCares</strong>. See <a href="https://x.example/s">status</a> now.</p>')}</content></entry>`);
    expect(await readAtomXhtml(feed)).toEqual([{ content: '<div><p>Back up at 10:05, thanks <strong>ZephyrCares</strong>. See <a href="https://x.example/s">status</a> now.</p></div>' }]);
  });

  it('reads content and summary of each entry, and nothing for an entry without xhtml', async () => {
    const feed = atom([
      `<entry><id>1</id><summary type="xhtml">${xhtml('a <em>b</em> c')}</summary></entry>`,
      '<entry><id>2</id><content type="html">&lt;p&gt;x&lt;/p&gt;</content></entry>',
      `<entry><id>3</id><content type="XHTML">${xhtml('<p>one<br/>two</p>')}</content></entry>`,
    ].join(''));
    expect(await readAtomXhtml(feed)).toEqual([{ summary: '<div>a <em>b</em> c</div>' }, {}, { content: '<div><p>one<br>two</p></div>' }]);
  });

  it('escapes text and attribute values again, so markup written as text stays text', async () => {
    const feed = atom(`<entry><id>1</id><content type="xhtml">${xhtml('<p title="a &quot;b&quot; &lt;c&gt;">1 &lt; 2 &amp;&amp; <code>&lt;script&gt;</code></p>')}</content></entry>`);
    expect((await readAtomXhtml(feed))[0]!.content).toBe('<div><p title="a &quot;b&quot; &lt;c&gt;">1 &lt; 2 &amp;&amp; <code>&lt;script&gt;</code></p></div>');
  });

  it('reads a feed written with a prefix for the Atom namespace and xhtml with its own prefix', async () => {
    const feed = atom(`<a:entry><a:id>1</a:id><a:content type="xhtml"><x:div xmlns:x="http://www.w3.org/1999/xhtml"><x:p>thanks <x:b>Jo</x:b>.</x:p></x:div></a:content></a:entry>`, 'feed', 'a:');
    expect(await readAtomXhtml(feed)).toEqual([{ content: '<div><p>thanks <b>Jo</b>.</p></div>' }]);
  });

  it('is only worth reading when the document names an xhtml construct', () => {
    expect(hasXhtmlConstruct(`<content type='xhtml'>`)).toBe(true);
    expect(hasXhtmlConstruct('<content type="html">')).toBe(false);
  });

  it('reaches the parsed item, in order, while other fields read as before', async () => {
    const feed = atom(`<entry><id>1</id><title>Re: outage</title><link href="https://c.example/t/1"/><updated>2026-03-04T10:12:00Z</updated><content type="xhtml">${xhtml('<p>Back up, thanks <strong>Jo</strong>.</p>')}</content></entry>`);
    const result = await parseFeed(feed, 'https://c.example/feed.atom');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.feed.items[0]).toMatchObject({ guid: '1', title: 'Re: outage', link: 'https://c.example/t/1', content: '<div><p>Back up, thanks <strong>Jo</strong>.</p></div>' });
  });
});
