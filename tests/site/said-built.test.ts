/**
 * "What <company> said" in the built site: the paged list holds every company item of a
 * demo company, newest first; its feed and the "responses only" feeds read back with an
 * independent reader (Debian's python3-feedparser) with the right number of items; and a
 * company that only publishes statements (the trial: 50 posts, no linked complaint) gets
 * them listed, in its feeds, and found by search with the voice filter.
 */
import { writeContentTree } from '../helpers/content-tree.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFolder } from '../../scripts/content/read-content.ts';
import { readContentFiles } from '../../src/core/content-entries.ts';
import { listCompanySaid } from '../../src/core/site/company-said.ts';
import { FEED_ITEM_LIMIT } from '../../src/core/site/feed-items.ts';
import { ARCHIVE_PAGE_SIZE } from '../../src/core/site/lists.ts';
import { buildWatchblog } from '../../src/core/watchblog.ts';
import { serializeContentFile } from '../../src/core/write/front-matter.ts';
import { searchBuiltSite } from '../../scripts/harness/browser.ts';
import { useSiteInChromium } from '../helpers/site-in-chromium.ts';
import { buildSite, DEMO_NOW, PROJECT_ROOT, type BuildResult } from '../../scripts/harness/build-site.ts';
import { readFeedsWithFeedparser } from '../helpers/independent-rss-readers.ts';
import { readDist } from './dist-helpers.ts';
import { CHROMIUM, FEEDPARSER, skipWithout } from '../helpers/requirements.ts';

const SLUG = 'zephyr-telecom';
const QUIET = 'quiet-corp';
const STATEMENTS = 60;
/** A word only the quiet company's newest statement holds. */
const RARE_WORD = 'zanzibarquokka';
const NOW = '2026-11-21T00:00:00Z';

/** The item ids a company's said pages list, page after page, in order. */
async function readSaidIds(outDir: string, slug: string): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let pages = 0;
  for (let page = 1; ; page++) {
    const file = path.join(outDir, 'companies', slug, 'said', page === 1 ? '' : String(page), 'index.html');
    const html = await readFile(file, 'utf8').catch(() => null);
    if (html === null) break;
    pages = page;
    ids.push(...[...html.matchAll(/<li id="said-([^"]+)"/g)].map((m) => m[1]!));
  }
  return { ids, pages };
}

/** One company that only speaks in statements: no mentions, STATEMENTS company posts. */
async function writeQuietContent(): Promise<string> {
  const blog = 'https://quiet.example/blog.atom';
  const files: Record<string, string> = {
    [`companies/${QUIET}.md`]: serializeContentFile(
      { name: 'Quiet Corp', fictional: true, responseTargetHours: 24, timeZone: 'UTC', sources: [{ url: blog, name: 'Blog', channel: 'blog', voice: 'company' }] },
      'A company that posts but never answers anyone.\n',
    ),
  };
  for (let i = 0; i < STATEMENTS; i++) {
    const id = `q${String(i).padStart(3, '0')}`;
    const url = `https://quiet.example/blog/${id}`;
    const publishedAt = new Date(Date.UTC(2026, 9, 1) + i * 6 * 3_600_000).toISOString();
    files[`responses/${QUIET}/${id}.md`] = serializeContentFile(
      { id, company: QUIET, source: blog, channel: 'blog', url, canonicalUrl: url, title: `Quiet update ${i}`, author: 'Quiet Corp', publishedAt, fetchedAt: publishedAt, links: [] },
      i === STATEMENTS - 1 ? `Our newest plan, codenamed ${RARE_WORD}, ships soon.` : `Routine update number ${i} about our products.`,
    );
  }
  return writeContentTree(files, 'quiet');
}

/** What the pure core says the company said, from the same content and now as the build. */
async function expectedSaid(contentDir: string, now: string, slug: string) {
  const read = await readContentFolder(contentDir);
  const { input } = readContentFiles(read.files);
  const record = buildWatchblog(input, new Date(now)).companies.find((r) => r.company.slug === slug)!;
  return listCompanySaid(record);
}

