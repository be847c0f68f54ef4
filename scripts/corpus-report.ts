/**
 * `npm run test:corpora`: the full corpus sweep (every feed file through decode →
 * parse → normalize, each in a child process with a time budget) and the figures to
 * compare with the rss-parser 3.13.0 baseline in the corpora README.
 * Usage: npm run test:corpora [-- --workers 2] [-- --json out.json]
 */
import { writeFileSync } from 'node:fs';
import { defineCli, exitWithUsageError, parseCliArgs } from './cli-args.ts';
import { CORPORA_DIR, CORPORA_SKIP_MESSAGE, HAS_CORPORA } from './harness/corpora.ts';
import { corpusOf, listFeedFiles, runSweep, type SweepResult } from './harness/sweep.ts';

/** rss-parser 3.13.0 on the same corpora (README "Baseline"): parsed / ordinary error / raw TypeError+RangeError. */
const BASELINE: Readonly<Record<string, string>> = {
  'feedparser/wellformed': '1640 / 94 / 15',
  'feedparser/encoding': '40 / 23 / 19',
  'feedparser/illformed': '7 / 12 / 0',
  'feedparser/entities': '0 / 256 / 0 (243 with defaultRSS 2.0)',
  'w3c-feedvalidator': '1544 / 83 / 65',
  gofeed: '520 / 11 / 10 (541 xml only)',
  'rss-parser': '29 / 2 / 0',
  'rowanmanning-sample-feeds': '44 / 1 / 0',
  feedsmith: '13 / 0 / 0',
  simplepie: '3 / 2 / 0',
};

const CLI = defineCli({
  command: 'npm run test:corpora --',
  tag: 'corpora',
  summary: 'The full corpus sweep: every feed file of the third-party corpora through decode, parse and normalize, each in a child process with a time budget, compared with the rss-parser 3.13.0 baseline.',
  options: {
    workers: { type: 'string', default: '2', value: '<n>', description: 'child processes (default 2)' },
    json: { type: 'string', value: '<file>', description: 'also write every result as JSON to this file' },
  },
  env: { WATCHBLOG_CORPORA: 'the corpora folder (default ../shared/corpora); absent means nothing to sweep, exit 0' },
  exitCodes: { 0: 'no crash, hang or unsafe output (or no corpora); also after --help', 1: 'a crash, hang or unsafe output', 2: 'bad options' },
});

const values = parseCliArgs(CLI);

async function main(): Promise<void> {
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) exitWithUsageError(CLI, `--workers: expected a positive whole number, got "${values.workers}"`);
  if (!HAS_CORPORA) {
    console.log(`[corpora] ${CORPORA_SKIP_MESSAGE}`);
    return;
  }
  const files = listFeedFiles(CORPORA_DIR);
  console.log(`[corpora] sweeping ${files.length} files from ${CORPORA_DIR} with ${workers} workers`);
  const started = performance.now();
  const results = await runSweep(files, { workers });
  const elapsedS = (performance.now() - started) / 1000;

  const rows = new Map<string, { tried: number; parsed: number; errors: number; crashes: number; hangs: number; unsafe: number; items: number; drafts: number }>();
  for (const result of results) {
    const corpus = corpusOf(CORPORA_DIR, result.file);
    const row = rows.get(corpus) ?? { tried: 0, parsed: 0, errors: 0, crashes: 0, hangs: 0, unsafe: 0, items: 0, drafts: 0 };
    row.tried += 1;
    if (result.status === 'parsed') row.parsed += 1;
    if (result.status === 'error') row.errors += 1;
    if (result.status === 'crash') row.crashes += 1;
    if (result.status === 'hang') row.hangs += 1;
    if ((result.unsafe ?? []).length > 0) row.unsafe += 1;
    row.items += result.items ?? 0;
    row.drafts += result.drafts ?? 0;
    rows.set(corpus, row);
  }
  const table = [...rows.entries()].map(([corpus, row]) => ({ corpus, ...row, 'rss-parser baseline (parsed / error / raw throw)': BASELINE[corpus] ?? '' }));
  const total = table.reduce(
    (sum, row) => ({ tried: sum.tried + row.tried, parsed: sum.parsed + row.parsed, errors: sum.errors + row.errors, crashes: sum.crashes + row.crashes, hangs: sum.hangs + row.hangs, unsafe: sum.unsafe + row.unsafe }),
    { tried: 0, parsed: 0, errors: 0, crashes: 0, hangs: 0, unsafe: 0 },
  );
  console.table(table);
  console.log(`[corpora] total: ${total.tried} tried, ${total.parsed} parsed, ${total.errors} typed errors, ${total.crashes} crashes, ${total.hangs} hangs, ${total.unsafe} files with unsafe output, in ${elapsedS.toFixed(1)} s`);
  const reasons = new Map<string, number>();
  for (const result of results) if (result.status === 'error') reasons.set(result.reason ?? '?', (reasons.get(result.reason ?? '?') ?? 0) + 1);
  console.log(`[corpora] typed errors by reason: ${[...reasons.entries()].map(([reason, count]) => `${reason} ${count}`).join(', ')}`);
  for (const result of results.filter((r: SweepResult) => r.status === 'crash' || r.status === 'hang' || (r.unsafe ?? []).length > 0)) {
    console.log(`[corpora] ${result.status} ${result.file}: ${result.message ?? result.unsafe?.join('; ')}`);
  }
  const jsonPath = values.json;
  if (jsonPath) writeFileSync(jsonPath, JSON.stringify(results, null, 1));
  if (total.crashes + total.hangs + total.unsafe > 0) process.exitCode = 1;
}

await main();
