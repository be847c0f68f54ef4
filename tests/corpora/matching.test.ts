/**
 * Alias matching on real captured feeds (the corpora): podcasts that say "Apple
 * Podcasts" in their show notes, news about Apple, and "alphabet" the letters versus
 * Alphabet the company. The feeds are read in place, never copied into the repository.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../src/core/ingest/decode.ts';
import { normalizeItem, type NormalizeContext, type NormalizeResult } from '../../src/core/ingest/normalize.ts';
import { parseFeed } from '../../src/core/ingest/parse-feed.ts';
import type { RawItem } from '../../src/core/ingest/types.ts';
import { corpusPath } from '../../scripts/harness/corpora.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const FEED_URL = 'https://feeds.example/feed.xml';

/** Real feeds, by what they hold. */
const FEEDS = {
  /** A comedy podcast (acast): 207 episodes, 13 say "Apple", most only as "Apple Podcasts". */
  offMenu: ['rowanmanning-sample-feeds', 'content', 'real-world', 'dedf3f57aadefbdc6b8ad6e17efca957', 'feed.xml'],
  /** A German radio podcast with "bewertet uns gerne bei Apple Podcasts" in one episode. */
  dasDing: ['rss-parser', 'test', 'input', 'itunes-keywords-astext.rss'],
  /** MacRumors: news about Apple. */
  macRumors: ['rowanmanning-sample-feeds', 'content', 'real-world', '244ffb56aadf3e0c66356f6177bd675b', 'feed.xml'],
  /** RSS.com's blog: Apple Podcasts how-tos, and one post on a partnership with Apple. */
  rssCom: ['simplepie', 'tests', 'data', 'feed_rss-2.0_for_file_mock.xml'],
  /** Engadget: a Snapchat lens teaching the ASL alphabet. */
  engadget: ['rowanmanning-sample-feeds', 'content', 'real-world', 'b95ff33276f20bd8ba5acf261a2df840', 'feed.xml'],
  /** The Verge: DeepMind and its parent, Alphabet. */
  verge: ['rowanmanning-sample-feeds', 'content', 'real-world', '90c654888cac5a6037d18431d480abbf', 'feed.xml'],
} as const;

async function readItems(parts: readonly string[]): Promise<RawItem[]> {
  const decoded = decodeFeedBytes(new Uint8Array(readFileSync(corpusPath(...parts))), undefined);
  if (!decoded.ok) throw new Error(decoded.error.message);
  const parsed = await parseFeed(decoded.feed.text, FEED_URL);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.feed.items;
}

function context(company: Partial<NormalizeContext['company']>, source: Partial<NormalizeContext['source']> = {}): NormalizeContext {
  return {
    company: { slug: 'apple', name: 'Apple', aliases: ['Apple'], exclude: [], official: { authors: [], domains: [] }, ...company },
    source: { url: FEED_URL, channel: 'blog', voice: 'public', threaded: false, allAboutCompany: false, excerptChars: 600, ...source },
    feedUrl: FEED_URL,
    now: NOW,
  };
}

/** link → kept, for every item of a feed that has a link. */
function keptByLink(items: readonly RawItem[], ctx: NormalizeContext): Map<string, NormalizeResult> {
  return new Map(items.filter((item) => item.link).map((item) => [item.link!, normalizeItem(item, ctx)]));
}

const keptLinks = (results: Map<string, NormalizeResult>): string[] => [...results].filter(([, result]) => result.ok).map(([link]) => link);

describe.skipIf(skipWithout(CORPORA))('alias matching on real feeds', () => {
  it('drops podcast episodes that name Apple only through "Apple Podcasts", and keeps those about Apple TV+', async () => {
    const items = await readItems(FEEDS.offMenu);
    const before = keptLinks(keptByLink(items, context({})));
    const after = keptByLink(items, context({}, { ignore: ['Apple Podcasts'] }));
    expect(before).toHaveLength(13);
    const dropped = before.filter((link) => !after.get(link)?.ok);
    expect(dropped).toHaveLength(10);
    for (const link of dropped) expect(after.get(link)).toMatchObject({ ok: false, reason: 'not-about-company' });
    expect(after.get('https://shows.acast.com/offmenu/episodes/ep-155-taron-egerton')).toMatchObject({ ok: true, draft: { matchedTerm: 'Apple', matchedPassage: expect.stringContaining('Apple TV+') } });
  });

  it('drops the episode that asks for ratings on Apple Podcasts when the company ignores the phrase', async () => {
    const items = await readItems(FEEDS.dasDing);
    expect(keptLinks(keptByLink(items, context({})))).toEqual(['https://www.dasding.de/podcasts/die-mit-annenmaykantereit-und-ohne-schuhe-100.html']);
    expect(keptLinks(keptByLink(items, context({ ignore: ['Apple Podcasts'] })))).toEqual([]);
  });

  it('still keeps every news story really about Apple, with a passage that shows the name', async () => {
    const items = await readItems(FEEDS.macRumors);
    const plain = keptLinks(keptByLink(items, context({})));
    const results = keptByLink(items, context({ aliases: [{ text: 'Apple', caseSensitive: true }], ignore: ['Apple Podcasts'] }));
    expect(plain.length).toBeGreaterThanOrEqual(15);
    expect(keptLinks(results)).toEqual(plain);
    for (const link of plain) {
      const result = results.get(link)!;
      if (!result.ok) continue;
      expect(result.draft.matchedTerm).toBe('Apple');
      expect(result.draft.matchedPassage).toContain('Apple');
      expect(result.draft.matchedPassage!.length).toBeLessThanOrEqual(200);
    }
  });

  it('tells a post about an Apple partnership from Apple Podcasts how-tos on the same blog', async () => {
    const results = keptByLink(await readItems(FEEDS.rssCom), context({ ignore: ['Apple Podcasts'] }));
    expect(results.get('https://rss.com/blog/rss-com-to-support-apple-podcasts-delegated-delivery/')).toMatchObject({ ok: true, draft: { matchedPassage: expect.stringContaining('partnered with Apple') } });
    expect(results.get('https://rss.com/blog/how-to-use-apple-podcasts-subscriptions/')).toMatchObject({ ok: false, reason: 'not-about-company' });
    // "Apple’s ranking factors": a how-to that does talk about Apple itself stays.
    expect(results.get('https://rss.com/blog/how-to-rank-on-apple-podcasts-charts/')).toMatchObject({ ok: true, draft: { matchedPassage: expect.stringContaining('Apple’s ranking factors') } });
  });

  it('needs a context word for "Alphabet": the ASL alphabet is not the company, DeepMind\'s parent is', async () => {
    const alphabet = context({ slug: 'google', name: 'Google', aliases: [{ text: 'Alphabet', context: ['Google', 'GOOGL', 'Waymo', 'shareholders'] }] });
    const lens = keptByLink(await readItems(FEEDS.engadget), alphabet).get('https://www.engadget.com/snapchat-american-sign-language-lens-practice-184825207.html?src=rss');
    const deepMind = keptByLink(await readItems(FEEDS.verge), alphabet).get('https://www.theverge.com/2022/4/4/23003311/deepmind-ai-sexual-misconduct-google-alphabet-fire-researcher-accused');
    expect(lens).toMatchObject({ ok: false, reason: 'not-about-company' });
    expect(deepMind).toMatchObject({ ok: true, draft: { matchedTerm: 'Alphabet', matchedPassage: expect.stringMatching(/Alphabet \(Google and DeepMind’s parent/) } });
  });
});
