/**
 * Search at scale, as a reader meets it: the built site served from loopback, its search
 * page opened in Chromium with a two-word query, and every byte the browser fetched until the
 * results showed (the page, its CSS and script, Pagefind's code, wasm, meta, index chunks,
 * filters and the fragments of the results shown), next to the size of the whole index.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM_MISSING, launchChromium, searchBuiltSite } from '../harness/browser.ts';
import { startStaticServer } from '../harness/static-server.ts';
import { measureOutput } from './measure-output.ts';

export type SearchFigures = {
  query: string;
  /** Results the search page reported. */
  results: number;
  /** Everything fetched for the search page and the query (encoded bytes, as sent). */
  fetchedKB: number;
  /** Of which Pagefind's files (/pagefind/, and a sharded site's /pagefind-<shard>/ bundles). */
  pagefindKB: number;
  requests: number;
  /** The whole index on disk (every bundle). */
  indexMB: number;
};

/** Null when Chromium is missing (the reason is CHROMIUM_MISSING). */
export async function measureSearch(outDir: string, query: string): Promise<SearchFigures | null> {
  if (CHROMIUM_MISSING) return null;
  const server = await startStaticServer(outDir);
  const browser = await launchChromium();
  try {
    const sizes: { url: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    const countFetches = (page: Page) =>
      page.on('requestfinished', (request) => {
        pending.push(request.sizes().then((size) => void sizes.push({ url: request.url(), bytes: size.responseHeadersSize + size.responseBodySize })));
      });
    const { context, page } = await searchBuiltSite(browser, server.siteUrl, new URLSearchParams({ q: query }).toString(), countFetches);
    await Promise.all(pending);
    const status = (await page.locator('#search-status').textContent()) ?? '';
    await context.close();
    const kb = (bytes: number) => Math.round(bytes / 1024);
    const pagefind = sizes.filter((entry) => /\/pagefind(-[^/]+)?\//.test(new URL(entry.url).pathname));
    const bundles = (await readdir(outDir, { withFileTypes: true })).filter((entry) => entry.isDirectory() && /^pagefind(-.+)?$/.test(entry.name));
    const indexBytes = (await Promise.all(bundles.map(async (bundle) => (await measureOutput(path.join(outDir, bundle.name))).bytesWritten))).reduce((sum, bytes) => sum + bytes, 0);
    return {
      query,
      results: Number(/^(\d+)/.exec(status)?.[1] ?? 0),
      fetchedKB: kb(sizes.reduce((sum, entry) => sum + entry.bytes, 0)),
      pagefindKB: kb(pagefind.reduce((sum, entry) => sum + entry.bytes, 0)),
      requests: sizes.length,
      indexMB: Math.round(indexBytes / 1024 / 102.4) / 10,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
