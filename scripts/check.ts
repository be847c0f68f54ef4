/**
 * `npm run check` — every content file, its cross-references and the build settings, then
 * `astro check` and `tsc`, so a maintainer learns what is wrong before a build or a fetch.
 * Each problem is printed with its file, field and fix. The checks live in the core
 * (content-entries, content-lint, build-config-check); this only reads files and prints.
 *
 *   npm run check -- [--content content] [--no-types]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { checkBuildConfig } from '../src/core/build-config-check.ts';
import { readContentFiles, type ContentFile, type ContentProblem } from '../src/core/content-entries.ts';
import { lintContent, type ContentWarning } from '../src/core/content-lint.ts';
import { buildWatchblog } from '../src/core/watchblog.ts';
import { defineCli, parseCliArgs, resolveContentOption } from './cli-args.ts';
import { readContentFolder } from './content/read-content.ts';

const CLI = defineCli({
  command: 'npm run check --',
  tag: 'check',
  summary: 'Checks every content file, the cross-references between them (respondsTo, case files, posts, aliases shared by companies) and the build settings, then runs astro check and tsc. Prints each problem with its file, field and fix.',
  options: {
    content: { type: 'string', value: '<dir>', description: 'the content folder (default $WATCHBLOG_CONTENT, else ./content)' },
    'no-types': { type: 'boolean', default: false, description: 'skip astro check and tsc (the slow part): content and settings only' },
  },
  env: {
    WATCHBLOG_CONTENT: 'the content folder when --content is not given',
    WATCHBLOG_SITE: 'checked: an origin such as https://user.github.io',
    WATCHBLOG_BASE: 'checked: a path starting with /, e.g. /watchblog',
    WATCHBLOG_NOW: 'checked: an ISO-8601 time; also the as-of time of the figures checked',
  },
  exitCodes: { 0: 'no errors (warnings are printed, not fatal); also after --help', 1: 'an error: a file that does not fit, a reference to nothing, a bad setting, or astro check / tsc failed', 2: 'bad options' },
});

const values = parseCliArgs(CLI);
const contentDir = resolveContentOption(values.content);
const shownDir = path.relative(process.cwd(), contentDir) || '.';

/** A file that does not fit: the schema's message says what was expected. */
function toFinding(problem: ContentProblem): ContentWarning {
  const fix = problem.field === '(front matter)'
    ? 'fix the YAML between the --- lines (quote a value that contains ": " or starts with a special character)'
    : 'give the field the value the message expects; every field is documented in src/core/schemas.ts and the README ("Add a company", "Content format")';
  return { file: problem.path, field: problem.field, message: problem.message, fix, severity: 'error' };
}

/** `<folder>/<company>/<id>` → the file it was read from, so findings name the real file. */
function itemFilesOf(files: readonly ContentFile[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const file of files) {
    const [folder, company] = file.path.split('/');
    if ((folder === 'mentions' || folder === 'responses') && typeof file.data.id === 'string') map.set(`${folder}/${file.data.company ?? company}/${file.data.id}`, file.path);
  }
  return map;
}

function print(finding: ContentWarning): void {
  const where = finding.file === '(environment)' ? finding.file : `${shownDir}/${finding.file}`;
  const field = finding.field ?? '(file)';
  // Some lint messages start with their field ("merge: …") for the scorecard's one-line warnings.
  const message = finding.message.startsWith(`${field}: `) ? finding.message.slice(field.length + 2) : finding.message;
  console.error(`[check] ${finding.severity ?? 'warning'}: ${where}: ${field}: ${message}`);
  if (finding.fix) console.error(`[check]   fix: ${finding.fix}`);
}

const read = await readContentFolder(contentDir);
const { input, problems } = readContentFiles(read.files);
const findings = [...checkBuildConfig(process.env), ...[...read.problems, ...problems].map(toFinding)];
const nowText = process.env.WATCHBLOG_NOW?.trim();
const now = nowText && !Number.isNaN(new Date(nowText).getTime()) ? new Date(nowText) : new Date();
findings.push(...lintContent(input, buildWatchblog(input, now), itemFilesOf(read.files)));
for (const finding of findings) print(finding);
const errors = findings.filter((finding) => finding.severity === 'error').length;
console.error(`[check] ${read.files.length + read.problems.length} content files in ${shownDir}: ${errors} error(s), ${findings.length - errors} warning(s)`);

/** Runs a tool of the project's own node_modules on this Node (the project's Node 24 under npm run); true when it passed. */
function runTool(label: string, command: string, args: string[]): boolean {
  console.error(`[check] ${label} …`);
  const result = spawnSync(process.execPath, [path.join(import.meta.dirname, '..', 'node_modules', '.bin', command), ...args], { stdio: 'inherit' });
  const ok = result.status === 0;
  console.error(`[check] ${label}: ${ok ? 'ok' : result.error ? `could not start (${result.error.message})` : `failed (exit ${result.status})`}`);
  return ok;
}

let typesOk = true;
if (!values['no-types']) {
  // astro check first: it also writes the astro:content types that tsc needs (astro sync).
  const astroOk = runTool('astro check', 'astro', ['check']);
  const tscOk = runTool('tsc --noEmit', 'tsc', ['--noEmit', '-p', '.']);
  typesOk = astroOk && tscOk;
}
process.exit(errors > 0 || !typesOk ? 1 : 0);
