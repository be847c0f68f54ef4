import { base } from 'astro:config/client';
import type { APIRoute } from 'astro';
import { resolveSiteUrl } from '../../../../core/site/site-url.ts';
import { companiesWithPages, loadWatchblog } from '../../../../queries/watchblog.ts';
import { withCacheKeys } from '../../../../core/site/page-cache-key.ts';
import { respondWithFeed } from '../../../../layouts/rss-feed.ts';
import { buildCaseFeedItems } from '../../../../core/site/feed-items.ts';
import { describeCaseFeed } from '../../../../core/site/case-page.ts';
import { createPaths, toAbsoluteUrl } from '../../../../core/site/paths.ts';
import type { Case, CompanyEntry } from '../../../../core/types.ts';

export async function getStaticPaths() {
  const watchblog = await loadWatchblog();
  return withCacheKeys(companiesWithPages(watchblog).flatMap(({ company, cases }) =>
    cases.map((kase) => ({ params: { company: company.slug, id: kase.id }, props: { company, kase, asOf: watchblog.asOf } })),
  ));
}

/** `/cases/<company>/<id>/rss.xml`: follow one case until it is answered and resolved. */
export const GET: APIRoute = ({ props, site }) => {
  const { company, kase, asOf } = props as { company: CompanyEntry; kase: Case; asOf: string };
  const paths = createPaths(base);
  const origin = resolveSiteUrl(site);
  const pageUrl = toAbsoluteUrl(origin, paths.caseOf(company.slug, kase.id));
  return respondWithFeed({
    ...describeCaseFeed(kase, company.name),
    selfUrl: toAbsoluteUrl(origin, paths.caseFeed(company.slug, kase.id)),
    pageUrl,
    items: buildCaseFeedItems(kase, company.name, pageUrl),
    asOf,
  });
};
