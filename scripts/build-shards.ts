/**
 * `npm run build:shards` — builds a large watch blog in company shards (docs/scaling.md):
 * each shard an Astro build over its companies' files (its pages and its companies' records),
 * then the hub (the pages that span companies, from the shards' records), then one folder with
 * all of it, each part with its own Pagefind bundle, which the search page queries together.
 * Its pages are the ones `npm run build` writes, byte for byte; memory is bounded by the
 * largest shard instead of the whole watch blog, and a shard whose inputs did not change is
 * reused whole, search bundle included.
 *
 *   npm run build:shards -- [--shards 4]                 everything, on this machine
 *   npm run build:shards -- --plan [--shards 4]          write the plan (for a CI matrix) and print it
 *   npm run build:shards -- --shard shard-2              one shard of the plan (a matrix job)
 *   npm run build:shards -- --merge                      the hub, its search bundle, and the merge (the final job)
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RECORDS_INDEX_FILE, SEARCH_BUNDLES_FILE, type HubPart, type ShardPart } from '../src/core/shards/build-part.ts';
import { planShards, type PlannedShard } from '../src/core/shards/plan-shards.ts';
import { normalizeBase } from '../src/core/site/paths.ts';
import { DEFAULT_SITE_URL } from '../src/core/site/site-url.ts';
import { defineCli, exitWithUsageError, parseCliArgs, resolveContentOption } from './cli-args.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { HUB, shardLayout } from './shards/layout.ts';
import { mergeOutputs, readShardSitemapPages, type MergeSource } from './shards/merge-outputs.ts';
import { runStep } from './shards/run-step.ts';
import { indexHubForSearch, indexShardForSearch, readShardBundles } from './shards/search-index.ts';
import { digestShardInputs } from './shards/shard-inputs.ts';
import { weighCompanies } from './shards/weigh-companies.ts';

const CLI = defineCli({
  command: 'npm run build:shards --',
  tag: 'shards',
  summary: 'Builds the site in company shards, each with its search bundle, then the pages that span companies, then merges them into one site: the pages of npm run build, in memory bounded by the largest shard. --plan, --shard and --merge run the steps one at a time, as jobs of a CI matrix.',
  options: {
    shards: { type: 'string', default: '4', value: '<n>', description: 'how many shards to plan (default 4; never more than there are companies)' },
    'search-bundle-pages': { type: 'string', default: '20000', value: '<n>', description: "split a shard's search index, by the year cases opened, into bundles of about this many pages (default 20000: Pagefind's memory grows with the pages of one bundle)" },
    plan: { type: 'boolean', default: false, description: 'only plan: write <work>/plan.json and print it' },
    shard: { type: 'string', value: '<name>', description: 'only build this shard of <work>/plan.json (e.g. shard-2)' },
    merge: { type: 'boolean', default: false, description: 'only build the hub from the built shards, merge, and index for search' },
    content: { type: 'string', value: '<dir>', description: 'the content folder (default: $WATCHBLOG_CONTENT, else ./content)' },
    work: { type: 'string', default: '.astro/shards', value: '<dir>', description: 'where the shards and the hub are built (default .astro/shards; must be inside the project)' },
    out: { type: 'string', value: '<dir>', description: 'the merged site (default: $WATCHBLOG_OUT_DIR, else ./dist); brought up to date: what no part writes is deleted' },
  },
  env: {
    WATCHBLOG_NOW: 'the instant every figure is computed at; default: when the plan is made (all parts share it)',
    WATCHBLOG_CACHE_DIR: "Astro's cache folder; each part keeps its cache in <it>/shards/<part> (default node_modules/.astro)",
    'WATCHBLOG_SITE, WATCHBLOG_BASE': 'the site address and base path, as for npm run build',
  },
  exitCodes: { 0: 'built (or planned); also after --help', 1: 'a part failed to build, or the merge refused', 2: 'bad options' },
});

/** What --plan writes: the shards, and the now every part is built as of. */
type Plan = { now: string; siteCompanyCount: number; shards: PlannedShard[] };

const log = (line: string) => console.log(`[shards] ${line}`);
const countCompanies = (count: number) => `${count} ${count === 1 ? 'company' : 'companies'}`;

