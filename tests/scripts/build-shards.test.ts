/**
 * The merge step of `npm run build:shards` and the command's refusals: anything that would make
 * the merged site differ from a whole build stops it with a message naming the file, and
 * nothing half-merged is published. (The full sharded build is tests/site/shards.test.ts.)
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBuildFolder, PROJECT_ROOT } from '../../scripts/harness/build-site.ts';
import { mergeOutputs, readShardSitemapPages } from '../../scripts/shards/merge-outputs.ts';
import { hasSearchablePage } from '../../scripts/shards/search-index.ts';

let work: string;

beforeAll(async () => {
  work = await makeBuildFolder();
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

/** Writes `files` (relative path → text) under a new folder of `work`; returns it. */
async function tree(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(work, name);
  for (const [relative, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), text);
  }
  return dir;
}

describe('mergeOutputs', () => {
  it("takes the site pages from the hub and each company's pages from its shard, sharing the files", async () => {
    const hub = await tree('ok-hub', { 'index.html': 'home', 'archives/index.html': 'all', '_astro/site.css': 'css' });
    const one = await tree('ok-one', { 'index.html': 'shard home', 'cases/acme/x/index.html': 'case', 'badges/acme.svg': 'svg', '_astro/site.css': 'css', '_astro/case.css': 'case css' });
    const two = await tree('ok-two', { 'companies/globex/index.html': 'globex', 'data/globex/cases.json': '{}' });
    const bundle = await tree('ok-bundle', { 'pagefind-entry.json': '{}', 'index/en_1.pf_index': 'words' });
    const out = path.join(work, 'ok-out');
    const result = await mergeOutputs(hub, [{ name: 'shard-1', dist: one, companies: ['acme'], searchBundles: [{ name: 'pagefind-shard-1', dir: bundle }] }, { name: 'shard-2', dist: two, companies: ['globex'], searchBundles: [] }], out);
    expect(result).toEqual({ files: 10, fromHub: 3, fromShards: { 'shard-1': 5, 'shard-2': 2 }, alreadyInPlace: 0, deleted: 0 });
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('home');
    expect((await readdir(out, { recursive: true })).sort()).toEqual(['_astro', '_astro/case.css', '_astro/site.css', 'archives', 'archives/index.html', 'badges', 'badges/acme.svg', 'cases', 'cases/acme', 'cases/acme/x', 'cases/acme/x/index.html', 'companies', 'companies/globex', 'companies/globex/index.html', 'data', 'data/globex', 'data/globex/cases.json', 'index.html', 'pagefind-shard-1', 'pagefind-shard-1/index', 'pagefind-shard-1/index/en_1.pf_index', 'pagefind-shard-1/pagefind-entry.json']);
    // Hard links: a gigabyte of pages is not copied again.
    expect((await stat(path.join(out, 'cases/acme/x/index.html'))).ino).toBe((await stat(path.join(one, 'cases/acme/x/index.html'))).ino);
  });

  it('brings a folder merged before up to date: keeps what is already linked, replaces what changed, deletes what no part writes', async () => {
    const hub = await tree('again-hub', { 'index.html': 'home' });
    const shard = await tree('again-shard', { 'cases/acme/x/index.html': 'case x', 'cases/acme/y/index.html': 'case y' });
    const out = path.join(work, 'again-out');
    const sources = [{ name: 'shard-1', dist: shard, companies: ['acme'], searchBundles: [] }];
    await mergeOutputs(hub, sources, out);
    // The shard is built again: case y is gone, case x changed, case z is new; a stray file sits in the site.
    await rm(path.join(shard, 'cases/acme/y'), { recursive: true });
    await rm(path.join(shard, 'cases/acme/x/index.html'));
    await writeFile(path.join(shard, 'cases/acme/x/index.html'), 'case x, answered');
    await mkdir(path.join(shard, 'cases/acme/z'));
    await writeFile(path.join(shard, 'cases/acme/z/index.html'), 'case z');
    await writeFile(path.join(out, 'stray.txt'), 'not from any part');
    const result = await mergeOutputs(hub, sources, out);
    expect(result).toMatchObject({ files: 3, alreadyInPlace: 1, deleted: 2 });
    expect((await readdir(out, { recursive: true })).sort()).toEqual(['cases', 'cases/acme', 'cases/acme/x', 'cases/acme/x/index.html', 'cases/acme/z', 'cases/acme/z/index.html', 'index.html']);
    expect(await readFile(path.join(out, 'cases/acme/x/index.html'), 'utf8')).toBe('case x, answered');
  });

  it('refuses a search bundle written by two parts', async () => {
    const hub = await tree('twice-hub', { 'pagefind-shard-1/pagefind-entry.json': '{}' });
    const bundle = await tree('twice-bundle', { 'pagefind-entry.json': '{}' });
    await expect(mergeOutputs(hub, [{ name: 'shard-1', dist: await tree('twice-shard', { 'index.html': 'home' }), companies: [], searchBundles: [{ name: 'pagefind-shard-1', dir: bundle }] }], path.join(work, 'twice-out'))).rejects.toThrow("shard-1's search bundle pagefind-shard-1/ is also written by another part");
  });

  it('refuses a company page from the hub, a company in two shards, a page of a company the shard does not build, and two different assets of one name', async () => {
    const hub = await tree('bad-hub', { 'index.html': 'home', '_astro/site.css': 'css' });
    const hubWithCompany = await tree('bad-hub-company', { 'companies/acme/index.html': 'acme' });
    const acme = await tree('bad-acme', { 'cases/acme/x/index.html': 'case' });
    const stray = await tree('bad-stray', { 'cases/globex/y/index.html': 'case' });
    const otherCss = await tree('bad-css', { '_astro/site.css': 'other css' });
    const out = (name: string) => path.join(work, `bad-out-${name}`);
    await expect(mergeOutputs(hubWithCompany, [], out('a'))).rejects.toThrow('the hub wrote companies/acme/index.html, a page of company "acme"');
    await expect(mergeOutputs(hub, [{ name: 'shard-1', dist: acme, companies: ['acme'], searchBundles: [] }, { name: 'shard-2', dist: acme, companies: ['acme'], searchBundles: [] }], out('b'))).rejects.toThrow('company "acme" is in shard-1 and shard-2');
    await expect(mergeOutputs(hub, [{ name: 'shard-1', dist: stray, companies: ['acme'], searchBundles: [] }], out('c'))).rejects.toThrow('shard-1 wrote cases/globex/y/index.html, a page of company "globex", which it does not build');
    await expect(mergeOutputs(hub, [{ name: 'shard-1', dist: otherCss, companies: [], searchBundles: [] }], out('d'))).rejects.toThrow('shard-1 and the hub wrote different _astro/site.css');
  });
});

