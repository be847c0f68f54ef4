import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../../src/core/ingest/decode.ts';
import { parseFeed, sniffFeedFormat } from '../../../src/core/ingest/parse-feed.ts';
import type { RawItem } from '../../../src/core/ingest/types.ts';
import { cutAfterLastCompleteItem } from '../../../src/core/ingest/xml-recovery.ts';
import { prepareXmlText } from '../../../src/core/ingest/xml-text.ts';
import { CORPORA_SKIP_MESSAGE, HAS_CORPORA, corpusPath } from '../../../scripts/harness/corpora.ts';

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

/** Items compared by what identifies them. */
const identity = (items: RawItem[]) => items.map((raw) => [raw.guid, raw.link, raw.title]);

/** Real feeds (RSS and Atom, plain UTF-8) under 600 KB from the sample feeds and rss-parser's inputs. */
function realFeeds(): string[] {
  const realWorld = corpusPath('rowanmanning-sample-feeds', 'content', 'real-world');
  const sample = readdirSync(realWorld).map((hash) => path.join(realWorld, hash, 'feed.xml'));
  const rssParser = ['guardian.rss', 'heise.atom', 'craigslist.rss', 'reddit.rss', 'feedburner.atom'].map((name) => corpusPath('rss-parser', 'test', 'input', name));
  return [...sample, ...rssParser].filter((file) => {
    try {
      return statSync(file).size < 600_000;
    } catch {
      return false;
    }
  });
}

describe.skipIf(!HAS_CORPORA)(`real feeds cut at several points${HAS_CORPORA ? '' : `: ${CORPORA_SKIP_MESSAGE}`}`, () => {
  const CUTS = [0.15, 0.4, 0.65, 0.9, 0.995];

  it('keeps exactly the items complete before each cut, in order, with a warning', { timeout: 120_000 }, async () => {
    let recovered = 0;
    let failed = 0;
    let feeds = 0;
    for (const file of realFeeds()) {
      const decoded = decodeFeedBytes(readFileSync(file), undefined);
      if (!decoded.ok) continue;
      const text = decoded.feed.text;
      const sniffed = sniffFeedFormat(text);
      if (sniffed.kind !== 'xml') continue;
      const full = await parse(text);
      if (!full.ok || full.feed.items.length < 2) continue; // the cut must be the only fault
      feeds += 1;
      const itemEnd = sniffed.format === 'atom' ? /<\/(?:[\w.-]+:)?entry\s*>/g : /<\/(?:[\w.-]+:)?item\s*>/g;
      for (const fraction of CUTS) {
        const cut = text.slice(0, Math.floor(text.length * fraction));
        const complete = prepareXmlText(cut).match(itemEnd)?.length ?? 0;
        const result = await parse(cut);
        if (complete === 0) {
          expect(result, `${file} at ${fraction}`).toMatchObject({ ok: false, error: { reason: 'malformed' } });
          failed += 1;
          continue;
        }
        expect(result.ok, `${file} at ${fraction}: ${result.ok ? '' : result.error.message}`).toBe(true);
        if (!result.ok) continue;
        expect(identity(result.feed.items), `${file} at ${fraction}`).toEqual(identity(full.feed.items.slice(0, complete)));
        expect(result.feed.title).toBe(full.feed.title);
        expect(result.feed.warnings[0]).toMatch(/recovered \d+ complete/);
        recovered += 1;
      }
    }
    expect(feeds).toBeGreaterThan(20);
    expect(recovered).toBeGreaterThan(feeds * 3);
    expect(failed).toBeGreaterThan(0);
  });

  it('fails a real feed broken in the middle as malformed', async () => {
    const text = readFileSync(corpusPath('rss-parser', 'test', 'input', 'guardian.rss'), 'utf8');
    const third = text.indexOf('<item>', text.indexOf('<item>', text.indexOf('<item>') + 1) + 1);
    const broken = `${text.slice(0, third)}${text.slice(third).replace('</title>', '</titel>')}`;
    expect(await parse(broken)).toMatchObject({ ok: false, error: { reason: 'malformed' } });
  });
});

describe.skipIf(!HAS_CORPORA)(`feedparser's illformed set${HAS_CORPORA ? '' : `: ${CORPORA_SKIP_MESSAGE}`}`, () => {
  const dir = corpusPath('feedparser', 'tests', 'illformed');

  it.each([
    ['rss_incomplete_cdata.xml', { ok: false, error: { reason: 'malformed' } }],
    ['rdf_channel_empty_textinput.xml', { ok: true, feed: { items: [{ title: 'crashes here' }] } }],
    ['rss_item_link_corrupted_ampersands.xml', { ok: true, feed: { items: [{ link: 'http://link/get?a=1&b=2' }] } }],
    ['aaa_illformed.xml', { ok: true, feed: { items: [] } }],
    ['rss_empty_document.xml', { ok: false, error: { reason: 'not-a-feed' } }],
  ])('%s ends as feedparser would read it', async (name, expected) => {
    expect(await parse(readFileSync(path.join(dir, name), 'utf8'))).toMatchObject(expected);
  });

  it('reads every illformed file, and each cut of it, as items or a typed error', async () => {
    const files = readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith('.xml'));
    expect(files.length).toBeGreaterThanOrEqual(19);
    for (const name of files) {
      const decoded = decodeFeedBytes(readFileSync(path.join(dir, name)), undefined);
      if (!decoded.ok) continue;
      for (const fraction of [0.5, 0.8, 1]) {
        const result = await parse(decoded.feed.text.slice(0, Math.floor(decoded.feed.text.length * fraction)));
        expect(result.ok || ['malformed', 'not-a-feed'].includes(result.error.reason), name).toBe(true);
      }
    }
  });
});