const values = parseCliArgs(CLI);
const shardCount = Number(values.shards);
if (!Number.isInteger(shardCount) || shardCount < 1) exitWithUsageError(CLI, `--shards: expected a whole number of at least 1, got "${values.shards}"`);
const searchBundlePages = Number(values['search-bundle-pages']);
if (!Number.isInteger(searchBundlePages) || searchBundlePages < 1) exitWithUsageError(CLI, `--search-bundle-pages: expected a whole number of at least 1, got "${values['search-bundle-pages']}"`);
if ([values.plan, values.shard !== undefined, values.merge].filter(Boolean).length > 1) exitWithUsageError(CLI, '--plan, --shard and --merge are separate steps: give one of them, or none to run them all');
const contentDir = resolveContentOption(values.content);
const work = path.resolve(values.work);
if (path.relative(PROJECT_ROOT, work).startsWith('..')) exitWithUsageError(CLI, `--work: ${work} is outside the project; Astro keeps each build's chunks apart only for output folders inside it`);
const out = path.resolve(values.out ?? process.env.WATCHBLOG_OUT_DIR ?? 'dist');
const layout = shardLayout(work, path.resolve(process.env.WATCHBLOG_CACHE_DIR ?? path.join(PROJECT_ROOT, 'node_modules', '.astro')));
const sitePathBase = normalizeBase(process.env.WATCHBLOG_BASE ?? '/');
const siteRoot = new URL(sitePathBase, process.env.WATCHBLOG_SITE ?? DEFAULT_SITE_URL).href;

