import type { APIRoute } from 'astro';
import { companiesWithPages, loadWatchblog } from '../../queries/watchblog.ts';
import { withCacheKeys } from '../../core/site/page-cache-key.ts';
import { buildCompanyBadgeSvg } from '../../core/site/badge.ts';
import type { CompanyRecord } from '../../core/watchblog.ts';

export async function getStaticPaths() {
  const watchblog = await loadWatchblog();
  return withCacheKeys(companiesWithPages(watchblog).map((record) => ({ params: { slug: record.company.slug }, props: { record } })));
}

/** `/badges/<slug>.svg`: an embeddable badge with the grade and the 12-month response rate. */
export const GET: APIRoute = ({ props }) => {
  const { record } = props as { record: CompanyRecord };
  return new Response(buildCompanyBadgeSvg(record), { headers: { 'Content-Type': 'image/svg+xml' } });
};
