/**
 * Builds Cases for metric tests: only the fields the metrics read matter; the rest get
 * plain defaults. Times are given as hours relative to a fixed `now`.
 */
import type { Channel } from '../../../src/core/schemas.ts';
import type { Case } from '../../../src/core/types.ts';

/** The fixed clock of the metric tests. */
export const NOW = new Date('2026-03-01T12:00:00.000Z');

/** The instant `hours` before NOW (negative: after), UTC ISO. */
export function hoursBeforeNow(hours: number, now: Date = NOW): string {
  return new Date(now.getTime() - hours * 3_600_000).toISOString();
}

/** The instant `hours` after `iso`, UTC ISO. */
export function hoursAfter(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

/** The fields a test sets; everything else defaults. */
export type CaseFields = Partial<Case> & { id: string; openedAt: string };

/** A Case with defaults: unanswered, unresolved, raised on the forum; status follows the times. */
export function makeCase(fields: CaseFields): Case {
  const channel: Channel = fields.channel ?? 'forum';
  const firstResponseAt = fields.firstResponseAt ?? null;
  const resolvedAt = fields.resolvedAt ?? null;
  return {
    company: 'zephyr-telecom',
    kind: 'problem',
    kindFrom: 'inferred',
    customerReplied: false,
    title: `Case ${fields.id}`,
    channels: [channel],
    status: resolvedAt !== null ? 'resolved' : firstResponseAt !== null ? 'answered' : 'open',
    outcome: null,
    note: '',
    events: [],
    mentionCount: 1,
    responseCount: firstResponseAt === null ? 0 : 1,
    updatedAt: resolvedAt ?? firstResponseAt ?? fields.openedAt,
    ...fields,
    channel,
    firstResponseAt,
    resolvedAt,
  };
}

/**
 * A case opened `ageHours` before NOW, answered `respondedAfterHours` after opening (or never)
 * and resolved `resolvedAfterHours` after opening (or never).
 */
export function makeAgedCase(
  id: string,
  ageHours: number,
  respondedAfterHours: number | null = null,
  resolvedAfterHours: number | null = null,
  extra: Partial<Case> = {},
): Case {
  const openedAt = hoursBeforeNow(ageHours);
  return makeCase({
    id,
    openedAt,
    firstResponseAt: respondedAfterHours === null ? null : hoursAfter(openedAt, respondedAfterHours),
    resolvedAt: resolvedAfterHours === null ? null : hoursAfter(openedAt, resolvedAfterHours),
    ...extra,
  });
}
