import { describe, expect, it } from 'vitest';
import { buildCases } from '../../src/core/thread.ts';
import type { Case } from '../../src/core/types.ts';
import { mention, override, response } from '../helpers/items.ts';

const policy = { bots: [] };
const T0 = '2026-03-01T09:00:00.000Z';
const T1 = '2026-03-01T12:00:00.000Z';
const T2 = '2026-03-02T09:00:00.000Z';
const T3 = '2026-03-03T09:00:00.000Z';
const THREAD = { source: 'https://forum.example/latest.rss', threadId: 'topic-7' };

function membersOf(cases: Case[]): Record<string, string[]> {
  return Object.fromEntries(cases.map((c) => [c.id, c.events.filter((e) => e.kind === 'mention').map((e) => e.item.id)]));
}

describe('buildCases: a mention whose caseId is its own id is split off (a wrongly joined case)', () => {
  it('takes a mention out of the thread it shares with an earlier one', () => {
    const cases = buildCases('acme', [mention('a', T0, THREAD), mention('b', T1, { ...THREAD, caseId: 'b' })], [], [], policy);
    expect(membersOf(cases)).toEqual({ a: ['a'], b: ['b'] });
  });

  it('takes a mention away from the earlier one it links or replies to', () => {
    const first = mention('a', T0);
    const linking = mention('b', T1, { links: [first.canonicalUrl], caseId: 'b' });
    const replying = mention('c', T2, { inReplyTo: [first.url], caseId: 'c' });
    expect(membersOf(buildCases('acme', [first, linking, replying], [], [], policy))).toEqual({ a: ['a'], b: ['b'], c: ['c'] });
  });

  it('keeps later replies to the split mention with it, and later posts in the thread with the thread', () => {
    const split = mention('b', T1, { ...THREAD, caseId: 'b' });
    const replyToSplit = mention('c', T2, { inReplyTo: [split.url] });
    const laterInThread = mention('d', T3, THREAD);
    const cases = buildCases('acme', [mention('a', T0, THREAD), split, replyToSplit, laterInThread], [], [], policy);
    expect(membersOf(cases)).toEqual({ a: ['a', 'd'], b: ['b', 'c'] });
  });

  it('is not joined back by a later post that is in the thread and replies to the split mention', () => {
    const split = mention('b', T1, { ...THREAD, caseId: 'b' });
    const both = mention('c', T2, { ...THREAD, inReplyTo: [split.url] });
    expect(membersOf(buildCases('acme', [mention('a', T0, THREAD), split, both], [], [], policy))).toEqual({ a: ['a', 'c'], b: ['b'] });
  });

  it("gives the company's answer to the split mention to the split case, and the thread's answer to the thread", () => {
    const split = mention('b', T1, { ...THREAD, caseId: 'b' });
    const answerToSplit = response('r1', T2, { respondsTo: ['b'] });
    const answerInThread = response('r2', T3, THREAD);
    const cases = buildCases('acme', [mention('a', T0, THREAD), split], [answerToSplit, answerInThread], [], policy);
    expect(cases.map((c) => [c.id, c.firstResponseAt])).toEqual([
      ['a', T3],
      ['b', T2],
    ]);
  });

  it("still lets the maintainer join another mention to the split case by caseId, or merge it back in a case file", () => {
    const split = mention('b', T1, { ...THREAD, caseId: 'b' });
    const moved = mention('c', T2, { ...THREAD, caseId: 'b' });
    expect(membersOf(buildCases('acme', [mention('a', T0, THREAD), split, moved], [], [], policy))).toEqual({ a: ['a'], b: ['b', 'c'] });
    const merged = buildCases('acme', [mention('a', T0, THREAD), split], [], [override('a', { merge: ['b'] })], policy);
    expect(membersOf(merged)).toEqual({ a: ['a', 'b'] });
  });

  it('changes nothing for a mention that is not joined to anything', () => {
    expect(membersOf(buildCases('acme', [mention('a', T0, { caseId: 'a' })], [], [], policy))).toEqual({ a: ['a'] });
  });
});
