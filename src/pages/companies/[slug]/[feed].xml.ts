import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { loadWatchblog } from '../../../queries/watchblog.ts';
import { respondWithFeed } from '../../../layouts/rss-feed.ts';
import {
  buildCompanyFeedItems,
  buildNewsFeedItems,
  buildOverdueFeedItems,
  buildResolvedFeedItems,
  buildResponseFeedItems,
  type FeedUrls,
} from '../../../core/site/feed-items.ts';
import { COMPANY_FEEDS, createPaths, listCompanyFeeds, toAbsoluteUrl, type CompanyFeedKind } from '../../../core/site/paths.ts';
import type { CompanyRecord, Post } from '../../../core/watchblog.ts';

const KINDS = Object.keys(COMPANY_FEEDS) as CompanyFeedKind[];
const DESCRIPTIONS: Record<CompanyFeedKind, string> = {
  all: 'Every case as it opens, gets answered or is resolved, and the posts about the company.',
  responses: 'Only the company’s own voice, as it appears: its answers on cases and its statements that answer no case.',
  said: 'Everything the company said that the site shows: its answers on cases and its statements, newest first.',
  resolved: 'Cases as they are resolved.',
  overdue: 'Problems and questions past the response target with no public answer (never coverage, praise or ideas).',
  news: 'News, press reviews and blog posts about the company, newest first: listed, never scored.',
};

export async function getStaticPaths() {
  const watchblog = await loadWatchblog();
  return watchblog.companies.flatMap((record) =>
    KINDS.map((kind) => ({
      params: { slug: record.company.slug, feed: COMPANY_FEEDS[kind].replace(/\.xml$/, '') },
      props: { record, kind, posts: watchblog.posts, asOf: watchblog.asOf },
    })),
  );
}

/** `/companies/<slug>/{rss,responses,said,resolved,overdue,news}.xml`: a company's feeds (COMPANY_FEEDS). */
export const GET: APIRoute = ({ props, site }) => {
  const { record, kind, posts, asOf } = props as { record: CompanyRecord; kind: CompanyFeedKind; posts: Post[]; asOf: string };
  const paths = createPaths(base);
  const origin = site ?? new URL('https://watchblog.example');
  const urls: FeedUrls = {
    caseUrl: (kase) => toAbsoluteUrl(origin, paths.caseOf(kase.company, kase.id)),
    postUrl: (post) => toAbsoluteUrl(origin, paths.post(post.slug)),
    saidUrl: (slug) => toAbsoluteUrl(origin, paths.companySaid(slug)),
  };
  const items =
    kind === 'all' ? buildCompanyFeedItems(record, posts, urls)
    : kind === 'responses' || kind === 'said' ? buildResponseFeedItems(record, urls)
    : kind === 'resolved' ? buildResolvedFeedItems(record, urls)
    : kind === 'news' ? buildNewsFeedItems(record, urls)
    : buildOverdueFeedItems(record, urls);
  const title = listCompanyFeeds(paths, record.company.slug, record.company.name).find((f) => f.href === paths.companyFeed(record.company.slug, kind))?.title ?? record.company.name;
  return respondWithFeed({
    title: `${title} — Watchblog`,
    description: DESCRIPTIONS[kind],
    selfUrl: toAbsoluteUrl(origin, paths.companyFeed(record.company.slug, kind)),
    pageUrl: toAbsoluteUrl(origin, kind === 'said' ? paths.companySaid(record.company.slug) : kind === 'news' ? paths.companyNews(record.company.slug) : paths.company(record.company.slug)),
    items,
    asOf,
  });
};
