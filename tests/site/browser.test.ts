/**
 * The built demo in Debian's Chromium: a reader finds a company and opens a case by clicking,
 * searches by keyboard and narrows by filters, and no page logs an error, fails a request or
 * breaks a WCAG 2.2 AA rule (axe-core) in light or dark. Screenshots of the main pages at
 * 1280 px and 375 px land in test-output/screenshots/ for a person to look at.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAxeViolations, launchChromium } from '../../scripts/harness/browser.ts';
import { buildSite, PROJECT_ROOT } from '../../scripts/harness/build-site.ts';
import { HOSTILE_NOW, writeHostileContent } from '../helpers/hostile-content.ts';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server.ts';
import { CHROMIUM, skipWithout } from '../helpers/requirements.ts';

const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-output', 'screenshots');
const [WIDE_PX, NARROW_PX] = [1280, 375] as const;
const SCREENSHOT_MAX_HEIGHT_PX = 3000;
/** A word in the cases of every demo company. */
const SAMPLE_QUERY = 'app';
const SEARCH_READY = '#search-form[data-ready="true"]';

type CasePage = { company: string; id: string; title: string; href: string };

/** Every built case page with its h1, read from dist (the pages are the truth the reader sees). */
async function listCasePages(outDir: string): Promise<CasePage[]> {
  const cases: CasePage[] = [];
  for (const company of await readdir(path.join(outDir, 'cases'))) {
    for (const id of await readdir(path.join(outDir, 'cases', company))) {
      const html = await readFile(path.join(outDir, 'cases', company, id, 'index.html'), 'utf8').catch(() => '');
      const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1];
      if (!h1) continue;
      const title = h1.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
      cases.push({ company, id, title, href: `/cases/${company}/${id}/` });
    }
  }
  return cases;
}

/** The case a search should find: the one whose title the fewest other cases share. */
function pickKnownCase(cases: CasePage[]): CasePage {
  const counts = new Map<string, number>();
  for (const kase of cases) counts.set(kase.title, (counts.get(kase.title) ?? 0) + 1);
  return [...cases].sort((a, b) => counts.get(a.title)! - counts.get(b.title)! || a.href.localeCompare(b.href))[0]!;
}

