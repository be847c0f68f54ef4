/**
 * Builds a watch blog with the real `npm run build` (`astro build`, then Pagefind's search
 * index) in a child process (Node 24 from the project's `node` package), into its own temp
 * output and cache folders, so tests can build several content folders without interfering.
 * Results are memoised per content folder + now + env.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

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
    build = runBuild(contentDir, now, options.env ?? {});
    builds.set(key, build);
  }
  return build;
}

async function runBuild(contentDir: string, now: string, env: Record<string, string>): Promise<BuildResult> {
  // Inside the project on purpose: Astro puts its prerender chunks in <outDir>/.prerender only when
  // outDir is under the working directory; otherwise every build shares <cwd>/.astro/.prerender and
  // concurrent builds (vitest runs test files in parallel) delete each other's chunks.
  const root = path.join(PROJECT_ROOT, '.astro', 'test-builds');
  await mkdir(root, { recursive: true });
  const work = await mkdtemp(path.join(root, 'build-'));
  const outDir = path.join(work, 'dist');
  const child = spawn('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      WATCHBLOG_CONTENT: contentDir,
      WATCHBLOG_NOW: now,
      WATCHBLOG_OUT_DIR: outDir,
      WATCHBLOG_CACHE_DIR: path.join(work, 'cache'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  return { outDir, code, output };
}
