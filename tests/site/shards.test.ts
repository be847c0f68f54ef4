/**
 * A watch blog built in company shards (`npm run build:shards`) has the pages a whole build
 * writes: each shard builds its companies' pages and their search bundle, the hub the pages
 * that span companies from the shards' records, and the merge puts them in one folder. Checked
 * byte for byte against `npm run build` of the same content (all but the search bundles,
 * which are one or more per part, and the search page, which lists them), then as a reader
 * would use it: links, search (the whole site's results), feeds, open data. After a fetch adds
 * 10 mentions to one company, only that company's shard is built again, only its newest
 * search bundle is indexed again, and the merged folder is brought up to date in place.
 */
import { cp, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, buildShardsInto, makeBuildFolder, runBuildShardsStep, type BuildResult } from '../../scripts/harness/build-site.ts';
import { generateSyntheticWatchblog } from '../../scripts/generate/synthetic.ts';
import { addTenMentions, writeGeneratedFiles } from '../../scripts/generate/write-files.ts';
import { listDistFiles, listLinks, readDist, readTree, resolveToFile } from './dist-helpers.ts';
import { listTree } from '../../scripts/shards/list-tree.ts';
import { readFeedsWithFeedparser } from '../helpers/independent-rss-readers.ts';
import { useSiteInChromium } from '../helpers/site-in-chromium.ts';
import { CHROMIUM, FEEDPARSER, skipWithout } from '../helpers/requirements.ts';

const NOW = '2026-11-21T00:00:00Z';
const SHARDS = 3;
/** Small enough that every shard's search index is split by the year cases opened, as a large shard's is. */
const SEARCH_BUNDLE_PAGES = 40;
type Plan = { shards: { name: string; companies: string[] }[] };

let work: string;
let whole: BuildResult;
let sharded: BuildResult;
let wholeAfterFetch: BuildResult;
let shardedAfterFetch: BuildResult;
let plan: Plan;
let citedCompanies: string[];
let matrix: { steps: BuildResult[]; merged: BuildResult };

/** Where a sharded site's search differs from a whole build's by design: a bundle per part, and the search page that lists them. */
const isSearchIndex = (file: string) => /^pagefind(-shard-\d+(-\d{4})?)?\//.test(file) || file === 'search-bundles.json' || file === 'search/index.html';

