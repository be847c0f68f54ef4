/** Real feeds cut at several points keep the items complete before the cut; ill-formed ones end as items or a typed error. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../src/core/ingest/decode.ts';
import { parseFeed, sniffFeedFormat } from '../../src/core/ingest/parse-feed.ts';
import type { RawItem } from '../../src/core/ingest/types.ts';
import { prepareXmlText } from '../../src/core/ingest/xml-text.ts';
import { corpusPath } from '../../scripts/harness/corpora.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

const FEED_URL = 'https://feeds.example/feed.xml';

async function parse(text: string) {
  return parseFeed(text, FEED_URL);
}

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

describe.skipIf(skipWithout(CORPORA))('real feeds cut at several points', () => {
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

describe.skipIf(skipWithout(CORPORA))("feedparser's illformed set", () => {
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
