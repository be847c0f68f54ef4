/**
 * "What <company> said": every visible company item — answers on case timelines and
 * statements that answer no case — newest first, paginated, and the "responses only" feeds
 * that carry the same items (they used to list only responses on the 50 most recently
 * updated cases, so a company speaking in statements had an empty feed).
 */
import { describe, expect, it } from 'vitest';
import { CompanySchema } from '../../../src/core/schemas.ts';
import { buildSaidJson, countSaid, listCompanySaid } from '../../../src/core/site/company-said.ts';
import { buildAllResponsesFeedItems, buildResponseFeedItems, FEED_ITEM_LIMIT, type FeedUrls } from '../../../src/core/site/feed-items.ts';
import { ARCHIVE_PAGE_SIZE, paginate } from '../../../src/core/site/lists.ts';
import type { Mention, Response } from '../../../src/core/types.ts';
import { buildWatchblog, type CompanyRecord, type Watchblog } from '../../../src/core/watchblog.ts';
import { mention, response } from '../../helpers/items.ts';

const NOW = new Date('2026-03-10T00:00:00.000Z');
const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 1, day, hour)).toISOString();
const acme = { ...CompanySchema.parse({ name: 'Acme', bots: ['AcmeBot'] }), slug: 'acme', intro: '' };
const beta = { ...CompanySchema.parse({ name: 'Beta' }), slug: 'beta', intro: '' };
const URLS: FeedUrls = {
  caseUrl: (kase) => `https://w.example/cases/${kase.company}/${kase.id}/`,
  postUrl: (post) => `https://w.example/posts/${post.slug}/`,
  saidUrl: (slug) => `https://w.example/companies/${slug}/said/`,
};

function build(mentions: Mention[], responses: Response[], companies = [acme]): Watchblog {
  return buildWatchblog({ companies, mentions, responses, overrides: [], posts: [] }, NOW);
}

/** Acme: two cases, an answer, a bot reply, statements, and items the site never shows. */
function mixed(): CompanyRecord {
  return build(
    [mention('m1', at(1)), mention('m2', at(2)), mention('h', at(1), { hidden: true })],
    [
      response('a1', at(3), { respondsTo: ['m1'] }),
      response('bot', at(4), { respondsTo: ['m2'], author: 'AcmeBot' }),
      response('s1', at(5)),
      response('s0', at(5)),
      response('s2', at(1, 8)),
      response('to-hidden', at(6), { respondsTo: ['h'] }),
      response('hidden', at(7), { hidden: true }),
      response('future', '2026-04-01T00:00:00.000Z'),
    ],
  ).companies[0]!;
}

describe('listCompanySaid', () => {
  const record = mixed();
  const said = listCompanySaid(record);

  it('lists every visible company item newest first, ties by id: answers, uncounted replies and statements', () => {
    expect(said.map((item) => [item.response.id, item.kind])).toEqual([
      ['s0', 'statement'],
      ['s1', 'statement'],
      ['bot', 'answer'],
      ['a1', 'answer'],
      ['s2', 'statement'],
    ]);
  });

  it('leaves out hidden items, replies to hidden mentions and items published after now', () => {
    expect(said.map((item) => item.response.id)).not.toEqual(expect.arrayContaining(['to-hidden']));
    for (const id of ['to-hidden', 'hidden', 'future']) expect(said.some((item) => item.response.id === id), id).toBe(false);
  });

  it('is complete: every response on a case timeline and every statement, each once', () => {
    const onCases = record.cases.flatMap((kase) => kase.events.filter((e) => e.kind === 'response').map((e) => e.item.id));
    const expected = new Set([...onCases, ...record.statements.map((s) => s.id)]);
    expect(new Set(said.map((item) => item.response.id))).toEqual(expected);
    expect(said).toHaveLength(expected.size);
  });

  it('names the case each answer is on, and why a reply is not counted', () => {
    const byId = new Map(said.map((item) => [item.response.id, item]));
    expect(byId.get('a1')?.cases).toEqual([{ id: 'm1', title: 'Problem m1' }]);
    expect(byId.get('bot')?.cases).toEqual([{ id: 'm2', title: 'Problem m2', notCounted: 'bot' }]);
    expect(byId.get('s1')?.cases).toEqual([]);
    expect(countSaid(said)).toEqual({ answers: 2, statements: 3, total: 5 });
  });

  it('does not depend on the order of the input', () => {
    const shuffled = build([mention('m2', at(2)), mention('h', at(1), { hidden: true }), mention('m1', at(1))], [...['s2', 's0', 's1'].map((id) => response(id, id === 's2' ? at(1, 8) : at(5))), response('bot', at(4), { respondsTo: ['m2'], author: 'AcmeBot' }), response('a1', at(3), { respondsTo: ['m1'] })]).companies[0]!;
    expect(listCompanySaid(shuffled).map((item) => item.response.id)).toEqual(said.map((item) => item.response.id));
  });

  it('publishes the same list as open data, with counted flags', () => {
    const json = buildSaidJson(record, NOW.toISOString());
    expect(json.items.map((item) => item.id)).toEqual(said.map((item) => item.response.id));
    expect(json.items.find((item) => item.id === 'bot')?.cases).toEqual([{ id: 'm2', counted: false, notCountedReason: 'bot' }]);
    expect(json.items.find((item) => item.id === 'a1')?.cases).toEqual([{ id: 'm1', counted: true }]);
  });
});

