import { describe, expect, it } from 'vitest';
import { computeGrade, MIN_CASES_FOR_GRADE, type GradeInput } from '../../../src/core/metrics/index.ts';

/** Twelve decided cases with the given rates. */
function rates(responseRate: number, withinTargetShare: number, resolutionRate: number): GradeInput {
  return { cases: 12, awaitingTarget: 0, responseRate, withinTargetShare, resolutionRate };
}

describe('computeGrade', () => {
  it.each([
    // score = 100 × (0.4 × responseRate + 0.4 × withinTargetShare + 0.2 × resolutionRate), rounded half up
    { name: "the worked example of docs/methodology.md: 30 + 23.332 + 5 = 58.332 → 58 → C", input: rates(0.75, 0.5833, 0.25), letter: 'C', score: 58 },
    { name: 'perfect: 40 + 40 + 20 = 100 → A', input: rates(1, 1, 1), letter: 'A', score: 100 },
    { name: '40 + 40 + 5 = 85 → A (lowest A)', input: rates(1, 1, 0.25), letter: 'A', score: 85 },
    { name: '40 + 40 + 4.5 = 84.5 rounds half up to 85 → A', input: rates(1, 1, 0.225), letter: 'A', score: 85 },
    { name: '40 + 40 + 4.498 = 84.498 → 84 → B', input: rates(1, 1, 0.2249), letter: 'B', score: 84 },
    { name: '40 + 30 + 0 = 70 → B (lowest B)', input: rates(1, 0.75, 0), letter: 'B', score: 70 },
    { name: '40 + 29 + 0 = 69 → C', input: rates(1, 0.725, 0), letter: 'C', score: 69 },
    { name: '30 + 25 + 0 = 55 → C (lowest C)', input: rates(0.75, 0.625, 0), letter: 'C', score: 55 },
    { name: '30 + 24 + 0 = 54 → D', input: rates(0.75, 0.6, 0), letter: 'D', score: 54 },
    { name: '40 + 0 + 0 = 40 → D (lowest D)', input: rates(1, 0, 0), letter: 'D', score: 40 },
    { name: '39 + 0 + 0 = 39 → F', input: rates(0.975, 0, 0), letter: 'F', score: 39 },
    { name: 'nothing answered or resolved: 0 → F', input: rates(0, 0, 0), letter: 'F', score: 0 },
  ])('$name', ({ input, letter, score }) => {
    expect(computeGrade(input)).toEqual({ letter, score, reason: null });
  });

  it.each([
    { name: `${MIN_CASES_FOR_GRADE - 1} cases`, input: { ...rates(1, 1, 1), cases: 9 }, graded: false },
    { name: `${MIN_CASES_FOR_GRADE} cases`, input: { ...rates(1, 1, 1), cases: 10 }, graded: true },
    { name: '12 cases of which 3 are still inside the target (9 decided)', input: { ...rates(1, 1, 1), awaitingTarget: 3 }, graded: false },
    { name: '12 cases of which 2 are still inside the target (10 decided)', input: { ...rates(1, 1, 1), awaitingTarget: 2 }, graded: true },
    { name: 'an undefined rate', input: { ...rates(1, 1, 1), responseRate: null }, graded: false },
  ])('grades only with at least ten decided cases: $name', ({ input, graded }) => {
    expect(computeGrade(input)).toEqual(graded ? { letter: 'A', score: 100, reason: null } : { letter: null, score: null, reason: 'not-enough-data' });
  });
});
