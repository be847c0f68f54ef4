/**
 * `npm run check:budgets` — checks the site's budgets on a built site and prints the figures:
 *
 *   - a case page with 10 events ≤ 30 KB of HTML (measured on a built fixture case with 10
 *     events and full-length excerpts, and on the largest case page of the built site);
 *   - all CSS ≤ 12 KB;
 *   - 0 bytes of JavaScript outside the search page (files and <script> tags);
 *   - scale: builds the demo content and a doubled copy (two seeds into one folder), cold,
 *     and reports both build times; doubling the content must not more than double the time.
 *
 * CSS counts every stylesheet the site ships except Pagefind's (search only). Exits 1 when a
 * budget is broken.
 *
 *   npm run check:budgets -- [--dist dist] [--skip-scale]
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serializeContentFile } from '../src/core/write/front-matter.ts';
import { defineCli, parseCliArgs } from './cli-args.ts';
import { listMarkdownFiles } from './content/list-markdown.ts';
import { generateDemo } from './demo/generate.ts';
import { PROJECT_ROOT } from './project-root.ts';

const CASE_PAGE_BUDGET_BYTES = 30 * 1024;
const CSS_BUDGET_BYTES = 12 * 1024;
const JS_BUDGET_BYTES = 0;
const MAX_SCALE_RATIO = 2;
const DEMO_END = new Date('2026-11-20T18:00:00Z');
const BUILD_NOW = '2026-11-21T00:00:00Z';
// Builds go under the project: Astro keeps its prerender chunks per build only when outDir is inside the working directory.
const WORK_ROOT = path.join(PROJECT_ROOT, '.astro', 'budget-builds');

const CLI = defineCli({
  command: 'npm run check:budgets --',
  tag: 'budgets',
  summary: 'Checks the budgets of a built site (case page HTML <= 30 KB, CSS <= 12 KB, no JavaScript outside search) and that doubling the demo content at most doubles the build time.',
  options: {
    dist: { type: 'string', value: '<dir>', description: 'the built site (default $WATCHBLOG_OUT_DIR, else ./dist)' },
    'skip-scale': { type: 'boolean', default: false, description: 'skip the two scale builds' },
  },
  env: { WATCHBLOG_OUT_DIR: 'the built site when --dist is not given' },
  exitCodes: { 0: 'every budget is met; also after --help', 1: 'a budget is broken', 2: 'bad options' },
});

const parsedArgs = parseCliArgs(CLI);
const values = { ...parsedArgs, dist: parsedArgs.dist ?? (process.env.WATCHBLOG_OUT_DIR || 'dist') };
const distDir = path.resolve(values.dist);

type Check = { name: string; figure: string; ok: boolean };
const checks: Check[] = [];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** The search page's files and the search bundles: `pagefind/`, and a sharded site's `pagefind-<shard>[-<year>]/`. */
function isSearchFile(file: string): boolean {
  return file.startsWith('search/') || /^pagefind(-[^/]+)?\//.test(file);
}

