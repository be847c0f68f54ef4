import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseWorkerCount, createWorkerItemReader } from '../../scripts/stages/feed-item-readers.ts';
import { runFetch, type FetchOptions } from '../../scripts/stages/run-fetch.ts';
import { buildRssFeed, startFeedServer, type FeedServer } from '../helpers/feed-server.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
let server: FeedServer;
let dirs: string[];

beforeEach(async () => {
  server = await startFeedServer();
  dirs = [];
});
afterEach(async () => {
  await server.close();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function contentWithSources(count: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-workers-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'companies'), { recursive: true });
  const sources = Array.from({ length: count }, (_, i) => `  - url: "${server.url(`/feed-${i}`)}"\n    channel: forum`).join('\n');
  await writeFile(path.join(dir, 'companies', 'acme.md'), `---\nname: Acme\naliases: [Acme]\nsources:\n${sources}\n---\n`);
  return dir;
}

async function readTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

const options = (contentDir: string, workers: number): FetchOptions => ({
  contentDir,
  companies: [],
  dryRun: false,
  now: NOW,
  userAgent: 'Watchblog/0.1 (+test@example.org)',
  download: { timeoutMs: 5_000, retries: 0, retryBaseDelayMs: 1, retryAfterCapMs: 10 },
  out: { write: () => true },
  workers,
});

describe('reading feed bodies in worker threads', () => {
  it('writes exactly what reading inline writes', async () => {
    for (let i = 0; i < 6; i += 1) server.route(`/feed-${i}`, (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRssFeed(5, { prefix: `https://forum.example/f${i}/` })));
    const inline = await contentWithSources(6);
    const pooled = await contentWithSources(6);
    expect((await runFetch(options(inline, 0))).items.new).toBe(30);
    await runFetch(options(pooled, 2));
    expect(await readTree(pooled)).toEqual(await readTree(inline));
  });

  it('turns a body that cannot be read into a typed error, not a crash', async () => {
    const reader = createWorkerItemReader(1);
    try {
      const context = { company: { slug: 'acme', name: 'Acme', aliases: ['Acme'], exclude: [], official: { authors: [], domains: [] } }, source: { url: 'x', channel: 'forum' as const, voice: 'public' as const, threaded: false, allAboutCompany: false, excerptChars: 600 }, feedUrl: 'https://x.example/', now: NOW };
      const result = await reader.read(new TextEncoder().encode('<html><body>Not a feed</body></html>'), 'text/html', 'https://x.example/', context);
      expect(result).toMatchObject({ ok: false, error: { reason: 'not-a-feed' } });
    } finally {
      await reader.close();
    }
  });

  it.each([
    [3, 2, 0],
    [8, 2, 2],
    [500, 2, 2],
    [500, 16, 4],
  ])('starts no workers for a handful of sources and at most one per core, up to 4 (%i sources, %i cores → %i)', (sources, cores, expected) => {
    expect(chooseWorkerCount(sources, cores)).toBe(expected);
  });
});
