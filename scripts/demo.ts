/**
 * `npm run demo` — regenerates the demo watch blog in the content folder (or
 * WATCHBLOG_CONTENT). Deterministic: same seed and end date, same files, so the result is
 * committed and a re-run leaves `git diff` empty. Only the demo companies' files are replaced.
 *
 *   npm run demo -- [--seed 2026] [--end 2026-11-20T18:00:00Z]
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serializeItemFile } from '../src/core/write/front-matter.ts';
import { generateDemo } from './demo/generate.ts';
import { DEMO_COMPANIES } from './demo/scenario.ts';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '2026' }, end: { type: 'string', default: '2026-11-20T18:00:00Z' } },
});
const end = new Date(values.end);
if (Number.isNaN(end.getTime())) throw new Error(`--end: expected an ISO date, got "${values.end}"`);
const contentDir = path.resolve(process.env.WATCHBLOG_CONTENT || 'content');

for (const { slug } of DEMO_COMPANIES) {
  for (const folder of ['mentions', 'responses', 'cases']) {
    await rm(path.join(contentDir, folder, slug), { recursive: true, force: true });
  }
}
const files = generateDemo(Number(values.seed), end);
for (const file of files) {
  const target = path.join(contentDir, file.path);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, serializeItemFile(file.data, file.body));
}
console.log(`[demo] wrote ${files.length} files to ${contentDir}`);