/** The files, search index aside, that differ between two trees or are in one only. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => !isSearchIndex(name) && (!a.get(name) || !b.get(name) || !a.get(name)!.equals(b.get(name)!))).sort();
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

/** A copy of a merged site made of hard links to its files, as the merged folder is after one sharded build. */
async function linkTree(from: string, to: string): Promise<void> {
  for (const file of listTree(from)) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await link(path.join(from, file), path.join(to, file));
  }
}

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
  const shardsOf = (label: string) => ({ contentDir, now: NOW, work: path.join(work, 'parts'), outDir: path.join(work, label), cacheDir: path.join(work, 'cache-shards'), shards: SHARDS, searchBundlePages: SEARCH_BUNDLE_PAGES });
  whole = await buildInto({ contentDir, now: NOW, outDir: path.join(work, 'whole'), cacheDir: path.join(work, 'cache-whole') });
  sharded = await buildShardsInto(shardsOf('merged'));
  plan = JSON.parse(await readFile(path.join(work, 'parts', 'plan.json'), 'utf8')) as Plan;
  matrix = await buildAsMatrixJobs(contentDir);
  await addTenMentions(contentDir);
  wholeAfterFetch = await buildInto({ contentDir, now: NOW, outDir: path.join(work, 'whole-after'), cacheDir: path.join(work, 'cache-whole-after') });
  // The merged folder as the first build left it (its files linked to the parts'), plus a file no part writes.
  await linkTree(path.join(work, 'merged'), path.join(work, 'merged-after'));
  await writeFile(path.join(work, 'merged-after', 'stray.html'), 'left over');
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

  it('writes, byte for byte, the pages a whole build writes: pages, feeds, open data and sitemap', async () => {
    const [a, b] = await Promise.all([readTree(whole.outDir), readTree(sharded.outDir)]);
    expect(a.size).toBeGreaterThan(300);
    expect(differences(a, b)).toEqual([]);
  });

  it('has search bundles for each part with searchable pages, a shard’s split by the year cases opened, listed for the search page', async () => {
    const bundles = JSON.parse(readDist(sharded.outDir, 'search-bundles.json')) as string[];
    expect(bundles[0]).toBe('/pagefind/');
    for (const bundle of bundles.slice(1)) expect(bundle).toMatch(/^\/pagefind-shard-\d+-\d{4}\/$/);
    expect(new Set(bundles.slice(1).map((bundle) => /shard-\d+/.exec(bundle)![0]))).toEqual(new Set(['shard-1', 'shard-2', 'shard-3']));
    for (const bundle of bundles) expect(listDistFiles(path.join(sharded.outDir, bundle)).length, bundle).toBeGreaterThan(3);
    // Built as matrix jobs with the default split, each shard has one bundle.
    expect(JSON.parse(readDist(matrix.merged.outDir, 'search-bundles.json'))).toEqual(['/pagefind/', '/pagefind-shard-1/', '/pagefind-shard-2/', '/pagefind-shard-3/']);
    expect(readDist(sharded.outDir, 'search/index.html')).toContain('data-pagefind-bundles-from="/search-bundles.json"');
    expect(readDist(whole.outDir, 'search/index.html')).toContain('data-pagefind-bundle="/pagefind/"');
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
    // In the shard built again, the search bundles of earlier years kept their pages, and their index.
    expect(shardedAfterFetch.output).toMatch(/shard-\d+: search bundles whose pages did not change, kept: pagefind-shard-\d+-2024/);
    // The merged folder is brought up to date: the unchanged files stay, the stray one is gone.
    const merged = /(\d+) already in place, (\d+) deleted/.exec(shardedAfterFetch.output);
    expect(Number(merged?.[1])).toBeGreaterThan(300);
    expect(Number(merged?.[2])).toBeGreaterThanOrEqual(1);
    const [a, b] = await Promise.all([readTree(wholeAfterFetch.outDir), readTree(shardedAfterFetch.outDir)]);
    expect(differences(a, b)).toEqual([]);
    expect(differences(await readTree(sharded.outDir), b).length).toBeGreaterThan(0);
  });
});

