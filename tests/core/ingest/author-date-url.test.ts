import { describe, expect, it } from 'vitest';
import { dropTrackingParams } from '../../../src/core/ingest/canonical-url.ts';
import { EARLIEST_PLAUSIBLE_MS, resolvePublishedAt } from '../../../src/core/ingest/dates.ts';
import { normalizeItem, type NormalizeContext } from '../../../src/core/ingest/normalize.ts';
import { readFeedItems } from '../../../src/core/ingest/read-feed.ts';
import type { RawItem } from '../../../src/core/ingest/types.ts';
import { MentionSchema } from '../../../src/core/schemas.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const FEED_URL = 'https://forum.example/latest.rss';

function context(extra: Partial<NormalizeContext> = {}, voice: 'public' | 'company' = 'public'): NormalizeContext {
  return {
    company: { slug: 'acme', name: 'Acme', aliases: ['Acme'], exclude: [], official: { authors: ['Acme Support'], domains: [] } },
    source: { url: FEED_URL, channel: 'forum', voice, threaded: false, allAboutCompany: true, excerptChars: 600 },
    feedUrl: FEED_URL,
    now: NOW,
    ...extra,
  };
}

const ITEM: RawItem = { link: 'https://forum.example/t/1', title: 'Acme is down', date: '2026-02-28T09:00:00Z', summary: 'Down' };

function draftOf(item: RawItem, ctx: NormalizeContext) {
  const result = normalizeItem(item, ctx);
  if (!result.ok) throw new Error(`skipped: ${result.reason}`);
  return result.draft;
}

describe('the author falls back to the feed title', () => {
  it.each([
    ['an item that names its author keeps it', { author: 'alice' }, 'Acme Forum', 'alice'],
    ['an item without an author gets the feed title', {}, 'Acme Forum', 'Acme Forum'],
    ['a blank author counts as none', { author: ' <b></b> ' }, 'Acme Forum', 'Acme Forum'],
    ['the feed title is plain text, one line', {}, ' Acme <i>Forum</i>\n', 'Acme Forum'],
    ['no feed title leaves the author empty', {}, undefined, ''],
  ] as const)('%s', (_title, fields, feedTitle, author) => {
    expect(draftOf({ ...ITEM, ...fields }, context(feedTitle === undefined ? {} : { feedTitle })).author).toBe(author);
  });

  it('does not make an item official because the feed title matches an official author', () => {
    expect(draftOf(ITEM, context({ feedTitle: 'Acme Support' })).kind).toBe('mention');
    expect(draftOf({ ...ITEM, author: 'Acme Support' }, context()).kind).toBe('response');
  });

  it('reads the feed title into each item when the caller gives none, and returns it', async () => {
    const xml = '<rss version="2.0"><channel><title>Acme &amp; Co forum</title><item><link>https://forum.example/t/1</link><title>Acme</title></item><item><link>https://forum.example/t/2</link><title>Acme</title><author>bob@forum.example (Bob)</author></item></channel></rss>';
    const read = await readFeedItems(new TextEncoder().encode(xml), 'application/rss+xml', FEED_URL, context());
    expect(read.ok && read.feedTitle).toBe('Acme & Co forum');
    expect(read.ok && read.drafts.map((draft) => draft.author)).toEqual(['Acme & Co forum', 'Bob']);
  });

  it('keeps the Atom feed author before the feed title', async () => {
    const xml = '<feed xmlns="http://www.w3.org/2005/Atom"><title>Feed title</title><author><name>Feed Author</name></author><entry><id>e1</id><link href="https://forum.example/t/1"/><title>Acme</title></entry></feed>';
    const read = await readFeedItems(new TextEncoder().encode(xml), 'application/atom+xml', FEED_URL, context());
    expect(read.ok && read.drafts[0]?.author).toBe('Feed Author');
  });
});

describe('implausible dates', () => {
  it.each([
    ['epoch zero', 'Thu, 01 Jan 1970 00:00:00 GMT', 'implausible'],
    ['epoch zero in ISO form', '1970-01-01T00:00:00Z', 'implausible'],
    ['a year before the web had feeds', '1994-12-31T23:59:59Z', 'implausible'],
    ['a two-digit year read as 19xx', 'Mon, 01 Jan 90 00:00:00 GMT', 'implausible'],
    ['the first instant of 1995', '1995-01-01T00:00:00Z', undefined],
    ['an ordinary date', '2026-02-28T09:00:00Z', undefined],
  ] as const)('%s (%s) → dateFallback %s', (_what, raw, fallback) => {
    const resolved = resolvePublishedAt(raw, NOW);
    expect(resolved.dateFallback).toBe(fallback);
    if (fallback) expect(resolved.publishedAt).toBe(NOW.toISOString());
  });

  it('puts the cut-off at 1995-01-01T00:00:00Z', () => {
    expect(new Date(EARLIEST_PLAUSIBLE_MS).toISOString()).toBe('1995-01-01T00:00:00.000Z');
  });

  it('flags an item dated 1970 like a missing date, and is not skipped by --since', () => {
    const draft = draftOf({ ...ITEM, date: 'Thu, 01 Jan 1970 00:00:00 +0000' }, context({ since: new Date('2026-01-01T00:00:00Z') }));
    expect(draft).toMatchObject({ publishedAt: NOW.toISOString(), dateFallback: 'implausible' });
  });

  it('is a dateFallback the Mention schema accepts', () => {
    const draft = draftOf({ ...ITEM, date: '1970-01-01T00:00:00Z' }, context());
    const { kind: _kind, ...front } = draft;
    expect(MentionSchema.safeParse({ ...front, hidden: false }).success).toBe(true);
  });
});

describe('stored URLs drop tracking parameters', () => {
  it.each([
    ['utm_* parameters', 'https://a.example/p?utm_source=rss&utm_medium=feed', 'https://a.example/p'],
    ['utm_* among others (order kept)', 'https://a.example/p?b=2&utm_source=rss&a=1', 'https://a.example/p?b=2&a=1'],
    ['the fragment is kept', 'https://a.example/p?utm_campaign=x#comment-3', 'https://a.example/p#comment-3'],
    ['other trackers (fbclid, gclid, mc_cid)', 'https://a.example/p?fbclid=1&id=7&gclid=2&mc_cid=3', 'https://a.example/p?id=7'],
    ['a case-varied name', 'https://a.example/p?UTM_Source=x&q=1', 'https://a.example/p?q=1'],
    ['percent-encoding and case of what is kept', 'https://a.example/P%2Fa?Q=%41b&utm_term=t', 'https://a.example/P%2Fa?Q=%41b'],
    ['a "?" inside the fragment only', 'https://a.example/p#x?utm_source=y', 'https://a.example/p#x?utm_source=y'],
    ['no query at all', 'https://a.example/p', 'https://a.example/p'],
    ['a query without trackers (unchanged, even its empty pairs)', 'https://a.example/p?a=1&&b', 'https://a.example/p?a=1&&b'],
  ])('%s', (_what, href, expected) => {
    expect(dropTrackingParams(href)).toBe(expected);
  });

  it('stores the link as published, without utm_*', () => {
    const draft = draftOf({ ...ITEM, link: '/t/1?page=2&utm_source=rss&utm_medium=feed#post-3' }, context());
    expect(draft.url).toBe('https://forum.example/t/1?page=2#post-3');
    expect(draft.canonicalUrl).toBe('https://forum.example/t/1?page=2');
  });
});
