import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { resolveSiteUrl } from '../../../core/site/site-url.ts';
import { companiesWithPages, loadWatchblog } from '../../../queries/watchblog.ts';
import { withCacheKeys } from '../../../core/site/page-cache-key.ts';
import { buildCasesJson } from '../../../core/site/open-data-cases.ts';
import { createPaths, toAbsoluteUrl } from '../../../core/site/paths.ts';
import type { CompanyRecord } from '../../../core/watchblog.ts';

export async function getStaticPaths() {
  const watchblog = await loadWatchblog();
  return withCacheKeys(companiesWithPages(watchblog).map((record) => ({ params: { slug: record.company.slug }, props: { record, asOf: watchblog.asOf } })));
}

/** `/data/<slug>/cases.json`: every case of one company with its events and times. */
export const GET: APIRoute = ({ props, site }) => {
  const { record, asOf } = props as { record: CompanyRecord; asOf: string };
  const paths = createPaths(base);
  const origin = resolveSiteUrl(site);
  const body = buildCasesJson(record, asOf, (kase) => toAbsoluteUrl(origin, paths.caseOf(kase.company, kase.id)));
  return new Response(`${JSON.stringify(body)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