describe.skipIf(skipWithout(CHROMIUM))('search over a site merged from shards, in Chromium', () => {
  const site = useSiteInChromium(() => sharded.outDir);

  const wholeSite = useSiteInChromium(() => whole.outDir);

  /** The search page's status line after searching `query`, e.g. "41 results for “refund”." */
  async function searchStatus(siteUrl: string, query: string): Promise<string> {
    const page = await site.browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('response', (response) => response.status() >= 400 && problems.push(`${response.status()} ${response.url()}`));
    await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('#search-form[data-ready="true"]');
    const text = (await page.locator('#search-status').textContent()) ?? '';
    await page.close();
    expect(problems).toEqual([]);
    return text;
  }

  /**
   * Every result of `query` through Pagefind's API on a page without the search script: the
   * address and the words Pagefind marked in its excerpt.
   */
  async function searchResults(siteUrl: string, query: string): Promise<{ url: string; marked: string[] }[]> {
    const page = await site.browser.newPage();
    await page.goto(`${siteUrl}about/`);
    // A string, not a function: vitest would rewrite a function's import() into its own loader.
    const results = (await page.evaluate(`(async () => {
      const listed = await fetch(${JSON.stringify(`${siteUrl}search-bundles.json`)});
      const bundles = listed.ok ? await listed.json() : ['/pagefind/'];
      const pagefind = await import(new URL(bundles[0] + 'pagefind.js', location.href).href);
      for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(bundle);
      await pagefind.init();
      const search = await pagefind.search(${JSON.stringify(query)});
      return Promise.all(search.results.map(async (result) => {
        const data = await result.data();
        return { url: data.url, marked: data.excerpt.split('<mark>').slice(1).map((part) => part.split('</mark>')[0]) };
      }));
    })()`)) as { url: string; marked: string[] }[];
    await page.close();
    return results;
  }

  it('finds, through Pagefind alone, every page the whole site’s one index finds; the only others are its stand-ins for a word a bundle lacks', async () => {
    for (const query of ['refund', 'outage']) {
      const [merged, one] = [await searchResults(site.siteUrl, query), await searchResults(wholeSite.siteUrl, query)];
      expect(one.length, query).toBeGreaterThan(0);
      const found = new Set(merged.map((result) => result.url));
      expect(one.filter((result) => !found.has(result.url)), query).toEqual([]);
      expect(found.size, query).toBe(merged.length);
      // A bundle with no word that begins with the query matches the longest word that begins
      // the query instead ("re" for "refund"; docs/scaling.md): each extra page is one of those.
      const whole = new Set(one.map((result) => result.url));
      for (const extra of merged.filter((result) => !whole.has(result.url))) {
        expect(extra.marked.length, extra.url).toBeGreaterThan(0);
        for (const word of extra.marked) expect(query.startsWith(word.toLowerCase().replace(/[^a-z]/g, '')) && word.length < query.length, `${extra.url}: ${word}`).toBe(true);
      }
    }
  });

  it('gives, on the search page, as many results as the whole site’s, also for a word only one bundle has: a company’s name', async () => {
    // A company whose name Pagefind alone answers with other bundles' pages that have a word beginning it.
    const names = plan.shards.flatMap((shard) => shard.companies).map((company) => readDist(sharded.outDir, `companies/${company}/index.html`).match(/<h1[^>]*>([^<]+)</)![1]!.trim().split(/\s+/)[0]!);
    let nameWord: string | undefined;
    for (const word of names) {
      if ((await searchResults(site.siteUrl, word)).length > (await searchResults(wholeSite.siteUrl, word)).length) nameWord = word;
    }
    expect(nameWord, names.join(', ')).toBeDefined();
    for (const query of ['refund', 'outage', 'refund invoice', nameWord!, `${nameWord} refund`]) {
      const [merged, one] = [await searchStatus(site.siteUrl, query), await searchStatus(wholeSite.siteUrl, query)];
      expect(one, query).toMatch(/^\d+ results? for/);
      expect(merged, query).toBe(one);
    }
  });

  it('filters by company across the bundles', async () => {
    // The company filter of a company in the last shard, by the name the page shows.
    const company = plan.shards.at(-1)!.companies[0]!;
    const name = readDist(sharded.outDir, `companies/${company}/index.html`).match(/<h1[^>]*>([^<]+)</)![1]!.trim();
    const filtered = await site.browser.newPage();
    await filtered.goto(`${site.siteUrl}search/?q=refund&company=${encodeURIComponent(name)}`);
    await filtered.waitForSelector('#search-form[data-ready="true"]');
    const hrefs = await filtered.locator('#search-results a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    await filtered.close();
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toMatch(new RegExp(`^/(cases|companies)/${company}/|^/posts/`));
  });

  it('finds pages of companies in different shards with one query', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.siteUrl}search/`);
    // A string, not a function: vitest would rewrite a function's import() into its own loader.
    const urls = (await page.evaluate(`(async () => {
      const bundles = await (await fetch(${JSON.stringify(`${site.siteUrl}search-bundles.json`)})).json();
      const pagefind = await import(new URL(bundles[0] + 'pagefind.js', location.href).href);
      for (const bundle of bundles.slice(1)) await pagefind.mergeIndex(bundle);
      await pagefind.init();
      const search = await pagefind.search('refund');
      return Promise.all(search.results.slice(0, 200).map(async (result) => (await result.data()).url));
    })()`)) as string[];
    const shards = new Set(urls.map((url) => /\/cases\/([^/]+)\//.exec(url)?.[1]).filter((slug): slug is string => slug !== undefined).map(shardOf));
    expect(shards.size, urls.join('\n')).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
