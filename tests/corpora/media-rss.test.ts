/** Media RSS in real feeds: a YouTube channel's videos and feedparser's media:group case. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeItem, type NormalizeContext } from '../../src/core/ingest/normalize.ts';
import { parseFeed } from '../../src/core/ingest/parse-feed.ts';
import { corpusPath } from '../../scripts/harness/corpora.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

const FEED_URL = 'https://feeds.example/videos.xml';

function context(feedTitle?: string): NormalizeContext {
  return {
    company: { slug: 'apple', name: 'Apple', aliases: ['Apple'], exclude: [], official: { authors: [], domains: [] } },
    source: { url: FEED_URL, channel: 'social', voice: 'public', threaded: false, allAboutCompany: true, excerptChars: 600 },
    feedUrl: FEED_URL,
    now: new Date('2026-03-01T12:00:00Z'),
    ...(feedTitle ? { feedTitle } : {}),
  };
}

async function firstItem(xml: string) {
  const parsed = await parseFeed(xml, FEED_URL);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.feed.items[0]!;
}

describe.skipIf(skipWithout(CORPORA))('a real YouTube channel feed (rowanmanning-sample-feeds)', () => {
  const file = corpusPath('rowanmanning-sample-feeds', 'content', 'real-world', 'fa88e615794de0164b706a5c21619e61', 'feed.xml');

  it('gives every video its description, and an excerpt from it', async () => {
    const parsed = await parseFeed(readFileSync(file, 'utf8'), FEED_URL);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.feed.items.length).toBeGreaterThan(10);
    for (const item of parsed.feed.items) {
      expect(item.summary ?? item.content).toBeUndefined();
      expect(item.mediaDescription?.length).toBeGreaterThan(20);
      const result = normalizeItem(item, context(parsed.feed.title));
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.draft.excerpt.length).toBeGreaterThan(20);
        expect(result.draft.excerpt).not.toMatch(/<[a-z]/i);
      }
    }
    expect(parsed.feed.items[0]!.mediaDescription).toMatch(/^This episode is sponsored by Thorum/);
  });
});

describe.skipIf(skipWithout(CORPORA))("feedparser's media-rss cases", () => {
  it('reads the description inside media:group of an Atom 0.3 entry', async () => {
    const item = await firstItem(readFileSync(corpusPath('feedparser', 'tests', 'wellformed', 'media-rss', 'media_group.xml'), 'utf8'));
    expect(item.mediaDescription).toBe('Test Description');
  });
});