describe('the said pages', () => {
  it.each([
    [0, [0]],
    [1, [1]],
    [ARCHIVE_PAGE_SIZE, [ARCHIVE_PAGE_SIZE]],
    [ARCHIVE_PAGE_SIZE + 1, [ARCHIVE_PAGE_SIZE, 1]],
    [2 * ARCHIVE_PAGE_SIZE + 20, [ARCHIVE_PAGE_SIZE, ARCHIVE_PAGE_SIZE, 20]],
  ])('split %i statements into pages of %j, newest first across pages', (count, sizes) => {
    const statements = Array.from({ length: count }, (_, i) => response(`s${String(i).padStart(3, '0')}`, new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString()));
    const said = listCompanySaid(build([], statements).companies[0]!);
    const pages = paginate(said, ARCHIVE_PAGE_SIZE);
    expect(pages.map((page) => page.items.length)).toEqual(sizes);
    const flat = pages.flatMap((page) => page.items.map((item) => item.response.publishedAt));
    expect(flat).toHaveLength(count);
    expect(flat).toEqual([...flat].sort().reverse());
  });
});

describe('the "responses only" feeds', () => {
  it('carry a company’s statements when it answers no case (the trial’s empty feed)', () => {
    const statements = Array.from({ length: 60 }, (_, i) => response(`s${i}`, new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString()));
    const items = buildResponseFeedItems(build([], statements).companies[0]!, URLS);
    expect(items).toHaveLength(FEED_ITEM_LIMIT);
    expect(items[0]).toMatchObject({ guid: 'response:s59', title: 'Acme said: Answer s59', link: 'https://acme.example/support/s59' });
    expect(items.map((item) => item.pubDate.getTime())).toEqual(items.map((item) => item.pubDate.getTime()).sort((a, b) => b - a));
  });

  it('keep older answers when the most recently updated cases are all silent', () => {
    const silent = Array.from({ length: 60 }, (_, i) => mention(`q${i}`, at(10 + (i % 15), i % 24)));
    const record = build([mention('old', at(1)), ...silent], [response('a-old', at(1, 12), { respondsTo: ['old'] })]).companies[0]!;
    expect(buildResponseFeedItems(record, URLS).map((item) => [item.guid, item.link])).toEqual([['response:a-old', 'https://w.example/cases/acme/old/']]);
  });

  it('list every company item in the order of the said page, capped', () => {
    const record = mixed();
    expect(buildResponseFeedItems(record, URLS).map((item) => item.guid)).toEqual(listCompanySaid(record).map((item) => `response:${item.response.id}`));
    expect(buildResponseFeedItems(record, URLS, 2)).toHaveLength(2);
  });

  it('link a statement without a web address to the company’s said page', () => {
    const record = build([], [response('s', at(1), { url: 'urn:x:1', canonicalUrl: 'urn:x:1' })]).companies[0]!;
    expect(buildResponseFeedItems(record, URLS)[0]?.link).toBe('https://w.example/companies/acme/said/');
  });

  it('merge every company site-wide, newest first, capped', () => {
    const watchblog = build(
      [],
      [
        ...Array.from({ length: 40 }, (_, i) => response(`a${i}`, new Date(Date.UTC(2026, 0, 1) + i * 7_200_000).toISOString())),
        ...Array.from({ length: 40 }, (_, i) => response(`b${i}`, new Date(Date.UTC(2026, 0, 1) + i * 7_200_000 + 3_600_000).toISOString(), { company: 'beta' })),
      ],
      [acme, beta],
    );
    const items = buildAllResponsesFeedItems(watchblog, URLS);
    expect(items).toHaveLength(FEED_ITEM_LIMIT);
    expect(items.slice(0, 3).map((item) => item.guid)).toEqual(['response:b39', 'response:a39', 'response:b38']);
    expect(new Set(items.map((item) => item.guid)).size).toBe(FEED_ITEM_LIMIT);
  });
});
