import { describe, expect, it } from 'vitest';
import { computeScorecard, WINDOW_KEYS, type ScorecardPolicy, type WindowFigures } from '../../../src/core/metrics/index.ts';
import type { Case } from '../../../src/core/types.ts';
import { NOW, hoursAfter, hoursBeforeNow, makeAgedCase, makeCase } from './case-factory.ts';

const POLICY: ScorecardPolicy = { responseTargetHours: 24, timeZone: 'UTC' };

function figuresOf(cases: readonly Case[], policy: ScorecardPolicy = POLICY): WindowFigures {
  return computeScorecard('zephyr-telecom', cases, policy, NOW).windows.all;
}

/**
 * Ten cases, target 24 h. makeAgedCase(id, age, respondedAfter, resolvedAfter), in hours.
 * Answered: c01 1 h, c02 2 h, c04 4 h, c06 8 h, c07 10 h, c10 30 h.
 * Unanswered: c03 (age 3 h) and c05 (age 5 h) are still inside the target; c08 (48 h) and c09 (100 h) are misses.
 * Resolved: c01 after 5 h, c02 after 50 h.
 */
const TEN_CASES = [
  makeAgedCase('c01', 300, 1, 5),
  makeAgedCase('c02', 280, 2, 50),
  makeAgedCase('c03', 3),
  makeAgedCase('c04', 260, 4),
  makeAgedCase('c05', 5),
  makeAgedCase('c06', 240, 8),
  makeAgedCase('c07', 220, 10),
  makeAgedCase('c08', 48),
  makeAgedCase('c09', 100),
  makeAgedCase('c10', 200, 30),
];

describe('computeScorecard: a ten-case example', () => {
  const figures = figuresOf(TEN_CASES);

  it('reports the Kaplan–Meier median, not the naive median of answered cases', () => {
    // Naive median of the six answered times (1, 2, 4, 8, 10, 30) = (4 + 8) / 2 = 6 h: wrong, it drops four cases.
    // KM, first response (E = answered, C = censored at age):
    //   t=1 E n=10 → S = 9/10 = 0.9
    //   t=2 E n=9  → S = 0.9 × 8/9 = 0.8
    //   t=3 C n=8  → 0.8
    //   t=4 E n=7  → S = 0.8 × 6/7 = 0.6857
    //   t=5 C n=6  → 0.6857
    //   t=8 E n=5  → S = 0.6857 × 4/5 = 0.5486
    //   t=10 E n=4 → S = 0.5486 × 3/4 = 0.4114 ≤ 0.5 → median 10 h
    //   t=30 E n=3 → S = 0.4114 × 2/3 = 0.2743; then censored at 48, 100 → never ≤ 0.1 → p90 null
    expect(figures.medianFirstResponseHours).toBe(10);
    expect(figures.p90FirstResponseHours).toBeNull();
  });

  it('counts the cases still inside the target as neither answered nor missed', () => {
    // cases 10, responded 6, awaiting 2 (c03, c05) → decided 8
    // responseRate 6/8 = 0.75; withinTarget 5 (1, 2, 4, 8, 10 h ≤ 24 h) → 5/8 = 0.625
    expect(figures).toMatchObject({ cases: 10, responded: 6, awaitingTarget: 2, responseRate: 0.75, withinTarget: 5, withinTargetShare: 0.625 });
  });

  it('computes resolution figures with the same censoring', () => {
    // resolved 2 of 10 → 0.2; open 8; unanswered open 4 (c03, c05, c08, c09); overdue 2 (c08 48 h, c09 100 h ≥ 24 h)
    // KM resolution: t=3 C n=10; t=5 E n=9 (c05 censored at 5 stays at risk) → S = 8/9; t=48 C; t=50 E n=6 → S = 8/9 × 5/6 = 0.7407 → never ≤ 0.5
    expect(figures).toMatchObject({ resolved: 2, resolutionRate: 0.2, open: 8, unanswered: 4, overdue: 2 });
    expect(figures.medianResolutionHours).toBeNull();
    expect(figures.p90ResolutionHours).toBeNull();
  });

  it('withholds the grade below ten decided cases but still publishes the figures', () => {
    // decided = 10 − 2 = 8 < 10
    expect(figures.grade).toEqual({ letter: null, score: null, reason: 'not-enough-data' });
    expect(figures.responseRate).not.toBeNull();
  });
});

