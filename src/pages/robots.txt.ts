import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { resolveSiteUrl } from '../core/site/site-url.ts';
import { createPaths, toAbsoluteUrl } from '../core/site/paths.ts';

/** `/robots.txt`: everything may be crawled; the sitemap is announced. */
export const GET: APIRoute = ({ site }) => {
  const paths = createPaths(base);
  const sitemap = toAbsoluteUrl(resolveSiteUrl(site), `${paths.base}sitemap-index.xml`);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain' } });
};
