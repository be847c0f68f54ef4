/**
 * The page model of a company's "Trends" charts: the last 12 months of its trend as column,
 * line and row charts, each with the sentence that describes it to screen readers. Pure.
 */
import { formatHours } from '../format.ts';
import { CHANNELS, type Channel } from '../schemas.ts';
import type { CompanyRecord } from '../watchblog.ts';
import { takeLastMonths } from './lists.ts';

/** Months the trend charts show. */
export const TREND_MONTHS = 12;

/** The company page's charts, ready to draw. */
export type CompanyTrends = {
  /** One label per month, oldest first: 'YYYY-MM', or "−N" for a month before the record began. */
  labels: string[];
  /** Problems and questions opened per month. */
  opened: number[];
  /** What the "opened per month" chart shows, in one sentence. */
  openedDesc: string;
  /** Median time to first answer per month, hours; null when not reached. */
  medians: (number | null)[];
  /** What the median chart shows, in one sentence, with the target and the latest month. */
  mediansDesc: string;
  /** Cases opened in the 12 months by the channel they were raised on; channels without cases left out, CHANNELS order. */
  channels: { label: Channel; value: number }[];
  /** The channel figures as one sentence ("forum: 4, x: 2"), or "No cases". */
  channelsDesc: string;
};

/** The company page's trend charts over the last TREND_MONTHS months. */
export function buildCompanyTrends(record: CompanyRecord): CompanyTrends {
  const months = takeLastMonths(record.scorecard.trend, TREND_MONTHS);
  const opened = months.map((month) => month?.opened ?? 0);
  const medians = months.map((month) => month?.medianFirstResponseHours ?? null);
  const channels = CHANNELS.map((channel) => ({ label: channel, value: months.reduce((sum, month) => sum + (month?.byChannel[channel] ?? 0), 0) })).filter((row) => row.value > 0);
  const total = opened.reduce((sum, count) => sum + count, 0);
  return {
    labels: months.map((month, index) => month?.month ?? `−${TREND_MONTHS - index}`),
    opened,
    openedDesc: `${total} problems and questions opened in the last ${TREND_MONTHS} months; the busiest month had ${Math.max(0, ...opened)}.`,
    medians,
    mediansDesc: `Median time to first answer per month, with the ${record.company.responseTargetHours} h target as a dashed line. Latest month: ${formatHours(medians[medians.length - 1] ?? null)}.`,
    channels,
    channelsDesc: channels.map((row) => `${row.label}: ${row.value}`).join(', ') || 'No cases',
  };
}

/** How the median chart labels its axis maximum: days from 72 h up, else hours. */
export function formatHoursAxis(hours: number): string {
  return hours >= 72 ? `${Math.round(hours / 24)} d` : `${hours} h`;
}
