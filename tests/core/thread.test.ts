import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCases, isBotAuthor } from '../../src/core/thread.ts';
import type { Case } from '../../src/core/types.ts';
import { mention, override, response } from '../helpers/items.ts';

const policy = { bots: ['HelpDeskAuto'] };
const T0 = '2026-03-01T09:00:00.000Z';
const T1 = '2026-03-01T12:00:00.000Z';
const T2 = '2026-03-02T09:00:00.000Z';
const T3 = '2026-03-03T09:00:00.000Z';

function summary(cases: Case[]) {
  return cases.map((c) => ({
    id: c.id,
    mentions: c.events.filter((e) => e.kind === 'mention').map((e) => e.item.id),
    status: c.status,
    firstResponseAt: c.firstResponseAt,
  }));
}

describe('buildCases: how mentions become cases', () => {
  it('makes one case per unrelated mention, identified by the mention id', () => {
    const cases = buildCases('acme', [mention('b', T1), mention('a', T0)], [], [], policy);
    expect(summary(cases)).toEqual([
      { id: 'a', mentions: ['a'], status: 'open', firstResponseAt: null },
      { id: 'b', mentions: ['b'], status: 'open', firstResponseAt: null },
    ]);
  });

  it('puts a later mention that links an earlier one into the earlier one’s case', () => {
    const first = mention('a', T0);
    const later = mention('b', T1, { links: [first.canonicalUrl] });
    expect(summary(buildCases('acme', [later, first], [], [], policy))[0]?.mentions).toEqual(['a', 'b']);
  });

  it('does not let an earlier mention join a later one just because it links it', () => {
    const later = mention('b', T1);
    const earlier = mention('a', T0, { links: [later.canonicalUrl] });
    expect(buildCases('acme', [earlier, later], [], [], policy)).toHaveLength(2);
  });

  it('groups mentions of the same source thread, keeping the first as the case id', () => {
    const cases = buildCases(
      'acme',
      [mention('reply', T1, { threadId: 'topic-7' }), mention('topic', T0, { threadId: 'topic-7' }), mention('other', T1, { threadId: 'topic-8' })],
      [],
      [],
      policy,
    );
    expect(summary(cases).map((c) => [c.id, c.mentions])).toEqual([
      ['topic', ['topic', 'reply']],
      ['other', ['other']],
    ]);
  });

  it('titles a case whose first post has no title (a Mastodon toot) by its first words, else "Untitled mention"', () => {
    const toot = mention('toot', T0, {
      title: '',
      excerpt: 'Next update of our **iOS** app will have home screen widgets (among other things)! It’s not a super crucial thing but I’m looking forward to it.',
    });
    const empty = mention('empty', T1, { title: '', excerpt: '' });
    const titles = buildCases('acme', [toot, empty], [], [], policy).map((c) => c.title);
    expect(titles).toEqual(['Next update of our iOS app will have home screen widgets (among other things)! It’s not a…', 'Untitled mention']);
  });

  it('honours a maintainer’s caseId on a mention', () => {
    const cases = buildCases('acme', [mention('a', T0), mention('b', T1, { caseId: 'a' })], [], [], policy);
    expect(summary(cases)[0]?.mentions).toEqual(['a', 'b']);
  });

  it('keeps the case id when a reply arrives later (the id is the first mention’s)', () => {
    const before = buildCases('acme', [mention('a', T0, { threadId: 't' })], [], [], policy);
    const after = buildCases('acme', [mention('a', T0, { threadId: 't' }), mention('b', T2, { threadId: 't' })], [], [], policy);
    expect(after[0]?.id).toBe(before[0]?.id);
  });

  it('leaves hidden mentions out', () => {
    expect(buildCases('acme', [mention('a', T0, { hidden: true })], [], [], policy)).toEqual([]);
  });
});

describe('buildCases: which responses answer a case', () => {
  it.each([
    ['names the mention id in respondsTo', { respondsTo: ['a'] }],
    ['names the mention URL in respondsTo', { respondsTo: ['https://forum.example/t/a'] }],
    ['links the mention’s canonical URL in its text', { links: ['https://forum.example/t/a'] }],
    ['replies to it (in-reply-to)', { inReplyTo: ['https://forum.example/t/a'] }],
  ])('answers when the response %s', (_, extra) => {
    const [only] = buildCases('acme', [mention('a', T0)], [response('r', T1, extra)], [], policy);
    expect(only?.status).toBe('answered');
    expect(only?.firstResponseAt).toBe(T1);
  });

  it('answers when it sits in the same source thread', () => {
    const source = 'https://forum.example/latest.rss';
    const [only] = buildCases('acme', [mention('a', T0, { threadId: '9' })], [response('r', T1, { source, threadId: '9' })], [], policy);
    expect(only?.firstResponseAt).toBe(T1);
  });

  it('lets one response answer two complaints', () => {
    const cases = buildCases('acme', [mention('a', T0), mention('b', T0)], [response('r', T1, { respondsTo: ['a', 'b'] })], [], policy);
    expect(cases.map((c) => c.firstResponseAt)).toEqual([T1, T1]);
  });

  it('does not count a bot, listed or named like one', () => {
    const cases = buildCases(
      'acme',
      [mention('a', T0), mention('b', T0)],
      [response('r1', T1, { respondsTo: ['a'], author: 'HelpDeskAuto' }), response('r2', T1, { respondsTo: ['b'], author: 'acme[bot]' })],
      [],
      policy,
    );
    expect(cases.map((c) => [c.status, c.firstResponseAt])).toEqual([
      ['open', null],
      ['open', null],
    ]);
    expect(cases[0]?.events[1]).toMatchObject({ kind: 'response', notCounted: 'bot' });
  });

  it('does not count the complainant’s own follow-up as the company answering', () => {
    const [only] = buildCases('acme', [mention('a', T0, { author: 'Dana' })], [response('r', T1, { respondsTo: ['a'], author: '@dana' })], [], policy);
    expect(only?.firstResponseAt).toBeNull();
    expect(only?.events[1]).toMatchObject({ notCounted: 'complainant' });
  });

  it('shows but does not count a response dated before the complaint', () => {
    const [only] = buildCases('acme', [mention('a', T1)], [response('r', T0, { respondsTo: ['a'] })], [], policy);
    expect(only?.firstResponseAt).toBeNull();
    expect(only?.events.map((e) => e.kind)).toEqual(['response', 'mention']);
    expect(only?.events[0]).toMatchObject({ notCounted: 'predates-case' });
  });

  it('resolves a case with a resolving response, and carries a status incident’s later update to the same case', () => {
    const status = 'https://status.acme.example/history.atom';
    const [only] = buildCases(
      'acme',
      [mention('a', T0)],
      [response('inc-1', T1, { source: status, threadId: 'inc', links: ['https://forum.example/t/a'] }), response('inc-2', T2, { source: status, threadId: 'inc', resolves: true })],
      [],
      policy,
    );
    expect([only?.status, only?.firstResponseAt, only?.resolvedAt, only?.responseCount]).toEqual(['resolved', T1, T2, 2]);
  });

  it('ignores a response that answers nothing we know', () => {
    const [only] = buildCases('acme', [mention('a', T0)], [response('r', T1)], [], policy);
    expect(only?.events).toHaveLength(1);
  });
});