describe('computeScorecard: edge cases', () => {
  it.each<{ name: string; cases: Case[]; expected: Partial<WindowFigures> }>([
    {
      name: 'all unanswered: median null and response rate 0',
      // three cases 30, 40, 50 h old, none answered: all past the 24 h target → rate 0/3; KM never falls
      cases: [makeAgedCase('a', 30), makeAgedCase('b', 40), makeAgedCase('c', 50)],
      expected: { cases: 3, responded: 0, awaitingTarget: 0, responseRate: 0, withinTargetShare: 0, medianFirstResponseHours: null, p90FirstResponseHours: null, unanswered: 3, overdue: 3 },
    },
    {
      name: 'only cases inside the target: rates null, not zero',
      // two unanswered cases 1 h and 2 h old: both awaiting → denominator 0
      cases: [makeAgedCase('a', 1), makeAgedCase('b', 2)],
      expected: { cases: 2, awaitingTarget: 2, responseRate: null, withinTargetShare: null, resolutionRate: 0, unanswered: 2, overdue: 0 },
    },
    {
      name: 'no cases at all: counts 0, every rate and quantile null',
      cases: [],
      expected: { cases: 0, responded: 0, responseRate: null, withinTargetShare: null, resolutionRate: null, medianFirstResponseHours: null, medianResolutionHours: null, open: 0 },
    },
    {
      name: 'ties: answered and censored at the same age',
      // answered after 30 h (age 100), unanswered aged exactly 30 h, answered after 30 h (age 60), answered after 50 h (age 80)
      // t=30: n=4, d=2, c=1 → S = 2/4 = 0.5 ≤ 0.5 → median 30; t=50: n=1, d=1 → S = 0 → p90 50
      cases: [makeAgedCase('a', 100, 30), makeAgedCase('b', 30), makeAgedCase('c', 60, 30), makeAgedCase('d', 80, 50)],
      expected: { responded: 3, medianFirstResponseHours: 30, p90FirstResponseHours: 50, overdue: 1 },
    },
    {
      name: 'a case whose age equals the target exactly is decided and overdue',
      // age 24 h = target → not awaiting → rate 0/1
      cases: [makeAgedCase('a', 24)],
      expected: { awaitingTarget: 0, responseRate: 0, overdue: 1 },
    },
    {
      name: 'an answer exactly at the target counts as within target',
      cases: [makeAgedCase('a', 48, 24)],
      expected: { withinTarget: 1, withinTargetShare: 1, medianFirstResponseHours: 24 },
    },
    {
      name: 'a response or resolution dated after now has not happened yet',
      // opened 30 h ago, response and resolution 40 h after opening = 10 h in the future
      cases: [makeAgedCase('a', 30, 40, 40)],
      expected: { responded: 0, resolved: 0, responseRate: 0, open: 1, unanswered: 1, overdue: 1, medianFirstResponseHours: null },
    },
    {
      name: 'a case opened after now is ignored',
      cases: [makeCase({ id: 'future', openedAt: hoursBeforeNow(-1) }), makeAgedCase('a', 30, 2)],
      expected: { cases: 1, responded: 1, responseRate: 1 },
    },
    {
      name: 'a case resolved by status without a date counts as resolved but adds no duration',
      // resolution KM: only 'b' (censored at 30) → median null; resolutionRate 1/2
      cases: [makeAgedCase('a', 40, 1, null, { status: 'resolved' }), makeAgedCase('b', 30)],
      expected: { resolved: 1, resolutionRate: 0.5, open: 1, medianResolutionHours: null },
    },
    {
      name: 'a response dated before its case opened counts as immediate',
      cases: [makeCase({ id: 'a', openedAt: hoursBeforeNow(10), firstResponseAt: hoursBeforeNow(11) })],
      expected: { responded: 1, withinTarget: 1, medianFirstResponseHours: 0 },
    },
    {
      name: 'hours are rounded to 2 decimals only at output',
      // answered after 1 h 20 min = 1.3333… h → 1.33; a 2nd answered after 1 h 20 min 30 s → median is the first: 1.33
      cases: [makeAgedCase('a', 50, 4 / 3), makeAgedCase('b', 50, 4 / 3 + 30 / 3600)],
      expected: { medianFirstResponseHours: 1.33, p90FirstResponseHours: 1.34 },
    },
    {
      name: 'rates are rounded to 4 decimals',
      // 2 answered of 3 decided → 0.666666… → 0.6667
      cases: [makeAgedCase('a', 50, 1), makeAgedCase('b', 50, 1), makeAgedCase('c', 50)],
      expected: { responseRate: 0.6667, withinTargetShare: 0.6667, resolutionRate: 0 },
    },
  ])('$name', ({ cases, expected }) => {
    expect(figuresOf(cases)).toMatchObject(expected);
  });
});

