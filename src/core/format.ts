/**
 * Display formatting for figures and times. Pure: the locale and time zone come in as
 * arguments, so pages render the same on every machine.
 */

const MINUTE_MS = 60_000;

/** A duration as readers say it: "45 min", "5 h 12 min", "3 d 4 h". Negative durations read "0 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}

/** Hours (as published in open data) as a readable duration; an em dash when undefined. */
export function formatHours(hours: number | null): string {
  return hours === null ? '—' : formatDuration(hours * 3_600_000);
}

/** A rate in [0, 1] as a whole percentage; an em dash when undefined. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}

/**
 * One formatter per style and time zone, made on first use: creating an Intl.DateTimeFormat
 * costs about a thousand times what formatting with it does, and a build formats every
 * event's time on several pages (at 10,000 mentions it took 9 of the build's 50 s).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(style: 'date' | 'dateTime', timeZone: string): Intl.DateTimeFormat {
  const key = `${style} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', style === 'dateTime' ? { dateStyle: 'medium', timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A UTC ISO instant as a date and time in a time zone, e.g. "3 Mar 2026, 09:30". */
export function formatDateTime(iso: string, timeZone: string): string {
  return formatterFor('dateTime', timeZone).format(new Date(iso));
}

/** A UTC ISO instant as a date in a time zone, e.g. "3 Mar 2026". */
export function formatDate(iso: string, timeZone: string): string {
  return formatterFor('date', timeZone).format(new Date(iso));
}