/** Problems a page reports while a reader uses it: console errors, page errors, failed or 4xx/5xx requests. */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()} ${message.location().url}`.trim());
  });
  page.on('pageerror', (error) => problems.push(`uncaught error on ${page.url()}: ${error.message}`));
  page.on('requestfailed', (request) => {
    // ERR_ABORTED is the browser cancelling a request because the test navigated on (a favicon
    // still loading); a blocked or broken request has its own error, and a 404 its own status.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

/** The number at the start of the search status ("12 results for …"), or 0 when nothing matches. */
async function readResultCount(page: Page): Promise<number> {
  const text = (await page.locator('#search-status').textContent()) ?? '';
  return Number(/^(\d+) results?/.exec(text)?.[1] ?? 0);
}

/** Waits until the status reports a finished search (a count or "Nothing matches"). */
async function waitForSearch(page: Page): Promise<void> {
  await page.waitForFunction(() => /^(\d+ results? for|Nothing matches)/.test(document.getElementById('search-status')?.textContent ?? ''));
}

/** Opens search with a word that matches cases of every company, so results and filters show. */
async function runSampleSearch(page: Page): Promise<void> {
  await page.waitForSelector(SEARCH_READY);
  await page.fill('#search-q', SAMPLE_QUERY);
  await waitForSearch(page);
}

describe.skipIf(skipWithout(CHROMIUM))('the demo site in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;
  let cases: CasePage[];
  let companySlug: string;
  let pages: { name: string; path: string }[];

  beforeAll(async () => {
    const [build, launched] = await Promise.all([buildSite(), launchChromium()]);
    browser = launched;
    expect(build.code, build.output).toBe(0);
    server = await startStaticServer(build.outDir);
    cases = await listCasePages(build.outDir);
    const known = pickKnownCase(cases);
    companySlug = known.company;
    pages = [
      { name: 'home', path: '' },
      { name: 'company', path: `companies/${companySlug}/` },
      { name: 'case', path: known.href.slice(1) },
      { name: 'search', path: 'search/' },
      { name: 'methodology', path: 'methodology/' },
    ];
    // Only this run's screenshots: a stale picture of an old page would mislead whoever looks.
    await rm(SCREENSHOT_DIR, { recursive: true, force: true });
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    return browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  }

  it('takes a reader from home to a company to a case by clicking links, without errors', async () => {
    const context = await openContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(server.siteUrl);
    await page.locator('main a[href*="/companies/"]').first().click();
    await page.waitForURL(/\/companies\/[^/]+\/$/);
    const companyName = (await page.locator('h1').first().textContent()) ?? '';
    const caseLink = page.locator('main a[href*="/cases/"]').first();
    const caseTitle = ((await caseLink.textContent()) ?? '').trim();
    await caseLink.click();
    await page.waitForURL(/\/cases\/[^/]+\/[^/]+\/$/);
    await expect(page.locator('h1').first().textContent()).resolves.toContain(caseTitle.slice(0, 20));
    await expect(page.locator('main').textContent()).resolves.toContain(companyName.replace(/\s*fictional\s*$/, '').trim());
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('loads home, a company, a case, search and methodology under the site CSP with no console errors or failed requests', async () => {
    const context = await openContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    for (const { path: pagePath } of pages) {
      const response = await page.goto(server.siteUrl + pagePath);
      expect(response?.status(), pagePath).toBe(200);
      if (pagePath === 'search/') {
        await page.waitForSelector(SEARCH_READY);
        await page.fill('#search-q', cases[0]!.title);
        await waitForSearch(page);
      }
    }
    expect(problems.join('\n')).toBe('');
    await context.close();
  });

  it('finds a known case by its title, using only the keyboard', async () => {
    const known = pickKnownCase(cases);
    const context = await openContext();
    const page = await context.newPage();
    await page.goto(`${server.siteUrl}search/`);
    await page.waitForSelector(SEARCH_READY);
    // Tab from the top of the page until the search box has focus: it must be reachable.
    for (let presses = 0; presses < 15 && !(await page.evaluate(() => document.activeElement?.id === 'search-q')); presses++) {
      await page.keyboard.press('Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.keyboard.type(`"${known.title}"`);
    await page.keyboard.press('Enter');
    await waitForSearch(page);
    expect(await readResultCount(page)).toBeGreaterThan(0);
    const target = page.locator(`#search-results a[href$="${known.href}"]`);
    // Duplicate titles push the case down the list: page through with "Show more".
    while ((await target.count()) === 0 && (await page.locator('#search-more').isVisible())) {
      await page.locator('#search-more').click();
    }
    await expect(target.textContent()).resolves.toBe(known.title);
    expect(new URL(page.url()).searchParams.get('q')).toBe(`"${known.title}"`);
    await context.close();
  });

  it('indexes only case, post and company-statement content, not navigation, figures or other pages', async () => {
    const context = await openContext();
    const page = await context.newPage();
    await page.goto(`${server.siteUrl}search/`);
    await page.waitForSelector(SEARCH_READY);
    // "Watchblog" is in every page's header and footer but in no case.
    await page.fill('#search-q', 'watchblog methodology');
    await waitForSearch(page);
    const hrefs = await page.locator('#search-results a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
    for (const href of hrefs) expect(href).toMatch(/^\/(cases|posts)\/|^\/companies\/[^/]+\/(said|news)\//);
    await context.close();
  });

  it("draws the filters the index holds, with Pagefind's own counts, and downloads no filter file to draw them", async () => {
    const context = await openContext();
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${server.siteUrl}search/?q=${SAMPLE_QUERY}`);
    await page.waitForSelector(SEARCH_READY);
    await waitForSearch(page);
    expect(fetched.filter((file) => file.endsWith('.pf_filter')), 'filter files fetched before any box is ticked').toEqual([]);
    const drawn = await page.locator('#search-filters fieldset').evaluateAll((fieldsets) =>
      Object.fromEntries(
        fieldsets.map((fieldset) => [
          fieldset.getAttribute('data-filter'),
          Object.fromEntries([...fieldset.querySelectorAll('label')].map((label) => [label.querySelector('input')!.value, Number(/\((\d+)\)/.exec(label.textContent ?? '')?.[1])])),
        ]),
      ),
    );
    // A string, not a function: vitest would rewrite a function's import() for Node.
    const indexed = (await page.evaluate(`(async () => {
      const pagefind = await import(${JSON.stringify(`${server.siteUrl}pagefind/pagefind.js`)});
      await pagefind.init();
      return pagefind.filters();
    })()`)) as Record<string, unknown>;
    // The module is the search page's own, which tags each bundle's pages with a filter of its
    // own ("search-bundle", public/search/search.js): not a filter of the index, never drawn.
    const { 'search-bundle': bundleTag, ...indexFilters } = indexed;
    expect(bundleTag).toEqual({ '/pagefind/': expect.any(Number) });
    expect(drawn).toEqual(indexFilters);
    await context.close();
  });

  it('narrows results with the company filter, a real checkbox toggled from the keyboard', async () => {
    const context = await openContext();
    const page = await context.newPage();
    await page.goto(`${server.siteUrl}search/`);
    await page.waitForSelector(SEARCH_READY);
    const companyBoxes = page.locator('#search-filters fieldset', { has: page.locator('legend', { hasText: 'Company' }) }).locator('input[type=checkbox]');
    expect(await companyBoxes.count(), 'a Company filter with one checkbox per company').toBeGreaterThan(1);
    for (const legend of ['Company', 'Kind', 'Channel', 'Status', 'Voice']) {
      await expect(page.locator('#search-filters legend', { hasText: legend }).count(), `${legend} filter`).resolves.toBe(1);
    }
    // A word every company's cases share, so the unfiltered search spans companies.
    await page.fill('#search-q', SAMPLE_QUERY);
    await waitForSearch(page);
    const unfiltered = await readResultCount(page);
    const box = companyBoxes.first();
    const company = await box.getAttribute('value');
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction((before) => !document.getElementById('search-status')?.textContent?.startsWith(`${before} `), unfiltered);
    await waitForSearch(page);
    const filtered = await readResultCount(page);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(unfiltered);
    const metas = await page.locator('#search-results .search-meta').allTextContents();
    for (const meta of metas) expect(meta).toContain(`Company: ${company}`);
    expect(new URL(page.url()).searchParams.getAll('company')).toEqual([company]);
    await context.close();
  });

  it('says clearly when nothing matches', async () => {
    const context = await openContext();
    const page = await context.newPage();
    await page.goto(`${server.siteUrl}search/?q=qzxjvwk`);
    await page.waitForSelector(SEARCH_READY);
    await waitForSearch(page);
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/^Nothing matches “qzxjvwk”/);
    expect(await page.locator('#search-results li').count()).toBe(0);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no WCAG 2.2 AA violations with axe on home, a company, a case, search and methodology (${colorScheme})`, async () => {
      // axe is injected as an inline script, so this context alone bypasses the CSP.
      const context = await openContext({ colorScheme, bypassCSP: true });
      const page = await context.newPage();
      const found: Record<string, unknown[]> = {};
      for (const { name, path: pagePath } of pages) {
        await page.goto(server.siteUrl + pagePath);
        if (name === 'search') await runSampleSearch(page);
        const violations = await findAxeViolations(page);
        if (violations.length > 0) found[name] = violations;
      }
      expect(found).toEqual({});
      await context.close();
    });
  }

  it('writes screenshots of the main pages at 1280 px and 375 px (light), and 375 px (dark)', async () => {
    const shots = [
      { colorScheme: 'light', width: WIDE_PX },
      { colorScheme: 'light', width: NARROW_PX },
      { colorScheme: 'dark', width: NARROW_PX },
    ] as const;
    const context = await openContext();
    const page = await context.newPage();
    for (const { colorScheme, width } of shots) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width, height: 900 });
      for (const { name, path: pagePath } of pages) {
        await page.goto(server.siteUrl + pagePath);
        if (name === 'search') await runSampleSearch(page);
        const file = path.join(SCREENSHOT_DIR, `${name}-${width}-${colorScheme}.png`);
        // Capped: a full 12,000 px company page costs seconds to paint without a GPU.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, SCREENSHOT_MAX_HEIGHT_PX) } });
        // What the picture shows: the page in the colour scheme asked for, as wide as the screen.
        const shown = await page.evaluate(() => {
          const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
          return { luminance: (0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)) / 255, width: document.documentElement.clientWidth };
        });
        if (colorScheme === 'dark') expect(shown.luminance, `${name} at ${width} px, dark`).toBeLessThan(0.3);
        else expect(shown.luminance, `${name} at ${width} px, light`).toBeGreaterThan(0.7);
        expect(shown.width, `${name} at ${width} px`).toBe(width);
      }
    }
    await context.close();
  }, 60_000);

  it('fits every main page into a 320 px wide screen without scrolling sideways', async () => {
    const context = await openContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const overflowing: string[] = [];
    for (const { name, path: pagePath } of pages) {
      await page.goto(server.siteUrl + pagePath);
      if (name === 'search') await runSampleSearch(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) overflowing.push(`${name} is ${overflow} px too wide`);
    }
    expect(overflowing).toEqual([]);
    await context.close();
  });
});