describe('buildCases: the maintainer’s case file wins', () => {
  it('merges cases under the override’s id and retitles', () => {
    const cases = buildCases('acme', [mention('a', T0), mention('b', T1)], [], [override('b', { merge: ['a'], title: 'Billing errors' })], policy);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ id: 'b', title: 'Billing errors', openedAt: T0, mentionCount: 2 });
  });

  it.each([
    ['a', 'b', 'c'],
    ['z', 'b', 'c'],
    ['b', 'z', 'a'],
  ])('keeps the case everything was merged into, whatever the ids, when %s merges %s after %s was merged into it', (survivor, middle, last) => {
    const cases = buildCases(
      'acme',
      [mention(survivor, T0), mention(middle, T1), mention(last, T2)],
      [],
      [override(survivor, { merge: [middle], title: 'Billing errors' }), override(middle, { merge: [last] })],
      policy,
    );
    expect(cases.map((c) => [c.id, c.title, c.mentionCount])).toEqual([[survivor, 'Billing errors', 3]]);
  });

  it.each([
    ['a case id that does not exist', mention('x', T2)],
    ['a hidden mention', mention('x', T2, { hidden: true })],
  ])('keeps a thread’s first mention as its case id when an override on a later mention merges %s', (_, target) => {
    const cases = buildCases(
      'acme',
      [mention('a', T0, { threadId: 't' }), mention('b', T1, { threadId: 't' }), ...(target.hidden ? [target] : [])],
      [],
      [override('b', { merge: ['x'] })],
      policy,
    );
    expect(cases.map((c) => [c.id, c.mentionCount])).toEqual([['a', 2]]);
  });

  it('hides a case', () => {
    expect(buildCases('acme', [mention('a', T0)], [], [override('a', { hidden: true })], policy)).toEqual([]);
  });

  it('sets resolvedAt, status and outcome, and keeps the note', () => {
    const [only] = buildCases('acme', [mention('a', T0)], [], [override('a', { resolvedAt: T3, outcome: 'refunded', note: 'Confirmed by email.' })], policy);
    expect(only).toMatchObject({ status: 'resolved', resolvedAt: T3, outcome: 'refunded', note: 'Confirmed by email.' });
  });

  it('lets a forced status "open" undo a resolving response', () => {
    const [only] = buildCases('acme', [mention('a', T0)], [response('r', T1, { respondsTo: ['a'], resolves: true })], [override('a', { status: 'answered' })], policy);
    expect([only?.status, only?.resolvedAt]).toEqual(['answered', null]);
  });

  it('counts a case marked resolved without a date as resolved at an unknown time', () => {
    const [only] = buildCases('acme', [mention('a', T0), mention('b', T2, { caseId: 'a' })], [], [override('a', { status: 'resolved' })], policy);
    expect([only?.status, only?.resolvedAt]).toEqual(['resolved', null]);
  });
});

describe('isBotAuthor', () => {
  it.each([
    ['dependabot[bot]', true],
    ['AcmeBot', false],
    ['Acme Bot', true],
    ['acme-bot', true],
    ['noreply', true],
    ['Abbot', false],
    ['HelpDeskAuto', true],
    ['', false],
  ])('%s → %s', (name, expected) => {
    expect(isBotAuthor(name, ['HelpDeskAuto'])).toBe(expected);
  });
});

describe('buildCases: properties', () => {
  it('gives the same cases whatever the input order', () => {
    const items = [
      mention('a', T0, { threadId: 't' }),
      mention('b', T1, { threadId: 't' }),
      mention('c', T1, { links: ['https://forum.example/t/a'] }),
      mention('d', T2),
    ];
    const answers = [response('r1', T2, { respondsTo: ['a'] }), response('r2', T3, { respondsTo: ['d'], resolves: true })];
    const expected = buildCases('acme', items, answers, [], policy);
    fc.assert(
      fc.property(fc.shuffledSubarray(items, { minLength: items.length }), fc.shuffledSubarray(answers, { minLength: answers.length }), (m, r) => {
        expect(buildCases('acme', m, r, [], policy)).toEqual(expected);
      }),
    );
  });
});
