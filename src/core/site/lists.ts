/**
 * Slices of the watch blog for list pages: home sorting, latest activity, archives and
 * pagination. Pure, and each function touches only the slice it is given.
 */
import { formatMonthInZone, type WindowFigures, type WindowKey } from '../metrics/index.ts';
import { asksForAnswer, type CaseStatus, type MentionKind } from '../schemas.ts';
import type { Case, TimelineEvent } from '../types.ts';
import type { CompanyRecord, Post } from '../watchblog.ts';
import type { SortKey } from './paths.ts';

/** One page of a paginated list. */
export type Page<T> = {
  /** 1-based page number. */
  page: number;
  /** Number of pages (at least 1, so an empty list still has a page saying so). */
  pageCount: number;
  /** Items on this page, at most the page size. */
  items: T[];
  /** Number of items in the whole list. */
  total: number;
};

/** Splits a list into fixed-size pages; an empty list gives one empty page. Throws for a page size below 1. */
export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  if (!(Number.isInteger(pageSize) && pageSize >= 1)) throw new RangeError(`paginate: pageSize must be a positive integer; got ${pageSize}`);
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: pageCount }, (_, index) => ({
    page: index + 1,
    pageCount,
    items: items.slice(index * pageSize, (index + 1) * pageSize),
    total: items.length,
  }));
}

/** Cases newest activity first (updatedAt, then id for a stable order). Does not modify the input. */
export function sortCasesByActivity(cases: readonly Case[]): Case[] {
  return [...cases].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id)));
}

/** Cases newest opened first (openedAt, then id). Does not modify the input. */
export function sortCasesByOpened(cases: readonly Case[]): Case[] {
  return [...cases].sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : a.id.localeCompare(b.id)));
}

/** The cases of the given kinds, newest opened first (e.g. ['coverage'] for "In the news"). Does not modify the input. */
export function listCasesOfKinds(cases: readonly Case[], kinds: readonly MentionKind[]): Case[] {
  return sortCasesByOpened(cases.filter((kase) => kinds.includes(kase.kind)));
}

/**
 * The cases a status page lists, newest opened first. "Open" means waiting for an answer, so
 * it holds problems and questions only: unanswered coverage, praise and ideas are not open.
 */
export function listCasesWithStatus(cases: readonly Case[], status: CaseStatus): Case[] {
  return sortCasesByOpened(cases.filter((kase) => kase.status === status && (status !== 'open' || asksForAnswer(kase.kind))));
}

/** A company's cases grouped by the month they opened in ('YYYY-MM', company time zone), newest month first, newest case first. */
export function groupCasesByMonth(cases: readonly Case[], timeZone: string): { month: string; cases: Case[] }[] {
  const groups = new Map<string, Case[]>();
  for (const kase of sortCasesByOpened(cases)) {
    const month = formatMonthInZone(Date.parse(kase.openedAt), timeZone);
    const list = groups.get(month);
    if (list) list.push(kase);
    else groups.set(month, [kase]);
  }
  return [...groups.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([month, list]) => ({ month, cases: list }));
}

/** One event on the site-wide activity stream. */
export type ActivityEntry = { companySlug: string; companyName: string; kase: Case; event: TimelineEvent };

/** What the opening mention of a case of each kind is called on the activity stream. */
const OPENING_LABELS: Record<Case['kind'], string> = {
  problem: 'New problem',
  question: 'New question',
  idea: 'New idea',
  praise: 'Praise',
  coverage: 'In the news',
};

/**
 * The label of one activity entry: "<company> answered" for a response; for the case's
 * opening mention, what it is by the case's kind ("New problem", "In the news"…: a news story
 * is never called a new case to answer); "Follow-up" after the company's answer; else "New mention".
 */
export function describeActivity(entry: Pick<ActivityEntry, 'companyName' | 'kase' | 'event'>): string {
  const { event, kase } = entry;
  if (event.kind === 'response') return `${entry.companyName} answered`;
  if (event.elapsedMs === 0 && kase.events.find((e) => e.kind === 'mention') === event) return OPENING_LABELS[kase.kind];
  return event.followUp ? 'Follow-up' : 'New mention';
}

/**
 * The latest `limit` timeline events across companies, newest first. Only the `limit`
 * most recently updated cases of each company can hold them, so only those are read.
 */
export function listLatestActivity(records: readonly CompanyRecord[], limit: number): ActivityEntry[] {
  const entries: ActivityEntry[] = [];
  for (const record of records) {
    for (const kase of sortCasesByActivity(record.cases).slice(0, limit)) {
      for (const event of kase.events) {
        entries.push({ companySlug: record.company.slug, companyName: record.company.name, kase, event });
      }
    }
  }
  return entries
    .sort((a, b) => (a.event.at < b.event.at ? 1 : a.event.at > b.event.at ? -1 : a.event.item.id.localeCompare(b.event.item.id)))
    .slice(0, limit);
}

/**
 * The window every figure of the home table comes from, grade included: the last 365 days
 * (cases opened in [now − 365 × 24 h, now]). One window for every column, so a row never
 * sets a 12-month response rate beside an all-time count of unanswered cases.
 */
export const HOME_WINDOW = '365d' satisfies WindowKey;

/** The home window's figures of one company. */
function homeFigures(record: CompanyRecord): WindowFigures {
  return record.scorecard.windows[HOME_WINDOW];
}

/** How each home sort key orders companies: its value (null sorts last) and direction. Every figure is the home window's. */
export const SORT_ORDERS: Record<SortKey, { label: string; direction: 'ascending' | 'descending'; value: (record: CompanyRecord) => number | string | null }> = {
  name: { label: 'Company', direction: 'ascending', value: (r) => r.company.name },
  grade: { label: 'Grade', direction: 'descending', value: (r) => homeFigures(r).grade.score },
  'response-rate': { label: 'Response rate', direction: 'descending', value: (r) => homeFigures(r).responseRate },
  'median-response': { label: 'Median first response', direction: 'ascending', value: (r) => homeFigures(r).medianFirstResponseHours },
  'within-target': { label: 'Within target', direction: 'descending', value: (r) => homeFigures(r).withinTargetShare },
  unanswered: { label: 'Unanswered', direction: 'descending', value: (r) => (r.scorecard.graded ? homeFigures(r).unanswered : null) },
};

/** Companies ordered by one sort key; missing figures last, ties by name. Does not modify the input. */
export function sortCompanies(records: readonly CompanyRecord[], key: SortKey): CompanyRecord[] {
  const order = SORT_ORDERS[key];
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...records].sort((a, b) => {
    const va = order.value(a);
    const vb = order.value(b);
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      const cmp = typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb, 'en') : va < vb ? -1 : 1;
      if (cmp !== 0) return sign * cmp;
    }
    return a.company.name.localeCompare(b.company.name, 'en') || a.company.slug.localeCompare(b.company.slug);
  });
}

/** The last `count` months of a trend, padded at the start with empty months when the record is shorter. */
export function takeLastMonths<T extends { month: string }>(trend: readonly T[], count: number): (T | null)[] {
  const tail: (T | null)[] = trend.slice(-count);
  while (tail.length < count) tail.unshift(null);
  return tail;
}

/** Cases per archive page (company months, channels, statuses). Fixed, so pages stay small at any scale. */
export const ARCHIVE_PAGE_SIZE = 50;

/** The posts that concern a company, in the order given (newest first from buildWatchblog). */
export function listPostsAbout(posts: readonly Post[], companySlug: string): Post[] {
  return posts.filter((post) => post.companies.includes(companySlug));
}
