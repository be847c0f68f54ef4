/**
 * Builds a watch blog with the real `npm run build` (`astro build`, then Pagefind's search
 * index) in a child process (Node 24 from the project's `node` package), into its own temp
 * output and cache folders, so tests can build several content folders without interfering.
 * Results are memoised per content folder + now + env: within a process, and across the
 * worker processes of one vitest run (the first worker to ask builds, the others wait for its
 * result), so four test files that need the demo build it once. Tests must treat the built
 * folder as read-only.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isMainThread } from 'node:worker_threads';

import { PROJECT_ROOT } from '../../scripts/project-root.ts';

export { PROJECT_ROOT };

/** The demo content's fixed "now" in tests, so figures are reproducible. */
export const DEMO_NOW = '2026-11-21T00:00:00Z';

export type BuildResult = { outDir: string; code: number; output: string };

const builds = new Map<string, Promise<BuildResult>>();

/** Runs `npm run build` (Astro, then Pagefind) with this content folder and now; resolves even when the build fails. */
export function buildSite(options: { contentDir?: string; now?: string; env?: Record<string, string> } = {}): Promise<BuildResult> {
  const contentDir = path.resolve(PROJECT_ROOT, options.contentDir ?? 'content');
  const now = options.now ?? DEMO_NOW;
  const key = JSON.stringify([contentDir, now, options.env ?? {}]);
  let build = builds.get(key);
  if (!build) {
    build = buildOncePerRun(key, () => runBuild(contentDir, now, options.env ?? {}));
    builds.set(key, build);
  }
  return build;
}

/** How long a worker waits for another worker's build before building on its own. */
const SHARED_BUILD_WAIT_MS = 200_000;
const SHARED_BUILD_POLL_MS = 200;

/**
 * An id for this vitest run, the same in all its workers: the main process's pid and start
 * time (so a later run that happens to get the same pid never sees this run's builds). Null
 * outside vitest or where /proc is missing: then builds are shared within the process only.
 */
function findRunId(): string | null {
  if (!process.env.VITEST) return null;
  // Forked workers are children of the vitest process; thread workers live inside it.
  const pid = isMainThread ? process.ppid : process.pid;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTime ? `${pid}-${startTime}` : null;
  } catch {
    return null;
  }
}

const RUN_ID = findRunId();

/** Runs `build` in the first worker of this run that asks for `key`; the others read its result. */
async function buildOncePerRun(key: string, build: () => Promise<BuildResult>): Promise<BuildResult> {
  if (!RUN_ID) return build();
  const dir = path.join(PROJECT_ROOT, '.astro', 'test-builds', `run-${RUN_ID}`, createHash('sha256').update(key).digest('hex').slice(0, 16));
  const resultFile = path.join(dir, 'result.json');
  await mkdir(path.dirname(dir), { recursive: true });
  const won = await mkdir(dir).then(
    () => true,
    () => false,
  );
  if (won) {
    const result = await build();
    // Written whole, then renamed: a waiting worker never reads half a file.
    await writeFile(`${resultFile}.tmp`, JSON.stringify(result));
    await rename(`${resultFile}.tmp`, resultFile);
    return result;
  }
  for (let waited = 0; waited < SHARED_BUILD_WAIT_MS; waited += SHARED_BUILD_POLL_MS) {
    const text = await readFile(resultFile, 'utf8').catch(() => null);
    if (text) return JSON.parse(text) as BuildResult;
    await sleep(SHARED_BUILD_POLL_MS);
  }
  return build();
}

/** A fresh work folder for one build, inside the project (see buildInto). */
export async function makeBuildFolder(): Promise<string> {
  // Inside the project on purpose: Astro puts its prerender chunks in <outDir>/.prerender only when
  // outDir is under the working directory; otherwise every build shares <cwd>/.astro/.prerender and
  // concurrent builds (vitest runs test files in parallel) delete each other's chunks.
  const root = path.join(PROJECT_ROOT, '.astro', 'test-builds');
  await mkdir(root, { recursive: true });
  return mkdtemp(path.join(root, 'build-'));
}

async function runBuild(contentDir: string, now: string, env: Record<string, string>): Promise<BuildResult> {
  const work = await makeBuildFolder();
  return buildInto({ contentDir, now, outDir: path.join(work, 'dist'), cacheDir: path.join(work, 'cache'), env });
}

/**
 * One `npm run build`, not memoised, into the given output and cache folders (both under a
 * makeBuildFolder() folder): for tests of what a build reuses from an earlier one's cache.
 */
export async function buildInto(options: { contentDir: string; now: string; outDir: string; cacheDir: string; env?: Record<string, string> }): Promise<BuildResult> {
  const { contentDir, now, outDir, cacheDir, env = {} } = options;
  return runNpmScript(['run', 'build', '--silent'], { WATCHBLOG_CONTENT: contentDir, WATCHBLOG_NOW: now, WATCHBLOG_OUT_DIR: outDir, WATCHBLOG_CACHE_DIR: cacheDir, ...env }, outDir);
}

/**
 * One `npm run build:shards` (company shards, the hub, the merge, the search bundles), not
 * memoised: `work` (the parts) must be under a makeBuildFolder() folder; `outDir` is the merged
 * site; `searchBundlePages` splits a shard's search index into bundles of about that many pages.
 */
export async function buildShardsInto(options: { contentDir: string; now: string; work: string; outDir: string; cacheDir: string; shards: number; searchBundlePages?: number }): Promise<BuildResult> {
  const { contentDir, now, work, outDir, cacheDir, shards, searchBundlePages } = options;
  const split = searchBundlePages === undefined ? [] : ['--search-bundle-pages', String(searchBundlePages)];
  return runBuildShardsStep(['--shards', String(shards), ...split, '--work', work, '--out', outDir], { contentDir, now, cacheDir }, outDir);
}

/** One step of `npm run build:shards` (`--plan`, `--shard <name>`, `--merge`), as one job of a CI matrix runs it. */
export async function runBuildShardsStep(args: string[], options: { contentDir: string; now: string; cacheDir: string }, outDir = ''): Promise<BuildResult> {
  return runNpmScript(['run', 'build:shards', '--silent', '--', ...args], { WATCHBLOG_CONTENT: options.contentDir, WATCHBLOG_NOW: options.now, WATCHBLOG_CACHE_DIR: options.cacheDir }, outDir);
}

/** Runs npm with `args` in the project, with `env` over this process's; resolves with its output and code. */
async function runNpmScript(args: string[], env: Record<string, string>, outDir: string): Promise<BuildResult> {
  // Vitest puts Vite's BASE_URL (and MODE, DEV, PROD, SSR) into process.env; Astro would read them
  // as import.meta.env values in the child build and ignore WATCHBLOG_BASE.
  const { BASE_URL: _baseUrl, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...parentEnv } = process.env;
  const child = spawn('npm', args, { cwd: PROJECT_ROOT, env: { ...parentEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  return { outDir, code, output };
}
