/**
 * The letter grade: a published formula over three published rates. Pure.
 */

/** A window's grade, or the reason there is none. */
export type Grade = {
  /** A (best) to F; null when there is not enough data to grade. */
  letter: 'A' | 'B' | 'C' | 'D' | 'F' | null;
  /** The score 0–100 behind the letter; null when there is not enough data. */
  score: number | null;
  /**
   * Why there is no letter; null when there is one. 'not-enough-data': fewer decided cases
   * than MIN_CASES_FOR_GRADE; 'no-answer-channel': no channel where the company answers is watched.
   */
  reason: 'not-enough-data' | 'no-answer-channel' | null;
};

/** The figures a grade is computed from: the published (4-decimal) rates and the sample. */
export type GradeInput = {
  /** Cases opened in the window. */
  cases: number;
  /** Unanswered cases still younger than the response target (not yet decided). */
  awaitingTarget: number;
  /** Share of decided cases with a response, 0–1. */
  responseRate: number | null;
  /** Share of decided cases answered within the response target, 0–1. */
  withinTargetShare: number | null;
  /** Share of cases resolved, 0–1. */
  resolutionRate: number | null;
};

/** Fewest decided cases (cases − awaitingTarget) a window needs for a letter grade. */
export const MIN_CASES_FOR_GRADE = 10;

/** Weights of the three rates in the score; they sum to 1. */
export const GRADE_WEIGHTS = { responseRate: 0.4, withinTargetShare: 0.4, resolutionRate: 0.2 } as const;

/** Lowest score for each letter, best first; below the last one the letter is F. */
export const GRADE_THRESHOLDS: readonly { letter: 'A' | 'B' | 'C' | 'D'; minScore: number }[] = [
  { letter: 'A', minScore: 85 },
  { letter: 'B', minScore: 70 },
  { letter: 'C', minScore: 55 },
  { letter: 'D', minScore: 40 },
];

const NOT_ENOUGH_DATA: Grade = { letter: null, score: null, reason: 'not-enough-data' };

/** A rate → whole ten-thousandths (the published precision), so the score is exact integer arithmetic. */
function toTenThousandths(rate: number): number {
  return Math.round(rate * 10_000);
}

/**
 * The grade of one window: score = 100 × (0.4 × responseRate + 0.4 × withinTargetShare
 * + 0.2 × resolutionRate), rounded half up to an integer, from the rates as published
 * (4 decimals) so anyone can recompute it from the open data; A ≥ 85, B ≥ 70, C ≥ 55,
 * D ≥ 40, else F. With fewer than MIN_CASES_FOR_GRADE decided cases (or a rate undefined)
 * the letter and score are null and the reason is 'not-enough-data'.
 */
export function computeGrade(figures: GradeInput): Grade {
  const { responseRate, withinTargetShare, resolutionRate } = figures;
  if (figures.cases - figures.awaitingTarget < MIN_CASES_FOR_GRADE) return { ...NOT_ENOUGH_DATA };
  if (responseRate === null || withinTargetShare === null || resolutionRate === null) return { ...NOT_ENOUGH_DATA };
  // Weights × 10 (4, 4, 2) times ten-thousandths = score × 1000, an exact integer.
  const scoreThousandths =
    GRADE_WEIGHTS.responseRate * 10 * toTenThousandths(responseRate) +
    GRADE_WEIGHTS.withinTargetShare * 10 * toTenThousandths(withinTargetShare) +
    GRADE_WEIGHTS.resolutionRate * 10 * toTenThousandths(resolutionRate);
  const score = Math.floor((Math.round(scoreThousandths) + 500) / 1000);
  const letter = GRADE_THRESHOLDS.find((threshold) => score >= threshold.minScore)?.letter ?? 'F';
  return { letter, score, reason: null };
}
