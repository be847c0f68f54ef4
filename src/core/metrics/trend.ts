/**
 * The monthly trend of a company's cases, in the company's time zone. Pure; uses Intl only.
 */
import type { Channel } from '../schemas.ts';
import { CHANNELS } from '../schemas.ts';
import type { TimedCase } from './case-times.ts';
import { kaplanMeier, survivalQuantile } from './kaplan-meier.ts';
import { roundHoursOrNull, roundRate } from './rounding.ts';

/** One calendar month of the trend: the cases opened in it and what became of them by now. */
export type MonthTrend = {
  /** 'YYYY-MM' in the company's time zone. */
  month: string;
  /** Cases opened in this month. */
  opened: number;
  /** Of those, cases with a company response at or before now. */
  responded: number;
  /** Of those, cases answered within the response target. */
  withinTarget: number;
  /** Of those, unanswered cases still younger than the response target: not yet counted as misses. */
  awaitingTarget: number;
  /** responded / (opened − awaitingTarget), 0–1, as the window's response rate; null when the denominator is 0. */
  responseRate: number | null;
  /** Kaplan–Meier median time to first response of this month's cases, hours; null when not reached. */
  medianFirstResponseHours: number | null;
  /** Cases opened in this month by the channel they were raised on (the first mention's); zero counts left out. */
  byChannel: Partial<Record<Channel, number>>;
};

const monthFormatters = new Map<string, Intl.DateTimeFormat>();

/** 'YYYY-MM' of an instant (epoch ms) in an IANA time zone, on the Gregorian calendar. */
export function formatMonthInZone(instantMs: number, timeZone: string): string {
  let formatter = monthFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', { timeZone, year: 'numeric', month: '2-digit' });
    monthFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instantMs);
  const year = parts.find((part) => part.type === 'year')?.value ?? '';
  const month = parts.find((part) => part.type === 'month')?.value ?? '';
  return `${year.padStart(4, '0')}-${month}`;
}

const MS_PER_UTC_DAY = 86_400_000;

/**
 * A memoised formatMonthInZone for many instants: Intl formatting costs ~5 µs a call, so a
 * UTC day whose first and last millisecond fall in the same local month is formatted twice and
 * remembered; instants on a day that a local month boundary crosses are formatted one by one.
 * (Only a clock set back across midnight on the 1st, inside that one day, could fool this:
 * no zone in use does so.)
 */
function createMonthKeyer(timeZone: string): (instantMs: number) => string {
  const byDay = new Map<number, string | null>();
  return (instantMs) => {
    const day = Math.floor(instantMs / MS_PER_UTC_DAY);
    let month = byDay.get(day);
    if (month === undefined) {
      const first = formatMonthInZone(day * MS_PER_UTC_DAY, timeZone);
      const last = formatMonthInZone((day + 1) * MS_PER_UTC_DAY - 1, timeZone);
      month = first === last ? first : null;
      byDay.set(day, month);
    }
    return month ?? formatMonthInZone(instantMs, timeZone);
  };
}

/** The month after 'YYYY-MM'. */
function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return index === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(index + 1).padStart(2, '0')}`;
}

/**
 * One MonthTrend per month from the first case's month to now's month (both in `timeZone`),
 * months without cases included with zeros. Each month describes the cohort of cases opened in
 * it, as of now. `cases` are the cases opened at or before now, oldest first; empty → [].
 */
export function computeTrend(cases: readonly TimedCase[], responseTargetMs: number, timeZone: string, nowMs: number): MonthTrend[] {
  const first = cases[0];
  if (first === undefined) return [];
  const monthOf = createMonthKeyer(timeZone);
  const cohorts = new Map<string, TimedCase[]>();
  for (const timed of cases) {
    const month = monthOf(timed.openedMs);
    const cohort = cohorts.get(month);
    if (cohort === undefined) cohorts.set(month, [timed]);
    else cohort.push(timed);
  }
  const lastMonth = formatMonthInZone(nowMs, timeZone);
  const trend: MonthTrend[] = [];
  for (let month = formatMonthInZone(first.openedMs, timeZone); month <= lastMonth; month = nextMonth(month)) {
    trend.push(computeMonth(month, cohorts.get(month) ?? [], responseTargetMs));
  }
  return trend;
}

function computeMonth(month: string, cohort: readonly TimedCase[], responseTargetMs: number): MonthTrend {
  const counts = new Map<Channel, number>();
  let responded = 0;
  let withinTarget = 0;
  let awaitingTarget = 0;
  for (const timed of cohort) {
    counts.set(timed.case.channel, (counts.get(timed.case.channel) ?? 0) + 1);
    if (timed.responseDelayMs === null) {
      if (timed.ageMs < responseTargetMs) awaitingTarget += 1;
      continue;
    }
    responded += 1;
    if (timed.responseDelayMs <= responseTargetMs) withinTarget += 1;
  }
  const byChannel: Partial<Record<Channel, number>> = {};
  for (const channel of CHANNELS) {
    const count = counts.get(channel);
    if (count !== undefined) byChannel[channel] = count;
  }
  const curve = kaplanMeier(cohort.map((timed) => ({ time: timed.responseDelayMs ?? timed.ageMs, event: timed.answered })));
  return {
    month,
    opened: cohort.length,
    responded,
    withinTarget,
    awaitingTarget,
    responseRate: roundRate(responded, cohort.length - awaitingTarget),
    medianFirstResponseHours: roundHoursOrNull(survivalQuantile(curve, 0.5)),
    byChannel,
  };
}
