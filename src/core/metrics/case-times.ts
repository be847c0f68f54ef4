/**
 * Cases reduced to what the metrics need, as of `now`: milliseconds, not strings. Pure.
 */
import type { Case } from '../types.ts';

/** A case as seen at `now`, with its times parsed once. */
export type TimedCase = {
  /** The case these times belong to, for ledgers, kinds and channels. */
  case: Case;
  /** When it was opened, epoch ms. */
  openedMs: number;
  /** now − openedAt, ms (≥ 0). */
  ageMs: number;
  /** True when a counted company response was published at or before now. */
  answered: boolean;
  /** firstResponseAt − openedAt in ms when answered (never below 0); null otherwise. */
  responseDelayMs: number | null;
  /** True when the case is resolved at now. */
  resolved: boolean;
  /** resolvedAt − openedAt in ms when resolved at a known time (never below 0); null otherwise. */
  resolutionDelayMs: number | null;
};

/** Parses a UTC ISO time of a case, naming the case and field when it is not a time. */
function parseCaseTime(value: string, caseId: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`case ${caseId}: ${field} is not an ISO time: "${value}"`);
  return ms;
}

/**
 * The cases opened at or before now, as TimedCases sorted by openedAt then id (so input order
 * never changes output). A response or resolution after now has not happened yet. A case whose
 * status is 'resolved' with no resolvedAt counts as resolved at an unknown time. Throws a
 * RangeError naming the case when one of its times does not parse.
 */
export function buildTimedCases(cases: readonly Case[], nowMs: number): TimedCase[] {
  const timed: TimedCase[] = [];
  for (const kase of cases) {
    const openedMs = parseCaseTime(kase.openedAt, kase.id, 'openedAt');
    if (openedMs > nowMs) continue;
    const responseMs = kase.firstResponseAt === null ? null : parseCaseTime(kase.firstResponseAt, kase.id, 'firstResponseAt');
    const resolvedMs = kase.resolvedAt === null ? null : parseCaseTime(kase.resolvedAt, kase.id, 'resolvedAt');
    const answered = responseMs !== null && responseMs <= nowMs;
    const resolvedKnown = resolvedMs !== null && resolvedMs <= nowMs;
    timed.push({
      case: kase,
      openedMs,
      ageMs: nowMs - openedMs,
      answered,
      // Threading never dates a counted response before its case; clamp in case a maintainer's edit does.
      responseDelayMs: answered ? Math.max(0, responseMs - openedMs) : null,
      resolved: resolvedKnown || (resolvedMs === null && kase.status === 'resolved'),
      resolutionDelayMs: resolvedKnown ? Math.max(0, resolvedMs - openedMs) : null,
    });
  }
  return timed.sort(compareTimedCases);
}

/** Oldest first, then by id (code-unit order, independent of locale). */
function compareTimedCases(a: TimedCase, b: TimedCase): number {
  if (a.openedMs !== b.openedMs) return a.openedMs - b.openedMs;
  if (a.case.id === b.case.id) return 0;
  return a.case.id < b.case.id ? -1 : 1;
}
