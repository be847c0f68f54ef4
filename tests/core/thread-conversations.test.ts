/**
 * Conversations: a reply chain is one case whatever mix of mentions and responses it passes
 * through, and whichever way the feed names a parent (URL, id, guid, shared thread).
 */
import { describe, expect, it } from 'vitest';
import { computeItemId } from '../../src/core/ingest/identity.ts';
import { buildCases } from '../../src/core/thread.ts';
import type { Case, Mention, Response } from '../../src/core/types.ts';
import { mention, response } from '../helpers/items.ts';

const policy = { bots: [] };
const at = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour)).toISOString();
const url = (id: string) => `https://social.example/status/${id}`;

/** A public post, optionally replying to `parent` (an id of the table). */
const pub = (id: string, hour: number, author: string, parent?: string, extra: Partial<Mention> = {}) =>
  mention(id, at(hour), { url: url(id), canonicalUrl: url(id), author, channel: 'social', inReplyTo: parent ? [url(parent)] : [], ...extra });
/** A company reply to `parent`. */
const co = (id: string, hour: number, parent?: string, extra: Partial<Response> = {}) =>
  response(id, at(hour), { url: url(id), canonicalUrl: url(id), author: 'AcmeCares', channel: 'social', inReplyTo: parent ? [url(parent)] : [], ...extra });

function shape(cases: Case[]) {
  return cases.map((c) => ({
    id: c.id,
    mentions: c.events.filter((e) => e.kind === 'mention').map((e) => e.item.id),
    responses: c.events.filter((e) => e.kind === 'response').map((e) => e.item.id),
  }));
}

describe('buildCases: conversations stay one case', () => {
  it.each<[string, Mention[], Response[], ReturnType<typeof shape>]>([
    [
      'public → company → public → company',
      [pub('m1', 1, 'dana'), pub('m2', 3, 'dana', 'r1')],
      [co('r1', 2, 'm1'), co('r2', 4, 'm2')],
      [{ id: 'm1', mentions: ['m1', 'm2'], responses: ['r1', 'r2'] }],
    ],
    [
      'a long chain of five turns',
      [pub('m1', 1, 'dana'), pub('m2', 3, 'dana', 'r1'), pub('m3', 5, 'dana', 'r2')],
      [co('r1', 2, 'm1'), co('r2', 4, 'm2'), co('r3', 6, 'm3')],
      [{ id: 'm1', mentions: ['m1', 'm2', 'm3'], responses: ['r1', 'r2', 'r3'] }],
    ],
    [
      'branching replies: two people answer the company’s reply',
      [pub('m1', 1, 'dana'), pub('m2', 3, 'dana', 'r1'), pub('m3', 3, 'eli', 'r1')],
      [co('r1', 2, 'm1')],
      [{ id: 'm1', mentions: ['m1', 'm2', 'm3'], responses: ['r1'] }],
    ],
    [
      'a reply whose parent was never fetched opens its own case',
      [pub('m1', 1, 'dana'), pub('m2', 3, 'eli', 'never-fetched')],
      [co('r1', 2, 'm1')],
      [
        { id: 'm1', mentions: ['m1'], responses: ['r1'] },
        { id: 'm2', mentions: ['m2'], responses: [] },
      ],
    ],
    [
      'a reply to another company’s post that names ours is its own case',
      [pub('m1', 1, 'dana', undefined, { inReplyTo: ['https://social.example/status/globex-42'] })],
      [],
      [{ id: 'm1', mentions: ['m1'], responses: [] }],
    ],
    [
      'the company replying to its own answer still answers the case',
      [pub('m1', 1, 'dana')],
      [co('r1', 2, 'm1'), co('r2', 5, 'r1')],
      [{ id: 'm1', mentions: ['m1'], responses: ['r1', 'r2'] }],
    ],
    [
      'a reply that names its parent by guid (Atom thr:in-reply-to ref)',
      [pub('m1', 1, 'dana', undefined, { id: computeItemId('tag:social.example,2026:m1', '') }), pub('m2', 3, 'dana', undefined, { inReplyTo: ['tag:social.example,2026:r1'] })],
      [co('r1', 2, undefined, { id: computeItemId('tag:social.example,2026:r1', ''), inReplyTo: ['tag:social.example,2026:m1'] })],
      [{ id: computeItemId('tag:social.example,2026:m1', ''), mentions: [computeItemId('tag:social.example,2026:m1', ''), 'm2'], responses: [computeItemId('tag:social.example,2026:r1', '')] }],
    ],
  ])('%s', (_, mentions, responses, expected) => {
    expect(shape(buildCases('acme', mentions, responses, [], policy))).toEqual(expected);
  });

  it('gives the same cases whatever order the items come in', () => {
    const mentions = [pub('m1', 1, 'dana'), pub('m2', 3, 'dana', 'r1'), pub('m3', 5, 'dana', 'r2')];
    const responses = [co('r1', 2, 'm1'), co('r2', 4, 'm2')];
    expect(buildCases('acme', [...mentions].reverse(), [...responses].reverse(), [], policy)).toEqual(buildCases('acme', mentions, responses, [], policy));
  });

  it('joins a reply to the case its own author opened when the company answered two people at once', () => {
    const cases = buildCases('acme', [pub('a', 1, 'dana'), pub('b', 1, 'eli'), pub('b2', 3, 'eli', 'r')], [co('r', 2, undefined, { respondsTo: ['a', 'b'] })], [], policy);
    expect(shape(cases).map((c) => [c.id, c.mentions])).toEqual([
      ['a', ['a']],
      ['b', ['b', 'b2']],
    ]);
  });
});