try {
  if (values.plan) printPlan(await makePlan());
  else if (values.shard !== undefined) await buildShard(await readPlan(), values.shard);
  else if (values.merge) await buildHubAndMerge(await readPlan());
  else {
    const plan = await makePlan();
    for (const shard of plan.shards) await buildShard(plan, shard.name);
    await buildHubAndMerge(plan);
  }
} catch (error) {
  console.error(`[shards] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

async function makePlan(): Promise<Plan> {
  const companies = await weighCompanies(contentDir);
  if (companies.length === 0) throw new Error(`no company files in ${path.join(contentDir, 'companies')}: nothing to build`);
  const now = new Date(process.env.WATCHBLOG_NOW ?? Date.now());
  if (Number.isNaN(now.getTime())) throw new Error(`WATCHBLOG_NOW: "${process.env.WATCHBLOG_NOW}" is not a date (e.g. 2026-11-21T00:00:00Z)`);
  const plan: Plan = { now: now.toISOString(), siteCompanyCount: companies.length, shards: planShards(companies, shardCount) };
  await mkdir(work, { recursive: true });
  await writeFile(layout.plan, `${JSON.stringify(plan, null, 2)}\n`);
  for (const shard of plan.shards) log(`${shard.name}: ${countCompanies(shard.companies.length)}, ${shard.weight} files (${shard.companies.join(', ')})`);
  return plan;
}

function printPlan(plan: Plan): void {
  process.stdout.write(`${JSON.stringify(plan)}\n`);
}

async function readPlan(): Promise<Plan> {
  const text = await readFile(layout.plan, 'utf8').catch(() => {
    throw new Error(`${layout.plan} is missing: run npm run build:shards -- --plan first (in CI, pass it on to every job)`);
  });
  return JSON.parse(text) as Plan;
}

/** One `astro build` of a part: its part file, output and cache, and the plan's now. */
async function buildPart(plan: Plan, name: string, part: ShardPart | HubPart): Promise<void> {
  await mkdir(path.dirname(layout.partFile(name)), { recursive: true });
  await writeFile(layout.partFile(name), JSON.stringify(part));
  await runStep(`${name}: astro build`, process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    ...process.env,
    WATCHBLOG_BUILD_PART: layout.partFile(name),
    WATCHBLOG_CONTENT: contentDir,
    WATCHBLOG_NOW: plan.now,
    WATCHBLOG_OUT_DIR: layout.dist(name),
    WATCHBLOG_CACHE_DIR: layout.cache(name),
  });
}

async function buildShard(plan: Plan, name: string): Promise<void> {
  const shard = plan.shards.find((candidate) => candidate.name === name);
  if (!shard) throw new Error(`--shard: no shard "${name}" in ${layout.plan} (it has ${plan.shards.map((s) => s.name).join(', ')})`);
  const part: ShardPart = { kind: 'shard', name, companies: shard.companies, siteCompanyCount: plan.siteCompanyCount, recordsDir: layout.records(name) };
  const inputs = await digestShardInputs(part, contentDir, { now: plan.now, site: process.env.WATCHBLOG_SITE, base: process.env.WATCHBLOG_BASE, searchBundlePages: String(searchBundlePages) });
  const previous = await readFile(layout.inputsDigest(name), 'utf8').catch(() => null);
  if (previous === inputs && existsSync(path.join(layout.records(name), RECORDS_INDEX_FILE)) && existsSync(layout.dist(name)) && existsSync(layout.search(name))) {
    log(`${name}: inputs unchanged since its last build, reused whole`);
    return;
  }
  log(`${name}: building ${countCompanies(shard.companies.length)} (${shard.weight} files)`);
  // A half-built shard must never look complete: its digest and records go first, and come back only when it succeeds.
  await rm(layout.inputsDigest(name), { force: true });
  await rm(layout.records(name), { recursive: true, force: true });
  await buildPart(plan, name, part);
  // Each shard has its own search bundles: no step indexes the whole site (Pagefind's memory grows with the pages it holds).
  log(`${name}: search index`);
  const search = await indexShardForSearch(name, layout.dist(name), layout.search(name), searchBundlePages, process.env);
  if (search.kept.length > 0) log(`${name}: search bundles whose pages did not change, kept: ${search.kept.join(', ')}`);
  await writeFile(layout.inputsDigest(name), inputs);
}

async function buildHubAndMerge(plan: Plan): Promise<void> {
  for (const shard of plan.shards) {
    if (!existsSync(path.join(layout.records(shard.name), RECORDS_INDEX_FILE))) throw new Error(`${shard.name} is not built (no ${path.join(layout.records(shard.name), RECORDS_INDEX_FILE)}): build it with --shard ${shard.name}`);
  }
  const sources: MergeSource[] = await Promise.all(
    plan.shards.map(async (shard) => ({ name: shard.name, dist: layout.dist(shard.name), companies: shard.companies, searchBundles: await readShardBundles(layout.search(shard.name)) })),
  );
  const sitemapPages = (await Promise.all(sources.map((source) => readShardSitemapPages(source, siteRoot)))).flat();
  log(`hub: the pages that span companies, from ${sources.length} shards' records`);
  await buildPart(plan, HUB, { kind: 'hub', recordsDirs: sources.map((source) => layout.records(source.name)), sitemapPages });
  const hubIndexed = await indexHubForSearch(layout.dist(HUB), process.env);
  log('hub built; merging');
  refuseOutputFolderHolding(out, [PROJECT_ROOT, contentDir, work]);
  const merged = await mergeOutputs(layout.dist(HUB), sources, out);
  // The search page reads this list: the hub's bundle first when it has one, then every shard's.
  const bundles = [...(hubIndexed ? ['pagefind'] : []), ...sources.flatMap((source) => source.searchBundles.map((bundle) => bundle.name))];
  await writeFile(path.join(out, SEARCH_BUNDLES_FILE), JSON.stringify(bundles.map((bundle) => `${sitePathBase}${bundle}/`)));
  log(
    `merged ${merged.files} files into ${path.relative(process.cwd(), out) || out}: ${merged.fromHub} from the hub, ${Object.entries(merged.fromShards).map(([name, count]) => `${count} from ${name}`).join(', ')}; ` +
      `${merged.alreadyInPlace} already in place, ${merged.deleted} deleted; ${bundles.length} search bundles`,
  );
}

/** Refuses a merged site's folder that holds the project, the content or the work folder: the merge deletes what no part writes. */
function refuseOutputFolderHolding(folder: string, kept: readonly string[]): void {
  for (const inside of kept) {
    if (!path.relative(folder, inside).startsWith('..')) throw new Error(`--out: ${folder} holds ${inside}; choose an output folder of its own`);
  }
}
