/**
 * The page models of the archives: the archives index (cases by company, channel and
 * status, with their counts), the paginated channel and status archives (one builder for
 * both, so their routes are the same code), and a company's month-by-month archive. Pure.
 */
import { CASE_STATUSES, CHANNELS, type CaseStatus, type Channel } from '../schemas.ts';
import type { Case } from '../types.ts';
import type { CompanyRecord, Watchblog } from '../watchblog.ts';
import { ARCHIVE_PAGE_SIZE, groupCasesByMonth, listCasesWithStatus, paginate, sortCasesByOpened, type Page } from './lists.ts';

/** How the archives index links each status archive. */
export const STATUS_LINK_LABELS: Record<CaseStatus, string> = {
  open: 'Open problems and questions, no resolution yet',
  answered: 'Answered, not resolved',
  resolved: 'Resolved',
};

/** The heading of each status archive. */
export const STATUS_ARCHIVE_TITLES: Record<CaseStatus, string> = {
  open: 'Open problems and questions with no resolution',
  answered: 'Answered cases, not yet resolved',
  resolved: 'Resolved cases',
};

/** The archives index: every case counted by company, by channel and by status. */
export type ArchivesIndex = {
  /** Cases of every company. */
  total: number;
  companies: { slug: string; name: string; cases: number }[];
  /** Channels with at least one case, in CHANNELS order. */
  channels: { channel: Channel; cases: number }[];
  /** Every status, in CASE_STATUSES order, with what its status archive lists. */
  statuses: { status: CaseStatus; label: string; cases: number }[];
};

/** The archives index of a watch blog. */
export function buildArchivesIndex(watchblog: Watchblog): ArchivesIndex {
  const all = watchblog.companies.flatMap((record) => record.cases);
  return {
    total: all.length,
    companies: watchblog.companies.map((record) => ({ slug: record.company.slug, name: record.company.name, cases: record.cases.length })),
    channels: CHANNELS.map((channel) => ({ channel, cases: all.filter((kase) => kase.channel === channel).length })).filter((entry) => entry.cases > 0),
    statuses: CASE_STATUSES.map((status) => ({ status, label: STATUS_LINK_LABELS[status], cases: listCasesWithStatus(all, status).length })),
  };
}

/** One page of a cross-company case archive (a channel or a status), ready to render. */
export type CaseArchivePage<K extends string> = {
  /** The channel or status. */
  key: K;
  /** The route's `[...page]` parameter: undefined for page 1, else the page number. */
  pageParam: string | undefined;
  /** The document title, with ", page N" after the first page. */
  title: string;
  heading: string;
  /** "N cases across companies, newest first (dates in UTC); page 2 of 3." */
  summary: string;
  page: Page<Case>;
  /** Company names by slug, to name the company of each case. */
  companyNames: Record<string, string>;
  /** The accessible name of the pager. */
  pagerLabel: string;
};

/** The `[...page]` parameter of page `n`: the first page lives at the archive's own path. */
export function toPageParam(page: number): string | undefined {
  return page === 1 ? undefined : String(page);
}

/** ", page N" for every page after the first, to tell pages apart in titles. */
export function pageSuffix(page: number): string {
  return page > 1 ? `, page ${page}` : '';
}

type ArchiveGroup<K extends string> = { key: K; heading: string; cases: Case[]; pagerLabel: string };

function paginateArchives<K extends string>(watchblog: Watchblog, groups: ArchiveGroup<K>[]): CaseArchivePage<K>[] {
  const companyNames = Object.fromEntries(watchblog.companies.map((record) => [record.company.slug, record.company.name]));
  return groups.flatMap((group) =>
    paginate(group.cases, ARCHIVE_PAGE_SIZE).map((page) => ({
      key: group.key,
      pageParam: toPageParam(page.page),
      title: `${group.heading}${pageSuffix(page.page)}`,
      heading: group.heading,
      summary: `${page.total} cases across companies, newest first (dates in UTC)${page.pageCount > 1 ? `; page ${page.page} of ${page.pageCount}` : ''}.`,
      page,
      companyNames,
      pagerLabel: group.pagerLabel,
    })),
  );
}

/** Every page of every channel archive (channels without cases have none), newest opened first. */
export function listChannelArchivePages(watchblog: Watchblog): CaseArchivePage<Channel>[] {
  const all = sortCasesByOpened(watchblog.companies.flatMap((record) => record.cases));
  const groups = CHANNELS.map((channel) => ({ key: channel, heading: `Cases raised on ${channel}`, cases: all.filter((kase) => kase.channel === channel), pagerLabel: `Pages of ${channel} cases` }));
  return paginateArchives(watchblog, groups.filter((group) => group.cases.length > 0));
}

/** Every page of every status archive (an empty status still has its page saying so), newest opened first. */
export function listStatusArchivePages(watchblog: Watchblog): CaseArchivePage<CaseStatus>[] {
  const all = watchblog.companies.flatMap((record) => record.cases);
  return paginateArchives(
    watchblog,
    CASE_STATUSES.map((status) => ({ key: status, heading: STATUS_ARCHIVE_TITLES[status], cases: listCasesWithStatus(all, status), pagerLabel: `Pages of ${status} cases` })),
  );
}

/** One row of a company's archive index: a month and what became of its cases. */
export type ArchiveMonth = { month: string; cases: number; answered: number; resolved: number };

/** A company's archive index: its cases by the month they opened (company time zone), newest month first. */
export function buildCompanyArchive(record: CompanyRecord): { total: number; months: ArchiveMonth[] } {
  return {
    total: record.cases.length,
    months: groupCasesByMonth(record.cases, record.company.timeZone).map(({ month, cases }) => ({
      month,
      cases: cases.length,
      answered: cases.filter((kase) => kase.firstResponseAt).length,
      resolved: cases.filter((kase) => kase.status === 'resolved').length,
    })),
  };
}

/** One page of a company's month archive. */
export type CompanyMonthPage = { month: string; pageParam: string | undefined; title: string; heading: string; summary: string; page: Page<Case> };

/** Every page of every month of a company's archive, newest case first. */
export function listCompanyMonthPages(record: CompanyRecord): CompanyMonthPage[] {
  const name = record.company.name;
  return groupCasesByMonth(record.cases, record.company.timeZone).flatMap(({ month, cases }) =>
    paginate(cases, ARCHIVE_PAGE_SIZE).map((page) => ({
      month,
      pageParam: toPageParam(page.page),
      title: `${name}: cases opened in ${month}${pageSuffix(page.page)}`,
      heading: `${name}: cases opened in ${month}`,
      summary: `${page.total} cases${page.pageCount > 1 ? `, page ${page.page} of ${page.pageCount}` : ''}.`,
      page,
    })),
  );
}
