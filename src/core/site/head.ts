/**
 * What every page's <head> carries: the Content-Security-Policy and the page's canonical URL.
 * Pure.
 */

/**
 * The Content-Security-Policy of every page: only the site's own scripts (and WebAssembly,
 * which Pagefind's search needs), only the site's own stylesheets (Astro is told never to
 * inline them), no plugins, no <base> rewriting, forms only to the site itself.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** True when `pathname` is the section `sectionPath` or inside it (the home only matches itself). */
export function isInSection(pathname: string, sectionPath: string, homePath: string): boolean {
  const withSlash = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (sectionPath === homePath) return withSlash === homePath;
  return withSlash.startsWith(sectionPath);
}
