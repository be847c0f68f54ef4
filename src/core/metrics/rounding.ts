/**
 * Output rounding for published figures. Everything is computed in exact milliseconds and
 * counts; rounding happens only here, once, at output.
 */

/** Milliseconds in one hour. */
export const MS_PER_HOUR = 3_600_000;

/** Milliseconds in one hundredth of an hour: the resolution of published durations. */
const MS_PER_CENTIHOUR = MS_PER_HOUR / 100;

/** A duration in milliseconds → hours rounded to 2 decimals (half up). */
export function roundHours(durationMs: number): number {
  return Math.round(durationMs / MS_PER_CENTIHOUR) / 100;
}

/** A duration in milliseconds → hours rounded to 2 decimals, keeping null. */
export function roundHoursOrNull(durationMs: number | null): number | null {
  return durationMs === null ? null : roundHours(durationMs);
}

/** numerator / denominator rounded to 4 decimals (half up); null when the denominator is 0. */
export function roundRate(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator * 10_000) / denominator) / 10_000;
}