describe('buildCases: the customer replying after an answer', () => {
  it('keeps the first response time and marks the later mention as a follow-up', () => {
    const [only] = buildCases('acme', [pub('m1', 1, 'dana'), pub('m2', 3, 'dana', 'r1')], [co('r1', 2, 'm1')], [], policy);
    expect(only?.firstResponseAt).toBe(at(2));
    expect(only?.events.map((e) => (e.kind === 'mention' ? [e.item.id, e.followUp ?? false] : [e.item.id]))).toEqual([['m1', false], ['r1'], ['m2', true]]);
  });

  it('reads "answered, customer replied" until the company speaks again', () => {
    const waiting = buildCases('acme', [pub('m1', 1, 'dana'), pub('m2', 3, 'dana', 'r1')], [co('r1', 2, 'm1')], [], policy);
    const answeredAgain = buildCases('acme', [pub('m1', 1, 'dana'), pub('m2', 3, 'dana', 'r1')], [co('r1', 2, 'm1'), co('r2', 4, 'm2')], [], policy);
    expect([waiting[0]?.status, waiting[0]?.customerReplied]).toEqual(['answered', true]);
    expect([answeredAgain[0]?.status, answeredAgain[0]?.customerReplied]).toEqual(['answered', false]);
  });
});

describe('buildCases: a case’s kind', () => {
  it.each<[string, Partial<Mention>, { sources?: { url: string; kind?: 'coverage' }[] }, string, string]>([
    ['a news story is coverage', { channel: 'news', title: 'Acme opens a new data centre' }, {}, 'coverage', 'inferred'],
    ['a forum question is a question', { channel: 'forum', title: 'How do I change my Acme plan?' }, {}, 'question', 'inferred'],
    ['a complaint is a problem', { channel: 'social', title: 'Acme internet down again for the third day' }, {}, 'problem', 'inferred'],
    ['the source’s kind wins over the text', { channel: 'forum', title: 'Acme internet down again', source: 'https://news.example/acme.rss' }, { sources: [{ url: 'https://news.example/acme.rss', kind: 'coverage' }] }, 'coverage', 'inferred'],
    ['the maintainer’s kind on the mention wins', { channel: 'news', title: 'Acme opens a data centre', kind: 'problem' }, {}, 'problem', 'mention'],
  ])('%s', (_, extra, sources, kind, kindFrom) => {
    const [only] = buildCases('acme', [mention('a', at(1), extra)], [], [], { bots: [], ...sources });
    expect([only?.kind, only?.kindFrom]).toEqual([kind, kindFrom]);
  });

  it('takes its opening mention’s kind, not a later reply’s', () => {
    const cases = buildCases('acme', [pub('m1', 1, 'dana', undefined, { title: 'My Acme router is broken' }), pub('m2', 3, 'dana', 'r1', { title: 'Thanks, that fixed it!' })], [co('r1', 2, 'm1')], [], policy);
    expect(cases.map((c) => c.kind)).toEqual(['problem']);
  });

  it('lets a case file set the kind', () => {
    const [only] = buildCases('acme', [mention('a', at(1), { title: 'Acme router broken' })], [], [{ caseId: 'a', company: 'acme', merge: [], hidden: false, note: '', kind: 'coverage' }], policy);
    expect([only?.kind, only?.kindFrom]).toEqual(['coverage', 'case-override']);
  });

  it('reads a news item that replies to the company as asking for an answer', () => {
    const cases = buildCases('acme', [pub('m2', 3, 'dana', 'r1', { channel: 'blog', title: 'Your fix did nothing' })], [co('r1', 2)], [], policy);
    expect(cases[0]?.kind).toBe('problem');
  });
});

describe('buildCases: published writing cites, it does not reply', () => {
  it('keeps news stories that link each other as separate cases', () => {
    const first = mention('n1', at(1), { channel: 'news', title: 'Acme announces its event' });
    const second = mention('n2', at(2), { channel: 'news', title: 'Acme event: what to expect', links: [first.canonicalUrl] });
    expect(buildCases('acme', [first, second], [], [], policy).map((c) => c.id)).toEqual(['n1', 'n2']);
  });

  it('still joins a forum post that links an earlier complaint', () => {
    const first = mention('f1', at(1), { title: 'Acme router broken' });
    const second = mention('f2', at(2), { title: 'Same here', links: [first.canonicalUrl] });
    expect(buildCases('acme', [first, second], [], [], policy).map((c) => c.id)).toEqual(['f1']);
  });
});

describe('buildCases: found in review', () => {
  it('keeps a news story that links the company’s answer out of the customer’s case', () => {
    const cases = buildCases('acme', [pub('m1', 1, 'dana'), pub('n1', 5, 'reporter', undefined, { channel: 'news', links: [url('r1')] })], [co('r1', 2, 'm1')], [], policy);
    expect(shape(cases).map((c) => c.mentions)).toEqual([['m1'], ['n1']]);
    expect(cases[0]?.customerReplied).toBe(false);
  });

  it('never lets one reply merge two customers’ cases, however the answers are chained', () => {
    const mentions = [pub('A', 1, 'alice'), pub('B', 0, 'bob'), pub('X', 7, 'bob', 'Ra')];
    const responses = [co('Rb', 3, undefined, { threadId: 'T' }), co('Ra', 4, 'Rb', { respondsTo: ['A'] }), co('Rc', 5, undefined, { threadId: 'T', respondsTo: ['B'] })];
    expect(shape(buildCases('acme', mentions, responses, [], policy)).map((c) => [c.id, c.mentions])).toEqual([
      ['B', ['B', 'X']],
      ['A', ['A']],
    ]);
  });
});
