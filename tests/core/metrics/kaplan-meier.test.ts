import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalQuantile } from '../../../src/core/metrics/index.ts';

const E = (time: number) => ({ time, event: true });
const C = (time: number) => ({ time, event: false });

describe('kaplanMeier', () => {
  it.each([
    {
      name: 'without censoring, falls by 1/n at each event',
      observations: [E(3), E(1), E(4), E(2)],
      // n = 4: S = 3/4, 2/4, 1/4, 0
      expected: [
        { time: 1, atRisk: 4, events: 1, censored: 0, survival: 0.75 },
        { time: 2, atRisk: 3, events: 1, censored: 0, survival: 0.5 },
        { time: 3, atRisk: 2, events: 1, censored: 0, survival: 0.25 },
        { time: 4, atRisk: 1, events: 1, censored: 0, survival: 0 },
      ],
    },
    {
      name: 'keeps a subject censored at a tied time at risk for the events at that time',
      observations: [C(2), E(2), E(3), C(5), E(5)],
      // t=2: n=5, d=1 (the censored one still counts in n) → S = 4/5 = 0.8
      // t=3: n=3, d=1 → S = 0.8 × 2/3 = 0.5333…
      // t=5: n=2, d=1 → S = 0.5333… × 1/2 = 0.2666…
      // (censoring first at t=2 would give n=4 and S = 0.75)
      expected: [
        { time: 2, atRisk: 5, events: 1, censored: 1, survival: 0.8 },
        { time: 3, atRisk: 3, events: 1, censored: 0, survival: (0.8 * 2) / 3 },
        { time: 5, atRisk: 2, events: 1, censored: 1, survival: (0.8 * 2) / 3 / 2 },
      ],
    },
    {
      name: 'counts several events at one time as one step of d/n',
      observations: [E(1), E(1), E(1), C(4)],
      // t=1: n=4, d=3 → S = 1/4
      expected: [
        { time: 1, atRisk: 4, events: 3, censored: 0, survival: 0.25 },
        { time: 4, atRisk: 1, events: 0, censored: 1, survival: 0.25 },
      ],
    },
    {
      name: 'stays at 1 when every subject is censored',
      observations: [C(5), C(1)],
      expected: [
        { time: 1, atRisk: 2, events: 0, censored: 1, survival: 1 },
        { time: 5, atRisk: 1, events: 0, censored: 1, survival: 1 },
      ],
    },
    { name: 'is empty for no observations', observations: [], expected: [] },
  ])('$name', ({ observations, expected }) => {
    const curve = kaplanMeier(observations);
    expect(curve.map(({ survival, ...rest }) => rest)).toEqual(expected.map(({ survival, ...rest }) => rest));
    curve.forEach((step, index) => expect(step.survival).toBeCloseTo(expected[index]!.survival, 12));
  });

  it('rejects a non-finite time, naming it', () => {
    expect(() => kaplanMeier([E(Number.NaN)])).toThrow(/finite.*NaN/);
  });
});

describe('survivalQuantile', () => {
  // Ten events at 1…10 h: S(t) = (10 − t) / 10, reached through a product of fractions that
  // drifts in floating point; the quantile must still land exactly on S = 0.5 and S = 0.1.
  const tenEvents = kaplanMeier([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(E));
  const tiedCurve = kaplanMeier([C(2), E(2), E(3), C(5), E(5)]);

  it.each([
    { name: 'median is the smallest t with S(t) ≤ 0.5 (S(5) = 0.5 exactly)', curve: tenEvents, q: 0.5, expected: 5 },
    { name: 'p90 is the smallest t with S(t) ≤ 0.1 (S(9) = 0.1 exactly)', curve: tenEvents, q: 0.9, expected: 9 },
    { name: 'median skips the plateau above 0.5 (S(3) = 0.533, S(5) = 0.267)', curve: tiedCurve, q: 0.5, expected: 5 },
    { name: 'p90 is null when the curve ends above 0.1 (S(5) = 0.267)', curve: tiedCurve, q: 0.9, expected: null },
    { name: 'median is null when every subject is censored', curve: kaplanMeier([C(1), C(2)]), q: 0.5, expected: null },
    { name: 'median is null for an empty curve', curve: [], q: 0.5, expected: null },
  ])('$name', ({ curve, q, expected }) => {
    expect(survivalQuantile(curve, q)).toBe(expected);
  });

  it.each([0, 1, -0.5, Number.NaN])('rejects q = %s outside (0, 1)', (q) => {
    expect(() => survivalQuantile(tenEvents, q)).toThrow(RangeError);
  });
});
