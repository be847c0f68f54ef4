/**
 * The corpus sweep: every feed file through decode → parse → normalize in child
 * processes, each file with a wall-clock budget, so a crash or a hang is counted
 * against that file and the run goes on with the next one.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** How one file ended. */
export type SweepResult = {
  file: string;
  status: 'parsed' | 'error' | 'crash' | 'hang';
  charset?: string;
  format?: string;
  feedTitle?: string;
  reason?: string;
  message?: string;
  items?: number;
  drafts?: number;
  warnings?: number;
  unsafe?: string[];
  sample?: Array<{ title: string; url: string; canonicalUrl: string; publishedAt: string; author: string; excerpt: string }>;
  ms: number;
};

/** Default per-file budget, in ms, on top of FILE_BUDGET_MS_PER_KB for the file's size. */
export const FILE_BUDGET_MS = 5_000;
/** Extra budget per KiB of file, in ms: a 1.6 MB podcast feed legitimately takes seconds on a busy CI core. */
export const FILE_BUDGET_MS_PER_KB = 5;

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sweep-worker.ts');

/** The feed corpora and which files in them are feeds (XML family and JSON Feed inputs). */
const FEED_SETS: ReadonlyArray<{ dir: string; match: RegExp }> = [
  { dir: 'feedparser/tests', match: /\.(xml|json)$/ },
  { dir: 'w3c-feedvalidator/testcases', match: /\.xml$/ },
  { dir: 'gofeed/testdata', match: /\.xml$|\/parser\/(json|universal)\/(?!.*_expected).*\.json$/ },
  { dir: 'rss-parser/test/input', match: /./ },
  { dir: 'rowanmanning-sample-feeds/content', match: /feed\.xml$/ },
  { dir: 'feedsmith', match: /\.xml$/ },
  { dir: 'simplepie/tests/data', match: /\.xml$/ },
];

function walk(dir: string, out: string[]): void {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

/** Every feed file in the corpora, sorted, as absolute paths. */
export function listFeedFiles(corporaDir: string): string[] {
  const files: string[] = [];
  for (const set of FEED_SETS) {
    const found: string[] = [];
    walk(path.join(corporaDir, set.dir), found);
    files.push(...found.filter((file) => set.match.test(file.split(path.sep).join('/'))));
  }
  return files;
}

/** Which corpus a file belongs to, for reports: its first folder, plus the feedparser/w3c subfolder. */
export function corpusOf(corporaDir: string, file: string): string {
  const parts = path.relative(corporaDir, file).split(path.sep);
  if (parts[0] === 'feedparser') return `feedparser/${parts[2] ?? ''}`;
  return parts[0] ?? '';
}

/** Runs files through one worker; resolves with results, restarting after a hang or crash. */
function runWorker(files: string[], budgetMs: number): Promise<SweepResult[]> {
  return new Promise((resolve) => {
    const results: SweepResult[] = [];
    const retried = new Set<string>();
    let remaining = [...files];
    const startChild = (): void => {
      if (remaining.length === 0) {
        resolve(results);
        return;
      }
      const child = spawn(process.execPath, ['--import', 'tsx', WORKER], { stdio: ['pipe', 'pipe', 'pipe'] });
      let current: string | undefined;
      let timer: NodeJS.Timeout | undefined;
      let buffer = '';
      let stderr = '';
      let finished = false;
      const arm = (): void => {
        if (timer) clearTimeout(timer);
        let fileBudgetMs = budgetMs;
        try {
          fileBudgetMs += Math.round((statSync(current ?? '').size / 1024) * FILE_BUDGET_MS_PER_KB);
        } catch {
          // A file that vanished gets the base budget.
        }
        if (current && retried.has(current)) fileBudgetMs *= 2;
        timer = setTimeout(() => {
          // A busy machine can starve a worker: retry once in a fresh worker with twice the
          // budget before calling it a hang (a real infinite loop hangs both times).
          if (current && !retried.has(current)) {
            retried.add(current);
            remaining = remaining.slice(remaining.indexOf(current));
          } else {
            if (current) results.push({ file: current, status: 'hang', message: `no result within ${fileBudgetMs} ms, twice`, ms: fileBudgetMs });
            remaining = remaining.slice(remaining.indexOf(current ?? '') + 1);
          }
          finished = true;
          child.kill('SIGKILL');
          startChild();
        }, fileBudgetMs);
      };
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-2000);
      });
      child.stdout.on('data', (chunk: string) => {
        buffer += chunk;
        let newline = buffer.indexOf('\n');
        while (newline !== -1) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          newline = buffer.indexOf('\n');
          const message = JSON.parse(line) as SweepResult | { started: string };
          if ('started' in message) {
            current = message.started;
            arm();
          } else {
            results.push(message);
            remaining = remaining.slice(remaining.indexOf(message.file) + 1);
            current = undefined;
            if (timer) clearTimeout(timer);
          }
        }
      });
      child.on('close', () => {
        if (timer) clearTimeout(timer);
        if (finished) return;
        finished = true;
        if (current) {
          results.push({ file: current, status: 'crash', message: `the worker died: ${stderr.trim().split('\n').slice(-3).join(' ')}`, ms: 0 });
          remaining = remaining.slice(remaining.indexOf(current) + 1);
          startChild();
        } else if (remaining.length > 0) {
          // The worker died between files: count the rest as crashes rather than lose them.
          for (const file of remaining) results.push({ file, status: 'crash', message: `the worker exited early: ${stderr.trim().slice(-300)}`, ms: 0 });
          resolve(results);
        } else resolve(results);
      });
      child.stdin.end(JSON.stringify(remaining));
    };
    startChild();
  });
}

/** Sweeps files across `workers` child processes; results come back in input order. */
export async function runSweep(files: string[], options: { budgetMs?: number; workers?: number } = {}): Promise<SweepResult[]> {
  const workers = Math.max(1, options.workers ?? 2);
  const budgetMs = options.budgetMs ?? FILE_BUDGET_MS;
  const shards: string[][] = Array.from({ length: workers }, () => []);
  files.forEach((file, index) => shards[index % workers]?.push(file));
  const results = (await Promise.all(shards.map((shard) => runWorker(shard, budgetMs)))).flat();
  const order = new Map(files.map((file, index) => [file, index]));
  return results.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
}
