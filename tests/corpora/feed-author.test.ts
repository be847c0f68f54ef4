/** A real feed without authors: every item is credited to the feed, as the author fallback says. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NormalizeContext } from '../../src/core/ingest/normalize.ts';
import { readFeedItems } from '../../src/core/ingest/read-feed.ts';
import { corpusPath } from '../../scripts/harness/corpora.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

const FEED_URL = 'https://craigslist.example/feed';

function context(): NormalizeContext {
  return {
    company: { slug: 'acme', name: 'Acme', aliases: ['Acme'], exclude: [], official: { authors: ['Acme Support'], domains: [] } },
    source: { url: FEED_URL, channel: 'forum', voice: 'public', threaded: false, allAboutCompany: true, excerptChars: 600 },
    feedUrl: FEED_URL,
    now: new Date('2026-03-01T12:00:00Z'),
  };
}

describe.skipIf(skipWithout(CORPORA))('real feeds', () => {
  it('credits the items of a real feed without authors (craigslist) to the feed', async () => {
    const bytes = readFileSync(corpusPath('rss-parser', 'test', 'input', 'craigslist.rss'));
    const read = await readFeedItems(bytes, 'application/rss+xml', FEED_URL, context());
    if (!read.ok) throw new Error(read.error.message);
    expect(read.drafts.length).toBeGreaterThan(0);
    expect(read.feedTitle).not.toBe('');
    for (const draft of read.drafts) expect(draft.author).not.toBe('');
  });
});
