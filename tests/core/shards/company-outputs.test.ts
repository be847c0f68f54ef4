/**
 * companyOfOutput: which built files a shard contributes to the merged site. Held to the
 * site's URL builders, so a new company page in paths.ts cannot be left out of the merge.
 */
import { describe, expect, it } from 'vitest';
import { companyOfOutput, companyOfPageUrl } from '../../../src/core/shards/company-outputs.ts';
import { createPaths, SORT_KEYS } from '../../../src/core/site/paths.ts';
import { COMPANY_FEEDS, type CompanyFeedKind } from '../../../src/core/site/company-feeds.ts';

const paths = createPaths('/');
/** A URL path → the file it is built as. */
const fileOf = (urlPath: string) => (urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath).slice(1);

describe('companyOfOutput', () => {
  it('gives the company of every page the URL builders make for one company', () => {
    const companyPages = [
      paths.company('acme'),
      paths.companyArchive('acme'),
      paths.companyMonth('acme', '2026-03'),
      paths.companyMonth('acme', '2026-03', 2),
      paths.companySaid('acme'),
      paths.companySaid('acme', 3),
      paths.companyNews('acme'),
      ...(Object.keys(COMPANY_FEEDS) as CompanyFeedKind[]).map((kind) => paths.companyFeed('acme', kind)),
      paths.caseOf('acme', 'abc123'),
      paths.caseFeed('acme', 'abc123'),
      paths.casesJson('acme'),
      paths.casesCsv('acme'),
      paths.saidJson('acme'),
      paths.badge('acme'),
    ];
    for (const page of companyPages) expect(companyOfOutput(fileOf(page)), page).toBe('acme');
  });

  it('gives no company for the pages that span companies, and for assets and the search index', () => {
    const sitePages = [
      paths.home(),
      ...SORT_KEYS.map((key) => paths.sort(key)),
      paths.channel('forum'),
      paths.channel('forum', 2),
      paths.status('open'),
      paths.archives(),
      paths.post('2026/a-post'),
      paths.posts(),
      paths.feed(),
      paths.responsesFeed(),
      paths.feeds(),
      paths.data(),
      paths.companiesJson(),
      paths.methodology(),
      paths.sources(),
      paths.about(),
      paths.search(),
      '/404.html',
      '/sitemap-index.xml',
      '/sitemap-0.xml',
      '/robots.txt',
      '/_astro/site.abc123.css',
      '/pagefind/pagefind.js',
    ];
    for (const page of sitePages) expect(companyOfOutput(fileOf(page)), page).toBeNull();
  });

  it('reads page URLs under a base path', () => {
    expect(companyOfPageUrl('https://example.org/watch/cases/acme/x/', 'https://example.org/watch/')).toBe('acme');
    expect(companyOfPageUrl('https://example.org/watch/companies/acme/', 'https://example.org/watch')).toBe('acme');
    expect(companyOfPageUrl('https://example.org/watch/archives/', 'https://example.org/watch/')).toBeNull();
    expect(companyOfPageUrl('https://elsewhere.example/cases/acme/x/', 'https://example.org/')).toBeNull();
  });
});
