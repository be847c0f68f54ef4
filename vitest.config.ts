import { defineConfig } from 'vitest/config';

/**
 * Two tiers, chosen by folder, by what a test does:
 *
 * - `unit` (`npm run test:unit`, seconds): tests/core/** (mirrors src/core) and
 *   tests/architecture.test.ts. Pure: inputs in, values out, with a fixed `now`. No build, no
 *   browser, no child process, no HTTP server, no corpora, no temp folders, no timing.
 * - `e2e` (the rest, minutes): the built site (tests/site, tests/demo, tests/docs), Chromium,
 *   fetch runs against a loopback feed server (tests/fetch), faults, kills and fuzzing
 *   (tests/hostile), maintainer commands as child processes (tests/scripts), the GitHub
 *   workflows linted and their steps run locally (tests/workflows), anything that
 *   reads the third-party corpora (tests/corpora, tests/accuracy), and speed guards (tests/perf).
 *
 * A test that needs any of the e2e things goes in an e2e folder, even if it tests core code
 * (a real feed from the corpora goes in tests/corpora, not tests/core/ingest).
 * `npm test` runs both tiers; CI runs them with CI=true (see tests/helpers/requirements.ts).
 */
const UNIT = ['tests/core/**/*.test.ts', 'tests/architecture.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 240_000,
    projects: [
      {
        extends: true,
        // Pure tests share no state, so one worker runs many files without a fresh module graph
        // each (isolate: false): the imports (unified, Zod, rss-parser) load once per worker.
        test: { name: 'unit', include: UNIT, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          exclude: UNIT,
          // Says once per run which tests skip here, and why (Chromium, feedparser, corpora, mount).
          globalSetup: ['tests/helpers/print-skips.ts'],
        },
      },
    ],
  },
});