describe('the demo’s "What Zephyr Telecom said" page and feeds', () => {
  let build: BuildResult;
  let expected: Awaited<ReturnType<typeof expectedSaid>>;

  beforeAll(async () => {
    [build, expected] = await Promise.all([buildSite(), expectedSaid(path.join(PROJECT_ROOT, 'content'), DEMO_NOW, SLUG)]);
    expect(build.code, build.output).toBe(0);
  });

  it('lists every visible company item across its pages, newest first, in pages of the archive size', async () => {
    const responseFiles = (await readContentFolder(path.join(PROJECT_ROOT, 'content'))).files.filter((f) => f.path.startsWith(`responses/${SLUG}/`));
    expect(expected.length).toBeGreaterThan(ARCHIVE_PAGE_SIZE);
    // The demo hides no response and dates none after now: every file is on the page.
    expect(expected).toHaveLength(responseFiles.length);
    const { ids, pages } = await readSaidIds(build.outDir, SLUG);
    expect(ids).toEqual(expected.map((item) => item.response.id));
    expect(pages).toBe(Math.ceil(expected.length / ARCHIVE_PAGE_SIZE));
  });

  it('is linked from the company page, the feeds page, the open data page and the sitemap', () => {
    expect(readDist(build.outDir, `companies/${SLUG}/index.html`)).toContain(`<a href="/companies/${SLUG}/said/">All ${expected.length} statements and answers →</a>`);
    const feeds = readDist(build.outDir, 'feeds/index.html');
    for (const href of [`/companies/${SLUG}/said.xml`, `/companies/${SLUG}/said/`, '/responses.xml']) expect(feeds).toContain(`href="${href}"`);
    expect(readDist(build.outDir, 'data/index.html')).toContain(`href="/data/${SLUG}/said.json"`);
    expect(readDist(build.outDir, 'sitemap-0.xml')).toContain(`https://watchblog.example/companies/${SLUG}/said/2/`);
    const json = JSON.parse(readDist(build.outDir, `data/${SLUG}/said.json`)) as { items: { id: string }[] };
    expect(json.items.map((item) => item.id)).toEqual(expected.map((item) => item.response.id));
  });

  it('marks the page for search as the company’s voice', () => {
    const html = readDist(build.outDir, `companies/${SLUG}/said/index.html`);
    expect(html).toContain('data-pagefind-body');
    expect(html).toContain('<span data-pagefind-filter="voice">company</span>');
    expect(html).toContain('<span data-pagefind-filter="company">Zephyr Telecom</span>');
  });

  it.skipIf(skipWithout(FEEDPARSER))('serves feeds that feedparser reads with the newest company items, capped', async () => {
    const files = [`companies/${SLUG}/said.xml`, `companies/${SLUG}/responses.xml`].map((f) => path.join(build.outDir, f));
    const reports = await readFeedsWithFeedparser(files);
    const newest = expected.slice(0, FEED_ITEM_LIMIT).map((item) => `response:${item.response.id}`);
    for (const report of reports) {
      expect(report.bozo, `${report.path}: ${report.bozoException}`).toBe(0);
      expect(report.entries.map((entry) => entry.id)).toEqual(newest);
    }
    const [site] = await readFeedsWithFeedparser([path.join(build.outDir, 'responses.xml')]);
    expect(site!.bozo).toBe(0);
    expect(site!.entries).toHaveLength(FEED_ITEM_LIMIT);
  });
});

describe('a company that only publishes statements', () => {
  let build: BuildResult;
  let contentDir: string;

  beforeAll(async () => {
    contentDir = await writeQuietContent();
    build = await buildSite({ contentDir, now: NOW });
    expect(build.code, build.output).toBe(0);
  });

  it('lists all its statements on its said pages, newest first', async () => {
    const expected = await expectedSaid(contentDir, NOW, QUIET);
    expect(expected).toHaveLength(STATEMENTS);
    const { ids, pages } = await readSaidIds(build.outDir, QUIET);
    expect(ids).toEqual(expected.map((item) => item.response.id));
    expect(pages).toBe(2);
  });

  it.skipIf(skipWithout(FEEDPARSER))('fills its "responses only" and said feeds (the trial’s feed had 0 entries)', async () => {
    const reports = await readFeedsWithFeedparser([`companies/${QUIET}/responses.xml`, `companies/${QUIET}/said.xml`, 'responses.xml'].map((f) => path.join(build.outDir, f)));
    for (const report of reports) {
      expect(report.bozo, `${report.path}: ${report.bozoException}`).toBe(0);
      expect(report.entries, report.path).toHaveLength(FEED_ITEM_LIMIT);
      expect(report.entries[0]?.id).toBe(`response:q${String(STATEMENTS - 1).padStart(3, '0')}`);
    }
  });

  describe.skipIf(skipWithout(CHROMIUM))('in Chromium', () => {
    const site = useSiteInChromium(() => build.outDir);

    it('finds a statement by a word in it, under the company voice filter', async () => {
      const { context, page, hrefs } = await searchBuiltSite(site.browser, site.siteUrl, `q=${RARE_WORD}&voice=company`);
      expect(hrefs).toContain(`/companies/${QUIET}/said/`);
      await expect(page.locator('#search-filters input[name="voice"][value="company"]').isChecked()).resolves.toBe(true);
      await context.close();
    });
  });
});
