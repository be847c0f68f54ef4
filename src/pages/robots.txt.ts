import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { createPaths, toAbsoluteUrl } from '../core/site/paths.ts';

/** `/robots.txt`: everything may be crawled; the sitemap is announced. */
export const GET: APIRoute = ({ site }) => {
  const paths = createPaths(base);
  const sitemap = toAbsoluteUrl(site ?? new URL('https://watchblog.example'), `${paths.base}sitemap-index.xml`);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain' } });
};
