/**
 * Feed dates → UTC instants, without the platform's lenient, time-zone-dependent
 * Date.parse. Pure: the fetch time comes in as `now`.
 */

/** How far ahead of the fetch time a date may be before it counts as wrong, in ms (1 day). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * The earliest publication time we believe, in ms since the epoch: 1995-01-01T00:00:00Z.
 * Web feeds began in 1997-99 and the public web in the early 1990s, so an earlier date is
 * a placeholder (1970-01-01 is epoch zero, a date field that was 0 or empty), not when the
 * item was written; a case opened on it would look decades old.
 */
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(1995, 0, 1);

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822/1123 zone names and US zones, as minutes east of UTC. Military letters: only Z is trusted. */
const ZONE_OFFSETS_MIN: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0, wet: 0, bst: 60, cet: 60, cest: 120, met: 60, eet: 120, eest: 180,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nzst: 720, nzdt: 780, aest: 600, aedt: 660, jst: 540, ist: 330,
};

const ISO_DATE =
  /^(\d{4})(?:-?(\d\d)(?:-?(\d\d)(?:[T\s]+(\d\d):?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?\s*(Z|UTC|GMT|[+-]\d\d(?::?\d\d)?)?)?)?)?$/i;

const RFC822_DATE =
  /^(?:[a-z]+,?\s*)?(\d{1,2})[\s-]+([a-z]{3,})\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?(?:\s*\([^)]*\))?$/i;

/** "Mon Sep 7 2002 00:00:00 GMT+0000" and similar: month before day. */
const MONTH_FIRST_DATE =
  /^(?:[a-z]+,?\s+)?([a-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})(?:[\sT,]+(\d{1,2}):(\d\d)(?::(\d\d))?)?\s*(?:GMT|UTC)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?(?:\s*\([^)]*\))?$/i;

function parseOffsetMinutes(zone: string | undefined): number | undefined {
  if (!zone) return 0;
  const named = ZONE_OFFSETS_MIN[zone.toLowerCase()];
  if (named !== undefined) return named;
  const match = /^([+-])(\d\d):?(\d\d)?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? '0');
  return match[1] === '-' ? -minutes : minutes;
}

function buildInstant(
  year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, offsetMin: number,
): Date | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return undefined; // 31 April and friends
  const date = new Date(utc - offsetMin * 60_000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function fixYear(year: string): number {
  const value = Number(year);
  if (year.length === 2) return value < 50 ? 2000 + value : 1900 + value;
  return value;
}

function monthIndex(name: string): number | undefined {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index === -1 ? undefined : index + 1;
}

/**
 * A feed date string → a Date, or undefined when it cannot be read. Accepts ISO 8601
 * and W3CDTF (a missing zone means UTC; date-only and year-month forms allowed),
 * RFC 822/1123 (optional weekday and seconds, two-digit years, zone names such as
 * GMT, EST or PDT, numeric offsets) and the "Sep 7, 2002" month-first form. Never
 * uses the process time zone. Pure; never throws.
 */
export function parseFeedDate(text: string): Date | undefined {
  const value = text.trim().replace(/\s+/g, ' ');
  if (value === '') return undefined;
  const iso = ISO_DATE.exec(value);
  if (iso) {
    const offset = parseOffsetMinutes(iso[8] && /^(utc|gmt)$/i.test(iso[8]) ? 'Z' : iso[8]);
    if (offset === undefined) return undefined;
    const ms = iso[7] ? Number(`0.${iso[7]}`) * 1000 : 0;
    return buildInstant(Number(iso[1]), Number(iso[2] ?? '1'), Number(iso[3] ?? '1'), Number(iso[4] ?? '0'), Number(iso[5] ?? '0'), Number(iso[6] ?? '0'), Math.floor(ms), offset);
  }
  const rfc = RFC822_DATE.exec(value);
  if (rfc) {
    const month = monthIndex(rfc[2] ?? '');
    const offset = parseOffsetMinutes(rfc[7]);
    if (month === undefined || offset === undefined) return undefined;
    return buildInstant(fixYear(rfc[3] ?? ''), month, Number(rfc[1]), Number(rfc[4] ?? '0'), Number(rfc[5] ?? '0'), Number(rfc[6] ?? '0'), 0, offset);
  }
  const monthFirst = MONTH_FIRST_DATE.exec(value);
  if (monthFirst) {
    const month = monthIndex(monthFirst[1] ?? '');
    const offset = parseOffsetMinutes(monthFirst[7]);
    if (month === undefined || offset === undefined) return undefined;
    return buildInstant(Number(monthFirst[3]), month, Number(monthFirst[2]), Number(monthFirst[4] ?? '0'), Number(monthFirst[5] ?? '0'), Number(monthFirst[6] ?? '0'), 0, offset);
  }
  return undefined;
}

/** A publication time in UTC ISO form, and why the fetch time was used instead of the feed's, if it was. */
export type ResolvedDate = { publishedAt: string; dateFallback?: 'missing' | 'unparseable' | 'future' | 'implausible' };

/**
 * The item's publication time: the feed's date when it can be read, is not more than a
 * day (FUTURE_TOLERANCE_MS) after `now` and not before 1995 (EARLIEST_PLAUSIBLE_MS);
 * otherwise `now`, with the reason ('missing', 'unparseable', 'future', 'implausible').
 * Pure; never throws.
 */
export function resolvePublishedAt(raw: string | undefined, now: Date): ResolvedDate {
  if (raw === undefined || raw.trim() === '') return { publishedAt: now.toISOString(), dateFallback: 'missing' };
  const date = parseFeedDate(raw);
  if (!date) return { publishedAt: now.toISOString(), dateFallback: 'unparseable' };
  if (date.getTime() - now.getTime() > FUTURE_TOLERANCE_MS) return { publishedAt: now.toISOString(), dateFallback: 'future' };
  if (date.getTime() < EARLIEST_PLAUSIBLE_MS) return { publishedAt: now.toISOString(), dateFallback: 'implausible' };
  return { publishedAt: date.toISOString() };
}
