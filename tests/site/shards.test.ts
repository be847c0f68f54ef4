/**
 * A watch blog built in company shards (`npm run build:shards`) is the site a whole build
 * writes: each shard builds its companies' pages, the hub the pages that span companies from
 * the shards' records, and the merge puts them in one folder with one search index. Checked
 * byte for byte against `npm run build` of the same content, then as a reader would use it:
 * links, search across shards, feeds, open data. After a fetch adds 10 mentions to one
 * company, only that company's shard is built again and the site is still the whole build's.
 */
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, buildShardsInto, makeBuildFolder, runBuildShardsStep, type BuildResult } from '../../scripts/harness/build-site.ts';
import { generateSyntheticWatchblog } from '../../scripts/generate/synthetic.ts';
import { addTenMentions, writeGeneratedFiles } from '../../scripts/generate/write-files.ts';
import { listDistFiles, listLinks, readDist, readTree, resolveToFile } from './dist-helpers.ts';
import { readFeedsWithFeedparser } from '../helpers/independent-rss-readers.ts';
import { useSiteInChromium } from '../helpers/site-in-chromium.ts';
import { CHROMIUM, FEEDPARSER, skipWithout } from '../helpers/requirements.ts';

const NOW = '2026-11-21T00:00:00Z';
const SHARDS = 3;
type Plan = { shards: { name: string; companies: string[] }[] };

let work: string;
let whole: BuildResult;
let sharded: BuildResult;
let wholeAfterFetch: BuildResult;
let shardedAfterFetch: BuildResult;
let plan: Plan;
let citedCompanies: string[];
let matrix: { steps: BuildResult[]; merged: BuildResult };

/** The files that differ between two trees, or are in one only. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => !a.get(name) || !b.get(name) || !a.get(name)!.equals(b.get(name)!)).sort();
}

/**
 * As the watch workflow's jobs build it (.github/workflows/watch.yml): a plan job; one job per
 * shard, each in its own folder with only the plan and its own cache; then a merge job that has
 * only the plan and the shards' folders (their artifacts), not their caches.
 */
async function buildAsMatrixJobs(contentDir: string): Promise<{ steps: BuildResult[]; merged: BuildResult }> {
  const jobs = path.join(work, 'matrix');
  const options = (job: string) => ({ contentDir, now: NOW, cacheDir: path.join(jobs, job, 'cache') });
  const planJob = path.join(jobs, 'plan', 'work');
  const steps = [await runBuildShardsStep(['--plan', '--shards', String(SHARDS), '--work', planJob], options('plan'))];
  const planFile = path.join(planJob, 'plan.json');
  const { shards } = JSON.parse(await readFile(planFile, 'utf8')) as Plan;
  const mergeJob = path.join(jobs, 'merge', 'work');
  await mkdir(mergeJob, { recursive: true });
  await cp(planFile, path.join(mergeJob, 'plan.json'));
  for (const { name } of shards) {
    const shardJob = path.join(jobs, name, 'work');
    await mkdir(shardJob, { recursive: true });
    await cp(planFile, path.join(shardJob, 'plan.json'));
    steps.push(await runBuildShardsStep(['--shard', name, '--work', shardJob], options(name)));
    await cp(path.join(shardJob, name), path.join(mergeJob, name), { recursive: true });
  }
  const merged = await runBuildShardsStep(['--merge', '--work', mergeJob, '--out', path.join(jobs, 'site')], options('merge'), path.join(jobs, 'site'));
  return { steps, merged };
}

const shardOf = (company: string) => plan.shards.find((shard) => shard.companies.includes(company))!.name;

