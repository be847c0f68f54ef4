import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { resolveSiteUrl } from '../../../core/site/site-url.ts';
import { companiesWithPages, loadWatchblog } from '../../../queries/watchblog.ts';
import { withCacheKeys } from '../../../core/site/page-cache-key.ts';
import { buildCasesCsv } from '../../../core/site/open-data-cases.ts';
import { createPaths, toAbsoluteUrl } from '../../../core/site/paths.ts';
import type { CompanyRecord } from '../../../core/watchblog.ts';

export async function getStaticPaths() {
  const watchblog = await loadWatchblog();
  return withCacheKeys(companiesWithPages(watchblog).map((record) => ({ params: { slug: record.company.slug }, props: { record } })));
}

/** `/data/<slug>/cases.csv`: one row per case (RFC 4180, spreadsheet formulas neutralised). */
export const GET: APIRoute = ({ props, site }) => {
  const { record } = props as { record: CompanyRecord };
  const paths = createPaths(base);
  const origin = resolveSiteUrl(site);
  const csv = buildCasesCsv(record, (kase) => toAbsoluteUrl(origin, paths.caseOf(kase.company, kase.id)));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
