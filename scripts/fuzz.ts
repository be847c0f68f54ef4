/**
 * `npm run fuzz [-- --runs <n>] [-- --seed <n>]`: the feed round-trip property of
 * scripts/harness/feed-fuzz.ts over many generated feeds (default 10,000; seed from the
 * clock unless given, and printed so a failure can be replayed). Exit 1 on a failure.
 */
import { defineCli, exitWithUsageError, parseCliArgs } from './cli-args.ts';

/** Cases per run by default. */
const DEFAULT_RUNS = 10_000;

const CLI = defineCli({
  command: 'npm run fuzz --',
  tag: 'fuzz',
  summary: 'Generates RSS 2.0, Atom 1.0 and JSON Feed 1.1 feeds and checks that every item goes through ingest, is written and reads back equal.',
  options: {
    runs: { type: 'string', value: '<n>', description: `generated feeds, a positive whole number (default ${DEFAULT_RUNS})` },
    seed: { type: 'string', value: '<n>', description: 'the random seed, to replay a failure (default: from the clock, and printed)' },
  },
  exitCodes: { 0: 'every generated feed round-tripped; also after --help', 1: 'a feed failed (the seed to replay it is printed)', 2: 'bad options' },
});

const values = parseCliArgs(CLI);
const runs = Number(values.runs ?? DEFAULT_RUNS);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1) exitWithUsageError(CLI, `--runs: expected a positive whole number, got "${values.runs}"`);
if (!Number.isInteger(seed)) exitWithUsageError(CLI, `--seed: expected a whole number, got "${values.seed}"`);
// Loaded after the flags are read, so --help and a bad flag answer at once.
const { runFeedFuzz } = await import('./harness/feed-fuzz.ts');
const started = performance.now();
console.log(`[fuzz] ${runs} generated feeds (RSS 2.0, Atom 1.0, JSON Feed 1.1), seed ${seed}`);
try {
  const result = await runFeedFuzz(runs, seed);
  const seconds = (performance.now() - started) / 1000;
  console.log(`[fuzz] ok: ${result.cases} feeds, ${result.items} items, ${result.drafts} files written and read back equal in ${seconds.toFixed(1)} s`);
} catch (error) {
  console.error(`[fuzz] FAILED (replay with --seed ${seed}):\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
