/**
 * The address the site is built for when the maintainer names none. Pure.
 */

/**
 * The site URL of a build without WATCHBLOG_SITE (astro.config.mjs): a reserved `.example`
 * name, so a build nobody configured links nowhere real.
 */
export const DEFAULT_SITE_URL = 'https://watchblog.example';

/**
 * The site's address for absolute links (feeds, open data, canonical links, robots.txt):
 * Astro's `site`, else DEFAULT_SITE_URL. The config always sets one; the fallback only
 * spares every page a non-null assertion.
 */
export function resolveSiteUrl(site: URL | undefined): URL {
  return site ?? new URL(DEFAULT_SITE_URL);
}