beforeAll(async () => {
  work = await makeBuildFolder();
  const contentDir = path.join(work, 'content');
  const files = generateSyntheticWatchblog({ companies: 5, mentions: 300, seed: 5, end: new Date('2026-11-20T18:00:00Z') });
  await writeGeneratedFiles(contentDir, files);
  // A maintainer's post that cites a case of two companies: the hub renders it from two shards' records.
  const firstMention = (company: string) => files.filter((file) => file.path.startsWith(`mentions/${company}/`)).sort((x, y) => String(x.data.publishedAt).localeCompare(String(y.data.publishedAt)))[0]!;
  const companies = [...new Set(files.filter((file) => file.path.startsWith('companies/')).map((file) => path.basename(file.path, '.md')))].sort();
  citedCompanies = [companies[0]!, companies.at(-1)!];
  await mkdir(path.join(contentDir, 'posts'), { recursive: true });
  await writeFile(
    path.join(contentDir, 'posts', 'two-companies.md'),
    ['---', 'title: "Two companies, one week"', 'date: "2026-11-01T12:00:00.000Z"', 'summary: "How two companies answered the same week."', 'companies:', ...citedCompanies.map((slug) => `  - "${slug}"`), 'cases:', ...citedCompanies.map((slug) => `  - "${String(firstMention(slug).data.id)}"`), '---', 'Both were asked in public; one answered.', ''].join('\n'),
  );
  const shardsOf = (label: string) => ({ contentDir, now: NOW, work: path.join(work, 'parts'), outDir: path.join(work, label), cacheDir: path.join(work, 'cache-shards'), shards: SHARDS });
  whole = await buildInto({ contentDir, now: NOW, outDir: path.join(work, 'whole'), cacheDir: path.join(work, 'cache-whole') });
  sharded = await buildShardsInto(shardsOf('merged'));
  plan = JSON.parse(await readFile(path.join(work, 'parts', 'plan.json'), 'utf8')) as Plan;
  matrix = await buildAsMatrixJobs(contentDir);
  await addTenMentions(contentDir);
  wholeAfterFetch = await buildInto({ contentDir, now: NOW, outDir: path.join(work, 'whole-after'), cacheDir: path.join(work, 'cache-whole-after') });
  shardedAfterFetch = await buildShardsInto(shardsOf('merged-after'));
}, 900_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a watch blog built in company shards', () => {
  it('builds', () => {
    for (const build of [whole, sharded, wholeAfterFetch, shardedAfterFetch]) expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it('plans three shards with every company in exactly one', () => {
    expect(plan.shards.map((shard) => shard.name)).toEqual(['shard-1', 'shard-2', 'shard-3']);
    const companies = plan.shards.flatMap((shard) => shard.companies);
    expect(companies).toHaveLength(5);
    expect(new Set(companies).size).toBe(5);
    expect(shardOf(citedCompanies[0]!)).not.toBe(shardOf(citedCompanies[1]!));
  });

  it('writes, byte for byte, the site a whole build writes: pages, feeds, open data, sitemap and search index', async () => {
    const [a, b] = await Promise.all([readTree(whole.outDir), readTree(sharded.outDir)]);
    expect(a.size).toBeGreaterThan(300);
    expect(differences(a, b)).toEqual([]);
  });

  it('links every page to pages that exist', () => {
    const broken: string[] = [];
    for (const file of listDistFiles(sharded.outDir, '.html')) {
      for (const link of listLinks(readDist(sharded.outDir, file))) {
        if (!link.startsWith('/') || link.startsWith('//')) continue;
        if (resolveToFile(sharded.outDir, link, '/') === null) broken.push(`${file} → ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('publishes every company in the open data, with as many cases as it has case pages', () => {
    const companies = JSON.parse(readDist(sharded.outDir, 'data/companies.json')) as { companies: { slug: string }[] } | { slug: string }[];
    const slugs = (Array.isArray(companies) ? companies : companies.companies).map((company) => company.slug).sort();
    expect(slugs).toEqual(plan.shards.flatMap((shard) => shard.companies).sort());
    for (const slug of slugs) {
      const cases = JSON.parse(readDist(sharded.outDir, `data/${slug}/cases.json`)) as { cases: unknown[] };
      const pages = listDistFiles(path.join(sharded.outDir, 'cases', slug), '.html').length;
      expect(cases.cases.length, slug).toBe(pages);
    }
  });

  it('has a post page that links the cases it cites in two shards', () => {
    const html = readDist(sharded.outDir, 'posts/two-companies/index.html');
    for (const slug of citedCompanies) expect(html).toContain(`/cases/${slug}/`);
  });

  it.skipIf(skipWithout(FEEDPARSER))('publishes feeds an independent reader accepts, from the hub and from every shard', async () => {
    const feeds = listDistFiles(sharded.outDir, '.xml').filter((file) => !file.startsWith('sitemap'));
    expect(feeds).toContain('rss.xml');
    for (const slug of plan.shards.flatMap((shard) => shard.companies)) expect(feeds.some((file) => file.startsWith(`cases/${slug}/`))).toBe(true);
    const reports = await readFeedsWithFeedparser(feeds.map((file) => path.join(sharded.outDir, file)));
    expect(reports.filter((report) => report.bozo !== 0).map((report) => `${report.path}: ${report.bozoException}`)).toEqual([]);
  });

  it('is the same site when a CI matrix builds it: a plan job, a job per shard, a merge job that gets only their outputs', async () => {
    for (const step of [...matrix.steps, matrix.merged]) expect(step.code, step.output.slice(-3000)).toBe(0);
    expect(matrix.steps).toHaveLength(SHARDS + 1);
    expect(differences(await readTree(whole.outDir), await readTree(matrix.merged.outDir))).toEqual([]);
  });

  it('after 10 new mentions in one company, builds only that company’s shard again and still writes the whole build’s site', async () => {
    const reused = shardedAfterFetch.output.match(/shard-\d+: inputs unchanged since its last build, reused whole/g) ?? [];
    expect(reused).toHaveLength(SHARDS - 1);
    const [a, b] = await Promise.all([readTree(wholeAfterFetch.outDir), readTree(shardedAfterFetch.outDir)]);
    expect(differences(a, b)).toEqual([]);
    expect(differences(await readTree(sharded.outDir), b).length).toBeGreaterThan(0);
  });
});

describe.skipIf(skipWithout(CHROMIUM))('search over a site merged from shards, in Chromium', () => {
  const site = useSiteInChromium(() => sharded.outDir);

  it('finds pages of companies in different shards with one query', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.siteUrl}search/`);
    // A string, not a function: vitest would rewrite a function's import() into its own loader.
    const urls = (await page.evaluate(`(async () => {
      const pagefind = await import(${JSON.stringify(`${site.siteUrl}pagefind/pagefind.js`)});
      await pagefind.init();
      const search = await pagefind.search('refund');
      return Promise.all(search.results.slice(0, 200).map(async (result) => (await result.data()).url));
    })()`)) as string[];
    const shards = new Set(urls.map((url) => /\/cases\/([^/]+)\//.exec(url)?.[1]).filter((slug): slug is string => slug !== undefined).map(shardOf));
    expect(shards.size, urls.join('\n')).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
