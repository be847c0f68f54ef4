/**
 * Server faults on loopback against the real fetch run (`runFetch`, what `npm run fetch`
 * runs): each faulty source sits next to a good one in the same company; the run must end
 * with the faulty source as a typed per-source error (or a success), within a bounded time
 * and memory, and the good source's items written. Each row names the protection it guards:
 * remove that protection and the row fails (hangs past its bound, grows past the memory
 * bound, or ends in the wrong reason).
 */
import type http from 'node:http';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedErrorReason } from '../../src/core/ingest/types.ts';
import { buildRssFeed, startFeedServer, type FeedServer, type RouteHandler } from '../../scripts/harness/feed-server.ts';
import { createContentDir, fetchInto, snapshotTree } from '../../scripts/harness/hostile-site.ts';

/** The per-response deadline the run is given here. */
const TEST_TIMEOUT_MS = 1_500;
/** The body cap the run is given here (the 10 MB feed row uses the default 15 MiB cap). */
const TEST_MAX_BYTES = 2 * 1024 * 1024;

const GOOD_FEED = buildRssFeed(3);

function writeSlowly(res: http.ServerResponse, body: string, chunks: number, totalMs: number): void {
  res.writeHead(200, { 'content-type': 'application/rss+xml' });
  const size = Math.ceil(body.length / chunks);
  let sent = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    res.write(body.slice(sent, sent + size));
    sent += size;
    if (sent >= body.length) {
      clearInterval(timer);
      res.end();
    }
  }, totalMs / chunks);
  res.on('close', () => clearInterval(timer));
}

/** A readable of `bytes` zero bytes, produced lazily. */
function zeros(bytes: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const size = Math.min(left, chunk.length);
      left -= size;
      this.push(chunk.subarray(0, size));
    },
  });
}

/** A 10 MB RSS feed: 5,000 items of ~2 kB, only the first 3 about Acme. */
function buildTenMegabyteFeed(): string {
  const filler = 'lorem ipsum dolor sit amet '.repeat(70);
  const items = Array.from({ length: 5_000 }, (_, i) => `<item><title>${i < 3 ? 'Acme' : 'Other'} post ${i}</title><link>https://big.example/p/${i}</link><guid>https://big.example/p/${i}</guid><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description>${filler}</description></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items.join('\n')}</channel></rss>`;
}
const TEN_MB_FEED = buildTenMegabyteFeed();

type Fault = {
  name: string;
  /** Which protection this row guards. */
  guards: string;
  route: RouteHandler;
  /** The source URL; defaults to this fault's path on the server. */
  url?: string;
  expected: { ok: true; items: number } | { ok: false; reasons: FeedErrorReason[] };
  /** Wall-clock bound for the whole run, in ms. */
  boundMs: number;
  maxBytes?: number;
  /** Serve the same handler at this path suffix too (the other end of a redirect loop). */
  alsoAt?: string;
};

const FAULTS: Fault[] = [
  {
    name: 'a connection reset in the middle of the body',
    guards: 'body read errors become a typed network error (download.ts try/catch around readCappedBody)',
    route: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(GOOD_FEED.length) });
      res.write(GOOD_FEED.slice(0, 200));
      setTimeout(() => res.socket?.resetAndDestroy(), 50);
    },
    expected: { ok: false, reasons: ['network'] },
    boundMs: 3_000,
  },
  {
    name: 'a stall after the headers',
    guards: 'one deadline covers headers AND body (AbortSignal.timeout passed to fetch and its body stream)',
    route: (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).flushHeaders(),
    expected: { ok: false, reasons: ['timeout'] },
    boundMs: TEST_TIMEOUT_MS + 2_500,
  },
  {
    name: 'a slow drip that finishes under the deadline',
    guards: 'the deadline is not an idle timeout that kills a slow but honest server',
    route: (_req, res) => writeSlowly(res, buildRssFeed(4, { prefix: 'https://drip.example/t/' }), 5, 500),
    expected: { ok: true, items: 4 },
    boundMs: 3_000,
  },
  {
    name: 'a slow drip that would finish long after the deadline',
    guards: 'the deadline is total, not per chunk: a byte every 100 ms never resets it',
    route: (_req, res) => writeSlowly(res, buildRssFeed(4, { prefix: 'https://drip.example/t/' }), 400, 40_000),
    expected: { ok: false, reasons: ['timeout'] },
    boundMs: TEST_TIMEOUT_MS + 2_500,
  },
  {
    name: 'an endless chunked body',
    guards: 'the size cap is counted while streaming (readCappedBody), not after',
    route: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = `<!-- ${'x'.repeat(64 * 1024)} -->`;
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      pump();
    },
    expected: { ok: false, reasons: ['too-large', 'timeout'] },
    boundMs: TEST_TIMEOUT_MS + 2_500,
  },
  {
    name: 'a decompression bomb (gzip of 1 GB of zeros)',
    guards: 'the cap counts DECOMPRESSED bytes and stops inflating there',
    route: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      zeros(1024 ** 3).pipe(zlib.createGzip({ level: 1 })).pipe(res);
    },
    expected: { ok: false, reasons: ['too-large'] },
    boundMs: 10_000,
  },
  {
    name: 'a redirect loop',
    guards: 'visited URLs are remembered and a loop is a redirect error, not an endless walk',
    route: (req, res) => void res.writeHead(302, { location: req.url?.endsWith('-b') ? req.url.slice(0, -2) : `${req.url}-b` }).end(),
    alsoAt: '-b',
    expected: { ok: false, reasons: ['redirect'] },
    boundMs: 3_000,
  },
  {
    name: 'a 10 MB feed',
    guards: 'a big honest feed is read whole under the default cap and parsed without blowing the budget',
    route: (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(TEN_MB_FEED),
    expected: { ok: true, items: 3 },
    boundMs: 30_000,
    maxBytes: 15 * 1024 * 1024,
  },
  {
    name: 'a host that does not resolve (.invalid)',
    guards: 'DNS failures become a typed error for that source and the run goes on',
    route: (_req, res) => void res.end(),
    url: 'http://feed.invalid/rss.xml',
    expected: { ok: false, reasons: ['network', 'timeout'] },
    boundMs: TEST_TIMEOUT_MS + 5_000,
  },
];

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({ '/good.rss': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(GOOD_FEED) });
});
afterAll(async () => {
  await server?.close();
});

