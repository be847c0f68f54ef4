import { describe, expect, it } from 'vitest';
import { displayAuthor, normalizeItem, type NormalizeContext } from '../../../src/core/ingest/normalize.ts';
import type { RawItem } from '../../../src/core/ingest/types.ts';

const NOW = new Date('2026-03-01T12:00:00Z');

function context(overrides: Partial<NormalizeContext['source']> = {}, since?: Date): NormalizeContext {
  return {
    company: { slug: 'zephyr-telecom', name: 'Zephyr Telecom', aliases: ['Zephyr Telecom', 'ZephyrTel'], exclude: ['stock'], official: { authors: ['ZephyrCares'], domains: ['zephyr.example'] } },
    source: { url: 'https://forum.example/c/zephyr.rss', channel: 'forum', voice: 'public', threaded: false, allAboutCompany: false, excerptChars: 600, ...overrides },
    feedUrl: 'https://forum.example/c/zephyr.rss',
    now: NOW,
    ...(since ? { since } : {}),
  };
}

const ITEM: RawItem = {
  guid: 'topic-1',
  link: '/t/1?utm_source=rss#post-3',
  title: 'ZephyrTel &amp; my <b>line</b>',
  author: ' alice ',
  date: 'Sat, 28 Feb 2026 09:00:00 +0100',
  summary: '<p>Down again, see <a href="/t/0">the last one</a>.</p><script>alert(1)</script>',
  inReplyTo: ['/t/0#post-1', 'tag:forum.example,2026:0'],
};

describe('normalizeItem', () => {
  it('builds a full draft from a raw item', () => {
    const result = normalizeItem(ITEM, context());
    expect(result).toEqual({
      ok: true,
      draft: {
        kind: 'mention',
        id: expect.stringMatching(/^[0-9a-f]{16}$/),
        company: 'zephyr-telecom',
        source: 'https://forum.example/c/zephyr.rss',
        channel: 'forum',
        voice: 'public',
        url: 'https://forum.example/t/1#post-3',
        canonicalUrl: 'https://forum.example/t/1',
        title: 'ZephyrTel & my line',
        author: 'alice',
        publishedAt: '2026-02-28T08:00:00.000Z',
        fetchedAt: '2026-03-01T12:00:00.000Z',
        links: ['https://forum.example/t/0'],
        inReplyTo: ['https://forum.example/t/0', 'tag:forum.example,2026:0'],
        excerpt: 'Down again, see [the last one](https://forum.example/t/0).',
        matchedTerm: 'ZephyrTel',
        matchedPassage: 'ZephyrTel & my line',
      },
    });
  });

  it.each([
    ['no link at all', { ...ITEM, link: undefined, guid: 'not-a-url' }, 'no-link'],
    ['a javascript: link', { ...ITEM, link: 'javascript:alert(1)' }, 'no-link'],
    ['no alias in title, text or categories', { ...ITEM, title: 'My router', summary: 'broken' }, 'not-about-company'],
    ['an exclusion term', { ...ITEM, title: 'ZephyrTel stock drops' }, 'excluded'],
  ] as const)('skips an item with %s', (_title, item, reason) => {
    expect(normalizeItem(item, context())).toMatchObject({ ok: false, reason });
  });

  it('uses a guid that is a URL when the link is missing', () => {
    const result = normalizeItem({ ...ITEM, link: undefined, guid: 'https://forum.example/t/9' }, context());
    expect(result).toMatchObject({ ok: true, draft: { canonicalUrl: 'https://forum.example/t/9' } });
  });

  it('keeps every item of an allAboutCompany source, but still honours exclusions', () => {
    expect(normalizeItem({ ...ITEM, title: 'My router', summary: 'broken' }, context({ allAboutCompany: true })).ok).toBe(true);
    expect(normalizeItem({ ...ITEM, title: 'stock tips' }, context({ allAboutCompany: true }))).toMatchObject({ ok: false, reason: 'excluded' });
  });

  it('makes every item of a company-voice source a response, without alias matching', () => {
    expect(normalizeItem({ ...ITEM, title: 'Maintenance tonight', summary: '' }, context({ voice: 'company' }))).toMatchObject({ ok: true, draft: { kind: 'response' } });
  });

  it('makes an item by an official author a response', () => {
    expect(normalizeItem({ ...ITEM, author: '@zephyrcares' }, context())).toMatchObject({ ok: true, draft: { kind: 'response' } });
  });

  it('skips items published before since, but not those whose date fell back to now', () => {
    const since = new Date('2026-03-01T00:00:00Z');
    expect(normalizeItem(ITEM, context({}, since))).toMatchObject({ ok: false, reason: 'before-since' });
    expect(normalizeItem({ ...ITEM, date: 'garbage' }, context({}, since))).toMatchObject({ ok: true, draft: { dateFallback: 'unparseable', publishedAt: NOW.toISOString() } });
  });

  it('caps the excerpt at the source excerptChars', () => {
    const result = normalizeItem({ ...ITEM, summary: `<p>ZephyrTel ${'word '.repeat(500)}</p>` }, context({ excerptChars: 80 }));
    expect(result.ok && Array.from(result.draft.excerpt).length).toBeLessThanOrEqual(80);
  });

  it('reads only the head of a full-text article for the excerpt, but keeps links from all of it for threading', () => {
    const article = `<p>ZephyrTel ${'<b>word</b> '.repeat(2_000)}</p><a href="https://forum.example/t/99">the original complaint</a>`;
    const result = normalizeItem({ ...ITEM, summary: undefined, content: article }, context());
    expect(result.ok && Array.from(result.draft.excerpt).length).toBeLessThanOrEqual(600);
    expect(result.ok && result.draft.links).toContain('https://forum.example/t/99');
  });

  it('gives the same id whatever tracking parameters the link carries when there is no guid', () => {
    const a = normalizeItem({ ...ITEM, guid: undefined, link: 'https://forum.example/t/1?utm_source=a' }, context());
    const b = normalizeItem({ ...ITEM, guid: undefined, link: 'https://FORUM.example/t/1#x' }, context());
    expect(a.ok && b.ok && a.draft.id === b.draft.id).toBe(true);
  });

  it('resolves relative links against the item base (xml:base) before the feed URL', () => {
    const result = normalizeItem({ ...ITEM, link: 'p/2', baseUrl: 'https://other.example/base/' }, context());
    expect(result).toMatchObject({ ok: true, draft: { canonicalUrl: 'https://other.example/base/p/2' } });
  });
});

