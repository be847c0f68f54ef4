/**
 * Which company a built file belongs to, from its path in the output folder (relative, `/`
 * separated, without the base path). A shard contributes exactly these files to the merged
 * site; every other file comes from the hub. Mirrors the company-scoped URLs of
 * src/core/site/paths.ts: `companies/<slug>/…`, `cases/<slug>/…`, `data/<slug>/…`,
 * `badges/<slug>.svg`.
 */

/** The company slug an output file belongs to, or null for a page that spans companies. */
export function companyOfOutput(relativePath: string): string | null {
  const segments = relativePath.split('/');
  const [top, second] = segments;
  if (second === undefined || second === '') return null;
  if ((top === 'companies' || top === 'cases' || top === 'data') && segments.length >= 3) return decodeURIComponent(second);
  if (top === 'badges' && segments.length === 2 && second.endsWith('.svg')) return decodeURIComponent(second.slice(0, -'.svg'.length));
  return null;
}

/** The company an absolute page URL belongs to, given the site's root URL (site + base), or null. */
export function companyOfPageUrl(pageUrl: string, siteRoot: string): string | null {
  const root = siteRoot.endsWith('/') ? siteRoot : `${siteRoot}/`;
  if (!pageUrl.startsWith(root)) return null;
  const relative = pageUrl.slice(root.length);
  // A page URL names a folder (`cases/acme/x/`); its file is that folder's index.html.
  return companyOfOutput(relative.endsWith('/') ? `${relative}index.html` : relative);
}
