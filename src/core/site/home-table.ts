/**
 * The page model of the home table: every company side by side, each figure from the same
 * window (HOME_WINDOW), sorted by one key. Pure: the component only renders what this returns.
 */
import type { Grade } from '../metrics/index.ts';
import { MS_PER_DAY, WINDOW_DAYS } from '../metrics/index.ts';
import type { CompanyRecord, Post, Watchblog } from '../watchblog.ts';
import { buildSparkline, type Sparkline } from './charts.ts';
import { HOME_WINDOW, SORT_ORDERS, listLatestActivity, sortCompanies, takeLastMonths, type ActivityEntry } from './lists.ts';
import type { SortKey } from './paths.ts';

/** Months the "answered per month" sparkline shows. */
export const SPARKLINE_MONTHS = 12;

/** One company's row: every figure is the home window's. */
export type HomeTableRow = {
  slug: string;
  name: string;
  fictional: boolean;
  /** The window's grade. */
  grade: Grade;
  /** Share of decided cases answered, 0–1; null without decided cases. */
  responseRate: number | null;
  /** Median first response, hours; null when not reached. */
  medianFirstResponseHours: number | null;
  /** Share of decided cases answered within the target, 0–1; null without decided cases. */
  withinTargetShare: number | null;
  /** False when no channel where the company answers is watched: the grade reads "not graded" and answer figures are null. */
  graded: boolean;
  /** Open cases opened in the window with no response yet; null when not graded (nobody watches where it would answer). */
  unanswered: number | null;
  /** Cases opened in the window. */
  cases: number;
  /** The trend's response rate of each of the last SPARKLINE_MONTHS months, oldest first; null for a month with no decided case, and every month when not graded. */
  answeredPerMonth: (number | null)[];
  /** answeredPerMonth drawn as a sparkline, with its text alternative. */
  sparkline: Sparkline;
};

/** A sortable column heading of the home table. */
export type HomeTableColumn = {
  key: SortKey;
  label: string;
  /** True for figures (right-aligned). */
  numeric: boolean;
  /** The aria-sort value when the table is sorted by this column. */
  sort: 'ascending' | 'descending' | undefined;
};

/** The whole home table, ready to render. */
export type HomeTable = {
  /** The window, named for people, e.g. "Last 12 months". */
  windowLabel: string;
  /** The first instant the window covers, UTC ISO (now − 365 × 24 h). */
  windowStart: string;
  /** The caption: the window and the order, e.g. "Last 12 months · sorted by grade, highest first". */
  caption: string;
  /** The company column's heading. */
  nameColumn: HomeTableColumn;
  /** The sortable figure columns, in order: grade, response rate, median, within target, unanswered. */
  columns: HomeTableColumn[];
  rows: HomeTableRow[];
};

const WINDOW_LABEL = 'Last 12 months';
const FIGURE_KEYS: readonly SortKey[] = ['grade', 'response-rate', 'median-response', 'within-target', 'unanswered'];

function column(key: SortKey, sortKey: SortKey): HomeTableColumn {
  const order = SORT_ORDERS[key];
  return { key, label: order.label, numeric: key !== 'name' && key !== 'grade', sort: key === sortKey ? order.direction : undefined };
}

/** One company's row, all figures from the home window. */
export function buildHomeTableRow(record: CompanyRecord): HomeTableRow {
  const figures = record.scorecard.windows[HOME_WINDOW];
  const answeredPerMonth = takeLastMonths(record.scorecard.trend, SPARKLINE_MONTHS).map((month) => (record.scorecard.graded ? (month?.responseRate ?? null) : null));
  return {
    slug: record.company.slug,
    name: record.company.name,
    fictional: record.company.fictional === true,
    grade: figures.grade,
    responseRate: figures.responseRate,
    medianFirstResponseHours: figures.medianFirstResponseHours,
    withinTargetShare: figures.withinTargetShare,
    graded: record.scorecard.graded,
    unanswered: record.scorecard.graded ? figures.unanswered : null,
    cases: figures.cases,
    answeredPerMonth,
    sparkline: buildSparkline(answeredPerMonth, `${record.company.name}: share of cases answered per month`),
  };
}

/**
 * The home table as of `asOf` (the watch blog's, UTC ISO), sorted by `sortKey`: rows in the
 * order of sortCompanies, every figure from the HOME_WINDOW window.
 */
export function buildHomeTable(records: readonly CompanyRecord[], sortKey: SortKey, asOf: string): HomeTable {
  const days = WINDOW_DAYS[HOME_WINDOW] ?? 0;
  const order = SORT_ORDERS[sortKey];
  const direction = sortKey === 'name' ? ', A to Z' : order.direction === 'descending' ? ', highest first' : ', lowest first';
  return {
    windowLabel: WINDOW_LABEL,
    windowStart: new Date(Date.parse(asOf) - days * MS_PER_DAY).toISOString(),
    caption: `${WINDOW_LABEL} · sorted by ${order.label.toLowerCase()}${direction}`,
    nameColumn: column('name', sortKey),
    columns: FIGURE_KEYS.map((key) => column(key, sortKey)),
    rows: sortCompanies(records, sortKey).map(buildHomeTableRow),
  };
}

/** How much the home page lists beside the table. */
export const HOME_LIMITS = { activity: 12, posts: 6 } as const;

/** The home page of a watch blog of several companies: the table, the latest activity and posts. */
export type HomePage = {
  /** How many companies the watch blog follows. */
  companyCount: number;
  /** The watch blog's instant, UTC ISO. */
  asOf: string;
  table: HomeTable;
  /** The latest HOME_LIMITS.activity timeline events across companies, newest first. */
  activity: ActivityEntry[];
  /** The newest HOME_LIMITS.posts posts. */
  posts: Post[];
};

/** The home page sorted by `sortKey`. */
export function buildHomePage(watchblog: Watchblog, sortKey: SortKey): HomePage {
  return {
    companyCount: watchblog.companies.length,
    asOf: watchblog.asOf,
    table: buildHomeTable(watchblog.companies, sortKey, watchblog.asOf),
    activity: listLatestActivity(watchblog.companies, HOME_LIMITS.activity),
    posts: watchblog.posts.slice(0, HOME_LIMITS.posts),
  };
}
