/**
 * The search index of one part of a sharded build. Only pages marked for search
 * (`data-pagefind-body`) are indexed: over a folder without one, Pagefind would index every
 * page's whole body instead.
 *
 * The hub is indexed into its output's `pagefind/`. A shard is indexed into bundles kept
 * beside its output (`<work>/<shard>/search/<bundle>/`), split as src/core/shards/search-groups.ts
 * plans, each from a folder of links to its pages only; `bundles.json` there lists them with
 * the digest of the pages each was built from, and a bundle whose pages are byte for byte the
 * ones it was built from is kept instead of being indexed again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimited } from '../../src/core/map-limited.ts';
import { planSearchGroups, type SearchablePage, type SearchGroup } from '../../src/core/shards/search-groups.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { listTree } from './list-tree.ts';
import { runStep } from './run-step.ts';

/** The mark Pagefind indexes a page by. */
const SEARCH_MARK = 'data-pagefind-body';
/** The file, in a shard's search folder, that lists its bundles. */
const BUNDLES_FILE = 'bundles.json';
const PAGEFIND = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'pagefind');

/** A shard's search bundle as the merge links it: its name (its folder in the site) and where it was written. */
export type BuiltBundle = { name: string; dir: string };
type BundleList = { bundles: { name: string; digest: string }[] };

/** True when some page under `dist` is marked for search. */
export async function hasSearchablePage(dist: string): Promise<boolean> {
  return (await readSearchablePages(dist)).length > 0;
}

/** Indexes the hub's `dist` into `<dist>/pagefind/` when it has a searchable page; returns whether it did. */
export async function indexHubForSearch(dist: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!(await hasSearchablePage(dist))) return false;
  await runStep(`pagefind over ${dist}`, PAGEFIND, ['--site', dist], env);
  return true;
}

/** The year in a case page's first `<time datetime>` inside the searchable part: when the case opened. */
function caseOpeningYear(file: string, html: string): string | null {
  if (!file.startsWith('cases/')) return null;
  const body = html.indexOf(SEARCH_MARK);
  const match = /<time datetime="(\d{4})-/.exec(html.slice(body));
  return match?.[1] ?? null;
}

/** The searchable pages under `dist`, each with its case's opening year and the SHA-256 of its bytes. */
async function readSearchablePages(dist: string): Promise<(SearchablePage & { sha256: string })[]> {
  const pages = listTree(dist).filter((file) => file.endsWith('.html'));
  const read = await mapLimited(pages, 64, async (file) => {
    const bytes = await readFile(path.join(dist, file));
    const html = bytes.toString('utf8');
    if (!html.includes(SEARCH_MARK)) return null;
    return { file, year: caseOpeningYear(file, html), sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  return read.filter((page) => page !== null);
}

/** The digest of a group: its pages' paths and bytes (a page's path is its address in the index). */
function digestGroup(group: SearchGroup, sha256Of: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const file of group.files) hash.update(`${file}\0${sha256Of.get(file)}\n`);
  return hash.digest('hex');
}

async function readBundleList(searchDir: string): Promise<BundleList> {
  const text = await readFile(path.join(searchDir, BUNDLES_FILE), 'utf8').catch(() => null);
  return text === null ? { bundles: [] } : (JSON.parse(text) as BundleList);
}

/** Indexes one group: Pagefind over a folder that holds links to the group's pages only, at their paths in the site. */
async function indexGroup(dist: string, group: SearchGroup, bundleDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const pagesDir = `${bundleDir}.pages`;
  await rm(pagesDir, { recursive: true, force: true });
  await mapLimited([...new Set(group.files.map((file) => path.dirname(path.join(pagesDir, file))))], 64, (folder) => mkdir(folder, { recursive: true }));
  await mapLimited(group.files, 64, (file) => link(path.join(dist, file), path.join(pagesDir, file)));
  try {
    await runStep(`pagefind over ${group.files.length} pages for ${path.basename(bundleDir)}`, PAGEFIND, ['--site', pagesDir, '--output-path', bundleDir], env);
  } finally {
    await rm(pagesDir, { recursive: true, force: true });
  }
}

/**
 * Brings a shard's search bundles up to date with its output `dist`: plans the groups, keeps
 * the bundles whose pages did not change, indexes the others, and deletes bundles no longer
 * planned. Returns the bundles in order, and which of them were kept.
 */
export async function indexShardForSearch(
  shardName: string,
  dist: string,
  searchDir: string,
  maxPagesPerBundle: number,
  env: NodeJS.ProcessEnv,
): Promise<{ bundles: BuiltBundle[]; kept: string[] }> {
  const pages = await readSearchablePages(dist);
  const sha256Of = new Map(pages.map((page) => [page.file, page.sha256]));
  const groups = planSearchGroups(shardName, pages, maxPagesPerBundle);
  const previous = new Map((await readBundleList(searchDir)).bundles.map((bundle) => [bundle.name, bundle.digest]));
  const planned = groups.map((group) => ({ group, digest: digestGroup(group, sha256Of) }));
  // The list goes first and comes back only when every bundle is written: a half-indexed folder never looks complete.
  await rm(path.join(searchDir, BUNDLES_FILE), { force: true });
  await mkdir(searchDir, { recursive: true });
  const names = new Set(planned.map(({ group }) => group.bundle));
  for (const entry of await readdir(searchDir)) {
    if (!names.has(entry)) await rm(path.join(searchDir, entry), { recursive: true, force: true });
  }
  const kept: string[] = [];
  for (const { group, digest } of planned) {
    const bundleDir = path.join(searchDir, group.bundle);
    if (previous.get(group.bundle) === digest && existsSync(path.join(bundleDir, 'pagefind-entry.json'))) {
      kept.push(group.bundle);
      continue;
    }
    await rm(bundleDir, { recursive: true, force: true });
    await indexGroup(dist, group, bundleDir, env);
  }
  const list: BundleList = { bundles: planned.map(({ group, digest }) => ({ name: group.bundle, digest })) };
  await writeFile(path.join(searchDir, BUNDLES_FILE), `${JSON.stringify(list, null, 2)}\n`);
  return { bundles: list.bundles.map((bundle) => ({ name: bundle.name, dir: path.join(searchDir, bundle.name) })), kept };
}

/** A built shard's search bundles, in order, as its last build listed them; throws when the list is missing. */
export async function readShardBundles(searchDir: string): Promise<BuiltBundle[]> {
  const file = path.join(searchDir, BUNDLES_FILE);
  if (!existsSync(file)) throw new Error(`${file} is missing: that shard's search index was not finished; build the shard again`);
  return (await readBundleList(searchDir)).bundles.map((bundle) => ({ name: bundle.name, dir: path.join(searchDir, bundle.name) }));
}
