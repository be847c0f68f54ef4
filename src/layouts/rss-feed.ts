/**
 * Serves one RSS 2.0 feed with @astrojs/rss: absolute links, an atom:link rel="self",
 * non-permalink guids that change with state, texts stripped of XML-forbidden characters.
 */
import rss from '@astrojs/rss';
import { ATOM_NS, buildFeedChannelData, toRssItems, type FeedItem } from '../core/site/feed-items.ts';
import { stripXmlControlChars } from '../core/text/xml-chars.ts';

/** What a feed endpoint passes: its own absolute URL, the page it belongs to and its items. */
export type FeedOptions = { title: string; description: string; selfUrl: string; pageUrl: string; items: FeedItem[]; asOf: string };

/** The feed as an HTTP response (Astro writes it to a file at build time). */
export function respondWithFeed(options: FeedOptions): Promise<Response> {
  return rss({
    title: stripXmlControlChars(options.title),
    description: stripXmlControlChars(options.description),
    site: options.pageUrl,
    trailingSlash: options.pageUrl.endsWith('/'),
    xmlns: { atom: ATOM_NS },
    customData: buildFeedChannelData(options.selfUrl, new Date(options.asOf)),
    items: toRssItems(options.items),
  });
}