describe('normalizeItem matching', () => {
  const plain = { ...ITEM, title: 'My line is down' };

  it.each<[string, RawItem, string]>([
    ['an alias only in the full article after the description', { ...plain, summary: 'Down since noon.', content: '<p>Down since noon.</p><p>ZephyrTel says sorry.</p>' }, 'not-about-company'],
    ['an alias in the description, not in the full article', { ...plain, summary: 'ZephyrTel is down', content: '<p>Down since noon.</p>' }, 'ok'],
    ['an alias in the content when there is no description', { ...plain, summary: undefined, content: '<p>ZephyrTel is down</p>' }, 'ok'],
    ['an alias in a category', { ...plain, summary: 'Down', categories: ['ZephyrTel'] }, 'ok'],
    ['an alias in the media description', { ...plain, summary: 'Down', mediaDescription: '<p>Video: ZephyrTel outage</p>' }, 'ok'],
    ['an exclusion term without any alias', { ...plain, summary: 'stock tips' }, 'not-about-company'],
  ])('matches on what a reader sees: %s → %s', (_title, item, expected) => {
    const result = normalizeItem(item, context());
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });

  it('stores the matched term and the passage around it from the excerpt text', () => {
    const summary = `<p>${'Long preamble about routers. '.repeat(12)}Then <b>ZEPHYRTEL</b> support hung up on me. ${'More words follow here. '.repeat(12)}</p>`;
    const result = normalizeItem({ ...plain, summary }, context());
    expect(result).toMatchObject({ ok: true, draft: { matchedTerm: 'ZEPHYRTEL' } });
    const passage = result.ok ? result.draft.matchedPassage ?? '' : '';
    expect(passage).toMatch(/^….*Then ZEPHYRTEL support hung up on me\..*…$/);
    expect(passage.length).toBeLessThanOrEqual(200);
  });

  it.each<[string, Partial<NormalizeContext['source']>, Partial<RawItem>, string, Partial<NormalizeContext['company']>?]>([
    ['a source ignore phrase', { ignore: ['ZephyrTel Arena'] }, { summary: 'Concert at the ZephyrTel Arena' }, 'not-about-company'],
    ['a company ignore phrase', {}, { summary: 'Concert at the zephyrtel arena' }, 'not-about-company', { ignore: ['ZephyrTel Arena'] }],
    ['a source exclusion term', { exclude: ['giveaway'] }, { summary: 'ZephyrTel giveaway' }, 'excluded'],
    ['a source exclusion term on an allAboutCompany source', { exclude: ['giveaway'], allAboutCompany: true }, { summary: 'Win a giveaway' }, 'excluded'],
    ['a case-sensitive alias in another case', {}, { summary: 'zephyr wind' }, 'not-about-company', { aliases: [{ text: 'Zephyr', caseSensitive: true }] }],
    ['an alias whose context words are missing', {}, { summary: 'Zephyr wind tonight' }, 'not-about-company', { aliases: [{ text: 'Zephyr', context: ['broadband', 'outage'] }] }],
    ['an alias whose context word occurs', {}, { summary: 'Zephyr outage tonight' }, 'ok', { aliases: [{ text: 'Zephyr', context: ['broadband', 'outage'] }] }],
  ])('applies %s', (_title, source, item, expected, company = {}) => {
    const ctx = context(source);
    const result = normalizeItem({ ...plain, ...item }, { ...ctx, company: { ...ctx.company, ...company } });
    expect(result.ok ? 'ok' : result.reason).toBe(expected);
  });

  it('stores a passage found in a category as plain text, without markup or bidi controls', () => {
    const result = normalizeItem({ ...plain, summary: 'Down', categories: ['<b>ZephyrTel</b> \u202eoutages'] }, context());
    expect(result).toMatchObject({ ok: true, draft: { matchedTerm: 'ZephyrTel', matchedPassage: 'ZephyrTel outages' } });
  });

  it('names the exclusion term that dropped an item', () => {
    expect(normalizeItem({ ...ITEM, title: 'ZephyrTel stock drops' }, context())).toEqual({ ok: false, reason: 'excluded', id: expect.any(String), detail: 'the item contains the exclusion term "stock"' });
  });

  it.each([
    ['an allAboutCompany source', { allAboutCompany: true }],
    ['a company-voice source', { voice: 'company' as const }],
  ])('leaves matchedTerm and matchedPassage unset for %s', (_title, source) => {
    const result = normalizeItem(ITEM, context(source));
    expect(result.ok && 'matchedTerm' in result.draft).toBe(false);
    expect(result.ok && 'matchedPassage' in result.draft).toBe(false);
  });
});

