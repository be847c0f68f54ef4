/**
 * `npm run fuzz [-- --runs <n>] [-- --seed <n>]`: the feed round-trip property of
 * tests/hardening/feed-fuzz.ts over many generated feeds (default 10,000; seed from the
 * clock unless given, and printed so a failure can be replayed). Exit 1 on a failure.
 */
import { parseArgs } from 'node:util';
import { runFeedFuzz } from '../tests/hardening/feed-fuzz.ts';

/** Cases per run by default. */
const DEFAULT_RUNS = 10_000;

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const runs = Number(values.runs ?? DEFAULT_RUNS);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [--runs <positive integer>] [--seed <integer>]');
  process.exit(2);
}
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
