/**
 * `npm run test:hostile [-- --fuzz-runs <n>] [-- --kills <n>] [-- --seed <n>] [-- --json <file>]`
 *
 * The hardening figures over the FULL sets (the test suite runs samples): every corpus feed
 * file through ingest (crash/hang-checked child processes); every XSS payload of the corpora
 * in every field of RSS/Atom/JSON Feed items, fetched by the real pipeline, built, audited
 * statically and opened page by page in Chromium; fuzzed feeds through write and read back;
 * server and disk faults against the real fetch run; SIGKILL of `npm run fetch` at random
 * moments (HOSTILE_ONLY=corpora,xss,fuzz,faults,sigkill picks steps). Prints one table; exit 1 when any crash, hang, executed script, unsafe URL, lost
 * file or failed fault shows up.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_MISSING } from './harness/browser.ts';
import { buildSite, PROJECT_ROOT } from './harness/build-site.ts';
import { CORPORA_DIR, HAS_CORPORA } from './harness/corpora.ts';
import { startFeedServer } from './harness/feed-server.ts';
import { listFeedFiles, runSweep } from './harness/sweep.ts';
import { sweepPagesInChromium } from './harness/browser-sweep.ts';
import { runFeedFuzz } from './harness/feed-fuzz.ts';
import { BUILTIN_XSS, loadXssPayloads } from './harness/hostile-strings.ts';
import { createContentDir, fetchInto, serveHostileFeeds } from './harness/hostile-site.ts';
import { auditBuiltSite, isScriptRelevantViolation, listSiteFiles } from './harness/html-audit.ts';
import { runSigkillScenario } from './harness/sigkill.ts';
import { defineCli, parseCliArgs } from './cli-args.ts';

/** One row of the report; `null` where a figure does not apply. */
type Row = {
  set: string;
  filesTried: number | null;
  payloadsTried: number | null;
  crashes: number | null;
  hangs: number | null;
  scriptsExecuted: number | null;
  unsafeUrls: number | null;
  filesLost: number | null;
  note: string;
};

const CLI = defineCli({
  command: 'npm run test:hostile --',
  tag: 'hostile',
  summary: 'The hardening figures over the full sets: corpus feeds through ingest, XSS payloads through fetch, build and Chromium, fuzzed feeds, server and disk faults, SIGKILL of fetch. Prints one table.',
  options: {
    'fuzz-runs': { type: 'string', value: '<n>', description: 'generated feeds for the fuzz step (default 10000)' },
    kills: { type: 'string', value: '<n>', description: 'SIGKILLs of npm run fetch (default 20)' },
    seed: { type: 'string', value: '<n>', description: 'the random seed (default: from the clock)' },
    json: { type: 'string', value: '<file>', description: 'also write the table as JSON to this file' },
    workers: { type: 'string', value: '<n>', description: 'child processes for the corpus sweep (default 2)' },
  },
  env: {
    HOSTILE_ONLY: 'comma-separated steps to run: corpora,xss,fuzz,faults,sigkill (default: all)',
    WATCHBLOG_CORPORA: 'the corpora folder (default ../shared/corpora)',
  },
  exitCodes: { 0: 'no crash, hang, executed script, unsafe URL, lost file or failed fault; also after --help', 1: 'any of those showed up', 2: 'bad options' },
});

const values = parseCliArgs(CLI);
const fuzzRuns = Number(values['fuzz-runs'] ?? 10_000);
const kills = Number(values.kills ?? 20);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const workers = Number(values.workers ?? 2);

function log(message: string): void {
  process.stderr.write(`[hostile] ${message}\n`);
}

async function sweepCorpora(): Promise<Row> {
  if (!HAS_CORPORA) return { set: 'corpus feeds', filesTried: 0, payloadsTried: null, crashes: 0, hangs: 0, scriptsExecuted: null, unsafeUrls: 0, filesLost: null, note: `skipped: no corpora at ${CORPORA_DIR}` };
  const files = listFeedFiles(CORPORA_DIR);
  log(`corpus sweep: ${files.length} files`);
  const results = await runSweep(files, { workers });
  const crashes = results.filter((result) => result.status === 'crash');
  const unsafe = results.filter((result) => (result.unsafe ?? []).length > 0);
  for (const result of [...crashes, ...results.filter((r) => r.status === 'hang'), ...unsafe].slice(0, 10)) log(`  ${result.status}: ${path.relative(CORPORA_DIR, result.file)} ${result.message ?? ''} ${(result.unsafe ?? []).join('; ')}`);
  const parsed = results.filter((result) => result.status === 'parsed').length;
  return {
    set: 'corpus feeds (decode → parse → normalize)',
    filesTried: results.length,
    payloadsTried: null,
    crashes: crashes.length,
    hangs: results.filter((result) => result.status === 'hang').length,
    scriptsExecuted: null,
    unsafeUrls: unsafe.length,
    filesLost: null,
    note: `${parsed} parsed, ${results.length - parsed - crashes.length} typed errors; "unsafe" = files whose output failed the excerpt/plain-text invariant`,
  };
}

