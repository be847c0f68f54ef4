/**
 * A built site in Chromium for the tests of one describe block: Chromium launched and the
 * folder served from 127.0.0.1 before its tests, both closed after them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/harness/browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/harness/static-server.ts';

/** Registers the hooks; read `browser` and `siteUrl` inside the tests. `outDir` is read when the hooks run. */
export function useSiteInChromium(outDir: () => string): { readonly browser: Browser; readonly siteUrl: string } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await startStaticServer(outDir());
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('useSiteInChromium: Chromium is not running yet (use it inside a test)');
      return browser;
    },
    get siteUrl() {
      if (!server) throw new Error('useSiteInChromium: the site is not served yet (use it inside a test)');
      return server.siteUrl;
    },
  };
}
