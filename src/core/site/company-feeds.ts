/**
 * The one table of a company's RSS feeds: for each kind its file under `/companies/<slug>/`,
 * its title, its description, the page it belongs to and the items it carries. Paths, the
 * pages that list feeds and the `[feed].xml` route all read this table. Pure.
 */
import type { CompanyRecord, Post } from '../watchblog.ts';
import {
  buildCompanyFeedItems,
  buildNewsFeedItems,
  buildOverdueFeedItems,
  buildResolvedFeedItems,
  buildResponseFeedItems,
  type FeedItem,
  type FeedUrls,
} from './feed-items.ts';
import { toAbsoluteUrl, type SitePaths } from './paths.ts';

/** One company feed. */
export type CompanyFeed = {
  /** File name under `/companies/<slug>/`, e.g. "rss.xml". */
  file: string;
  /** What the feed carries, after the company's name: "all activity" → "Acme: all activity". */
  label: (companyName: string) => string;
  /** The feed's channel description. */
  description: string;
  /** The page the feed belongs to (its channel link). */
  page: (paths: SitePaths, slug: string) => string;
  /** The feed's items, newest first. */
  buildItems: (record: CompanyRecord, posts: readonly Post[], urls: FeedUrls) => FeedItem[];
};

/** The kinds of company feed, in the order pages list them. */
export const COMPANY_FEED_KINDS = ['all', 'responses', 'said', 'resolved', 'overdue', 'news'] as const;
export type CompanyFeedKind = (typeof COMPANY_FEED_KINDS)[number];

/** Every company feed, by kind. */
export const COMPANY_FEEDS: Record<CompanyFeedKind, CompanyFeed> = {
  all: {
    file: 'rss.xml',
    label: () => 'all activity',
    description: 'Every case as it opens, gets answered or is resolved, and the posts about the company.',
    page: (paths, slug) => paths.company(slug),
    buildItems: (record, posts, urls) => buildCompanyFeedItems(record, posts, urls),
  },
  responses: {
    file: 'responses.xml',
    label: () => 'responses only',
    description: 'Only the company’s own voice, as it appears: its answers on cases and its statements that answer no case.',
    page: (paths, slug) => paths.company(slug),
    buildItems: (record, _posts, urls) => buildResponseFeedItems(record, urls),
  },
  said: {
    file: 'said.xml',
    label: (name) => `what ${name} said (answers and statements)`,
    description: 'Everything the company said that the site shows: its answers on cases and its statements, newest first.',
    page: (paths, slug) => paths.companySaid(slug),
    buildItems: (record, _posts, urls) => buildResponseFeedItems(record, urls),
  },
  resolved: {
    file: 'resolved.xml',
    label: () => 'newly resolved',
    description: 'Cases as they are resolved.',
    page: (paths, slug) => paths.company(slug),
    buildItems: (record, _posts, urls) => buildResolvedFeedItems(record, urls),
  },
  overdue: {
    file: 'overdue.xml',
    label: () => 'overdue (past target, no answer)',
    description: 'Problems and questions past the response target with no public answer (never coverage, praise or ideas).',
    page: (paths, slug) => paths.company(slug),
    buildItems: (record, _posts, urls) => buildOverdueFeedItems(record, urls),
  },
  news: {
    file: 'news.xml',
    label: () => 'in the news (coverage, never scored)',
    description: 'News, press reviews and blog posts about the company, newest first: listed, never scored.',
    page: (paths, slug) => paths.companyNews(slug),
    buildItems: (record, _posts, urls) => buildNewsFeedItems(record, urls),
  },
};

/** A feed as pages announce and list it. */
export type FeedLink = {
  /** "<company>: <label>", as feed readers show it. */
  title: string;
  /** What the feed carries, without the company's name in front (lists under the company's heading). */
  label: string;
  href: string;
};

/** The feeds of one company, in the order pages list them. */
export function listCompanyFeeds(paths: SitePaths, slug: string, name: string): FeedLink[] {
  return COMPANY_FEED_KINDS.map((kind) => {
    const label = COMPANY_FEEDS[kind].label(name);
    return { title: `${name}: ${label}`, label, href: paths.companyFeed(slug, kind) };
  });
}

/** The absolute URLs feed items link to, under `origin` (the site's URL). */
export function createFeedUrls(paths: SitePaths, origin: string | URL): FeedUrls {
  return {
    caseUrl: (kase) => toAbsoluteUrl(origin, paths.caseOf(kase.company, kase.id)),
    postUrl: (post) => toAbsoluteUrl(origin, paths.post(post.slug)),
    saidUrl: (slug) => toAbsoluteUrl(origin, paths.companySaid(slug)),
  };
}

/** What the `[feed].xml` route serves for one company and kind: channel title, description, links and items. */
export type CompanyFeedDocument = { title: string; description: string; selfUrl: string; pageUrl: string; items: FeedItem[] };

/** One company feed, ready to serve: its title "<company>: <label> — Watchblog", its links under `origin`, its items. */
export function buildCompanyFeed(record: CompanyRecord, kind: CompanyFeedKind, posts: readonly Post[], paths: SitePaths, origin: string | URL): CompanyFeedDocument {
  const { slug, name } = record.company;
  const feed = COMPANY_FEEDS[kind];
  return {
    title: `${name}: ${feed.label(name)} — Watchblog`,
    description: feed.description,
    selfUrl: toAbsoluteUrl(origin, paths.companyFeed(slug, kind)),
    pageUrl: toAbsoluteUrl(origin, feed.page(paths, slug)),
    items: feed.buildItems(record, posts, createFeedUrls(paths, origin)),
  };
}
