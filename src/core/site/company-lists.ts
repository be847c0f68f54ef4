/**
 * The page models of a company's two paginated lists: "What <company> said" (answers and
 * statements) and "<company> in the news" (coverage). Titles, the lede with its counts, the
 * search filters and each entry as shown. Pure.
 */
import type { NotCountedReason } from '../types.ts';
import type { CompanyRecord } from '../watchblog.ts';
import { pageSuffix, toPageParam } from './case-archives.ts';
import { buildNewsEntry, type NewsEntry } from './company-page.ts';
import { countSaid, listCompanySaid, type SaidItem } from './company-said.ts';
import { ARCHIVE_PAGE_SIZE, listCasesOfKinds, paginate, type Page } from './lists.ts';
import { isHttpUrl } from './paths.ts';
import type { PageFilters } from './search-filters.ts';
import { formatCount, toPlainParagraphs, truncateText } from './text.ts';

/** Longest excerpt "What <company> said" quotes, in characters. */
export const SAID_EXCERPT_CHARS = 320;

/** Why an item does not count as answering one case, as the said list says it in brackets. */
export const SAID_NOT_COUNTED_TEXT: Record<NotCountedReason, string> = {
  bot: 'automatic reply, not counted',
  complainant: 'posted by the complainant, not counted',
  'predates-case': 'dated before the case, not counted',
};

/** One answer or statement as the said list shows it. */
export type SaidEntry = {
  id: string;
  kind: SaidItem['kind'];
  /** Its title, or "Untitled answer" / "Untitled statement". */
  title: string;
  /** UTC ISO. */
  publishedAt: string;
  /** Who posted it; the company's name when unknown. */
  author: string;
  channel: string;
  /** Its link when http(s), with the host for the link text; null otherwise. */
  link: { url: string; host: string } | null;
  /** Its excerpt as plain text, cut to SAID_EXCERPT_CHARS; '' when empty. */
  excerpt: string;
  /** "On the case" or "On the cases"; null for a statement (it answers no case). */
  casesLead: string | null;
  /** The cases it appears on, each with why it does not count there (SAID_NOT_COUNTED_TEXT), or null. */
  cases: { id: string; title: string; notCounted: string | null }[];
};

/** One said item as its list entry. */
export function buildSaidEntry(item: SaidItem, companyName: string): SaidEntry {
  const r = item.response;
  return {
    id: r.id,
    kind: item.kind,
    title: r.title || (item.kind === 'answer' ? 'Untitled answer' : 'Untitled statement'),
    publishedAt: r.publishedAt,
    author: r.author || companyName,
    channel: r.channel,
    link: isHttpUrl(r.url) ? { url: r.url, host: new URL(r.url).host } : null,
    excerpt: truncateText(toPlainParagraphs(r.excerpt).join(' '), SAID_EXCERPT_CHARS),
    casesLead: item.cases.length === 0 ? null : item.cases.length === 1 ? 'On the case' : 'On the cases',
    cases: item.cases.map((c) => ({ id: c.id, title: c.title, notCounted: c.notCounted ? SAID_NOT_COUNTED_TEXT[c.notCounted] : null })),
  };
}

/** One page of a company's paginated list, ready to render. */
export type CompanyListPage<T> = {
  /** The route's `[...page]` parameter: undefined for page 1. */
  pageParam: string | undefined;
  title: string;
  description: string;
  /** The opening paragraph, with the counts and, past one page, "Page N of M." */
  lede: string;
  /** The page's search filters, or null when the search index leaves the page out (an empty "in the news"). */
  searchFilters: PageFilters | null;
  page: Page<T>;
};

function pageOfPages(page: Page<unknown>): string {
  return page.pageCount > 1 ? ` Page ${page.page} of ${page.pageCount}.` : '';
}

/**
 * Each company's lists, made once per record: the list routes and the search page's filter
 * counts both need them, and a build never changes a record it has made.
 */
const saidPagesOf = new WeakMap<CompanyRecord, CompanyListPage<SaidEntry>[]>();
const newsPagesOf = new WeakMap<CompanyRecord, CompanyListPage<NewsEntry>[]>();

function remembered<T>(memo: WeakMap<CompanyRecord, T>, record: CompanyRecord, make: (record: CompanyRecord) => T): T {
  if (!memo.has(record)) memo.set(record, make(record));
  return memo.get(record)!;
}

/** Every page of "What <company> said", newest first. */
export function listSaidPages(record: CompanyRecord): CompanyListPage<SaidEntry>[] {
  return remembered(saidPagesOf, record, buildSaidPages);
}

/** Every page of "<company> in the news", newest first. */
export function listNewsPages(record: CompanyRecord): CompanyListPage<NewsEntry>[] {
  return remembered(newsPagesOf, record, buildNewsPages);
}

function buildSaidPages(record: CompanyRecord): CompanyListPage<SaidEntry>[] {
  const name = record.company.name;
  const items = listCompanySaid(record);
  const counts = countSaid(items);
  return paginate(items.map((item) => buildSaidEntry(item, name)), ARCHIVE_PAGE_SIZE).map((page) => ({
    pageParam: toPageParam(page.page),
    title: `What ${name} said${pageSuffix(page.page)}`,
    description: `${name} in its own voice: ${counts.answers} answers on cases and ${counts.statements} statements, newest first.`,
    lede: `Everything ${name} said in public that this watch blog shows, newest first: ${formatCount(counts.answers, 'answer')} on cases and ${formatCount(counts.statements, 'statement')} that answer no case.${pageOfPages(page)}`,
    searchFilters: { company: name, voice: 'company', channel: [...new Set(page.items.map((entry) => entry.channel))] },
    page,
  }));
}

function buildNewsPages(record: CompanyRecord): CompanyListPage<NewsEntry>[] {
  const name = record.company.name;
  return paginate(listCasesOfKinds(record.cases, ['coverage']).map(buildNewsEntry), ARCHIVE_PAGE_SIZE).map((page) => ({
    pageParam: toPageParam(page.page),
    title: `${name} in the news${pageSuffix(page.page)}`,
    description: `News, press reviews and blog posts about ${name}: ${page.total} items, newest first. Listed, never scored.`,
    lede: `News, press reviews and blog posts that talk about ${name} rather than to it, newest first: ${formatCount(page.total, 'item')}. They are listed, never scored, and never counted as unanswered.${pageOfPages(page)}`,
    // An empty list is not worth a search result: only pages with coverage are indexed.
    searchFilters: page.items.length > 0 ? { company: name, kind: 'coverage', voice: 'public', channel: [...new Set(page.items.map((entry) => entry.kase.channel))] } : null,
    page,
  }));
}
