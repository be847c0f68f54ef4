import { describe, expect, it } from 'vitest';
import { parseFeed, sniffFeedFormat } from '../../../src/core/ingest/parse-feed.ts';
import type { ParsedFeed } from '../../../src/core/ingest/types.ts';

const FEED_URL = 'https://forum.example/c/zephyr.rss';

async function parseOk(text: string): Promise<ParsedFeed> {
  const result = await parseFeed(text, FEED_URL);
  if (!result.ok) throw new Error(`${result.error.reason}: ${result.error.message}`);
  return result.feed;
}

describe('sniffFeedFormat', () => {
  it.each([
    ['RSS after a BOM and whitespace', '\ufeff \n<?xml version="1.0"?>\n<rss version="2.0"/>', 'rss'],
    ['RSS after a comment and a DOCTYPE', '<!-- hi --><!DOCTYPE rss [<!ENTITY x "y">]><rss/>', 'rss'],
    ['RDF', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', 'rdf'],
    ['Atom', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', 'atom'],
  ])('recognises %s', (_title, text, format) => {
    expect(sniffFeedFormat(text)).toEqual({ kind: 'xml', format });
  });

  it('recognises JSON by its first character', () => {
    expect(sniffFeedFormat('  {"version": "https://jsonfeed.org/version/1"}')).toEqual({ kind: 'json' });
  });

  it.each([
    ['an empty document', '   ', 'not-a-feed', /empty/],
    ['an HTML page', '<!DOCTYPE html><html><head></head></html>', 'not-a-feed', /HTML page/],
    ['an unknown root', '<opml version="2.0"/>', 'not-a-feed', /<opml>/],
    ['plain text', 'hello', 'not-a-feed', /neither XML nor JSON/],
  ])('rejects %s with a clear message', (_title, text, reason, message) => {
    const result = sniffFeedFormat(text);
    expect(result.kind).toBe('error');
    if (result.kind === 'error') {
      expect(result.error.reason).toBe(reason);
      expect(result.error.message).toMatch(message);
    }
  });
});

describe('parseFeed', () => {
  it('reads RSS 2.0 items with dc:creator, categories, guid and thr:in-reply-to', async () => {
    const feed = await parseOk(`<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:thr="http://purl.org/syndication/thread/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Zephyr &amp; friends</title><link>https://forum.example/</link>
<item><title>Line down &lt;again&gt;</title><link>/t/1</link><guid isPermaLink="false">topic-1</guid>
<dc:creator>alice</dc:creator><pubDate>Sat, 07 Sep 2002 00:00:01 GMT</pubDate><category>outage</category>
<description>&lt;p&gt;It is down&lt;/p&gt;</description><content:encoded><![CDATA[<p>Full &nbsp;text</p>]]></content:encoded>
<thr:in-reply-to ref="tag:forum.example,2002:0" href="https://forum.example/t/0"/></item>
</channel></rss>`);
    expect(feed).toMatchObject({ format: 'rss', title: 'Zephyr & friends', link: 'https://forum.example/' });
    expect(feed.items).toEqual([
      {
        guid: 'topic-1',
        link: '/t/1',
        baseUrl: FEED_URL,
        title: 'Line down <again>',
        author: 'alice',
        date: 'Sat, 07 Sep 2002 00:00:01 GMT',
        summary: '<p>It is down</p>',
        content: '<p>Full &nbsp;text</p>',
        categories: ['outage'],
        inReplyTo: ['https://forum.example/t/0', 'tag:forum.example,2002:0'],
      },
    ]);
  });

  it('reads a versionless <rss> as RSS 2.0 and maps HTML entities to characters', async () => {
    const feed = await parseOk('<rss><channel><title>testing &nbsp;&eacute;&hellip; entity</title></channel></rss>');
    expect(feed.title).toBe('testing \u00a0é… entity');
  });

  it('never expands entities declared in a DOCTYPE', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY ext SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&b; &ext;</title></channel></rss>`;
    const feed = await parseOk(bomb);
    expect(feed.title).toBe('&b; &ext;');
  });

  it('keeps every entry and its date text as written when one Atom date cannot be read (normalize judges dates)', async () => {
    const feed = await parseOk(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><id>1</id><title>bad</title><link href="https://a.example/1"/><published>not a date</published></entry>
<entry><id>2</id><title>good</title><link href="https://a.example/2"/><published>2026-01-01T00:00:00Z</published></entry></feed>`);
    expect(feed.items.map((item) => [item.title, item.date])).toEqual([
      ['bad', 'not a date'],
      ['good', '2026-01-01T00:00:00Z'],
    ]);
    expect(feed.warnings).toEqual([]);
  });

  it('reads Atom xml:base, the alternate link, the author and text constructs', async () => {
    const feed = await parseOk(`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0" xml:base="https://a.example/blog/">
<title type="html">A &lt;b&gt;blog&lt;/b&gt;</title><author><name>Feed Author</name></author>
<entry xml:base="posts/"><id>tag:a,1</id><title>T</title><link rel="replies" href="/c"/><link href="one.html"/><link/>
<updated>2026-01-02T00:00:00+01:00</updated><summary>1 &lt; 2</summary><content type="html">&lt;p&gt;hi&lt;/p&gt;</content>
<thr:in-reply-to ref="tag:a,0" href="zero.html"/></entry></feed>`);
    expect(feed.format).toBe('atom');
    expect(feed.items[0]).toMatchObject({
      guid: 'tag:a,1',
      link: 'one.html',
      baseUrl: 'https://a.example/blog/posts/',
      author: 'Feed Author',
      date: '2026-01-02T00:00:00+01:00',
      summary: '1 &lt; 2',
      content: '<p>hi</p>',
      inReplyTo: ['https://a.example/blog/posts/zero.html', 'tag:a,0'],
    });
  });

  it('reads RSS 1.0 (RDF), including one that prefixes its own namespace', async () => {
    const feed = await parseOk(`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:rss="http://purl.org/rss/1.0/">
<rss:channel rdf:about="https://r.example/"><rss:title>R</rss:title></rss:channel>
<rss:item rdf:about="https://r.example/1"><rss:title>One</rss:title><rss:link>https://r.example/1</rss:link></rss:item></rdf:RDF>`);
    expect(feed).toMatchObject({ format: 'rdf', title: 'R', items: [{ title: 'One', link: 'https://r.example/1', guid: 'https://r.example/1' }] });
  });

  it.each([
    ['an RSS 0.92 document without a channel', '<rss version="0.92"></rss>'],
    ['an RDF document without a channel', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'],
    ['an Atom entry whose link has no href', '<feed xmlns="http://www.w3.org/2005/Atom"><link/><entry><link/><title>x</title></entry></feed>'],
  ])('reads %s as a feed instead of leaking a TypeError', async (_title, text) => {
    const result = await parseFeed(text, FEED_URL);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['truncated XML', '<rss version="2.0"><channel><title>cut', 'malformed'],
    ['an incomplete CDATA section', '<rss version="2.0"><channel><title><![CDATA[never ends', 'malformed'],
    ['HTML', '<html><body>hi</body></html>', 'not-a-feed'],
    ['an empty document', '', 'not-a-feed'],
    ['invalid JSON', '{"version": ', 'malformed'],
    ['JSON that is not a JSON Feed', '{"hello": "world"}', 'not-a-feed'],
  ])('returns a typed error for %s', async (_title, text, reason) => {
    const result = await parseFeed(text, FEED_URL);
    expect(result).toMatchObject({ ok: false, error: { reason } });
    if (!result.ok) expect(result.error.message.length).toBeGreaterThan(10);
  });

  it('reads JSON Feed 1.1 by hand', async () => {
    const feed = await parseOk(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        home_page_url: 'https://j.example/',
        authors: [{ name: 'Feed Author' }],
        items: [
          { id: '1', url: '/p/1', title: 'One', content_text: 'a <b> c', date_published: '2026-01-01T00:00:00Z', tags: ['x'] },
          { id: '2', external_url: 'https://elsewhere.example/', content_html: '<p>two</p>', authors: [{ name: 'Bob' }] },
          'not an item',
        ],
      }),
    );
    expect(feed).toMatchObject({ format: 'json', title: 'J', link: 'https://j.example/' });
    expect(feed.items).toEqual([
      { guid: '1', link: 'https://forum.example/p/1', baseUrl: FEED_URL, title: 'One', author: 'Feed Author', date: '2026-01-01T00:00:00Z', content: 'a &lt;b&gt; c', categories: ['x'] },
      { guid: '2', link: 'https://elsewhere.example/', baseUrl: FEED_URL, author: 'Bob', content: '<p>two</p>' },
    ]);
    expect(feed.warnings).toHaveLength(1);
  });
});

