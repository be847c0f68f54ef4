/**
 * Fetch as the tests run it: the real CLI in a child process, or the real pipeline in-process
 * followed by reading the content folder back and threading it, as the site does.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { readContentFiles } from '../../src/core/content-entries.ts';
import { buildWatchblog, type Watchblog } from '../../src/core/watchblog.ts';
import { readContentFolder } from '../../scripts/content/read-content.ts';
import { runFetch } from '../../scripts/stages/run-fetch.ts';
import { PROJECT_ROOT } from '../../scripts/harness/corpora.ts';

const run = promisify(execFile);

/** `npm run fetch -- --content <dir> <args>` as a child process (`npx tsx`): its exit code and output. */
export async function runFetchCli(contentDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', path.join(PROJECT_ROOT, 'scripts/fetch.ts'), '--content', contentDir, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, WATCHBLOG_CONTACT: 'test@example.org' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/**
 * Fetches every company of `contentDir` (expecting exit code 0), reads the folder back with the
 * content schemas (expecting no problem) and builds the watch blog as of `now`.
 */
export async function fetchAndThread(contentDir: string, now: Date): Promise<{ watchblog: Watchblog; output: string }> {
  let output = '';
  const report = await runFetch({ contentDir, companies: [], dryRun: false, now, userAgent: 'Watchblog/0.1 (+test@example.org)', out: { write: (text: string) => ((output += text), true) } });
  expect(report.exitCode, output).toBe(0);
  const read = await readContentFolder(contentDir);
  const { input, problems } = readContentFiles(read.files);
  expect([...read.problems, ...problems]).toEqual([]);
  return { watchblog: buildWatchblog(input, now), output };
}
