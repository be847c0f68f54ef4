// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { DEFAULT_SITE_URL } from './src/core/site/site-url.ts';
import { buildPart } from './src/queries/build-part.ts';

// A project site (e.g. GitHub Pages at https://user.github.io/watchblog/) sets both:
//   WATCHBLOG_SITE=https://user.github.io WATCHBLOG_BASE=/watchblog npm run build
const site = process.env.WATCHBLOG_SITE ?? DEFAULT_SITE_URL;
const base = process.env.WATCHBLOG_BASE ?? '/';

/** The pages the shards of a sharded build wrote, when this build is its hub (src/core/shards/build-part.ts). */
function hubSitemapPages() {
  const part = buildPart();
  return part.kind === 'hub' ? [...part.sitemapPages] : undefined;
}

export default defineConfig({
  site,
  base,
  // Tests and benchmarks build several content folders side by side; each needs its own
  // output and its own content cache, or concurrent builds would overwrite each other.
  ...(process.env.WATCHBLOG_OUT_DIR ? { outDir: process.env.WATCHBLOG_OUT_DIR } : {}),
  ...(process.env.WATCHBLOG_CACHE_DIR ? { cacheDir: process.env.WATCHBLOG_CACHE_DIR } : {}),
  trailingSlash: 'ignore',
  // Styles go in files, never inline, so the Content-Security-Policy can say style-src 'self'.
  // concurrency: pages render while earlier ones are written (the build waits on the disk for
  // about a third of its page time at 10,000 mentions): 41 s of page time at 1, 34 s at 4,
  // 31 s at 16 (one noisy run each); 8 sits between.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // Shiki colours code with inline style attributes, which the CSP (style-src 'self') forbids.
  markdown: { syntaxHighlight: false },
  // The hub of a sharded build (npm run build:shards) lists the shards' pages in the sitemap too.
  integrations: [sitemap({ filter: (page) => !/\/404\/?$/.test(page), customPages: hubSitemapPages() })],
  // `astro dev` must not watch the benchmark's and the tests' builds under .astro/ (hundreds of
  // thousands of files after `npm run bench`, enough to exhaust the system's file watchers).
  vite: { server: { watch: { ignored: ['**/.astro/bench/**', '**/.astro/test-builds/**'] } } },
  // A rebuild after a fetch renders only the pages whose props changed: the routes give each
  // page a cacheKey, the digest of its props (src/core/site/page-cache-key.ts), and Astro copies
  // the others from its cache (cacheDir, node_modules/.astro by default; CI restores it).
  // tests/site/incremental-build.test.ts holds it to a cold build's output, byte for byte.
  experimental: { incrementalBuild: true },
});