async function attackSite(): Promise<Row[]> {
  const corpus = loadXssPayloads();
  const payloads = corpus.length > 0 ? corpus : BUILTIN_XSS.map((text, index) => ({ origin: `builtin#${index}`, text }));
  log(`XSS: ${payloads.length} payloads × (RSS 2 items, Atom, JSON Feed) → fetch → build`);
  const server = await startFeedServer();
  const company = serveHostileFeeds(server, payloads);
  const { contentDir } = await createContentDir([company]);
  const { report } = await fetchInto(contentDir);
  await server.close();
  const build = await buildSite({ contentDir });
  if (build.code !== 0) {
    log(build.output.slice(-3_000));
    return [{ set: 'XSS payloads → site', filesTried: 0, payloadsTried: payloads.length, crashes: 1, hangs: 0, scriptsExecuted: null, unsafeUrls: null, filesLost: null, note: 'the build FAILED' }];
  }
  const audit = auditBuiltSite(build.outDir);
  for (const problem of audit.problems.slice(0, 10)) log(`  ${problem.kind}: ${problem.file}: ${problem.detail}`);
  const staticRow: Row = {
    set: 'XSS payloads → built pages and feeds (static audit)',
    filesTried: audit.htmlFiles + audit.feedFiles,
    payloadsTried: payloads.length,
    crashes: report.sources.failed,
    hangs: 0,
    scriptsExecuted: audit.problems.filter((problem) => problem.kind === 'script' || problem.kind === 'event-handler').length,
    unsafeUrls: audit.problems.filter((problem) => problem.kind === 'unsafe-url').length,
    filesLost: null,
    note: `${report.items.new} items written; ${audit.urlsChecked} URLs checked; other problems (active elements, CSP): ${audit.problems.filter((p) => !['script', 'event-handler', 'unsafe-url'].includes(p.kind)).length}`,
  };
  if (CHROMIUM_MISSING) return [staticRow, { set: 'XSS payloads → Chromium', filesTried: 0, payloadsTried: payloads.length, crashes: null, hangs: null, scriptsExecuted: null, unsafeUrls: null, filesLost: null, note: CHROMIUM_MISSING }];
  const pages = listSiteFiles(build.outDir).filter((file) => file.endsWith('.html'));
  log(`Chromium: opening ${pages.length} pages`);
  const sweep = await sweepPagesInChromium(build.outDir, pages);
  const violations = sweep.events.filter((event) => event.kind === 'csp-violation');
  const scriptViolations = violations.filter((event) => isScriptRelevantViolation(event.detail));
  const styleViolations = violations.length - scriptViolations.length;
  for (const event of sweep.events.filter((e) => e.kind !== 'csp-violation' || isScriptRelevantViolation(e.detail)).slice(0, 10)) log(`  ${event.kind}: ${event.page}: ${event.detail}`);
  const stylePages = [...new Set(violations.filter((event) => !isScriptRelevantViolation(event.detail)).map((event) => event.page))];
  return [
    staticRow,
    {
      set: 'XSS payloads → every page in Chromium',
      filesTried: sweep.pagesOpened,
      payloadsTried: payloads.length,
      crashes: sweep.events.filter((event) => event.kind === 'page-error').length,
      hangs: 0,
      scriptsExecuted: sweep.events.filter((event) => event.kind === 'call' || event.kind === 'dialog').length,
      unsafeUrls: null,
      filesLost: null,
      note: `script-relevant CSP violations: ${scriptViolations.length}; blocked inline styles (site styling, not content): ${styleViolations}${stylePages.length > 0 ? ` on ${stylePages.slice(0, 3).join(', ')}` : ''}`,
    },
  ];
}

async function fuzz(): Promise<Row> {
  log(`fuzz: ${fuzzRuns} generated feeds, seed ${seed}`);
  try {
    const result = await runFeedFuzz(fuzzRuns, seed);
    return { set: 'fuzzed RSS/Atom/JSON feeds → write → read back', filesTried: result.drafts, payloadsTried: result.cases, crashes: 0, hangs: 0, scriptsExecuted: null, unsafeUrls: 0, filesLost: 0, note: `${result.items} items; seed ${seed}` };
  } catch (error) {
    log(error instanceof Error ? error.message.slice(0, 3_000) : String(error));
    return { set: 'fuzzed RSS/Atom/JSON feeds → write → read back', filesTried: null, payloadsTried: fuzzRuns, crashes: 1, hangs: 0, scriptsExecuted: null, unsafeUrls: null, filesLost: null, note: `FAILED; replay with --seed ${seed}` };
  }
}