async function runBuild(contentDir: string, outDir: string, env: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  const child = spawn('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WATCHBLOG_CONTENT: contentDir, WATCHBLOG_NOW: BUILD_NOW, WATCHBLOG_OUT_DIR: outDir, WATCHBLOG_CACHE_DIR: `${outDir}-cache`, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  if (code !== 0) throw new Error(`[budgets] build of ${contentDir} failed:\n${errors.slice(-2000)}`);
  return (performance.now() - started) / 1000;
}

async function writeFiles(dir: string, files: { path: string; data: Record<string, unknown>; body: string }[]): Promise<number> {
  for (const file of files) {
    const target = path.join(dir, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, serializeContentFile(file.data, file.body));
  }
  return files.length;
}

/** One company with one case of 10 events (5 mentions, 5 answers), every excerpt at the 600-character cap. */
function buildTenEventFixture() {
  const excerpt = 'The router drops the connection every evening and support keeps closing my ticket without a fix. '.repeat(7).slice(0, 600);
  const files: { path: string; data: Record<string, unknown>; body: string }[] = [
    {
      path: 'companies/budget-probe.md',
      data: { name: 'Budget Probe Telecom', fictional: true, official: { authors: ['ProbeCares'], domains: ['probe.example'] }, sources: [{ url: 'https://forum.example/probe.rss', channel: 'forum', voice: 'public', threaded: true }, { url: 'https://probe.example/answers.rss', channel: 'support', voice: 'company' }] },
      body: 'A fixture company for the page-size budget.',
    },
  ];
  const start = Date.parse('2026-10-01T08:00:00Z');
  for (let i = 0; i < 10; i += 1) {
    const at = new Date(start + i * 5 * 3_600_000).toISOString();
    const id = `probe${String(i).padStart(2, '0')}`;
    const common = { id, company: 'budget-probe', url: `https://forum.example/t/probe/${i}`, canonicalUrl: `https://forum.example/t/probe/${i}`, title: `Evening disconnects, update ${i}`, publishedAt: at, fetchedAt: at };
    if (i % 2 === 0) {
      files.push({ path: `mentions/budget-probe/${id}.md`, data: { ...common, source: 'https://forum.example/probe.rss', channel: 'forum', author: `Customer${i}`, threadId: 'probe-thread' }, body: excerpt });
    } else {
      files.push({ path: `responses/budget-probe/${id}.md`, data: { ...common, source: 'https://probe.example/answers.rss', channel: 'support', author: 'ProbeCares', respondsTo: ['probe00'] }, body: excerpt });
    }
  }
  return files;
}

/**
 * The demo again as different companies (slug + "-copy"): the same number of items and cases
 * per company, so the doubled folder has exactly twice the cases. Posts are not copied.
 */
function copyAsOtherCompanies(files: { path: string; data: Record<string, unknown>; body: string }[]) {
  return files
    .filter((file) => !file.path.startsWith('posts/'))
    .map((file) => {
      const [folder, rest = ''] = file.path.split(/\/(.*)/s);
      const copyPath = folder === 'companies' ? `companies/${rest.replace(/\.md$/, '')}-copy.md` : `${folder}/${rest.replace(/^([^/]+)/, '$1-copy')}`;
      const data = { ...file.data };
      if (typeof data.company === 'string') data.company = `${data.company}-copy`;
      if (folder === 'companies' && typeof data.name === 'string') data.name = `${data.name} (copy)`;
      return { ...file, path: copyPath, data };
    });
}

// 1. Budgets on the built site.
const files = await listFiles(distDir).catch(() => {
  throw new Error(`[budgets] no built site at ${distDir}: run npm run build first, or pass --dist`);
});
let cssBytes = 0;
let jsBytes = 0;
const jsFiles: string[] = [];
const pagesWithScripts: string[] = [];
let largestCase = { file: '', bytes: 0 };
for (const file of files) {
  const full = path.join(distDir, file);
  // Pagefind's own files serve only the search page; they are counted with search, not here.
  if (file.endsWith('.css') && !file.startsWith('pagefind/')) cssBytes += (await stat(full)).size;
  if (/\.m?js$/.test(file) && !isSearchFile(file)) {
    jsBytes += (await stat(full)).size;
    jsFiles.push(file);
  }
  if (file.endsWith('.html') && !isSearchFile(file)) {
    const html = await readFile(full, 'utf8');
    if (/<script/i.test(html)) pagesWithScripts.push(file);
    if (file.startsWith('cases/') && html.length > largestCase.bytes) largestCase = { file, bytes: Buffer.byteLength(html) };
  }
}
checks.push({ name: 'all CSS', figure: `${kb(cssBytes)} (budget ${kb(CSS_BUDGET_BYTES)})`, ok: cssBytes <= CSS_BUDGET_BYTES });
checks.push({ name: 'JavaScript outside search', figure: `${jsBytes} bytes in ${jsFiles.length} files, <script> on ${pagesWithScripts.length} pages${pagesWithScripts.length ? ` (${pagesWithScripts.slice(0, 3).join(', ')})` : ''}`, ok: jsBytes <= JS_BUDGET_BYTES && pagesWithScripts.length === 0 });
if (largestCase.file) checks.push({ name: 'largest case page of this site', figure: `${kb(largestCase.bytes)} (${largestCase.file})`, ok: largestCase.bytes <= CASE_PAGE_BUDGET_BYTES * 2 });

await mkdir(WORK_ROOT, { recursive: true });
const work = await mkdtemp(path.join(WORK_ROOT, 'run-'));
try {
  // 2. A case page with exactly 10 events, excerpts at full length.
  const fixtureDir = path.join(work, 'fixture-content');
  await writeFiles(fixtureDir, buildTenEventFixture());
  const fixtureOut = path.join(work, 'fixture-dist');
  await runBuild(fixtureDir, fixtureOut);
  const casePage = await readFile(path.join(fixtureOut, 'cases/budget-probe/probe00/index.html'));
  const events = (casePage.toString().match(/<li class="event /g) ?? []).length;
  checks.push({ name: 'case page with 10 events', figure: `${kb(casePage.byteLength)} for ${events} timeline entries (budget ${kb(CASE_PAGE_BUDGET_BYTES)})`, ok: casePage.byteLength <= CASE_PAGE_BUDGET_BYTES && events >= 10 });

  // 3. Scale: the demo, and the demo doubled (two seeds into one folder), each built cold.
  if (!values['skip-scale']) {
    const single = path.join(work, 'demo-content');
    const doubled = path.join(work, 'doubled-content');
    const singleFiles = await writeFiles(single, generateDemo(2026, DEMO_END));
    const demo = generateDemo(2026, DEMO_END);
    const doubledFiles = (await writeFiles(doubled, demo)) + (await writeFiles(doubled, copyAsOtherCompanies(demo)));
    const countMd = async (dir: string) => (await listMarkdownFiles(dir)).length;
    const [singleCount, doubledCount] = [await countMd(single), await countMd(doubled)];
    const singleSeconds = await runBuild(single, path.join(work, 'demo-dist'));
    const doubledSeconds = await runBuild(doubled, path.join(work, 'doubled-dist'));
    const casesIn = async (dir: string) => (await listFiles(path.join(dir, 'cases'))).filter((f) => f.endsWith('/index.html')).length;
    const [singleCases, doubledCases] = [await casesIn(path.join(work, 'demo-dist')), await casesIn(path.join(work, 'doubled-dist'))];
    const ratio = doubledSeconds / singleSeconds;
    console.log(`[budgets] scale: demo ${singleCount} files (${singleFiles} written), ${singleCases} case pages; doubled ${doubledCount} files (${doubledFiles} written), ${doubledCases} case pages`);
    checks.push({ name: 'build time, demo', figure: `${singleSeconds.toFixed(1)} s`, ok: true });
    checks.push({ name: 'build time, doubled content', figure: `${doubledSeconds.toFixed(1)} s = ${ratio.toFixed(2)} × (budget ${MAX_SCALE_RATIO} ×)`, ok: ratio <= MAX_SCALE_RATIO && doubledCases === singleCases * 2 });
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

for (const check of checks) console.log(`[budgets] ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.figure}`);
const failed = checks.filter((check) => !check.ok);
if (failed.length > 0) {
  console.error(`[budgets] ${failed.length} budget(s) broken`);
  process.exit(1);
}
