/**
 * The instant a build computes its figures at: WATCHBLOG_NOW (an ISO time, for reproducible
 * builds and tests), else the clock. Read here, at the edge, never inside core.
 */
export function resolveNow(fromEnv: string | undefined, clock: () => Date = () => new Date()): Date {
  if (fromEnv === undefined || fromEnv.trim() === '') return clock();
  const now = new Date(fromEnv);
  if (Number.isNaN(now.getTime())) {
    throw new Error(`WATCHBLOG_NOW: expected an ISO-8601 time such as 2026-11-20T18:00:00Z, got "${fromEnv}"`);
  }
  return now;
}
