import { describe, expect, it } from 'vitest';
import { describeActivity } from '../../../src/core/site/lists.ts';
import { buildCases } from '../../../src/core/thread.ts';
import { mention, response } from '../../helpers/items.ts';

const T0 = '2026-03-01T09:00:00.000Z';
const T1 = '2026-03-01T12:00:00.000Z';
const T2 = '2026-03-02T09:00:00.000Z';

function labels(mentions: Parameters<typeof buildCases>[1], responses: Parameters<typeof buildCases>[2] = []) {
  const [kase] = buildCases('acme', mentions, responses, [], { bots: [] });
  return kase!.events.map((event) => describeActivity({ companyName: 'Acme', kase: kase!, event }));
}

describe('describeActivity: what the activity stream calls each event', () => {
  it.each([
    ['a news story is "In the news", never a new case to answer', [mention('n', T0, { channel: 'news', title: 'Acme opens a data centre' })], ['In the news']],
    ['a complaint is a new problem', [mention('p', T0, { title: 'Acme router broken' })], ['New problem']],
    ['a question is a new question', [mention('q', T0, { title: 'How do I reset my Acme router?' })], ['New question']],
  ])('%s', (_, mentions, expected) => {
    expect(labels(mentions)).toEqual(expected);
  });

  it('calls the company answering and the customer replying by name', () => {
    const first = mention('m1', T0, { title: 'Acme router broken' });
    const reply = mention('m2', T2, { title: 'Still broken', inReplyTo: ['https://acme.example/support/r1'] });
    expect(labels([first, reply], [response('r1', T1, { respondsTo: ['m1'] })])).toEqual(['New problem', 'Acme answered', 'Follow-up']);
  });
});
