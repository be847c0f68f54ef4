/**
 * Which part of the site one `astro build` makes. A small watch blog is built whole; a large
 * one can be built in company shards (`npm run build:shards`, docs/scaling.md):
 *
 *   - a **shard** reads only its companies' files and writes only their pages (company page,
 *     case pages and feeds, archives, open data, badge), plus each company's record (cases and
 *     scorecard as JSON) for the hub;
 *   - the **hub** reads no mention, response or case file: it reads the shards' records and
 *     writes every page that spans companies (home, sort tables, channel and status lists,
 *     site feeds, search, posts, sources, open-data index) and the sitemap of all pages.
 *
 * The merge of the shards' company pages and the hub's pages is the site a whole build writes,
 * byte for byte (tests/site/shards.test.ts). Pure: the query layer reads the part's file.
 */
import { z } from 'astro/zod';

const SlugList = z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)).readonly();

const BuildPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('site') }),
  z.object({
    kind: z.literal('shard'),
    /** A name for logs and folders, e.g. "shard-2". */
    name: z.string().regex(/^[a-z0-9-]+$/),
    /** The companies (slugs) this shard builds. */
    companies: SlugList,
    /** How many companies the whole site has (a site of one company links its page as the home page). */
    siteCompanyCount: z.number().int().positive(),
    /** Where the shard writes its companies' records for the hub. */
    recordsDir: z.string().min(1),
  }),
  z.object({
    kind: z.literal('hub'),
    /** The shards' records folders, each written by a shard build. */
    recordsDirs: z.array(z.string().min(1)).readonly(),
    /** The shards' pages as absolute URLs, for the sitemap of the whole site. */
    sitemapPages: z.array(z.url()).readonly(),
  }),
]);

export type BuildPart = z.infer<typeof BuildPartSchema>;
export type ShardPart = Extract<BuildPart, { kind: 'shard' }>;
export type HubPart = Extract<BuildPart, { kind: 'hub' }>;

export const WHOLE_SITE: BuildPart = { kind: 'site' };

/** A build part from its JSON file's text; throws naming what is wrong. */
export function parseBuildPart(text: string, source: string): BuildPart {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = BuildPartSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${source}: not a build part: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** True when this part writes the pages of each company it reads (the whole site and shards). */
export function buildsCompanyPages(part: BuildPart): boolean {
  return part.kind !== 'hub';
}

/** True when this part writes the pages that span companies (the whole site and the hub). */
export function buildsSitePages(part: BuildPart): boolean {
  return part.kind !== 'shard';
}

/**
 * The content files a part reads, by company: all of them (null) for the whole site, the
 * shard's companies for a shard, none for the hub (it reads the shards' records instead).
 * Posts are read by every part.
 */
export function companiesToRead(part: BuildPart): ReadonlySet<string> | null {
  if (part.kind === 'site') return null;
  return new Set(part.kind === 'shard' ? part.companies : []);
}

/** The file a shard writes last in its records folder: a folder with it is complete. */
export const RECORDS_INDEX_FILE = 'shard.json';

/**
 * The file, at the root of a site built in company shards, that lists its search bundles (site
 * paths, the first one primary): the hub's `pagefind/` when the hub has pages to index, then
 * each shard's: `pagefind-<shard>/`, or, for a shard with more searchable pages than
 * `--search-bundle-pages`, one per group of years (`pagefind-<shard>-<first year>/`,
 * src/core/shards/search-groups.ts). Each is indexed on its own, so no step holds the whole
 * site's index in memory (Pagefind needed 6.7 GB for 78,000 pages), and a bundle whose pages
 * did not change is kept.
 */
export const SEARCH_BUNDLES_FILE = 'search-bundles.json';

/** The folder of a shard's search bundle in the merged site (the first part of its name when the shard has several). */
export function shardSearchBundle(shardName: string): string {
  return `pagefind-${shardName}`;
}
