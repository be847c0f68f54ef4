import { describe, expect, it } from 'vitest';
import { computeScorecard, formatMonthInZone } from '../../../src/core/metrics/index.ts';
import { NOW, hoursAfter, makeCase } from './case-factory.ts';

describe('formatMonthInZone', () => {
  it.each([
    // 2026-01-31T23:30Z is 18:30 on Jan 31 in New York (UTC−5) and 08:30 on Feb 1 in Tokyo (UTC+9)
    { instant: '2026-01-31T23:30:00Z', zone: 'America/New_York', month: '2026-01' },
    { instant: '2026-01-31T23:30:00Z', zone: 'Asia/Tokyo', month: '2026-02' },
    { instant: '2026-01-31T23:30:00Z', zone: 'UTC', month: '2026-01' },
    { instant: '2025-12-31T23:30:00Z', zone: 'Europe/Paris', month: '2026-01' },
  ])('puts $instant in $month for $zone', ({ instant, zone, month }) => {
    expect(formatMonthInZone(Date.parse(instant), zone)).toBe(month);
  });
});

describe('computeScorecard: trend', () => {
  const lateJanuary = makeCase({ id: 'jan', openedAt: '2026-01-31T23:30:00.000Z', channel: 'social' });

  it.each([
    // now = 2026-03-01T12:00Z is 07:00 Mar 1 in New York and 21:00 Mar 1 in Tokyo
    { zone: 'America/New_York', months: ['2026-01', '2026-02', '2026-03'], openedIn: '2026-01' },
    { zone: 'Asia/Tokyo', months: ['2026-02', '2026-03'], openedIn: '2026-02' },
  ])('counts a case in the month of $zone and zero-fills to now', ({ zone, months, openedIn }) => {
    const trend = computeScorecard('z', [lateJanuary], { responseTargetHours: 24, timeZone: zone }, NOW).trend;
    expect(trend.map((month) => month.month)).toEqual(months);
    expect(trend.map((month) => month.opened)).toEqual(months.map((month) => (month === openedIn ? 1 : 0)));
    expect(trend.find((month) => month.month === openedIn)?.byChannel).toEqual({ social: 1 });
  });

  it("ends at now's month in the company's zone, not in UTC", () => {
    // 2026-03-01T02:00Z is still 21:00 on Feb 28 in New York
    const now = new Date('2026-03-01T02:00:00Z');
    const trend = computeScorecard('z', [lateJanuary], { responseTargetHours: 24, timeZone: 'America/New_York' }, now).trend;
    expect(trend.map((month) => month.month)).toEqual(['2026-01', '2026-02']);
  });

  it('splits cases on either side of a local month start that falls inside a UTC day', () => {
    // Asia/Kolkata is UTC+5:30: February starts there at 2026-01-31T18:30:00Z
    const cases = [
      makeCase({ id: 'a', openedAt: '2026-01-31T00:00:00.000Z' }),
      makeCase({ id: 'b', openedAt: '2026-01-31T18:29:59.999Z' }),
      makeCase({ id: 'c', openedAt: '2026-01-31T18:30:00.000Z' }),
      makeCase({ id: 'd', openedAt: '2026-01-31T23:59:59.999Z' }),
      makeCase({ id: 'e', openedAt: '2026-02-01T00:00:00.000Z' }),
    ];
    const trend = computeScorecard('z', cases, { responseTargetHours: 24, timeZone: 'Asia/Kolkata' }, NOW).trend;
    expect(trend.map((month) => [month.month, month.opened])).toEqual([['2026-01', 2], ['2026-02', 3], ['2026-03', 0]]);
  });

  it('crosses a year end', () => {
    const trend = computeScorecard('z', [makeCase({ id: 'nov', openedAt: '2025-11-15T00:00:00.000Z' })], { responseTargetHours: 24, timeZone: 'UTC' }, NOW).trend;
    expect(trend.map((month) => month.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
  });

  it('describes each month by the cases opened in it, as of now', () => {
    const opened = '2026-02-10T00:00:00.000Z';
    const cases = [
      makeCase({ id: 'a', openedAt: opened, channel: 'forum', firstResponseAt: hoursAfter(opened, 2) }),
      makeCase({ id: 'b', openedAt: opened, channel: 'forum', firstResponseAt: hoursAfter(opened, 30) }),
      makeCase({ id: 'c', openedAt: opened, channel: 'reviews' }),
      // answered in February but opened in January: counted in January
      makeCase({ id: 'd', openedAt: '2026-01-31T00:00:00.000Z', firstResponseAt: hoursAfter(opened, 1) }),
    ];
    const february = computeScorecard('z', cases, { responseTargetHours: 24, timeZone: 'UTC' }, NOW).trend.find((month) => month.month === '2026-02');
    // KM over a (2 h), b (30 h), c (censored at its age, 468 h): t=2 S=2/3, t=30 S=1/3 ≤ 0.5 → median 30
    expect(february).toEqual({ month: '2026-02', opened: 3, responded: 2, withinTarget: 1, awaitingTarget: 0, responseRate: 0.6667, medianFirstResponseHours: 30, byChannel: { forum: 2, reviews: 1 } });
  });

  it.each([
    ['counts an unanswered case inside the target as awaiting, not a miss', 2, { awaitingTarget: 1, responseRate: 1 }],
    ['counts an unanswered case past the target as a miss', 6, { awaitingTarget: 0, responseRate: 0.5 }],
  ])('%s, as the window does', (_title, ageHours, expected) => {
    // All on now's day (2026-03-01), with a 4 h target, so one month holds both cases.
    const answered = new Date(NOW.getTime() - 10 * 3_600_000).toISOString();
    const silent = new Date(NOW.getTime() - ageHours * 3_600_000).toISOString();
    const cases = [makeCase({ id: 'a', openedAt: answered, firstResponseAt: hoursAfter(answered, 1) }), makeCase({ id: 'b', openedAt: silent })];
    const scorecard = computeScorecard('z', cases, { responseTargetHours: 4, timeZone: 'UTC' }, NOW);
    const months = scorecard.trend.filter((month) => month.opened > 0);
    expect(months).toHaveLength(1);
    expect(months[0]).toMatchObject(expected);
    expect(months[0]!.responseRate).toBe(scorecard.windows['30d'].responseRate);
  });

  it('is empty when there are no cases', () => {
    expect(computeScorecard('z', [], { responseTargetHours: 24, timeZone: 'UTC' }, NOW).trend).toEqual([]);
  });
});
