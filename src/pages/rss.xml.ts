import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { loadWatchblog } from '../queries/watchblog.ts';
import { respondWithFeed } from '../layouts/rss-feed.ts';
import { buildActivityFeedItems } from '../core/site/feed-items.ts';
import { createPaths, toAbsoluteUrl } from '../core/site/paths.ts';
import { createFeedUrls } from '../core/site/company-feeds.ts';

/** `/rss.xml`: all activity across companies, and the maintainer's posts. */
export const GET: APIRoute = async ({ site }) => {
  const watchblog = await loadWatchblog();
  const paths = createPaths(base);
  const origin = site ?? new URL('https://watchblog.example');
  return respondWithFeed({
    title: 'Watchblog: all activity',
    description: `Cases and answers of ${watchblog.companies.map((r) => r.company.name).join(', ')}, and the maintainer’s posts.`,
    selfUrl: toAbsoluteUrl(origin, paths.feed()),
    pageUrl: toAbsoluteUrl(origin, paths.home()),
    items: buildActivityFeedItems(watchblog, createFeedUrls(paths, origin)),
    asOf: watchblog.asOf,
  });
};