describe.skipIf(skipWithout(CHROMIUM))('search on a project site under /watch/ in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    // The same options as the base-path test in variants.test.ts, so the run builds this once.
    const [build, launched] = await Promise.all([buildSite({ env: { WATCHBLOG_BASE: '/watch', WATCHBLOG_SITE: 'https://user.github.io' } }), launchChromium()]);
    browser = launched;
    expect(build.code, build.output).toBe(0);
    server = await startStaticServer(build.outDir, { base: '/watch/' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the index from under the base and links results to case pages under the base', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${server.siteUrl}search/?q=${SAMPLE_QUERY}`);
    await page.waitForSelector(SEARCH_READY);
    await waitForSearch(page);
    expect(await readResultCount(page)).toBeGreaterThan(0);
    const first = page.locator('#search-results a').first();
    expect(new URL((await first.getAttribute('href'))!, server.siteUrl).pathname).toMatch(/^\/watch\/cases\//);
    await first.click();
    await page.waitForURL(/\/watch\/cases\/[^/]+\/[^/]+\/$/);
    await expect(page.locator('h1').first().isVisible()).resolves.toBe(true);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });
});

describe.skipIf(skipWithout(CHROMIUM))('search over hostile content in Chromium', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    // The same folder and now as the feed round trip, so the run builds it once.
    const [build, launched] = await Promise.all([buildSite({ contentDir: await writeHostileContent(), now: HOSTILE_NOW }), launchChromium()]);
    browser = launched;
    expect(build.code, build.output).toBe(0);
    server = await startStaticServer(build.outDir);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows payload titles and excerpts as text: no script runs, no element from content appears', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchForProblems(page);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${server.siteUrl}search/?q=alert`);
    await page.waitForSelector(SEARCH_READY);
    await waitForSearch(page);
    expect(await readResultCount(page)).toBeGreaterThan(0);
    await expect(page.locator('#search-results').textContent()).resolves.toContain('<script>alert("title")</script>');
    // Only the elements the script builds: no <script>, <img>, <iframe> or <b> from the index.
    const tags = await page.locator('#search-results *').evaluateAll((elements) => [...new Set(elements.map((element) => element.tagName.toLowerCase()))].sort());
    expect(tags.filter((tag) => !['li', 'h2', 'a', 'p', 'mark'].includes(tag))).toEqual([]);
    expect(await page.title()).not.toBe('pwned');
    expect(dialogs).toEqual([]);
    expect(problems.join('\n')).toBe('');
    await context.close();
  });
});
