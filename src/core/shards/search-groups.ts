/**
 * How a shard's searchable pages are split into search bundles. Pagefind holds every page of
 * an index in memory while it writes it (3 GB for the 31,000 pages of one company at 100,000
 * mentions), and re-indexes all of them when one changes. So a shard with more searchable
 * pages than a limit is indexed in groups of case pages by the year each case opened: a new
 * mention lands in the newest group, and the older groups, whose pages did not change, keep
 * their bundle. The grouping decides only where a page is indexed, never whether: every
 * searchable page is in exactly one group.
 */
import { shardSearchBundle } from './build-part.ts';

/** A page a shard marked for search; `year` is when its case opened, null for a page that is not a case's. */
export type SearchablePage = { file: string; year: string | null };

/** One search bundle of a shard: its folder name and the pages it indexes. */
export type SearchGroup = { bundle: string; files: string[] };

/**
 * The groups of a shard's searchable pages: one, named as the shard's bundle, while they are
 * at most `maxPages`; else consecutive opening years, oldest first, packed while a group stays
 * within `maxPages` (a year alone may exceed it), each named after its first year. Pages that
 * are not a case's (lists of a company's statements and news, which change with every new
 * item) go with the newest year, which changes anyway.
 */
export function planSearchGroups(shardName: string, pages: readonly SearchablePage[], maxPages: number): SearchGroup[] {
  const bundle = shardSearchBundle(shardName);
  const byFile = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  if (pages.length === 0) return [];
  if (pages.length <= maxPages) return [{ bundle, files: pages.map((page) => page.file).sort(byFile) }];
  const byYear = new Map<string, string[]>();
  const undated: string[] = [];
  for (const page of pages) {
    if (page.year === null) undated.push(page.file);
    else if (byYear.has(page.year)) byYear.get(page.year)!.push(page.file);
    else byYear.set(page.year, [page.file]);
  }
  const groups: { years: string[]; files: string[] }[] = [];
  for (const year of [...byYear.keys()].sort()) {
    const files = byYear.get(year)!;
    const last = groups.at(-1);
    if (last && last.files.length + files.length <= maxPages) {
      last.years.push(year);
      last.files.push(...files);
    } else {
      groups.push({ years: [year], files: [...files] });
    }
  }
  if (groups.length === 0) groups.push({ years: [], files: [] });
  groups.at(-1)!.files.push(...undated);
  return groups.map((group) => ({ bundle: group.years.length > 0 ? `${bundle}-${group.years[0]}` : bundle, files: group.files.sort(byFile) }));
}
