import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeScorecard, WINDOW_KEYS, type Scorecard, type ScorecardPolicy, type WindowFigures } from '../../../src/core/metrics/index.ts';
import { CHANNELS } from '../../../src/core/schemas.ts';
import type { Case } from '../../../src/core/types.ts';
import { NOW, hoursAfter, hoursBeforeNow, makeCase } from './case-factory.ts';

const DAY_HOURS = 24;

/** Ages in whole hours (so ties are common), now and then exactly on a window boundary or in the future. */
const ageHoursArb = fc.oneof(
  fc.integer({ min: -48, max: 800 * DAY_HOURS }),
  fc.constantFrom(0, 30 * DAY_HOURS, 90 * DAY_HOURS, 365 * DAY_HOURS),
);

/** A case with any mix of response and resolution, some dated after now, some resolved by status alone. */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9]{1,6}$/),
    ageHours: ageHoursArb,
    respondedAfterHours: fc.option(fc.integer({ min: -2, max: 2000 }), { nil: null }),
    resolvedAfterHours: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
    resolvedByStatusOnly: fc.boolean(),
    channel: fc.constantFrom(...CHANNELS),
  })
  .map(({ id, ageHours, respondedAfterHours, resolvedAfterHours, resolvedByStatusOnly, channel }) => {
    const openedAt = hoursBeforeNow(ageHours);
    const resolvedAt = resolvedAfterHours === null || resolvedByStatusOnly ? null : hoursAfter(openedAt, resolvedAfterHours);
    return makeCase({
      id,
      openedAt,
      channel,
      firstResponseAt: respondedAfterHours === null ? null : hoursAfter(openedAt, respondedAfterHours),
      resolvedAt,
      ...(resolvedAfterHours !== null && resolvedByStatusOnly ? { status: 'resolved' as const } : {}),
    });
  });

const casesArb = fc.uniqueArray(caseArb, { selector: (entry) => entry.id, maxLength: 40 });

const policyArb: fc.Arbitrary<ScorecardPolicy> = fc.record({
  responseTargetHours: fc.constantFrom(1, 24, 72),
  timeZone: fc.constantFrom('UTC', 'America/New_York', 'Asia/Tokyo', 'Europe/Paris'),
});

function score(cases: readonly Case[], policy: ScorecardPolicy): Scorecard {
  return computeScorecard('zephyr-telecom', cases, policy, NOW);
}

const RATE_KEYS = ['responseRate', 'withinTargetShare', 'resolutionRate'] as const;
const QUANTILE_KEYS = ['medianFirstResponseHours', 'p90FirstResponseHours', 'medianResolutionHours', 'p90ResolutionHours'] as const;

/** Null quantiles are "never reached": +∞. */
function quantileValue(value: number | null): number {
  return value ?? Number.POSITIVE_INFINITY;
}

describe('scorecard properties', () => {
  it('keeps every rate in [0, 1] and every count consistent', () => {
    fc.assert(
      fc.property(casesArb, policyArb, (cases, policy) => {
        const scorecard = score(cases, policy);
        for (const key of WINDOW_KEYS) {
          const figures = scorecard.windows[key];
          for (const rate of RATE_KEYS) {
            const value = figures[rate];
            if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
            if (value !== null) expect(value).toBeLessThanOrEqual(1);
          }
          expect(figures.responded).toBeLessThanOrEqual(figures.cases - figures.awaitingTarget);
          expect(figures.withinTarget).toBeLessThanOrEqual(figures.responded);
          expect(figures.open).toBe(figures.cases - figures.resolved);
          expect(figures.overdue).toBeLessThanOrEqual(figures.unanswered);
          expect(figures.unanswered).toBeLessThanOrEqual(figures.open);
          if (figures.medianFirstResponseHours !== null && figures.p90FirstResponseHours !== null) {
            expect(figures.medianFirstResponseHours).toBeLessThanOrEqual(figures.p90FirstResponseHours);
          }
        }
        expect(scorecard.windows['30d'].cases).toBeLessThanOrEqual(scorecard.windows['90d'].cases);
        expect(scorecard.windows['90d'].cases).toBeLessThanOrEqual(scorecard.windows['365d'].cases);
        expect(scorecard.windows['365d'].cases).toBeLessThanOrEqual(scorecard.windows.all.cases);
        expect(scorecard.trend.reduce((sum, month) => sum + month.opened, 0)).toBe(scorecard.windows.all.cases);
        expect(scorecard.silenceLedger).toHaveLength(scorecard.windows.all.unanswered);
        expect(scorecard.openBacklog).toHaveLength(scorecard.windows.all.open);
      }),
    );
  });

  it('never lets an added unanswered open case improve any figure', () => {
    const addedArb = ageHoursArb.map((ageHours) => makeCase({ id: 'added-case', openedAt: hoursBeforeNow(ageHours) }));
    fc.assert(
      fc.property(casesArb, policyArb, addedArb, (cases, policy, added) => {
        const before = score(cases, policy);
        const after = score([...cases, added], policy);
        for (const key of WINDOW_KEYS) {
          const b: WindowFigures = before.windows[key];
          const a: WindowFigures = after.windows[key];
          for (const rate of RATE_KEYS) {
            const [rateBefore, rateAfter] = [b[rate], a[rate]];
            if (rateBefore !== null && rateAfter !== null) expect(rateAfter).toBeLessThanOrEqual(rateBefore);
          }
          for (const quantile of QUANTILE_KEYS) {
            expect(quantileValue(a[quantile])).toBeGreaterThanOrEqual(quantileValue(b[quantile]));
          }
          expect([a.responded, a.withinTarget, a.resolved]).toEqual([b.responded, b.withinTarget, b.resolved]);
          expect(a.cases).toBeGreaterThanOrEqual(b.cases);
          expect(a.unanswered).toBeGreaterThanOrEqual(b.unanswered);
          expect(a.overdue).toBeGreaterThanOrEqual(b.overdue);
          if (a.grade.score !== null && b.grade.score !== null) expect(a.grade.score).toBeLessThanOrEqual(b.grade.score);
        }
      }),
    );
  });

  it('never changes its output when the input is shuffled', () => {
    const casesAndShuffleArb = casesArb.chain((cases) =>
      fc.tuple(fc.constant(cases), fc.shuffledSubarray(cases, { minLength: cases.length, maxLength: cases.length })),
    );
    fc.assert(
      fc.property(casesAndShuffleArb, policyArb, ([cases, shuffled], policy) => {
        expect(score(shuffled, policy)).toEqual(score(cases, policy));
      }),
    );
  });

  it('equals the lower sample median when every case was answered', () => {
    // With no censoring, S drops by 1/n per event: S ≤ 0.5 first at the ⌈n/2⌉-th smallest time.
    const answeredArb = fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(answeredArb, (delays) => {
        const cases = delays.map((delay, index) => {
          const openedAt = hoursBeforeNow(1000 + index);
          return makeCase({ id: `a${index}`, openedAt, firstResponseAt: hoursAfter(openedAt, delay) });
        });
        const sorted = [...delays].sort((x, y) => x - y);
        const figures = score(cases, { responseTargetHours: 24, timeZone: 'UTC' }).windows.all;
        expect(figures.medianFirstResponseHours).toBe(sorted[Math.ceil(sorted.length / 2) - 1]);
        expect(figures.p90FirstResponseHours).toBe(sorted[Math.ceil((sorted.length * 9) / 10) - 1]);
      }),
    );
  });
});