describe('parseFeed: published episodes', () => {
  const rss = (item: string) => `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>t</title><item><title>x</title><link>https://p.example/1</link>${item}</item></channel></rss>`;
  it.each([
    ['an audio enclosure is a podcast episode', rss('<enclosure url="https://p.example/1.mp3" type="audio/mpeg" length="1"/>'), 'audio'],
    ['iTunes episode tags are a podcast episode', rss('<itunes:duration>01:02:03</itunes:duration>'), 'audio'],
    ['Media RSS video content is a video', rss('<media:content url="https://p.example/1.mp4" medium="video"/>'), 'video'],
    ['an image enclosure is not an episode', rss('<enclosure url="https://p.example/1.jpg" type="image/jpeg" length="1"/>'), undefined],
    ['a plain post is not an episode', rss(''), undefined],
    [
      'a YouTube entry is a video',
      `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:yt="http://www.youtube.com/xml/schemas/2015"><title>c</title><entry><id>yt:video:1</id><yt:videoId>abc</yt:videoId><title>v</title><link rel="alternate" href="https://www.youtube.com/watch?v=abc"/><updated>2026-01-01T00:00:00Z</updated></entry></feed>`,
      'video',
    ],
  ])('%s', async (_, xml, expected) => {
    const result = await parseFeed(xml, 'https://p.example/feed');
    expect(result.ok && result.feed.items[0]?.episode).toBe(expected);
  });
});
