/**
 * Every internal URL of the site, built from one base path, so a project site served under
 * `/watch/` links correctly. Pure: the base comes in as an argument (pages pass
 * `import.meta.env.BASE_URL`). Paths end in `/` for pages and in the file name for files.
 */
import type { CaseStatus, Channel } from '../schemas.ts';
import { COMPANY_FEEDS, type CompanyFeedKind } from './company-feeds.ts';

/** The sort keys of the home table, each one static page (`/sort/<key>/`). */
export const SORT_KEYS = ['name', 'grade', 'response-rate', 'median-response', 'within-target', 'unanswered'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** A base path in canonical form: starts and ends with one `/` ("watch" → "/watch/", "" → "/"). */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The site's URL builders, all under `base`. */
export type SitePaths = ReturnType<typeof createPaths>;

/**
 * URL builders under a base path. Segments that come from content (slugs, ids, months) are
 * percent-encoded, so a strange id can never escape its path segment.
 */
export function createPaths(baseIn: string) {
  const base = normalizeBase(baseIn);
  const seg = (value: string) => encodeURIComponent(value);
  const paged = (prefix: string, page: number) => (page <= 1 ? prefix : `${prefix}${page}/`);
  return {
    base,
    home: () => base,
    sort: (key: SortKey) => (key === 'name' ? base : `${base}sort/${key}/`),
    company: (slug: string) => `${base}companies/${seg(slug)}/`,
    companyArchive: (slug: string) => `${base}companies/${seg(slug)}/archive/`,
    companyMonth: (slug: string, month: string, page = 1) => paged(`${base}companies/${seg(slug)}/archive/${seg(month)}/`, page),
    companySaid: (slug: string, page = 1) => paged(`${base}companies/${seg(slug)}/said/`, page),
    companyNews: (slug: string, page = 1) => paged(`${base}companies/${seg(slug)}/news/`, page),
    companyFeed: (slug: string, kind: CompanyFeedKind = 'all') => `${base}companies/${seg(slug)}/${COMPANY_FEEDS[kind].file}`,
    caseOf: (company: string, id: string) => `${base}cases/${seg(company)}/${seg(id)}/`,
    caseFeed: (company: string, id: string) => `${base}cases/${seg(company)}/${seg(id)}/rss.xml`,
    channel: (channel: Channel, page = 1) => paged(`${base}channels/${channel}/`, page),
    status: (status: CaseStatus, page = 1) => paged(`${base}status/${status}/`, page),
    archives: () => `${base}archives/`,
    post: (slug: string) => `${base}posts/${slug.split('/').map(seg).join('/')}/`,
    posts: () => `${base}posts/`,
    feed: () => `${base}rss.xml`,
    responsesFeed: () => `${base}responses.xml`,
    feeds: () => `${base}feeds/`,
    data: () => `${base}data/`,
    companiesJson: () => `${base}data/companies.json`,
    casesJson: (slug: string) => `${base}data/${seg(slug)}/cases.json`,
    casesCsv: (slug: string) => `${base}data/${seg(slug)}/cases.csv`,
    saidJson: (slug: string) => `${base}data/${seg(slug)}/said.json`,
    badge: (slug: string) => `${base}badges/${seg(slug)}.svg`,
    methodology: () => `${base}methodology/`,
    sources: () => `${base}sources/`,
    about: () => `${base}about/`,
    search: () => `${base}search/`,
    stylesheet: (file: string) => `${base}${file}`,
  };
}

/** An absolute URL for a site path (which already carries the base), e.g. for feeds and canonical links. */
export function toAbsoluteUrl(site: string | URL, sitePath: string): string {
  return new URL(sitePath, site).href;
}

/** True when a link from content may be rendered as a link: http: or https: only. */
export function isHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
