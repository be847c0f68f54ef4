/**
 * The scorecard's time windows: which cases each one counts. Pure.
 */

/** A scorecard window: the last 30, 90 or 365 days, or all time. */
export type WindowKey = '30d' | '90d' | '365d' | 'all';

/** Every window, shortest first: the order the site shows them in. */
export const WINDOW_KEYS: readonly WindowKey[] = ['30d', '90d', '365d', 'all'];

/** Length of each window in days; null for all time. */
export const WINDOW_DAYS: Readonly<Record<WindowKey, number | null>> = { '30d': 30, '90d': 90, '365d': 365, all: null };

/** Milliseconds in one day (24 h: windows are exact durations, not calendar days). */
export const MS_PER_DAY = 86_400_000;

/**
 * True when a case opened at `openedMs` belongs to the window ending at `nowMs`: opened in
 * [now − N × 24 h, now], both ends inclusive; for 'all', any time up to now.
 */
export function isInWindow(openedMs: number, key: WindowKey, nowMs: number): boolean {
  if (openedMs > nowMs) return false;
  const days = WINDOW_DAYS[key];
  return days === null || openedMs >= nowMs - days * MS_PER_DAY;
}
