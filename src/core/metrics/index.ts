/**
 * Metrics: the scorecard engine. Pure: cases and `now` in, figures out.
 * Definitions and a worked example: docs/methodology.md.
 */
export { computeScorecard, computeWindowFigures } from './scorecard.ts';
export type { LedgerEntry, Scorecard, ScorecardPolicy, WindowFigures } from './scorecard.ts';
export { computeGrade, GRADE_THRESHOLDS, GRADE_WEIGHTS, MIN_CASES_FOR_GRADE } from './grade.ts';
export type { Grade, GradeInput } from './grade.ts';
export { kaplanMeier, survivalQuantile } from './kaplan-meier.ts';
export type { KaplanMeierStep, SurvivalObservation } from './kaplan-meier.ts';
export { MS_PER_DAY, WINDOW_DAYS, WINDOW_KEYS, isInWindow } from './windows.ts';
export type { WindowKey } from './windows.ts';
export { computeTrend, formatMonthInZone } from './trend.ts';
export type { MonthTrend } from './trend.ts';
export { buildTimedCases } from './case-times.ts';
export type { TimedCase } from './case-times.ts';
export { MS_PER_HOUR } from './rounding.ts';
