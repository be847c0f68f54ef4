/**
 * The search page's filters (company, kind, status, channel, voice), with how many indexed
 * pages carry each value, computed at build time from the same page models whose
 * `data-pagefind-filter` marks Pagefind indexes. The page renders them as plain checkboxes, so
 * a search never has to download Pagefind's filter files (one per group, each listing every
 * page with each value: they grow with the site) just to draw the form; Pagefind loads one
 * only when a reader ticks a box. tests/site/browser.test.ts holds these counts to
 * `pagefind.filters()`. Pure.
 */
import type { Watchblog } from '../watchblog.ts';
import { buildCaseSearchFilters } from './case-page.ts';
import { listNewsPages, listSaidPages } from './company-lists.ts';
import { linkPostsAndCases } from './post-links.ts';

/** Filter groups in the order they are shown, with their legends. Unknown groups follow, by name. */
export const SEARCH_FILTER_LEGENDS: Readonly<Record<string, string>> = { company: 'Company', kind: 'Kind', status: 'Status', channel: 'Channel', voice: 'Voice' };

/** One indexed page's filters: a value or several per group. */
export type PageFilters = Readonly<Record<string, string | readonly string[]>>;

export type SearchFilterGroup = { key: string; legend: string; values: { value: string; count: number }[] };

/** The filters of every page the search index holds that has any: case pages, "in the news" and "said" pages, posts. */
export function listIndexedPageFilters(watchblog: Watchblog): PageFilters[] {
  const pages: PageFilters[] = [];
  for (const record of watchblog.companies) {
    const name = record.company.name;
    for (const kase of record.cases) pages.push(buildCaseSearchFilters(kase, name));
    for (const list of listNewsPages(record)) pages.push({ company: name, kind: 'coverage', voice: 'public', channel: list.channels });
    for (const list of listSaidPages(record)) pages.push({ company: name, voice: 'company', channel: list.channels });
  }
  const links = linkPostsAndCases(watchblog);
  for (const post of watchblog.posts) {
    const companies = links.companiesOf(post).map((record) => record.company.name);
    if (companies.length > 0) pages.push({ company: companies });
  }
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
