/**
 * Only what asks for an answer is scored; a company whose answers nobody watches is not graded.
 */
import { describe, expect, it } from 'vitest';
import { computeScorecard } from '../../../src/core/metrics/index.ts';
import type { MentionKind } from '../../../src/core/schemas.ts';
import { NOW, hoursAfter, hoursBeforeNow, makeCase } from './case-factory.ts';

const policy = { responseTargetHours: 24, timeZone: 'UTC' };
const unanswered = (id: string, kind: MentionKind, ageHours = 500) => makeCase({ id, kind, openedAt: hoursBeforeNow(ageHours) });
const answered = (id: string, kind: MentionKind) => {
  const openedAt = hoursBeforeNow(500);
  return makeCase({ id, kind, openedAt, firstResponseAt: hoursAfter(openedAt, 2) });
};

describe('computeScorecard: kinds', () => {
  const cases = [
    ...Array.from({ length: 10 }, (_, i) => answered(`p${i}`, 'problem')),
    answered('q', 'question'),
    unanswered('news', 'coverage'),
    unanswered('thanks', 'praise'),
    unanswered('wish', 'idea'),
  ];
  const card = computeScorecard('acme', cases, policy, NOW);

  it('counts problems and questions only', () => {
    expect([card.windows.all.cases, card.windows.all.responded, card.windows.all.responseRate]).toEqual([11, 11, 1]);
  });

  it('never lists coverage, praise or ideas as unanswered or overdue', () => {
    expect(card.silenceLedger).toEqual([]);
    expect([card.windows.all.unanswered, card.windows.all.overdue]).toEqual([0, 0]);
  });

  it('still counts every case by kind', () => {
    expect(card.windows.all.casesByKind).toEqual({ problem: 10, question: 1, idea: 1, praise: 1, coverage: 1 });
  });

  it('grades from the scored cases', () => {
    expect(card.grade.letter).not.toBeNull();
  });
});

describe('computeScorecard: no channel where the company answers', () => {
  const cases = Array.from({ length: 12 }, (_, i) => unanswered(`p${i}`, 'problem'));
  const card = computeScorecard('acme', cases, { ...policy, answerChannelWatched: false }, NOW);

  it('is not graded, in any window, instead of F', () => {
    expect(card.graded).toBe(false);
    expect(card.grade).toEqual({ letter: null, score: null, reason: 'no-answer-channel' });
    expect(Object.values(card.windows).map((w) => w.grade.reason)).toEqual(['no-answer-channel', 'no-answer-channel', 'no-answer-channel', 'no-answer-channel']);
  });

  it('publishes no response figures and no silence ledger, but still counts the cases', () => {
    expect(card.windows.all).toMatchObject({ cases: 12, responseRate: null, withinTargetShare: null, medianFirstResponseHours: null, unanswered: 0, overdue: 0 });
    expect(card.silenceLedger).toEqual([]);
    expect(card.openBacklog).toHaveLength(12);
  });

  it('grades F when the channel is watched and nothing is answered', () => {
    expect(computeScorecard('acme', cases, policy, NOW).grade.letter).toBe('F');
  });
});
