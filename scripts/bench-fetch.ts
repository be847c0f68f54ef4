/**
 * `npm run bench:fetch`: 500 feeds × 50 items (10 companies × 50 feeds, each company on its
 * own loopback address) served with 50 ms latency and ETags; one cold run into an empty
 * temp content folder, then one warm run (everything 304), each in a fresh child process
 * so its peak RSS is its own. Prints wall time, items/s, files written and peak RSS.
 * Targets on 2 cores: cold ≤ 15 s, warm ≤ 3 s with zero files written, RSS ≤ 500 MB.
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCli, parseCliArgs } from './cli-args.ts';
import { runFetch } from './stages/run-fetch.ts';

const COMPANIES = 10;
const FEEDS_PER_COMPANY = 50;
const ITEMS_PER_FEED = 50;
/** Server latency added to every response, in milliseconds. */
const LATENCY_MS = 50;
/** Heap limit for the measured runs, so a memory cliff fails loudly instead of thrashing. */
const MAX_OLD_SPACE_MB = 1024;

type RunFigures = { wallMs: number; itemsNew: number; filesWritten: number; notModified: number; failed: number; maxRssMb: number };

function buildFeed(company: number, feed: number): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS_PER_FEED; i += 1) {
    const link = `https://forum${company}.example/f${feed}/t/${i}`;
    const date = new Date(Date.UTC(2026, 0, 1 + ((feed + i) % 60), 10, i)).toUTCString();
    items.push(
      `<item><title>Company${company} problem ${feed}-${i}</title><link>${link}?utm_source=feed</link><guid>${link}</guid><pubDate>${date}</pubDate>` +
        `<description>&lt;p&gt;Company${company} did not answer my ticket about the &lt;b&gt;router&lt;/b&gt; for ${i} days. ` +
        `Here is the long story with a &lt;a href="https://example.org/${i}"&gt;link&lt;/a&gt;.&lt;/p&gt;</description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Forum ${company}/${feed}</title><link>https://forum${company}.example/</link>${items.join('')}</channel></rss>\n`;
}

async function startServers(): Promise<{ origins: string[]; close: () => Promise<void> }> {
  const servers: http.Server[] = [];
  const origins: string[] = [];
  for (let c = 0; c < COMPANIES; c += 1) {
    const feeds = Array.from({ length: FEEDS_PER_COMPANY }, (_, f) => buildFeed(c, f));
    const server = http.createServer((req, res) => {
      const match = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
      const body = match ? feeds[Number(match[1])] : undefined;
      setTimeout(() => {
        if (body === undefined) return void res.writeHead(404).end();
        const etag = `"c${c}-${match![1]}-v1"`;
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
      }, LATENCY_MS);
    });
    server.listen(0, `127.0.0.${c + 1}`);
    await once(server, 'listening');
    servers.push(server);
    origins.push(`http://127.0.0.${c + 1}:${(server.address() as AddressInfo).port}`);
  }
  return {
    origins,
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

async function writeCompanies(contentDir: string, origins: string[]): Promise<void> {
  await mkdir(path.join(contentDir, 'companies'), { recursive: true });
  for (let c = 0; c < COMPANIES; c += 1) {
    const sources = Array.from({ length: FEEDS_PER_COMPANY }, (_, f) => `  - url: ${origins[c]}/feed/${f}.xml\n    channel: forum`).join('\n');
    await writeFile(path.join(contentDir, 'companies', `company${c}.md`), `---\nname: Company${c}\naliases: [Company${c}]\nsources:\n${sources}\n---\nBench company ${c}.\n`);
  }
}

async function countFiles(dir: string, newerThanMs = 0): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && (await stat(path.join(entry.parentPath, entry.name))).mtimeMs > newerThanMs) count += 1;
  }
  return count;
}

