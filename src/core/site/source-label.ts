/**
 * The name a source goes by on the sources page and the company page, and its health in a
 * few words. Pure.
 */
import type { SourceHealth } from '../write/fetch-state.ts';

/**
 * A source → its label: the company file's `name`, else the feed's own title as fetch last
 * recorded it (`feedTitle` in the fetch state), else the URL's host (port included, so two
 * local test servers stay apart), else, for a local file, its file name. Blank values are
 * skipped. Never throws.
 */
export function computeSourceLabel(source: { url: string; name?: string | undefined }, feedTitle?: string | undefined): string {
  const name = source.name?.trim();
  if (name) return name;
  const title = feedTitle?.trim();
  if (title) return title;
  try {
    const host = new URL(source.url).host;
    if (host !== '') return host;
  } catch {
    // Not a URL: a local file.
  }
  return source.url.split(/[\\/]/).filter((part) => part !== '').pop() ?? source.url;
}

/** A source's health in a few words: "healthy", "failing (3 in a row)", or "not fetched yet" when fetch has no record of it. */
export function describeSourceHealth(health: SourceHealth | undefined): string {
  if (!health) return 'not fetched yet';
  return health.consecutiveFailures > 0 ? `failing (${health.consecutiveFailures} in a row)` : 'healthy';
}
