import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/ingest/parse-feed.ts';
import { cutAfterLastCompleteItem } from '../../../src/core/ingest/xml-recovery.ts';

const FEED_URL = 'https://feeds.example/feed.xml';
const item = (i: number) => `<item><title>Item ${i}</title><link>https://a.example/${i}</link><description><![CDATA[<p>Text ${i} & more</p>]]></description></item>`;
const entry = (i: number) => `<entry><id>e${i}</id><title>Entry ${i}</title><link href="https://a.example/${i}"/></entry>`;
const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${[1, 2, 3].map(item).join('')}</channel></rss>`;
const ATOM = `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>${[1, 2, 3].map(entry).join('')}</feed>`;
const RDF = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://a.example/"><title>T</title></channel>${[1, 2].map((i) => `<item rdf:about="https://a.example/${i}"><title>R${i}</title><link>https://a.example/${i}</link></item>`).join('')}</rdf:RDF>`;

async function parse(text: string) {
  return parseFeed(text, FEED_URL);
}

describe('a truncated feed keeps its complete items', () => {
  it.each([
    ['RSS cut inside the third item', RSS.slice(0, RSS.indexOf('Item 3') + 3), 2],
    ['RSS cut inside a CDATA section', RSS.slice(0, RSS.indexOf('Text 3') + 2), 2],
    ['RSS cut right after the second item', RSS.slice(0, RSS.indexOf('<item><title>Item 3')), 2],
    ['RSS cut inside a start tag', RSS.slice(0, RSS.indexOf('<item><title>Item 3') + 4), 2],
    ['RSS with garbage after its items', `${RSS.slice(0, RSS.indexOf('</channel>'))}<<garbage & </more>`, 3],
    ['Atom cut inside the third entry', ATOM.slice(0, ATOM.indexOf('Entry 3')), 2],
    ['Atom cut in the middle of an attribute', ATOM.slice(0, ATOM.indexOf('a.example/3') + 4), 2],
    ['RSS 1.0 (RDF) cut after its first item', RDF.slice(0, RDF.indexOf('R2')), 1],
  ])('%s', async (_what, text, count) => {
    const result = await parse(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.feed.items.map((raw) => raw.link)).toEqual(Array.from({ length: count }, (_, i) => `https://a.example/${i + 1}`));
    expect(result.feed.warnings[0]).toMatch(new RegExp(`cut off or has garbage after its last complete (item|entry) .*: recovered ${count} complete (items?|entry|entries), dropped the rest`));
  });

  it.each([
    ['cut before the first item is complete', RSS.slice(0, RSS.indexOf('Item 1'))],
    ['broken in the middle (a mismatched end tag in the first item)', RSS.replace('</title><link>https://a.example/1', '</titel><link>https://a.example/1')],
    ['broken in the middle (an unclosed element in the second item)', RSS.replace('<title>Item 2</title>', '<title>Item 2')],
    ['broken in the middle of an Atom feed', ATOM.replace('<title>Entry 1</title>', '<title>Entry 1</titel>')],
  ])('still fails as malformed when %s', async (_what, text) => {
    expect(await parse(text)).toMatchObject({ ok: false, error: { reason: 'malformed', message: expect.stringMatching(/not well-formed/) } });
  });

  it.each([
    ['a complete feed', RSS],
    ['a complete feed with junk after its root element (the XML parser ignores it)', `${RSS}\n<?xml version="1.0"?><rss><channel><item><title>Item`],
  ])('gives %s all its items and no recovery warning', async (_what, text) => {
    const result = await parse(text);
    expect(result.ok && result.feed.items.length).toBe(3);
    expect(result.ok && result.feed.warnings).toEqual([]);
  });

  it.each([
    ['closes the elements still open', RSS.slice(0, RSS.indexOf('Item 3')), 'rss' as const, /<\/item><\/channel><\/rss>$/],
    ['keeps prefixed names', '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><a:id>1</a:id></a:entry><a:entry><a:id>', 'atom' as const, /<\/a:entry><\/a:feed>$/],
  ])('cutAfterLastCompleteItem %s', (_what, text, format, ending) => {
    expect(cutAfterLastCompleteItem(text, format)?.text).toMatch(ending);
  });
});
