/**
 * The scorecard: per window figures, the grade, the silence ledger, the open backlog and the
 * monthly trend of one company's cases, as of `now`. Pure. Definitions: docs/methodology.md.
 */
import { MENTION_KINDS, asksForAnswer, type Channel, type MentionKind } from '../schemas.ts';
import type { Case } from '../types.ts';
import { buildTimedCases, type TimedCase } from './case-times.ts';
import { computeGrade, type Grade } from './grade.ts';
import { kaplanMeier, survivalQuantile, type SurvivalObservation } from './kaplan-meier.ts';
import { MS_PER_HOUR, roundHours, roundHoursOrNull, roundRate } from './rounding.ts';
import { computeTrend, formatMonthInZone, type MonthTrend } from './trend.ts';
import { WINDOW_KEYS, isInWindow, type WindowKey } from './windows.ts';

/** The figures of one window. Hours are rounded to 2 decimals, rates to 4, at output only. */
export type WindowFigures = {
  /**
   * Cases that ask for an answer (kind problem or question) opened in the window: openedAt in
   * [now − N days, now], both ends inclusive; 'all' = everything up to now. Every figure below
   * counts these cases only.
   */
  cases: number;
  /** Every case opened in the window by kind, scored or not (coverage, praise and ideas are shown, never scored). */
  casesByKind: Record<MentionKind, number>;
  /** Cases with a first (counted) company response at or before now. */
  responded: number;
  /** Unanswered cases still younger than the response target: not yet counted as misses. */
  awaitingTarget: number;
  /** responded / (cases − awaitingTarget), 0–1; null when the denominator is 0. */
  responseRate: number | null;
  /** Kaplan–Meier median time to first response, hours; unanswered cases censored at their age. Null when not reached. */
  medianFirstResponseHours: number | null;
  /** Kaplan–Meier 90th percentile time to first response, hours; null where the curve never falls to 0.10. */
  p90FirstResponseHours: number | null;
  /** Cases answered within the response target (response time ≤ target). */
  withinTarget: number;
  /** withinTarget / (cases − awaitingTarget), 0–1; null when the denominator is 0. */
  withinTargetShare: number | null;
  /** Cases resolved at or before now. */
  resolved: number;
  /** resolved / cases, 0–1; null when there are no cases. */
  resolutionRate: number | null;
  /** Kaplan–Meier median time to resolution, hours; unresolved cases censored at their age. Null when not reached. */
  medianResolutionHours: number | null;
  /** Kaplan–Meier 90th percentile time to resolution, hours; null where the curve never falls to 0.10. */
  p90ResolutionHours: number | null;
  /** cases − resolved. */
  open: number;
  /** Open cases with no response. */
  unanswered: number;
  /** Unanswered open cases whose age has reached the response target. */
  overdue: number;
  /** The window's grade (computed from the rates above as published). */
  grade: Grade;
};

/** One open case in the silence ledger or the open backlog. */
export type LedgerEntry = {
  caseId: string;
  title: string;
  /** Channel the case was raised on (its first mention's). */
  channel: Channel;
  /** When the case was opened, UTC ISO (as given). */
  openedAt: string;
  /** now − openedAt, hours, 2 decimals. */
  ageHours: number;
  /** True when the case has no response and its age has reached the response target. */
  overdue: boolean;
};

/** A company's scorecard as of `asOf`. */
export type Scorecard = {
  /** Company slug, as given. */
  company: string;
  /** The `now` the scorecard was computed for, UTC ISO. */
  asOf: string;
  /** The response target (SLA) measured against, hours. */
  responseTargetHours: number;
  /** The headline grade: the 365d window's grade. */
  grade: Grade;
  /**
   * False when no channel where the company answers is watched (no source in its voice, no
   * official accounts, no response at all): its silence proves nothing, so nothing is graded,
   * response figures are null and the silence ledger is empty.
   */
  graded: boolean;
  /** Figures per window. */
  windows: Record<WindowKey, WindowFigures>;
  /** Open cases with no response, oldest first, with their age at now. */
  silenceLedger: LedgerEntry[];
  /** All open (unresolved) cases, oldest first. */
  openBacklog: LedgerEntry[];
  /** Every month from the first case's month to now's month, zero-filled, in the company's time zone. */
  trend: MonthTrend[];
};

/** The slice of a company's settings the scorecard needs. */
export type ScorecardPolicy = {
  /** The response target (SLA), hours; positive. */
  responseTargetHours: number;
  /** IANA time zone for the monthly trend, e.g. "Europe/Paris". */
  timeZone: string;
  /** Whether a channel where the company answers is watched; default true. See Scorecard.graded. */
  answerChannelWatched?: boolean;
};

/**
 * The scorecard of one company's cases as of `now`. Cases opened after now are ignored;
 * a response or resolution dated after now has not happened yet. Input order never changes
 * the output. Throws a RangeError for an invalid `now`, a non-positive target, an unknown
 * time zone or a case time that does not parse.
 */
