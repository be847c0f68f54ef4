import type { APIRoute } from 'astro';
import { companiesWithPages, loadWatchblog } from '../../../queries/watchblog.ts';
import { withCacheKeys } from '../../../core/site/page-cache-key.ts';
import { buildSaidJson } from '../../../core/site/company-said.ts';
import type { CompanyRecord } from '../../../core/watchblog.ts';

export async function getStaticPaths() {
  const watchblog = await loadWatchblog();
  return withCacheKeys(companiesWithPages(watchblog).map((record) => ({ params: { slug: record.company.slug }, props: { record, asOf: watchblog.asOf } })));
}

/** `/data/<slug>/said.json`: everything one company said that the site shows, newest first. */
export const GET: APIRoute = ({ props }) => {
  const { record, asOf } = props as { record: CompanyRecord; asOf: string };
  return new Response(`${JSON.stringify(buildSaidJson(record, asOf))}\n`, { headers: { 'Content-Type': 'application/json' } });
};
