/**
 * Each preset's expanded source read against a small feed written in its platform's
 * documented format (tests/fixtures/presets): the items come through, in the preset's
 * channel and voice, threaded as its platform threads.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFeedItems } from '../../../src/core/ingest/read-feed.ts';
import { buildCompanyContext } from '../../../src/core/ingest/normalize.ts';
import { CompanySchema } from '../../../src/core/schemas.ts';
import { PROJECT_ROOT } from '../../../scripts/project-root.ts';

const NOW = new Date('2026-03-15T00:00:00Z');
const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/presets');

/** Acme Broadband as a maintainer would set it up, its staff listed as official authors. */
function acmeWith(entry: Record<string, unknown>) {
  return CompanySchema.parse({
    name: 'Acme Broadband',
    aliases: ['Acme Broadband', { text: 'Acme', caseSensitive: true, context: ['broadband', 'fibre', 'router', 'Wi-Fi'] }],
    // The forum is on community.acme.example: only the staff authors make a post there the company's.
    official: { authors: ['acme_dana', 'acme_noc', '/u/AcmeBroadbandHelp'], domains: ['acme.example'] },
    sources: [entry],
  });
}

type Case = {
  entry: Record<string, unknown>;
  fixture: string;
  /** Drafts that are the public speaking (mentions) and the company (responses: its voice or its official authors). */
  mentions: number;
  responses: number;
  channel: string;
  /** How many distinct threads the drafts fall in (undefined: not threaded). */
  threads?: number;
};

const CASES: [string, Case][] = [
  ['reddit-search', { entry: { preset: 'reddit-search', query: 'Acme Broadband' }, fixture: 'reddit-search.atom', mentions: 2, responses: 0, channel: 'forum' }],
  ['reddit-thread', { entry: { preset: 'reddit-thread', subreddit: 'AcmeBroadband', id: '1b6zz91' }, fixture: 'reddit-thread.atom', mentions: 2, responses: 1, channel: 'forum', threads: 1 }],
  ['hn-search', { entry: { preset: 'hn-search', query: 'Acme Broadband' }, fixture: 'hn-search.rss', mentions: 2, responses: 0, channel: 'forum' }],
  ['hn-thread', { entry: { preset: 'hn-thread', id: 47100011 }, fixture: 'hn-thread.rss', mentions: 2, responses: 1, channel: 'forum', threads: 1 }],
  ['mastodon-account', { entry: { preset: 'mastodon-account', account: '@AcmeHelp@mastodon.example' }, fixture: 'mastodon-account.rss', mentions: 0, responses: 2, channel: 'social' }],
  ['mastodon-tag', { entry: { preset: 'mastodon-tag', instance: 'mastodon.example', tag: 'AcmeBroadband' }, fixture: 'mastodon-tag.rss', mentions: 2, responses: 0, channel: 'social' }],
  ['bluesky-profile', { entry: { preset: 'bluesky-profile', handle: 'acme.bsky.social' }, fixture: 'bluesky-profile.rss', mentions: 0, responses: 2, channel: 'social' }],
  ['google-news', { entry: { preset: 'google-news', query: '"Acme Broadband"' }, fixture: 'google-news.rss', mentions: 2, responses: 0, channel: 'news' }],
  ['google-alerts', { entry: { preset: 'google-alerts', feed: 'https://www.google.com/alerts/feeds/01234567890123456789/12345678901234567890' }, fixture: 'google-alerts.atom', mentions: 2, responses: 0, channel: 'news' }],
  ['discourse-topic', { entry: { preset: 'discourse-topic', site: 'https://community.acme.example', topic: 'wifi-drops-every-evening', id: 123 }, fixture: 'discourse-topic.rss', mentions: 2, responses: 1, channel: 'forum', threads: 1 }],
  ['statuspage', { entry: { preset: 'statuspage', site: 'status.acme.example' }, fixture: 'statuspage-history.atom', mentions: 0, responses: 2, channel: 'status', threads: 2 }],
  ['github-releases', { entry: { preset: 'github-releases', repo: 'acme-broadband/router-firmware' }, fixture: 'github-releases.atom', mentions: 0, responses: 1, channel: 'blog' }],
  ['youtube-channel', { entry: { preset: 'youtube-channel', channelId: 'UCacmeBroadbandReview012' }, fixture: 'youtube-channel.atom', mentions: 1, responses: 0, channel: 'social' }],
  ['app-store-reviews', { entry: { preset: 'app-store-reviews', app: 1500000001 }, fixture: 'app-store-reviews.atom', mentions: 2, responses: 0, channel: 'reviews' }],
];

describe('each preset reads a feed in its platform format', () => {
  it.each(CASES)('%s: items in its channel, mentions and responses as its voice and the official authors say, threaded as the platform threads', async (_name, spec) => {
    const company = acmeWith(spec.entry);
    expect(company.sources).toHaveLength(1);
    const source = company.sources[0]!;
    const bytes = await readFile(path.join(FIXTURES, spec.fixture));
    const result = await readFeedItems(bytes, undefined, source.url, { company: buildCompanyContext('acme-broadband', company), source, feedUrl: source.url, now: NOW });
    if (!result.ok) throw new Error(result.error.message);
    expect({ skipped: result.skipped, mentions: result.drafts.filter((d) => d.kind === 'mention').length, responses: result.drafts.filter((d) => d.kind === 'response').length }).toEqual({ skipped: {}, mentions: spec.mentions, responses: spec.responses });
    expect(new Set(result.drafts.map((draft) => draft.channel))).toEqual(new Set([spec.channel]));
    const threads = new Set(result.drafts.map((draft) => draft.threadId));
    if (spec.threads === undefined) expect(threads).toEqual(new Set([undefined]));
    else expect({ threads: threads.size, unthreaded: threads.has(undefined) }).toEqual({ threads: spec.threads, unthreaded: false });
  });
});
