/**
 * `npm run generate` — writes a synthetic watch blog of any size into a new content folder,
 * for benchmarks and scale tests (see scripts/generate/synthetic.ts for its shape).
 * Deterministic: the same options give the same files.
 *
 *   npm run generate -- --companies 20 --mentions 100000 --out /tmp/big [--seed 1] [--end <time>]
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { defineCli, exitWithUsageError, parseCliArgs } from './cli-args.ts';
import { generateSyntheticWatchblog } from './generate/synthetic.ts';
import { writeGeneratedFiles } from './generate/write-files.ts';

const CLI = defineCli({
  command: 'npm run generate --',
  tag: 'generate',
  summary: 'Writes a synthetic watch blog (companies of very different sizes, answers, silences, threads, an outage week, merges and resolutions) into a new content folder. Deterministic: same options, same files.',
  options: {
    companies: { type: 'string', default: '20', value: '<n>', description: 'how many companies (default 20); the largest holds 40 % of the mentions' },
    mentions: { type: 'string', default: '10000', value: '<n>', description: 'about how many mentions in all (default 10000); responses and case files come on top' },
    out: { type: 'string', default: '', value: '<dir>', description: 'the content folder to create; it must not exist or be empty (required)' },
    seed: { type: 'string', default: '1', value: '<n>', description: 'the random seed (default 1)' },
    end: { type: 'string', default: '2026-11-20T18:00:00Z', value: '<time>', description: 'the last moment of the two-year history, ISO-8601 (default 2026-11-20T18:00:00Z)' },
  },
  exitCodes: { 0: 'files written; also after --help', 1: 'a file could not be written', 2: 'bad options, or --out is not empty' },
});

const values = parseCliArgs(CLI);
const wholeNumber = (name: string, value: string, min: number): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) exitWithUsageError(CLI, `--${name}: expected a whole number of at least ${min}, got "${value}"`);
  return number;
};
const companies = wholeNumber('companies', values.companies, 1);
const mentions = wholeNumber('mentions', values.mentions, companies);
const seed = wholeNumber('seed', values.seed, 0);
const end = new Date(values.end);
if (Number.isNaN(end.getTime())) exitWithUsageError(CLI, `--end: expected an ISO date, got "${values.end}"`);
if (values.out === '') exitWithUsageError(CLI, '--out: say where to write the content folder');
const outDir = path.resolve(values.out);
if (existsSync(outDir) && readdirSync(outDir).length > 0) exitWithUsageError(CLI, `--out: ${outDir} is not empty; choose a new folder (nothing was written)`);

const started = performance.now();
const files = generateSyntheticWatchblog({ companies, mentions, seed, end });
try {
  await writeGeneratedFiles(outDir, files);
} catch (error) {
  console.error(`[generate] could not write to ${outDir}: ${(error as Error).message}`);
  process.exit(1);
}
const count = (prefix: string) => files.filter((file) => file.path.startsWith(prefix)).length;
console.log(`[generate] ${count('companies/')} companies, ${count('mentions/')} mentions, ${count('responses/')} responses, ${count('cases/')} case files → ${outDir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
