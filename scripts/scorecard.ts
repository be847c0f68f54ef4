/**
 * `npm run scorecard` — checks the content folder and prints every company's figures in the
 * open-data format of /data/companies.json, computed without Astro. Anyone can recompute a
 * published scorecard from the content in git with the `asOf` it states:
 *
 *   npm run scorecard -- [--now 2026-11-21T00:00:00Z] [--content content] [--check]
 *
 * Without --now it computes as of WATCHBLOG_NOW when set, like the build.
 *
 * --check only validates the content and prints problems. Exit 1 when a file does not fit.
 * Either way it warns about edits that do nothing (an override for a case that does not
 * exist, a post naming an unknown case) or contradict the record.
 */
import path from 'node:path';
import { formatContentProblem, readContentFiles } from '../src/core/content-entries.ts';
import { lintContent } from '../src/core/content-lint.ts';
import { buildCompaniesJson } from '../src/core/open-data.ts';
import { buildWatchblog } from '../src/core/watchblog.ts';
import { defineCli, parseCliArgs, resolveContentOption } from './cli-args.ts';
import { readContentFolder } from './content/read-content.ts';

const CLI = defineCli({
  command: 'npm run scorecard --',
  tag: 'scorecard',
  summary: "Checks the content folder and prints every company's figures as JSON (the open-data format of /data/companies.json), computed without Astro.",
  options: {
    now: { type: 'string', value: '<time>', description: 'the as-of time, ISO-8601, e.g. 2026-11-21T00:00:00Z (default $WATCHBLOG_NOW, else now)' },
    content: { type: 'string', value: '<dir>', description: 'the content folder (default $WATCHBLOG_CONTENT, else ./content)' },
    check: { type: 'boolean', default: false, description: 'only validate the content and print problems and warnings' },
  },
  env: {
    WATCHBLOG_CONTENT: 'the content folder when --content is not given',
    WATCHBLOG_NOW: 'the as-of time when --now is not given (the build reads it too, so both agree)',
  },
  exitCodes: { 0: 'the content fits (warnings are printed, not fatal); also after --help', 1: 'a content file does not fit the content model', 2: 'bad options' },
});

const values = parseCliArgs(CLI);
const contentDir = resolveContentOption(values.content);
// The same as-of instant as the build: --now, else WATCHBLOG_NOW, else the clock.
const nowFrom = values.now ? '--now' : process.env.WATCHBLOG_NOW?.trim() ? 'WATCHBLOG_NOW' : null;
const nowText = values.now ?? process.env.WATCHBLOG_NOW?.trim();
const now = nowFrom && nowText ? new Date(nowText) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`[scorecard] ${nowFrom}: expected an ISO-8601 time such as 2026-11-21T00:00:00Z, got "${nowText}"`);
  process.exit(2);
}

const read = await readContentFolder(contentDir);
const { input, problems } = readContentFiles(read.files);
const allProblems = [...read.problems, ...problems];
for (const problem of allProblems) console.error(`[scorecard] ${path.relative(process.cwd(), contentDir) || '.'}/${formatContentProblem(problem)}`);
if (allProblems.length > 0) {
  console.error(`[scorecard] ${allProblems.length} problem(s) in ${contentDir}`);
  process.exit(1);
}
const watchblog = buildWatchblog(input, now);
const warnings = lintContent(input, watchblog);
for (const warning of warnings) console.error(`[scorecard] warning: ${warning.file}: ${warning.message}`);
if (values.check) {
  console.error(`[scorecard] ${read.files.length} files fit the content model${warnings.length > 0 ? `; ${warnings.length} warning(s)` : ''}`);
} else {
  process.stdout.write(`${JSON.stringify(buildCompaniesJson(watchblog), null, 2)}\n`);
}
