/**
 * The search page's filters (company, kind, status, channel, voice), with how many indexed
 * pages carry each value, computed at build time from the same page models that give each
 * page its `data-pagefind-filter` marks (components/SearchFilterMarks.astro). The page renders them as plain checkboxes, so
 * a search never has to download Pagefind's filter files (one per group, each listing every
 * page with each value: they grow with the site) just to draw the form; Pagefind loads one
 * only when a reader ticks a box. tests/site/browser.test.ts holds these counts to
 * `pagefind.filters()`. Pure.
 */
import type { CompanyRecord, Watchblog } from '../watchblog.ts';
import { buildCaseSearchFilters } from './case-page.ts';
import { listNewsPages, listSaidPages } from './company-lists.ts';
import { linkPostsAndCases } from './post-links.ts';

/** Filter groups in the order they are shown, with their legends. Unknown groups follow, by name. */
export const SEARCH_FILTER_LEGENDS: Readonly<Record<string, string>> = { company: 'Company', kind: 'Kind', status: 'Status', channel: 'Channel', voice: 'Voice' };

/** One indexed page's filters: a value or several per group, marked on the page in this key order. */
export type PageFilters = Readonly<Record<string, string | readonly string[]>>;

/** A post's filters: the companies it is about. */
export function buildPostSearchFilters(companies: readonly CompanyRecord[]): PageFilters {
  return { company: companies.map((record) => record.company.name) };
}

export type SearchFilterGroup = { key: string; legend: string; values: { value: string; count: number }[] };

/** The filters of every page the search index holds: case pages, "in the news" and "said" pages, posts. */
export function listIndexedPageFilters(watchblog: Watchblog): PageFilters[] {
  const pages: PageFilters[] = [];
  for (const record of watchblog.companies) {
    for (const kase of record.cases) pages.push(buildCaseSearchFilters(kase, record.company.name));
    for (const list of [...listNewsPages(record), ...listSaidPages(record)]) if (list.searchFilters) pages.push(list.searchFilters);
  }
  const links = linkPostsAndCases(watchblog);
  for (const post of watchblog.posts) pages.push(buildPostSearchFilters(links.companiesOf(post)));
  return pages;
}

/** Each group's values with the number of pages that carry them, as Pagefind counts: a page counts once per value. */
export function countSearchFilters(pages: readonly PageFilters[]): SearchFilterGroup[] {
  const counts = new Map<string, Map<string, number>>();
  for (const page of pages) {
    for (const [key, raw] of Object.entries(page)) {
      const group = counts.get(key) ?? new Map<string, number>();
      counts.set(key, group);
      for (const value of new Set(typeof raw === 'string' ? [raw] : raw)) group.set(value, (group.get(value) ?? 0) + 1);
    }
  }
  const order = Object.keys(SEARCH_FILTER_LEGENDS);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...counts.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => ({
      key,
      legend: SEARCH_FILTER_LEGENDS[key] ?? key,
      values: [...counts.get(key)!].sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => ({ value, count })),
    }))
    .filter((group) => group.values.length > 0);
}