export function computeScorecard(company: string, cases: readonly Case[], policy: ScorecardPolicy, now: Date): Scorecard {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('computeScorecard: now is an invalid Date');
  if (!(policy.responseTargetHours > 0 && Number.isFinite(policy.responseTargetHours))) {
    throw new RangeError(`computeScorecard: responseTargetHours must be a positive number of hours; got ${policy.responseTargetHours}`);
  }
  try {
    formatMonthInZone(nowMs, policy.timeZone);
  } catch {
    throw new RangeError(`computeScorecard: unknown time zone "${policy.timeZone}"; expected an IANA name such as "Europe/Paris"`);
  }
  const targetMs = policy.responseTargetHours * MS_PER_HOUR;
  const graded = policy.answerChannelWatched ?? true;
  const everyCase = buildTimedCases(cases, nowMs);
  // Only what asks for an answer can go unanswered: coverage, praise and ideas are never scored.
  const timed = everyCase.filter((entry) => asksForAnswer(entry.case.kind));
  const windows = {} as Record<WindowKey, WindowFigures>;
  for (const key of WINDOW_KEYS) {
    const inWindow = (entry: TimedCase) => isInWindow(entry.openedMs, key, nowMs);
    const figures = computeWindowFigures(everyCase.filter(inWindow), targetMs);
    windows[key] = graded ? figures : withoutAnswerFigures(figures);
  }
  const openCases = timed.filter((entry) => !entry.resolved);
  return {
    company,
    asOf: now.toISOString(),
    responseTargetHours: policy.responseTargetHours,
    grade: windows['365d'].grade,
    graded,
    windows,
    silenceLedger: graded ? openCases.filter((entry) => !entry.answered).map((entry) => buildLedgerEntry(entry, targetMs)) : [],
    openBacklog: openCases.map((entry) => buildLedgerEntry(entry, targetMs)),
    trend: computeTrend(timed, targetMs, policy.timeZone, nowMs),
  };
}

/** Cases per kind, every kind present (zero when none). */
function countByKind(cases: readonly TimedCase[]): Record<MentionKind, number> {
  const counts = Object.fromEntries(MENTION_KINDS.map((kind) => [kind, 0])) as Record<MentionKind, number>;
  for (const entry of cases) counts[entry.case.kind] += 1;
  return counts;
}

/** A window of a company whose answers nobody watches: what depends on seeing answers is unknown, not zero. */
function withoutAnswerFigures(figures: WindowFigures): WindowFigures {
  return {
    ...figures,
    responded: 0,
    awaitingTarget: 0,
    responseRate: null,
    medianFirstResponseHours: null,
    p90FirstResponseHours: null,
    withinTarget: 0,
    withinTargetShare: null,
    unanswered: 0,
    overdue: 0,
    grade: { letter: null, score: null, reason: 'no-answer-channel' },
  };
}

/**
 * The figures of the cases of one window (see WindowFigures for each definition): every
 * case is counted by kind, and only problems and questions are scored.
 * `responseTargetMs` is the response target in milliseconds.
 */
export function computeWindowFigures(windowCases: readonly TimedCase[], responseTargetMs: number): WindowFigures {
  const cases = windowCases.filter((entry) => asksForAnswer(entry.case.kind));
  let responded = 0;
  let awaitingTarget = 0;
  let withinTarget = 0;
  let resolved = 0;
  let unanswered = 0;
  let overdue = 0;
  const responseObservations: SurvivalObservation[] = [];
  const resolutionObservations: SurvivalObservation[] = [];
  for (const entry of cases) {
    const pastTarget = entry.ageMs >= responseTargetMs;
    if (entry.responseDelayMs !== null) {
      responded += 1;
      if (entry.responseDelayMs <= responseTargetMs) withinTarget += 1;
      responseObservations.push({ time: entry.responseDelayMs, event: true });
    } else {
      if (!pastTarget) awaitingTarget += 1;
      responseObservations.push({ time: entry.ageMs, event: false });
    }
    if (entry.resolved) {
      resolved += 1;
      // Resolved at an unknown time (a maintainer's status without a date): counted, but it has no duration.
      if (entry.resolutionDelayMs !== null) resolutionObservations.push({ time: entry.resolutionDelayMs, event: true });
    } else {
      resolutionObservations.push({ time: entry.ageMs, event: false });
      if (!entry.answered) {
        unanswered += 1;
        if (pastTarget) overdue += 1;
      }
    }
  }
  const decided = cases.length - awaitingTarget;
  const responseCurve = kaplanMeier(responseObservations);
  const resolutionCurve = kaplanMeier(resolutionObservations);
  const rates = {
    cases: cases.length,
    awaitingTarget,
    responseRate: roundRate(responded, decided),
    withinTargetShare: roundRate(withinTarget, decided),
    resolutionRate: roundRate(resolved, cases.length),
  };
  return {
    cases: cases.length,
    casesByKind: countByKind(windowCases),
    responded,
    awaitingTarget,
    responseRate: rates.responseRate,
    medianFirstResponseHours: roundHoursOrNull(survivalQuantile(responseCurve, 0.5)),
    p90FirstResponseHours: roundHoursOrNull(survivalQuantile(responseCurve, 0.9)),
    withinTarget,
    withinTargetShare: rates.withinTargetShare,
    resolved,
    resolutionRate: rates.resolutionRate,
    medianResolutionHours: roundHoursOrNull(survivalQuantile(resolutionCurve, 0.5)),
    p90ResolutionHours: roundHoursOrNull(survivalQuantile(resolutionCurve, 0.9)),
    open: cases.length - resolved,
    unanswered,
    overdue,
    grade: computeGrade(rates),
  };
}

function buildLedgerEntry(entry: TimedCase, responseTargetMs: number): LedgerEntry {
  return {
    caseId: entry.case.id,
    title: entry.case.title,
    channel: entry.case.channel,
    openedAt: entry.case.openedAt,
    ageHours: roundHours(entry.ageMs),
    overdue: !entry.answered && entry.ageMs >= responseTargetMs,
  };
}