/** Child mode: one measured fetch run; prints its figures as JSON. */
async function runChild(contentDir: string): Promise<void> {
  const started = performance.now();
  const report = await runFetch({ contentDir, companies: [], dryRun: false, now: new Date(), userAgent: 'Watchblog/0.1 (+bench@example.org)', out: { write: () => true } });
  const figures: RunFigures = {
    wallMs: performance.now() - started,
    itemsNew: report.items.new,
    filesWritten: report.filesWritten,
    notModified: report.sources.notModified,
    failed: report.sources.failed,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

async function runMeasured(contentDir: string): Promise<RunFigures> {
  const child = spawn(process.execPath, [`--max-old-space-size=${MAX_OLD_SPACE_MB}`, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', contentDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`bench child exited with ${code}`);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as RunFigures;
}

function formatRun(name: string, figures: RunFigures, items: number): string {
  const seconds = figures.wallMs / 1000;
  return `[bench] ${name}: ${seconds.toFixed(2)} s wall, ${Math.round(items / seconds)} items/s, ${figures.itemsNew} new items, ${figures.filesWritten} files written, ${figures.notModified} sources not modified, ${figures.failed} failed, peak RSS ${figures.maxRssMb.toFixed(0)} MB`;
}

/** Flushes dirty pages to disk (`sync`); a no-op where the command is missing. */
function settleDisk(): void {
  try {
    execFileSync('sync');
  } catch {
    // Not fatal: the figures are just noisier.
  }
}

const CLI = defineCli({
  command: 'npm run bench:fetch --',
  tag: 'bench',
  summary: `Fetch benchmark: ${COMPANIES * FEEDS_PER_COMPANY} feeds x ${ITEMS_PER_FEED} items on loopback with ${LATENCY_MS} ms latency; a cold run into an empty temp folder, then a warm run (all 304), each in its own child process. Prints wall time, items/s, files written and peak RSS.`,
  options: {
    child: { type: 'string', value: '<content dir>', description: 'internal: run one measured fetch into this folder and print its figures as JSON' },
  },
  exitCodes: { 0: 'targets met (cold <= 15 s, warm <= 3 s with 0 files, RSS <= 500 MB); also after --help', 1: 'a target was missed or a run failed', 2: 'bad options' },
});

async function main(): Promise<void> {
  const values = parseCliArgs(CLI);
  if (values.child !== undefined) return runChild(values.child);

  const totalItems = COMPANIES * FEEDS_PER_COMPANY * ITEMS_PER_FEED;
  const contentDir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-bench-'));
  const servers = await startServers();
  try {
    await writeCompanies(contentDir, servers.origins);
    console.log(`[bench] ${COMPANIES * FEEDS_PER_COMPANY} feeds × ${ITEMS_PER_FEED} items, ${LATENCY_MS} ms latency, ${os.cpus().length} cores, content in ${contentDir}`);
    // Start from a settled disk: writeback left by an earlier run (or the last run's
    // cleanup) would otherwise throttle this run's writes and measure the previous one.
    settleDisk();
    const cold = await runMeasured(contentDir);
    console.log(formatRun('cold', cold, totalItems));
    const filesAfterCold = await countFiles(contentDir);
    const warmStartedMs = Date.now();
    const warm = await runMeasured(contentDir);
    const touched = await countFiles(contentDir, warmStartedMs);
    console.log(formatRun('warm', warm, totalItems));
    console.log(`[bench] files on disk after cold: ${filesAfterCold}; files modified by the warm run (by mtime): ${touched}`);
    const ok = cold.wallMs <= 15_000 && warm.wallMs <= 3_000 && touched === 0 && warm.filesWritten === 0 && Math.max(cold.maxRssMb, warm.maxRssMb) <= 500;
    console.log(`[bench] targets (cold ≤ 15 s, warm ≤ 3 s with 0 files, RSS ≤ 500 MB): ${ok ? 'met' : 'NOT met'}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await servers.close();
    await rm(contentDir, { recursive: true, force: true });
  }
}

await main();
