/**
 * `npm run demo` — regenerates the demo watch blog in the content folder (or
 * WATCHBLOG_CONTENT). Deterministic: same seed and end date, same files, so the result is
 * committed and a re-run leaves `git diff` empty. Only the demo companies' files are replaced.
 *
 *   npm run demo -- [--seed 2026] [--end 2026-11-20T18:00:00Z]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serializeContentFile } from '../src/core/write/front-matter.ts';
import { defineCli, exitWithUsageError, parseCliArgs, resolveContentOption } from './cli-args.ts';
import { generateDemo } from './demo/generate.ts';
import { DEMO_COMPANIES } from './demo/scenario.ts';

const CLI = defineCli({
  command: 'npm run demo --',
  tag: 'demo',
  summary: "Regenerates the demo watch blog in the content folder, deterministically (same seed and end, same files). Only the demo companies' mentions, responses and cases are replaced.",
  options: {
    seed: { type: 'string', default: '2026', value: '<n>', description: 'the random seed (default 2026)' },
    end: { type: 'string', default: '2026-11-20T18:00:00Z', value: '<time>', description: 'the last moment of the generated history, ISO-8601 (default 2026-11-20T18:00:00Z)' },
  },
  env: { WATCHBLOG_CONTENT: 'the content folder (default ./content)' },
  exitCodes: { 0: 'files written; also after --help', 1: 'a file could not be written', 2: 'bad options' },
});

const values = parseCliArgs(CLI);
const end = new Date(values.end);
if (Number.isNaN(end.getTime())) exitWithUsageError(CLI, `--end: expected an ISO date, got "${values.end}"`);
if (!Number.isInteger(Number(values.seed))) exitWithUsageError(CLI, `--seed: expected a whole number, got "${values.seed}"`);
const contentDir = resolveContentOption(undefined);

for (const { slug } of DEMO_COMPANIES) {
  for (const folder of ['mentions', 'responses', 'cases']) {
    await rm(path.join(contentDir, folder, slug), { recursive: true, force: true });
  }
}
const files = generateDemo(Number(values.seed), end);
for (const file of files) {
  const target = path.join(contentDir, file.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, serializeContentFile(file.data, file.body));
}
console.log(`[demo] wrote ${files.length} files to ${contentDir}`);
