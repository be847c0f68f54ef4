import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { resolveSiteUrl } from '../../../core/site/site-url.ts';
import { companiesWithPages, loadWatchblog } from '../../../queries/watchblog.ts';
import { withCacheKeys } from '../../../core/site/page-cache-key.ts';
import { respondWithFeed } from '../../../layouts/rss-feed.ts';
import { COMPANY_FEEDS, COMPANY_FEED_KINDS, buildCompanyFeed, type CompanyFeedKind } from '../../../core/site/company-feeds.ts';
import { createPaths } from '../../../core/site/paths.ts';
import type { CompanyRecord, Post } from '../../../core/watchblog.ts';

export async function getStaticPaths() {
  const watchblog = await loadWatchblog();
  return withCacheKeys(companiesWithPages(watchblog).flatMap((record) =>
    COMPANY_FEED_KINDS.map((kind) => ({
      params: { slug: record.company.slug, feed: COMPANY_FEEDS[kind].file.replace(/\.xml$/, '') },
      props: { record, kind, posts: watchblog.posts, asOf: watchblog.asOf },
    })),
  ));
}

/** `/companies/<slug>/{rss,responses,said,resolved,overdue,news}.xml`: a company's feeds (the table COMPANY_FEEDS). */
export const GET: APIRoute = ({ props, site }) => {
  const { record, kind, posts, asOf } = props as { record: CompanyRecord; kind: CompanyFeedKind; posts: Post[]; asOf: string };
  const feed = buildCompanyFeed(record, kind, posts, createPaths(base), resolveSiteUrl(site));
  return respondWithFeed({ ...feed, asOf });
};
