/**
 * `npm run sources` — lists what each company's sources stand for: every entry of its file
 * (a plain source, or a preset and its fields) and the feeds fetch will read for it, with
 * channel, voice and threading. Reads nothing from the network.
 *
 *   npm run sources -- [--company acme-broadband] [--content content]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describeSourceEntries } from '../src/core/presets/describe-sources.ts';
import { SourceEntrySchema } from '../src/core/schemas.ts';
import { parseContentFile } from '../src/core/write/front-matter.ts';
import { defineCli, parseCliArgs, resolveContentOption } from './cli-args.ts';
import { readCompanyFiles } from './stages/read-company-files.ts';

const CLI = defineCli({
  command: 'npm run sources --',
  tag: 'sources',
  summary: "Lists each company's sources: every entry of its file and the feeds it expands to (presets included), with channel, voice and threading.",
  options: {
    company: { type: 'string', value: '<slug>', multiple: true, description: 'only this company (default: all)' },
    content: { type: 'string', value: '<dir>', description: 'the content folder (default $WATCHBLOG_CONTENT, else ./content)' },
  },
  env: { WATCHBLOG_CONTENT: 'the content folder when --content is not given' },
  exitCodes: { 0: 'listed; also after --help', 1: 'a company file does not fit the content model (each problem is printed)', 2: 'bad options' },
});

const values = parseCliArgs(CLI);
const contentDir = resolveContentOption(values.content);
const { companies, problems } = await readCompanyFiles(contentDir, values.company);
for (const problem of problems) console.error(`[sources] ${path.relative(process.cwd(), problem.file) || problem.file}: ${problem.field}: ${problem.message}`);

const blocks: string[] = [];
for (const { slug, file, company } of companies) {
  // The file has been validated; its entries are read again as written, before expansion.
  const parsed = parseContentFile(await readFile(file, 'utf8'));
  const raw = parsed.ok && Array.isArray(parsed.file.data.sources) ? parsed.file.data.sources : [];
  const entries = raw.map((entry) => SourceEntrySchema.parse(entry));
  const header = `${slug} (${path.relative(process.cwd(), file) || file}): ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, ${company.sources.length} feed${company.sources.length === 1 ? '' : 's'}`;
  blocks.push([header, ...describeSourceEntries(entries, { hasOfficialAuthors: company.official.authors.length > 0 })].join('\n'));
}
if (blocks.length > 0) process.stdout.write(`${blocks.join('\n\n')}\n`);
if (problems.length > 0) process.exit(1);
