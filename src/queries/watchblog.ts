/**
 * The only place that calls astro:content. Loads every collection once per build, turns
 * entries into core types and memoises the derived watch blog, so each page gets its slice
 * without re-reading or re-threading anything: `getCollection()` builds a fresh array of every
 * entry on each call, so calling it per page costs pages × entries (withastro/astro#16297).
 *
 * In a sharded build (src/core/shards/build-part.ts) a shard's collections hold only its
 * companies' files, and it saves each company's record for the hub; the hub reads those
 * records instead of the items.
 */
import { getCollection } from 'astro:content';
import { toCaseOverride, toCompanyEntry, toPost } from '../core/content-entries.ts';
import { buildsCompanyPages, buildsSitePages, SEARCH_BUNDLES_FILE, type HubPart, type ShardPart } from '../core/shards/build-part.ts';
import { assembleWatchblog, buildWatchblog, type CompanyRecord, type Post, type Watchblog } from '../core/watchblog.ts';
import { buildPart } from './build-part.ts';
import { resolveNow } from './now.ts';
import { readRecords, saveRecords } from './shard-records.ts';

let memo: Promise<Watchblog> | undefined;

/** The watch blog as of the build's `now` (WATCHBLOG_NOW, else the clock). Computed once. */
export function loadWatchblog(): Promise<Watchblog> {
  memo ??= readWatchblog();
  return memo;
}

/** The companies whose own pages this build writes: all it read, or none in a sharded build's hub. */
export function companiesWithPages(watchblog: Watchblog): CompanyRecord[] {
  return buildsCompanyPages(buildPart()) ? watchblog.companies : [];
}

/** True when this build writes the pages that span companies (not in a shard of a sharded build). */
export function writesSitePages(): boolean {
  return buildsSitePages(buildPart());
}

/**
 * The file, under the site's base, that lists the search bundles of a site built in company
 * shards (one per shard, written by the merge); null for a site built whole (one bundle, pagefind/).
 */
export function searchBundlesList(): string | null {
  return buildPart().kind === 'site' ? null : SEARCH_BUNDLES_FILE;
}

/** How many companies the whole site has (a shard reads only some of them). */
export function countSiteCompanies(watchblog: Watchblog): number {
  const part = buildPart();
  return part.kind === 'shard' ? part.siteCompanyCount : watchblog.companies.length;
}

async function readWatchblog(): Promise<Watchblog> {
  const part = buildPart();
  if (part.kind === 'hub') return readHubWatchblog(part);
  const watchblog = await readItemsWatchblog();
  if (part.kind === 'shard') await saveShardRecords(part, watchblog);
  return watchblog;
}

async function readPosts(): Promise<Post[]> {
  return (await getCollection('posts')).map((entry) => toPost(entry.id, entry.data, entry.body ?? ''));
}

async function readItemsWatchblog(): Promise<Watchblog> {
  const [companies, mentions, responses, cases, posts] = await Promise.all([
    getCollection('companies'),
    getCollection('mentions'),
    getCollection('responses'),
    getCollection('cases'),
    readPosts(),
  ]);
  return buildWatchblog(
    {
      companies: companies.map((entry) => toCompanyEntry(entry.id, entry.data, entry.body ?? '')),
      mentions: mentions.map((entry) => ({ ...entry.data, excerpt: entry.body ?? '' })),
      responses: responses.map((entry) => ({ ...entry.data, excerpt: entry.body ?? '' })),
      overrides: cases.map((entry) => toCaseOverride(entry.id, entry.data, entry.body ?? '')),
      posts,
    },
    resolveNow(process.env.WATCHBLOG_NOW),
  );
}

async function saveShardRecords(part: ShardPart, watchblog: Watchblog): Promise<void> {
  const missing = part.companies.filter((slug) => !watchblog.companies.some((record) => record.company.slug === slug));
  if (missing.length > 0) throw new Error(`shard ${part.name}: no file in companies/ for ${missing.join(', ')}`);
  await saveRecords(part.recordsDir, watchblog.asOf, watchblog.companies);
}

async function readHubWatchblog(part: HubPart): Promise<Watchblog> {
  const asOf = resolveNow(process.env.WATCHBLOG_NOW).toISOString();
  const records: CompanyRecord[] = [];
  for (const dir of part.recordsDirs) {
    const shard = await readRecords(dir);
    if (shard.asOf !== asOf) throw new Error(`hub: the shard in ${dir} was built as of ${shard.asOf}, the hub as of ${asOf}: give every part the same WATCHBLOG_NOW`);
    records.push(...shard.records);
  }
  return assembleWatchblog(records, await readPosts(), asOf);
}
