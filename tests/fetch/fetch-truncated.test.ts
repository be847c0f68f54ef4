import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFetch } from '../../scripts/stages/run-fetch.ts';
import { buildRssFeed, startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';

describe('fetch of a feed cut off in transfer', () => {
  let server: FeedServer;
  let dir: string;
  beforeEach(async () => {
    server = await startFeedServer();
    dir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-cut-'));
  });
  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the complete items and says in the source line how many were recovered', async () => {
    const full = buildRssFeed(3);
    const cut = full.slice(0, full.indexOf('Acme problem number 3'));
    server.route('/feed', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(cut));
    await mkdir(path.join(dir, 'companies'), { recursive: true });
    await writeFile(path.join(dir, 'companies', 'acme.md'), `---\nname: Acme\naliases: [Acme]\nsources:\n  - url: "${server.url('/feed')}"\n    channel: forum\n    voice: public\n---\n`);
    let output = '';
    const report = await runFetch({
      contentDir: dir,
      companies: [],
      dryRun: false,
      now: new Date('2026-03-10T12:00:00Z'),
      userAgent: 'Watchblog/0.1 (+test@example.org)',
      download: { timeoutMs: 2_000, retries: 0, retryBaseDelayMs: 1, retryAfterCapMs: 10 },
      out: { write: (text: string) => void (output += text) },
      workers: 0,
    });
    expect(report).toMatchObject({ exitCode: 0, sources: { ok: 1, failed: 0 }, items: { new: 2 } });
    expect(output).toMatch(/ok 200, 2 items; warning: the feed is cut off or has garbage after its last complete item \(.*\): recovered 2 complete items, dropped the rest/);
  });
});