describe('displayAuthor', () => {
  it.each([
    ['anna@example.com (Anna Smith)', 'Anna Smith'],
    ['anna@example.com', 'anna@example.com'],
    ['Anna (Support)', 'Anna (Support)'],
    ['ZephyrCares', 'ZephyrCares'],
  ])('%s → %s', (input, expected) => {
    expect(displayAuthor(input)).toBe(expected);
  });
});

describe('normalizeItem: names in passing', () => {
  const passing: RawItem = { guid: 'n1', link: 'https://news.example/1', title: 'Broadband prices compared', summary: '<p>Rivals such as Zephyr Telecom charge more.</p>' };
  it.each([
    ['skips a news story that names the company once, in passing', { channel: 'news' as const }, false],
    ['keeps it when the news source keeps passing mentions', { channel: 'news' as const, keepPassingMentions: true }, true],
    ['keeps a forum post that names the company once', { channel: 'forum' as const }, true],
  ])('%s', (_, source, kept) => {
    const result = normalizeItem(passing, context(source));
    expect(result.ok).toBe(kept);
    if (!result.ok) expect(result.reason).toBe('not-about-company');
  });

  it('keeps a news story with the company in its title', () => {
    expect(normalizeItem({ ...passing, title: 'Zephyr Telecom raises prices' }, context({ channel: 'news' })).ok).toBe(true);
  });
});

describe('normalizeItem matches on what the excerpt keeps', () => {
  const item = (summary: string): RawItem => ({ guid: 'g', link: 'https://forum.example/t/9', title: 'My order never arrived', date: '2026-02-28T09:00:00Z', summary });

  it('skips an item whose only mention of the company is a photo credit, a caption or a "Read more" link', () => {
    for (const summary of [
      '<figure><img src="https://x.example/a.jpg"><figcaption>Screenshot: ZephyrTel</figcaption></figure><p>Still waiting after three weeks.</p>',
      '<p>Still waiting after three weeks.</p><div class="photo-credit">Zephyr Telecom</div>',
      '<p>Still waiting after three weeks.</p><p><a href="https://x.example/more">Read more on ZephyrTel</a></p>',
    ]) {
      expect(normalizeItem(item(summary), context())).toMatchObject({ ok: false, reason: 'not-about-company' });
    }
  });

  it('still keeps an item that names the company in its text, with that passage', () => {
    const result = normalizeItem(item('<figure><figcaption>Photo: someone</figcaption></figure><p>ZephyrTel lost my order.</p>'), context());
    expect(result.ok && result.draft.kind === 'mention' ? result.draft.matchedPassage : null).toBe('ZephyrTel lost my order.');
  });
});

describe('normalizeItem: how a reply names its parent', () => {
  it('keeps a bare id (JSON Feed in_reply_to) as written, besides its resolved form, so the parent is found by its guid', () => {
    const result = normalizeItem({ guid: 'c2', link: 'https://forum.example/t/2', title: 'ZephyrTel still down', inReplyTo: ['2347259'] }, context());
    expect(result.ok && result.draft.inReplyTo).toEqual(['https://forum.example/c/2347259', '2347259']);
  });

  it('keeps a URL or a tag: URI once', () => {
    const result = normalizeItem({ guid: 'c3', link: 'https://forum.example/t/3', title: 'ZephyrTel still down', inReplyTo: ['https://forum.example/t/1', 'tag:forum.example,2026:1'] }, context());
    expect(result.ok && result.draft.inReplyTo).toEqual(['https://forum.example/t/1', 'tag:forum.example,2026:1']);
  });
});