describe('computeScorecard: windows', () => {
  const thirtyDaysMs = 30 * 86_400_000;
  const atBoundary = new Date(NOW.getTime() - thirtyDaysMs).toISOString(); // 2026-01-30T12:00:00.000Z
  const justBefore = new Date(NOW.getTime() - thirtyDaysMs - 1).toISOString(); // 2026-01-30T11:59:59.999Z

  it.each([
    { name: 'a case opened exactly 30 days before now is in 30d', openedAt: atBoundary, in30: true },
    { name: 'a case opened a millisecond earlier is not in 30d', openedAt: justBefore, in30: false },
    { name: 'a case opened exactly at now is in 30d', openedAt: NOW.toISOString(), in30: true },
  ])('$name', ({ openedAt, in30 }) => {
    const scorecard = computeScorecard('z', [makeCase({ id: 'x', openedAt })], POLICY, NOW);
    expect(scorecard.windows['30d'].cases).toBe(in30 ? 1 : 0);
    expect(scorecard.windows['90d'].cases).toBe(1);
    expect(scorecard.windows.all.cases).toBe(1);
  });

  it.each([
    { key: '90d', days: 90 },
    { key: '365d', days: 365 },
  ] as const)('$key includes its boundary and excludes a millisecond before it', ({ key, days }) => {
    const boundaryMs = NOW.getTime() - days * 86_400_000;
    const cases = [makeCase({ id: 'in', openedAt: new Date(boundaryMs).toISOString() }), makeCase({ id: 'out', openedAt: new Date(boundaryMs - 1).toISOString() })];
    const scorecard = computeScorecard('z', cases, POLICY, NOW);
    expect(scorecard.windows[key].cases).toBe(1);
    expect(scorecard.windows.all.cases).toBe(2);
  });

  it('takes the headline grade from the 365d window, not from all time', () => {
    // 12 answered-within-target, resolved cases in the last year → 100 → A;
    // 40 unanswered cases two years old drag 'all' down: rr 12/52, wts 12/52, res 12/52 → 23 → F
    const recent = Array.from({ length: 12 }, (_, i) => makeAgedCase(`r${String(i).padStart(2, '0')}`, 100 + i, 1, 2));
    const old = Array.from({ length: 40 }, (_, i) => makeAgedCase(`o${String(i).padStart(2, '0')}`, 2 * 8760 + i));
    const scorecard = computeScorecard('z', [...recent, ...old], POLICY, NOW);
    expect(scorecard.windows.all.grade).toEqual({ letter: 'F', score: 23, reason: null });
    expect(scorecard.grade).toEqual({ letter: 'A', score: 100, reason: null });
    expect(scorecard.grade).toEqual(scorecard.windows['365d'].grade);
  });

  it('publishes every window key', () => {
    expect(Object.keys(computeScorecard('z', [], POLICY, NOW).windows)).toEqual([...WINDOW_KEYS]);
  });
});

describe('computeScorecard: silence ledger and open backlog', () => {
  const cases = [
    makeAgedCase('young-silent', 5),
    makeAgedCase('b-old-silent', 72),
    makeAgedCase('a-old-silent', 72), // same age as b: id breaks the tie
    makeAgedCase('answered-open', 200, 3),
    makeAgedCase('resolved', 300, 1, 2),
    makeAgedCase('resolved-silently', 400, null, 10),
  ];
  const scorecard = computeScorecard('zephyr-telecom', cases, POLICY, NOW);

  it('lists open unanswered cases oldest first, id breaking ties, with age and overdue flag', () => {
    expect(scorecard.silenceLedger).toEqual([
      { caseId: 'a-old-silent', title: 'Case a-old-silent', channel: 'forum', openedAt: hoursBeforeNow(72), ageHours: 72, overdue: true },
      { caseId: 'b-old-silent', title: 'Case b-old-silent', channel: 'forum', openedAt: hoursBeforeNow(72), ageHours: 72, overdue: true },
      { caseId: 'young-silent', title: 'Case young-silent', channel: 'forum', openedAt: hoursBeforeNow(5), ageHours: 5, overdue: false },
    ]);
  });

  it('lists every unresolved case in the open backlog, answered ones never overdue', () => {
    expect(scorecard.openBacklog.map((entry) => [entry.caseId, entry.overdue])).toEqual([
      ['answered-open', false],
      ['a-old-silent', true],
      ['b-old-silent', true],
      ['young-silent', false],
    ]);
  });

  it('states company, as-of time and target', () => {
    expect(scorecard).toMatchObject({ company: 'zephyr-telecom', asOf: '2026-03-01T12:00:00.000Z', responseTargetHours: 24 });
  });
});

describe('computeScorecard: invalid input', () => {
  it.each([
    { name: 'an unknown time zone', run: () => computeScorecard('z', [], { responseTargetHours: 24, timeZone: 'Mars/Olympus' }, NOW), message: /time zone "Mars\/Olympus"/ },
    { name: 'a zero response target', run: () => computeScorecard('z', [], { responseTargetHours: 0, timeZone: 'UTC' }, NOW), message: /responseTargetHours/ },
    { name: 'an invalid now', run: () => computeScorecard('z', [], POLICY, new Date(Number.NaN)), message: /now/ },
    { name: 'a case time that does not parse', run: () => computeScorecard('z', [makeCase({ id: 'bad', openedAt: 'yesterday' })], POLICY, NOW), message: /case bad: openedAt/ },
  ])('throws a RangeError naming $name', ({ run, message }) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });
});

// Keep the helper honest: an hour offset lands where the tests assume.
describe('case factory', () => {
  it('places a response the given number of hours after opening', () => {
    expect(hoursAfter('2026-03-01T00:00:00.000Z', 1.5)).toBe('2026-03-01T01:30:00.000Z');
  });
});
