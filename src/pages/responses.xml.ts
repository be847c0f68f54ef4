import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { loadWatchblog } from '../queries/watchblog.ts';
import { respondWithFeed } from '../layouts/rss-feed.ts';
import { buildAllResponsesFeedItems } from '../core/site/feed-items.ts';
import { createPaths, toAbsoluteUrl } from '../core/site/paths.ts';
import { createFeedUrls } from '../core/site/company-feeds.ts';

/** `/responses.xml`: every company's answers and statements, newest first. */
export const GET: APIRoute = async ({ site }) => {
  const watchblog = await loadWatchblog();
  const paths = createPaths(base);
  const origin = site ?? new URL('https://watchblog.example');
  return respondWithFeed({
    title: 'Watchblog: responses only',
    description: `What ${watchblog.companies.map((r) => r.company.name).join(', ')} said in public: answers on cases and statements, newest first.`,
    selfUrl: toAbsoluteUrl(origin, paths.responsesFeed()),
    pageUrl: toAbsoluteUrl(origin, paths.home()),
    items: buildAllResponsesFeedItems(watchblog, createFeedUrls(paths, origin)),
    asOf: watchblog.asOf,
  });
};
