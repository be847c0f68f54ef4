/**
 * Debian's Chromium driven by playwright-core (no browser download), plus axe-core, for the
 * real-browser tests and `npm run test:hostile`. When /usr/bin/chromium is absent they skip with
 * `CHROMIUM_MISSING` as the reason; under CI=true the tests fail instead (tests/helpers/
 * requirements.ts), since `.ci/run` installs it with apt.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Where Debian's chromium package puts the browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Why browser tests skip on this machine, or null when they can run. */
export const CHROMIUM_MISSING: string | null = existsSync(CHROMIUM_PATH)
  ? null
  : `browser tests skipped: ${CHROMIUM_PATH} is absent (install Debian's chromium: apt-get install chromium)`;

/** Launches headless Chromium with no network chatter of its own (updates, sync, first run). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The WCAG 2.2 AA rule tags axe checks. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/** One axe violation, reduced to what a failing test needs to show. */
export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

let axeSource: string | undefined;

/**
 * Runs axe-core in the page with the WCAG 2.2 AA tags and returns its violations. The page's
 * context must bypass CSP (`bypassCSP: true`): axe is injected as an inline script.
 */
export async function findAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  }, [...WCAG_TAGS]);
}

/**
 * Opens the built site's search page with a query string (e.g. `q=word&kind=coverage`), waits
 * until Pagefind has answered, and returns the page (in its own context, for the caller to
 * close) with the paths of the result links. `beforeOpen` sees the page before it loads
 * (e.g. to count what it fetches).
 */
export async function searchBuiltSite(browser: Browser, siteUrl: string, query: string, beforeOpen?: (page: Page) => void): Promise<{ context: BrowserContext; page: Page; hrefs: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  beforeOpen?.(page);
  await page.goto(`${siteUrl}search/?${query}`);
  await page.waitForSelector('#search-form[data-ready="true"]');
  await page.waitForFunction(() => /^(\d+ results? for|Nothing matches)/.test(document.getElementById('search-status')?.textContent ?? ''));
  const hrefs = await page.locator('#search-results a').evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return { context, page, hrefs };
}