describe('hasSearchablePage', () => {
  it('says whether a part has a page marked for search, so a part without one gets no bundle (Pagefind would index every whole body)', async () => {
    const marked = await tree('search-marked', { 'index.html': '<main>home</main>', 'cases/acme/x/index.html': '<main><article data-pagefind-body>case</article></main>' });
    const unmarked = await tree('search-unmarked', { 'index.html': '<main>home</main>', 'posts/index.html': '<main>No posts yet.</main>' });
    expect(await hasSearchablePage(marked)).toBe(true);
    expect(await hasSearchablePage(unmarked)).toBe(false);
  });
});

describe('readShardSitemapPages', () => {
  it("lists the shard's company pages from its sitemap, under the base path, and leaves out its copies of site pages", async () => {
    const dist = await tree('sitemap', {
      'sitemap-index.xml': '<sitemapindex><sitemap><loc>https://example.org/watch/sitemap-0.xml</loc></sitemap></sitemapindex>',
      'sitemap-0.xml': '<urlset><url><loc>https://example.org/watch/</loc></url><url><loc>https://example.org/watch/cases/acme/a&amp;b/</loc></url><url><loc>https://example.org/watch/companies/acme/</loc></url></urlset>',
    });
    expect(await readShardSitemapPages({ name: 'shard-1', dist, companies: ['acme'], searchBundles: [] }, 'https://example.org/watch/')).toEqual(['https://example.org/watch/cases/acme/a&b/', 'https://example.org/watch/companies/acme/']);
  });
});

type Run = { code: number; stdout: string; stderr: string };
async function runShardsCommand(args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/build-shards.ts'), ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, timeout: 200_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as Run;
  }
}

describe('npm run build:shards', { timeout: 240_000 }, () => {
  it('runs one step at a time, and a step before its plan says what to run first', async () => {
    expect((await runShardsCommand(['--plan', '--merge'])).code).toBe(2);
    const missing = await runShardsCommand(['--shard', 'shard-1', '--work', path.join(work, 'no-plan')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('plan.json is missing: run npm run build:shards -- --plan first');
  });

  it('plans from the content folder and prints the plan, with the now all parts share', async () => {
    const planned = await runShardsCommand(['--plan', '--shards', '2', '--work', path.join(work, 'plan'), '--content', path.join(PROJECT_ROOT, 'content')], { WATCHBLOG_NOW: '2026-11-21T00:00:00Z' });
    expect(planned.code, planned.stderr).toBe(0);
    const plan = JSON.parse(planned.stdout.trim().split('\n').at(-1)!) as { now: string; siteCompanyCount: number; shards: { name: string; companies: string[] }[] };
    expect(plan.now).toBe('2026-11-21T00:00:00.000Z');
    expect(plan.siteCompanyCount).toBe(3);
    expect(plan.shards.map((shard) => shard.name)).toEqual(['shard-1', 'shard-2']);
    expect(JSON.parse(await readFile(path.join(work, 'plan', 'plan.json'), 'utf8'))).toEqual(plan);
  });

  it('stops, naming the file, when an item sits in another company’s folder, and publishes nothing', async () => {
    const content = path.join(work, 'misfiled-content');
    await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
    const [file] = (await readdir(path.join(content, 'mentions', 'nimbus-cloud'))).sort();
    await rename(path.join(content, 'mentions', 'nimbus-cloud', file!), path.join(content, 'mentions', 'zephyr-telecom', file!));
    const out = path.join(work, 'misfiled-out');
    const result = await runShardsCommand(['--shards', '2', '--work', path.join(work, 'misfiled-parts'), '--content', content, '--out', out], { WATCHBLOG_NOW: '2026-11-21T00:00:00Z', WATCHBLOG_CACHE_DIR: path.join(work, 'misfiled-cache') });
    expect(result.code).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toContain(`mentions/zephyr-telecom/${file}: it says company "nimbus-cloud" but is in the folder of "zephyr-telecom"`);
    expect(`${result.stdout}${result.stderr}`).toContain('nothing was merged');
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });
});