/** Runs the fault and front-matter test files through vitest and counts their results. */
async function runFaultTests(): Promise<Row> {
  const files = ['tests/hostile/server-faults.test.ts', 'tests/hostile/disk-faults.test.ts', 'tests/hostile/front-matter-and-paths.test.ts'];
  log(`faults and front matter: ${files.join(', ')}`);
  const outputFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'watchblog-hostile-')), 'vitest.json');
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...files, '--reporter=json', `--outputFile=${outputFile}`], { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', resolve);
  });
  let json: { numTotalTests: number; numFailedTests: number; numPendingTests: number; testResults: { assertionResults: { title: string; status: string }[] }[] };
  try {
    json = JSON.parse(readFileSync(outputFile, 'utf8'));
  } catch {
    return { set: 'server faults, disk faults, hostile front matter and paths', filesTried: null, payloadsTried: null, crashes: 1, hangs: 0, scriptsExecuted: null, unsafeUrls: null, filesLost: null, note: `vitest exited ${code} without a report` };
  }
  const failed = json.testResults.flatMap((file) => file.assertionResults.filter((test) => test.status === 'failed').map((test) => test.title));
  for (const title of failed) log(`  failed: ${title}`);
  return {
    set: 'server faults, disk faults, hostile front matter and paths',
    filesTried: null,
    payloadsTried: null,
    crashes: json.numFailedTests,
    hangs: 0,
    scriptsExecuted: null,
    unsafeUrls: null,
    filesLost: null,
    note: `${json.numTotalTests} tests: ${json.numTotalTests - json.numFailedTests - json.numPendingTests} passed, ${json.numFailedTests} failed, ${json.numPendingTests} skipped (disk faults need root)`,
  };
}

async function killFetch(): Promise<Row> {
  log(`SIGKILL: ${kills} kills, seed ${seed}`);
  const result = await runSigkillScenario({ kills, seed, itemsPerSource: 100 });
  for (const problem of [...result.rounds.flatMap((round) => round.problems), ...result.finalProblems].slice(0, 10)) log(`  ${problem}`);
  return {
    set: `npm run fetch killed by SIGKILL (${kills} moments)`,
    filesTried: result.rounds.length,
    payloadsTried: null,
    crashes: result.unreadableFiles,
    hangs: 0,
    scriptsExecuted: null,
    unsafeUrls: null,
    filesLost: result.filesLost,
    note: `${result.rounds.filter((round) => !round.exitedBeforeKill).length} killed mid-run; stray temp files after the next run: ${result.strayTempFiles}; final folder equals a clean run: ${result.finalMatchesClean ? 'yes' : 'NO'}`,
  };
}

function formatTable(rows: readonly Row[]): string {
  const headers = ['set', 'files tried', 'payloads tried', 'crashes', 'hangs', 'scripts executed', 'unsafe URLs', 'files lost'];
  const cells = rows.map((row) => [row.set, row.filesTried, row.payloadsTried, row.crashes, row.hangs, row.scriptsExecuted, row.unsafeUrls, row.filesLost].map((value) => (value === null ? '–' : String(value))));
  const lines = [`| ${headers.join(' | ')} |`, `|${headers.map((_, index) => (index === 0 ? '---' : '---:')).join('|')}|`, ...cells.map((row) => `| ${row.join(' | ')} |`)];
  return [...lines, '', ...rows.map((row) => `- ${row.set}: ${row.note}`)].join('\n');
}

const started = performance.now();
const rows: Row[] = [];
const only = process.env.HOSTILE_ONLY?.split(',');
const steps: [string, () => Promise<Row | Row[]>][] = [['corpora', sweepCorpora], ['xss', attackSite], ['fuzz', fuzz], ['faults', runFaultTests], ['sigkill', killFetch]];
for (const [name, step] of steps) {
  if (only && !only.includes(name)) continue;
  const result = await step();
  for (const row of Array.isArray(result) ? result : [result]) {
    rows.push(row);
    log(`done: ${JSON.stringify(row)}`);
  }
}
console.log(formatTable(rows));
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s)`);
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 2));
const bad = rows.some((row) => [row.crashes, row.hangs, row.scriptsExecuted, row.unsafeUrls, row.filesLost].some((value) => value !== null && value > 0));
process.exitCode = bad ? 1 : 0;