/** Memory a fault may add to this process while the run lasts, in bytes. */
const MEMORY_BOUND_BYTES = 256 * 1024 * 1024;

describe('server faults during a real fetch run', () => {
  it.each(FAULTS.map((fault, index) => [fault.name, index] as const))('%s ends as a typed per-source result in bounded time and memory, and the next source is read', async (_name, index) => {
    const fault = FAULTS[index]!;
    const path = `/fault-${index}`;
    server.route(path, fault.route);
    if (fault.alsoAt) server.route(`${path}${fault.alsoAt}`, fault.route);
    const url = fault.url ?? server.url(path);
    const { contentDir } = await createContentDir([{ slug: 'acme', data: { name: 'Acme', sources: [{ url, channel: 'forum' }, { url: server.url('/good.rss'), channel: 'forum' }] } }], 'watchblog-fault-');
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const { report, output } = await fetchInto(contentDir, { concurrency: 1, download: { timeoutMs: fault.name.includes('10 MB') ? 20_000 : TEST_TIMEOUT_MS, retries: 0, retryBaseDelayMs: 10, maxBytes: fault.maxBytes ?? TEST_MAX_BYTES } });
    const elapsed = performance.now() - started;
    clearInterval(sampler);

    expect(elapsed, `${fault.guards}\n${output}`).toBeLessThan(fault.boundMs);
    expect(peakRss - rssBefore, fault.guards).toBeLessThan(MEMORY_BOUND_BYTES);
    const failure = report.sources.failures.find((entry) => entry.source === url);
    if (fault.expected.ok) {
      expect(failure, fault.guards).toBeUndefined();
      expect(report.sources.ok).toBe(2);
      expect(report.items.new).toBe(3 + fault.expected.items);
    } else {
      expect(failure, `${fault.guards}\n${output}`).toBeDefined();
      expect(fault.expected.reasons, `${fault.guards}: ${failure?.error.message}`).toContain(failure?.error.reason);
      expect(failure?.error.message.length).toBeGreaterThan(0);
      expect(report.sources.ok).toBe(1);
      expect(report.items.new).toBe(3);
    }
    // The good source's items are on disk; the run wrote nothing half-done.
    const files = [...(await snapshotTree(contentDir)).keys()];
    expect(files.filter((file) => file.startsWith('mentions/acme/'))).toHaveLength(report.items.new);
    expect(files.filter((file) => /\.tmp$/.test(file))).toEqual([]);
  }, 60_000);
});

