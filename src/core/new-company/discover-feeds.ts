/**
 * Where a company's own feeds may be: the `<link rel="alternate">` feeds its home page
 * announces, then common feed paths, then its status page's history. Pure: the caller
 * downloads the home page and probes the candidates.
 */
import type { Channel } from '../schemas.ts';

/** Feed types a home page's alternate links may announce. */
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/feed+json', 'application/json', 'application/rdf+xml', 'text/xml', 'application/xml']);

/** Paths where sites commonly serve their blog or news feed, probed in this order. */
export const COMMON_FEED_PATHS = ['/feed', '/rss.xml', '/feed.xml', '/atom.xml', '/index.xml', '/blog/rss', '/blog/feed', '/blog/rss.xml', '/news/rss', '/newsroom/rss'] as const;

/** Status page history feeds (Atlassian Statuspage) on the site's status host, probed in this order. */
export const STATUS_FEED_PATHS = ['/history.atom', '/history.rss'] as const;

/** Reads one attribute from a tag's text. */
function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = match?.[1] ?? match?.[2] ?? match?.[3];
  return value?.replace(/&amp;/g, '&').trim();
}

/**
 * The feed URLs a home page announces with `<link rel="alternate" type="application/rss+xml"
 * href="…">` (or Atom, JSON Feed), resolved against `pageUrl`, in page order, without
 * duplicates or comment feeds.
 */
export function findAlternateFeeds(html: string, pageUrl: string): { url: string; title?: string }[] {
  const found: { url: string; title?: string }[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const type = (attribute(tag, 'type') ?? '').toLowerCase().split(';')[0]!.trim();
    const href = attribute(tag, 'href');
    if (!rel.includes('alternate') || !FEED_TYPES.has(type) || !href) continue;
    let url: string;
    try {
      url = new URL(href, pageUrl).href;
    } catch {
      continue;
    }
    // WordPress announces a comments feed next to the posts feed: it is the public talking.
    if (/\/comments\/feed\/?$/i.test(new URL(url).pathname)) continue;
    if (found.some((feed) => feed.url === url)) continue;
    const title = attribute(tag, 'title');
    found.push(title ? { url, title } : { url });
  }
  return found;
}

/** The candidate URLs to probe on a site when its home page announces none: common paths on it, then its status host's history. */
export function candidateFeedUrls(siteUrl: string): string[] {
  const site = new URL(siteUrl);
  const onSite = COMMON_FEED_PATHS.map((feedPath) => new URL(feedPath, site.origin).href);
  const host = site.hostname.replace(/^www\./, '');
  // An IP address has no status subdomain.
  const statusHost = /^[\d.]+$|^\[/.test(host) ? undefined : `status.${host}`;
  const onStatus = statusHost ? STATUS_FEED_PATHS.map((feedPath) => `https://${statusHost}${feedPath}`) : [];
  return [...onSite, ...onStatus];
}

/** How a company feed found at `url` is read: a status history is threaded by incident; anything else is its blog or news. */
export function companyFeedHints(url: string): { channel: Channel; threaded: boolean } {
  const { hostname, pathname } = new URL(url);
  if (/^status\./.test(hostname) || /\/history\.(?:atom|rss)$/.test(pathname) || /\/status\b/.test(pathname)) return { channel: 'status', threaded: true };
  return { channel: 'blog', threaded: false };
}
