/**
 * `npm run bench` — the build benchmark: for generated watch blogs of each size (1,000, 10,000
 * and 100,000 mentions by default; `npm run generate` makes them), it measures, in one run:
 *
 *   - our cold build: content sync, page build, Pagefind, total wall, peak RSS of the whole
 *     process tree, pages and bytes written;
 *   - a second build with nothing changed, and one after adding 10 mentions to one company
 *     (Astro's cache kept);
 *   - the same site built in company shards (`npm run build:shards`), cold and after the 10
 *     mentions: each part's time, the merge, Pagefind, the peak RSS of the whole process tree;
 *   - two baselines over the same Markdown files: a plain Astro project (one glob collection,
 *     one template, one page per file, no search index) and Hugo (Debian's `hugo`);
 *
 * and prints the ratios. The machine is shared and noisy: compare ratios within one run.
 * Results go to bench/results/<date and time>.json.
 *
 *   npm run bench -- [--sizes 1000,10000,100000] [--companies 20] [--seed 1] [--shards 4] [--skip-baselines]
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hugoVersion, writeHugoSite, writePlainAstroProject } from './bench/baselines.ts';
import { runMeasured, type TreeRun } from './bench/process-tree.ts';
import { measureOutput } from './bench/measure-output.ts';
import { measureSearch, type SearchFigures } from './bench/search-bytes.ts';
import { defineCli, exitWithUsageError, parseCliArgs } from './cli-args.ts';
import { generateSyntheticWatchblog } from './generate/synthetic.ts';
import { addTenMentions, writeGeneratedFiles } from './generate/write-files.ts';
import { PROJECT_ROOT } from './project-root.ts';

// Under the project: Astro keeps its prerender chunks per build only when outDir is inside the working directory.
const WORK_ROOT = path.join(PROJECT_ROOT, '.astro', 'bench');
const BUILD_NOW = '2026-11-21T00:00:00Z';
const GENERATED_END = new Date('2026-11-20T18:00:00Z');

const CLI = defineCli({
  command: 'npm run bench --',
  tag: 'bench',
  summary: 'Builds generated watch blogs of several sizes and compares our build (cold, unchanged, +10 mentions) with a plain Astro project and Hugo over the same files, and measures a two-word search in Chromium. Writes bench/results/<date and time>.json.',
  options: {
    sizes: { type: 'string', default: '1000,10000,100000', value: '<n,n,...>', description: 'mentions per generated watch blog (default 1000,10000,100000)' },
    companies: { type: 'string', default: '20', value: '<n>', description: 'companies per watch blog (default 20)' },
    seed: { type: 'string', default: '1', value: '<n>', description: 'the generator seed (default 1)' },
    shards: { type: 'string', default: '4', value: '<n>', description: 'shards for the sharded build (default 4; 0 skips it)' },
    'skip-baselines': { type: 'boolean', default: false, description: 'measure our build only' },
  },
  exitCodes: { 0: 'measured; also after --help', 1: 'a build failed', 2: 'bad options' },
});

const values = parseCliArgs(CLI);
const sizes = values.sizes.split(',').map((size) => Number(size.trim()));
if (sizes.some((size) => !Number.isInteger(size) || size < 100)) exitWithUsageError(CLI, `--sizes: expected whole numbers of at least 100, got "${values.sizes}"`);
const companies = Number(values.companies);
const seed = Number(values.seed);
if (!Number.isInteger(companies) || companies < 1) exitWithUsageError(CLI, `--companies: expected a whole number, got "${values.companies}"`);
if (!Number.isInteger(seed)) exitWithUsageError(CLI, `--seed: expected a whole number, got "${values.seed}"`);
const shardCount = Number(values.shards);
if (!Number.isInteger(shardCount) || shardCount < 0) exitWithUsageError(CLI, `--shards: expected a whole number (0 to skip), got "${values.shards}"`);

type BuildFigures = { wallSeconds: number; syncSeconds?: number; pagesSeconds?: number; pagefindSeconds?: number; peakRssMB: number; pages: number; bytesWritten: number };
/** A sharded build: the time of each part in order (shards, then the hub; each with its search bundle) and the merge. */
type ShardedFigures = { wallSeconds: number; shardSeconds: Record<string, number>; shardSearchSeconds: Record<string, number>; reusedShards: string[]; searchBundles: number; keptSearchBundles: string[]; hubSeconds: number; mergeSeconds: number; peakRssMB: number; pages: number; bytesWritten: number };
type SizeResult = { mentions: number; responses: number; contentFiles: number; ours: { cold: BuildFigures; unchanged: BuildFigures; plus10Mentions: BuildFigures }; sharded?: { shards: number; cold: ShardedFigures; plus10Mentions: ShardedFigures; search?: SearchFigures }; plainAstro?: BuildFigures; hugo?: BuildFigures; search?: SearchFigures; ratios: Record<string, number> };

