/**
 * The Kaplan–Meier estimator of a survival curve, and quantiles read off it. Pure.
 *
 * Used for "time to first response" and "time to resolution": a case still waiting at
 * `now` is not dropped (which would flatter the company) nor counted as answered "now"
 * (which would invent an answer); it is right-censored: we know only that its wait is
 * at least its age.
 */

/** One subject: how long it was observed, and whether the event happened at that time. */
export type SurvivalObservation = {
  /** Time from the start (case opened) to the event or to the end of observation; any unit, finite. */
  time: number;
  /** True when the event (a response, a resolution) happened at `time`; false when censored at `time`. */
  event: boolean;
};

/** One row of the Kaplan–Meier table: one distinct observed time. */
export type KaplanMeierStep = {
  /** The time, in the unit of the observations. */
  time: number;
  /** Subjects still at risk just before `time` (including those censored at `time`). */
  atRisk: number;
  /** Events at exactly `time`. */
  events: number;
  /** Censorings at exactly `time`. */
  censored: number;
  /** Estimated share of subjects still waiting just after `time`: S(time). */
  survival: number;
};

/**
 * Products of fractions drift by ~1e-16 in floating point (0.9 × 8/9 is not exactly 0.8), and
 * 1 − 0.9 is 0.09999999999999998: a tolerance far below any real step keeps exact quantiles exact.
 */
const SURVIVAL_TOLERANCE = 1e-9;

/**
 * The Kaplan–Meier survival curve: S(t) = Π over event times tᵢ ≤ t of (1 − dᵢ / nᵢ), where dᵢ
 * is the number of events at tᵢ and nᵢ the number still at risk just before tᵢ.
 *
 * Returns one row per distinct observed time (events or censorings), in ascending time;
 * survival before the first row is 1. At tied times events are processed before censorings
 * (the standard convention): a subject censored at t is still at risk for an event at t.
 * Input order does not matter. Throws a RangeError on a non-finite time.
 */
export function kaplanMeier(observations: readonly SurvivalObservation[]): KaplanMeierStep[] {
  for (const observation of observations) {
    if (!Number.isFinite(observation.time)) {
      throw new RangeError(`kaplanMeier: expected finite observation times; got ${observation.time}`);
    }
  }
  const sorted = [...observations].sort((a, b) => a.time - b.time);
  const steps: KaplanMeierStep[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let index = 0;
  while (index < sorted.length) {
    const time = sorted[index]!.time;
    let events = 0;
    let censored = 0;
    for (; index < sorted.length && sorted[index]!.time === time; index += 1) {
      if (sorted[index]!.event) events += 1;
      else censored += 1;
    }
    if (events > 0) survival *= (atRisk - events) / atRisk;
    steps.push({ time, atRisk, events, censored, survival });
    atRisk -= events + censored;
  }
  return steps;
}

/**
 * The q-quantile of a survival curve: the smallest time t with S(t) ≤ 1 − q (q = 0.5 for the
 * median, 0.9 for the 90th percentile). Null when the curve never falls that low, e.g. the p90
 * when more than 10 % of subjects are still waiting at the end of observation.
 *
 * Other libraries differ only where S(t) sits exactly on 1 − q over an interval: some take the
 * first t with S(t) < 1 − q, others the midpoint of the flat stretch. Throws a RangeError
 * unless 0 < q < 1.
 */
export function survivalQuantile(curve: readonly { time: number; survival: number }[], q: number): number | null {
  if (!(q > 0 && q < 1)) throw new RangeError(`survivalQuantile: expected 0 < q < 1; got ${q}`);
  const threshold = 1 - q + SURVIVAL_TOLERANCE;
  for (const step of curve) {
    if (step.survival <= threshold) return step.time;
  }
  return null;
}