const log = (line: string) => console.log(`[bench] ${line}`);
const MB = 1024 * 1024;
/** A typical two-word query: two words that many generated complaints use. */
const SEARCH_QUERY = 'refund invoice';
/**
 * Both Astro builds get the same explicit heap limit, so a build that outgrows it fails loudly
 * instead of slowing down in garbage collection, and a large size is measured rather than
 * killed by Node's default limit. Peak RSS is reported either way.
 */
const NODE_HEAP = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=12288`.trim() };
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function failIfBroken(what: string, run: TreeRun): void {
  if (run.code === 0) return;
  console.error(`[bench] ${what} failed (exit ${run.code}):\n${run.output.slice(-3000)}`);
  process.exit(1);
}

/** Our build as `npm run build` runs it: astro build (sync, then pages), then Pagefind. */
async function buildOurs(contentDir: string, outDir: string, cacheDir: string): Promise<BuildFigures> {
  const env = { ...process.env, ...NODE_HEAP, WATCHBLOG_CONTENT: contentDir, WATCHBLOG_NOW: BUILD_NOW, WATCHBLOG_OUT_DIR: outDir, WATCHBLOG_CACHE_DIR: cacheDir };
  const astro = await runMeasured(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: PROJECT_ROOT, env, markers: { synced: /Synced content/ } });
  failIfBroken('our astro build', astro);
  const pagefind = await runMeasured(path.join(PROJECT_ROOT, 'node_modules/.bin/pagefind'), ['--site', outDir], { cwd: PROJECT_ROOT, env });
  failIfBroken('pagefind', pagefind);
  const synced = astro.markers.synced;
  return {
    wallSeconds: round(astro.wallSeconds + pagefind.wallSeconds),
    ...(synced === undefined ? {} : { syncSeconds: round(synced), pagesSeconds: round(astro.wallSeconds - synced) }),
    pagefindSeconds: round(pagefind.wallSeconds),
    peakRssMB: Math.round(Math.max(astro.peakRssBytes, pagefind.peakRssBytes) / MB),
    ...(await measureOutput(outDir)),
  };
}

/** `npm run build:shards` over the content, with the parts under `work` and their caches under `cacheDir`. */
async function buildSharded(contentDir: string, work: string, outDir: string, cacheDir: string): Promise<ShardedFigures> {
  const env = { ...process.env, ...NODE_HEAP, WATCHBLOG_CONTENT: contentDir, WATCHBLOG_NOW: BUILD_NOW, WATCHBLOG_CACHE_DIR: cacheDir };
  const shardNames = Array.from({ length: shardCount }, (_, index) => `shard-${index + 1}`);
  const markers: Record<string, RegExp> = {
    ...Object.fromEntries(shardNames.map((name) => [name, new RegExp(`\\[shards\\] ${name}: (building|inputs unchanged)`)])),
    ...Object.fromEntries(shardNames.map((name) => [`${name} search`, new RegExp(`\\[shards\\] ${name}: search index`)])),
    hub: /\[shards\] hub:/,
    merging: /\[shards\] hub built; merging/,
    merged: /\[shards\] merged \d+ files/,
  };
  const run = await runMeasured(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/build-shards.ts'), '--shards', String(shardCount), '--work', work, '--out', outDir], { cwd: PROJECT_ROOT, env, markers });
  failIfBroken('the sharded build', run);
  const at = (name: string) => run.markers[name] ?? Number.NaN;
  const started = shardNames.filter((name) => run.markers[name] !== undefined);
  const shardSeconds = Object.fromEntries(started.map((name, index) => [name, round(at(started[index + 1] ?? 'hub') - at(name))]));
  // Of each shard built, the seconds of its search index (Pagefind over the bundles that changed).
  const indexed = started.filter((name) => run.markers[`${name} search`] !== undefined);
  const shardSearchSeconds = Object.fromEntries(indexed.map((name) => [name, round(at(started[started.indexOf(name) + 1] ?? 'hub') - at(`${name} search`))]));
  const bundles = /(\d+) search bundles/.exec(run.output);
  return {
    wallSeconds: round(run.wallSeconds),
    shardSeconds,
    shardSearchSeconds,
    reusedShards: started.filter((name) => new RegExp(`${name}: inputs unchanged`).test(run.output)),
    searchBundles: bundles ? Number(bundles[1]) : 0,
    keptSearchBundles: [...run.output.matchAll(/search bundles whose pages did not change, kept: ([^\n]*)/g)].flatMap((match) => match[1]!.split(', ')),
    hubSeconds: round(at('merging') - at('hub')),
    mergeSeconds: round(at('merged') - at('merging')),
    peakRssMB: Math.round(run.peakRssBytes / MB),
    ...(await measureOutput(outDir)),
  };
}

async function buildPlainAstro(contentDir: string, dir: string): Promise<BuildFigures> {
  await rm(dir, { recursive: true, force: true });
  await writePlainAstroProject(dir, contentDir, PROJECT_ROOT);
  const run = await runMeasured(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, env: { ...process.env, ...NODE_HEAP }, markers: { synced: /Synced content/ } });
  failIfBroken('the plain Astro baseline', run);
  const synced = run.markers.synced;
  return { wallSeconds: round(run.wallSeconds), ...(synced === undefined ? {} : { syncSeconds: round(synced), pagesSeconds: round(run.wallSeconds - synced) }), peakRssMB: Math.round(run.peakRssBytes / MB), ...(await measureOutput(path.join(dir, 'dist'))) };
}

async function buildHugo(contentDir: string, dir: string): Promise<BuildFigures> {
  await rm(dir, { recursive: true, force: true });
  await writeHugoSite(dir, contentDir);
  // Hugo's own cold build: the copy above is preparation, not part of the figure.
  const run = await runMeasured('hugo', ['--quiet'], { cwd: dir });
  failIfBroken('the Hugo baseline', run);
  return { wallSeconds: round(run.wallSeconds), peakRssMB: Math.round(run.peakRssBytes / MB), ...(await measureOutput(path.join(dir, 'public'))) };
}

/** The generated content for one size, made once per size and seed and kept for re-runs. */
async function generatedContent(mentions: number): Promise<string> {
  const dir = path.join(WORK_ROOT, `content-${companies}c-${mentions}m-seed${seed}`);
  const done = path.join(dir, '.generated');
  if (existsSync(done)) return dir;
  await rm(dir, { recursive: true, force: true });
  const files = generateSyntheticWatchblog({ companies, mentions, seed, end: GENERATED_END });
  await writeGeneratedFiles(dir, files);
  await writeFile(done, new Date(0).toISOString());
  return dir;
}

async function countFiles(dir: string): Promise<number> {
  return existsSync(dir) ? (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length : 0;
}

const hugo = values['skip-baselines'] ? null : hugoVersion();
if (!values['skip-baselines'] && !hugo) log('hugo is not installed (apt-get install hugo): the Hugo baseline is skipped');
log(`${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GB, Node ${process.version}; sizes ${sizes.join(', ')}; ${companies} companies`);
const results: SizeResult[] = [];
for (const mentions of sizes) {
  const generated = await generatedContent(mentions);
  // Each size builds from a fresh copy, so adding mentions never touches the generated folder.
  const contentDir = path.join(WORK_ROOT, `build-${mentions}`, 'content');
  await rm(path.dirname(contentDir), { recursive: true, force: true });
  await cp(generated, contentDir, { recursive: true });
  const outDir = path.join(path.dirname(contentDir), 'dist');
  const cacheDir = path.join(path.dirname(contentDir), 'cache');
  const counts = { mentions: await countFiles(path.join(contentDir, 'mentions')), responses: await countFiles(path.join(contentDir, 'responses')) };
  log(`${counts.mentions} mentions, ${counts.responses} responses: our cold build…`);
  const cold = await buildOurs(contentDir, outDir, cacheDir);
  log(`  cold ${cold.wallSeconds} s; unchanged rebuild…`);
  const unchanged = await buildOurs(contentDir, outDir, cacheDir);
  const shardWork = path.join(path.dirname(contentDir), 'shards');
  const shardOut = path.join(path.dirname(contentDir), 'dist-sharded');
  const shardCache = path.join(path.dirname(contentDir), 'cache-sharded');
  let shardedCold: ShardedFigures | undefined;
  if (shardCount > 0) {
    log(`  unchanged ${unchanged.wallSeconds} s; sharded cold build (${shardCount} shards)…`);
    shardedCold = await buildSharded(contentDir, shardWork, shardOut, shardCache);
    log(`  sharded cold ${shardedCold.wallSeconds} s (${Object.entries(shardedCold.shardSeconds).map(([name, seconds]) => `${name} ${seconds} s`).join(', ')}, hub ${shardedCold.hubSeconds} s, merge ${shardedCold.mergeSeconds} s; each part with its search bundle), peak RSS ${shardedCold.peakRssMB} MB`);
  }
  log('  after +10 mentions…');
  await addTenMentions(contentDir);
  const plus10Mentions = await buildOurs(contentDir, outDir, cacheDir);
  log(`  +10 mentions ${plus10Mentions.wallSeconds} s`);
  const sharded: SizeResult['sharded'] = shardedCold ? { shards: shardCount, cold: shardedCold, plus10Mentions: await buildSharded(contentDir, shardWork, shardOut, shardCache) } : undefined;
  if (sharded) {
    log(`  sharded +10 mentions ${sharded.plus10Mentions.wallSeconds} s (reused ${sharded.plus10Mentions.reusedShards.join(', ') || 'no shard'})`);
    const search = await measureSearch(shardOut, SEARCH_QUERY);
    if (search) sharded.search = search;
  }
  const search = await measureSearch(outDir, SEARCH_QUERY);
  log(search ? `  search "${search.query}": ${search.results} results, ${search.fetchedKB} KB fetched in ${search.requests} requests (Pagefind ${search.pagefindKB} KB), index ${search.indexMB} MB` : '  search not measured: no Chromium');
  const result: SizeResult = { ...counts, contentFiles: await countFiles(generated), ours: { cold, unchanged, plus10Mentions }, ...(sharded ? { sharded } : {}), ...(search ? { search } : {}), ratios: {} };
  if (!values['skip-baselines']) {
    result.plainAstro = await buildPlainAstro(generated, path.join(WORK_ROOT, `plain-astro-${mentions}`));
    log(`  plain Astro ${result.plainAstro.wallSeconds} s`);
    result.ratios.coldVsPlainAstro = round(cold.wallSeconds / result.plainAstro.wallSeconds);
    if (hugo) {
      result.hugo = await buildHugo(generated, path.join(WORK_ROOT, `hugo-${mentions}`));
      log(`  Hugo ${result.hugo.wallSeconds} s`);
      result.ratios.coldVsHugo = round(cold.wallSeconds / result.hugo.wallSeconds);
    }
  }
  result.ratios.unchangedVsCold = round(unchanged.wallSeconds / cold.wallSeconds);
  result.ratios.plus10VsCold = round(plus10Mentions.wallSeconds / cold.wallSeconds);
  if (sharded) {
    result.ratios.shardedColdVsCold = round(sharded.cold.wallSeconds / cold.wallSeconds);
    result.ratios.shardedPlus10VsShardedCold = round(sharded.plus10Mentions.wallSeconds / sharded.cold.wallSeconds);
    if (result.plainAstro) result.ratios.shardedColdVsPlainAstro = round(sharded.cold.wallSeconds / result.plainAstro.wallSeconds);
  }
  results.push(result);
}
for (let index = 1; index < results.length; index += 1) {
  const [small, large] = [results[index - 1]!, results[index]!];
  large.ratios[`wallVs${small.mentions}`] = round(large.ours.cold.wallSeconds / small.ours.cold.wallSeconds);
}

const report = { date: new Date().toISOString(), machine: { cores: os.cpus().length, memoryGB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, hugo }, companies, seed, results };
const resultsDir = path.join(PROJECT_ROOT, 'bench', 'results');
await mkdir(resultsDir, { recursive: true });
// One file per run (UTC date and time), so runs of one day sit side by side.
const file = path.join(resultsDir, `${report.date.slice(0, 19).replace(/:/g, '')}.json`);
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);

console.log('\n| mentions | files | build | wall s | sync s | pages s | Pagefind s | peak RSS MB | pages | MB written |');
console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
for (const result of results) {
  const rows: [string, BuildFigures | undefined][] = [['ours, cold', result.ours.cold], ['ours, unchanged', result.ours.unchanged], ['ours, +10 mentions', result.ours.plus10Mentions], ['plain Astro', result.plainAstro], ['Hugo', result.hugo]];
  for (const [name, figures] of rows) {
    if (!figures) continue;
    console.log(`| ${result.mentions} | ${result.mentions + result.responses} | ${name} | ${figures.wallSeconds} | ${figures.syncSeconds ?? '–'} | ${figures.pagesSeconds ?? '–'} | ${figures.pagefindSeconds ?? '–'} | ${figures.peakRssMB} | ${figures.pages} | ${(figures.bytesWritten / MB).toFixed(1)} |`);
  }
  if (result.sharded) {
    for (const [name, figures] of [['sharded, cold', result.sharded.cold], ['sharded, +10 mentions', result.sharded.plus10Mentions]] as const) {
      const parts = Object.entries(figures.shardSeconds).map(([shard, seconds]) => `${shard} ${seconds}${figures.reusedShards.includes(shard) ? ' (reused)' : ` (search ${figures.shardSearchSeconds[shard] ?? '–'})`}`).join(', ');
      const kept = figures.keptSearchBundles.length > 0 ? `; kept ${figures.keptSearchBundles.join(', ')}` : '';
      console.log(`| ${result.mentions} | ${result.mentions + result.responses} | ${name} (${parts}; hub ${figures.hubSeconds}, merge ${figures.mergeSeconds}; ${figures.searchBundles} search bundles${kept}) | ${figures.wallSeconds} | – | – | in each part | ${figures.peakRssMB} | ${figures.pages} | ${(figures.bytesWritten / MB).toFixed(1)} |`);
    }
  }
  if (result.sharded?.search) console.log(`| ${result.mentions} | | search, sharded | "${result.sharded.search.query}": ${result.sharded.search.results} results; ${result.sharded.search.fetchedKB} KB in ${result.sharded.search.requests} requests (Pagefind ${result.sharded.search.pagefindKB} KB); index ${result.sharded.search.indexMB} MB | | | | | | |`);
  if (result.search) console.log(`| ${result.mentions} | | search | "${result.search.query}": ${result.search.results} results; ${result.search.fetchedKB} KB in ${result.search.requests} requests (Pagefind ${result.search.pagefindKB} KB, uncompressed); index ${result.search.indexMB} MB | | | | | | |`);
  console.log(`| ${result.mentions} | | ratios | ${Object.entries(result.ratios).map(([name, value]) => `${name} ${value}`).join(', ')} | | | | | | |`);
}
log(`results written to ${path.relative(PROJECT_ROOT, file)}`);
