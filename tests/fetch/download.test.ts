import { setTimeout as delay } from 'node:timers/promises';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Validators } from '../../src/core/write/fetch-state.ts';
import { downloadFeed, parseRetryAfter, type DownloadOptions } from '../../scripts/stages/download.ts';
import { createRequestLimiter } from '../../scripts/stages/request-limiter.ts';
import { buildRssFeed, serveWithValidators, startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';

const FEED = buildRssFeed(3);
let server: FeedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Fast settings: short deadline, tiny delays, no jitter. */
function options(overrides: Partial<DownloadOptions> = {}): DownloadOptions {
  return {
    userAgent: 'Watchblog/0.1 (+test@example.org)',
    limiter: createRequestLimiter({ perHost: 2, global: 12 }),
    timeoutMs: 1_000,
    retryBaseDelayMs: 5,
    retryAfterCapMs: 200,
    random: () => 0.5,
    ...overrides,
  };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('downloadFeed', () => {
  it('fetches a feed with our User-Agent and returns its bytes, type and validators', async () => {
    server = await startFeedServer({ '/feed': serveWithValidators(() => FEED, { etag: '"abc"', lastModified: 'Mon, 02 Mar 2026 10:00:00 GMT' }) });
    const result = await downloadFeed(server.url('/feed'), {}, options());
    expect(result).toMatchObject({ kind: 'fetched', status: 200, contentType: 'application/rss+xml; charset=utf-8', validators: { etag: '"abc"', lastModified: 'Mon, 02 Mar 2026 10:00:00 GMT' } });
    expect(result.kind === 'fetched' && text(result.bytes)).toBe(FEED);
    expect(server.requests[0]?.headers['user-agent']).toBe('Watchblog/0.1 (+test@example.org)');
    expect(server.requests[0]?.headers).not.toHaveProperty('if-none-match');
    expect(server.requests[0]?.headers).not.toHaveProperty('if-modified-since');
  });

  it.each<[string, Validators]>([
    ['ETag', { etag: 'W/"x y"' }],
    ['Last-Modified', { lastModified: 'Tue, 03 Mar 2026 08:00:00 GMT' }],
  ])('gets 304 by %s, echoing the validator byte for byte', async (_name, validators) => {
    server = await startFeedServer({ '/feed': serveWithValidators(() => FEED, validators) });
    const result = await downloadFeed(server.url('/feed'), validators, options());
    expect(result).toMatchObject({ kind: 'not-modified', status: 304 });
    const headers = server.requests[0]!.headers;
    expect(headers['if-none-match']).toBe(validators.etag);
    expect(headers['if-modified-since']).toBe(validators.lastModified);
  });

  it('follows a redirect chain to the feed', async () => {
    server = await startFeedServer({
      '/a': (_req, res) => void res.writeHead(301, { location: '/b' }).end(),
      '/b': (_req, res) => void res.writeHead(302, { location: `${server!.origin}/c` }).end(),
      '/c': (_req, res) => void res.writeHead(308, { location: 'feed' }).end(),
      '/feed': serveWithValidators(() => FEED, {}),
    });
    const result = await downloadFeed(server.url('/a'), {}, options());
    expect(result).toMatchObject({ kind: 'fetched', finalUrl: server.url('/feed') });
  });

  it.each([
    ['a loop', { '/a': '/b', '/b': '/a' }, /redirect loop/],
    ['too many hops', { '/1': '/2', '/2': '/3', '/3': '/4', '/4': '/5', '/5': '/6', '/6': '/7', '/7': '/8' }, /more than 5 redirects/],
    ['a non-http target', { '/1': 'file:///etc/passwd' }, /only http\(s\)/],
  ])('stops at %s with a redirect error', async (_name, hops, message) => {
    server = await startFeedServer(Object.fromEntries(Object.entries(hops).map(([from, to]) => [from, (_req, res) => void res.writeHead(302, { location: to }).end()])));
    const result = await downloadFeed(server.url(Object.keys(hops)[0]!), {}, options());
    expect(result).toMatchObject({ kind: 'failed', error: { reason: 'redirect', message: expect.stringMatching(message) } });
  });

  it.each([404, 410])('reports HTTP %i without retrying', async (status) => {
    server = await startFeedServer({ '/gone': (_req, res) => void res.writeHead(status).end() });
    const result = await downloadFeed(server.url('/gone'), {}, options());
    expect(result).toMatchObject({ kind: 'failed', status, attempts: 1, error: { reason: 'http-status', message: expect.stringContaining(`HTTP ${status}`) } });
    expect(server.requests).toHaveLength(1);
  });

  it('waits for Retry-After on 429, then succeeds', async () => {
    const times: number[] = [];
    server = await startFeedServer({
      '/busy': (_req, res, hit) => {
        times.push(Date.now());
        if (hit === 0) res.writeHead(429, { 'retry-after': '1' }).end();
        else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
      },
    });
    const result = await downloadFeed(server.url('/busy'), {}, options({ retryAfterCapMs: 150, retryBaseDelayMs: 1 }));
    expect(result).toMatchObject({ kind: 'fetched', attempts: 2 });
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(140);
  });

  it.each([
    ['seconds', '120', 60_000],
    ['seconds under the cap', '3', 3_000],
    ['an HTTP date', new Date(Date.UTC(2026, 2, 1, 0, 0, 30)).toUTCString(), 30_000],
    ['garbage', 'soon', undefined],
  ])('reads Retry-After given as %s, capped', (_name, value, expected) => {
    expect(parseRetryAfter(value, Date.UTC(2026, 2, 1), 60_000)).toBe(expected);
  });

  it('retries a 500 and then succeeds', async () => {
    server = await startFeedServer({ '/flaky': (_req, res, hit) => void (hit === 0 ? res.writeHead(500).end() : res.writeHead(200).end(FEED)) });
    expect(await downloadFeed(server.url('/flaky'), {}, options())).toMatchObject({ kind: 'fetched', attempts: 2 });
  });

  it('gives up after the retries on a persistent 503', async () => {
    server = await startFeedServer({ '/down': (_req, res) => void res.writeHead(503).end() });
    const result = await downloadFeed(server.url('/down'), {}, options({ retries: 2 }));
    expect(result).toMatchObject({ kind: 'failed', status: 503, attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    ['before the headers', async (_req: unknown, res: import('node:http').ServerResponse) => { await delay(600); res.end(FEED); }],
    ['in a slow drip of the body', async (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      for (let i = 0; i < 20 && !res.destroyed; i += 1) {
        res.write(' ');
        await delay(50);
      }
      res.end();
    }],
  ])('times out when the server is slow %s', async (_name, handler) => {
    server = await startFeedServer({ '/slow': handler });
    const started = Date.now();
    const result = await downloadFeed(server.url('/slow'), {}, options({ timeoutMs: 300 }));
    expect(result).toMatchObject({ kind: 'failed', error: { reason: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it.each([
    ['gzip', zlib.gzipSync],
    ['br', zlib.brotliCompressSync],
  ])('decompresses %s', async (encoding, compress) => {
    server = await startFeedServer({ '/z': (_req, res) => void res.writeHead(200, { 'content-encoding': encoding, 'content-type': 'application/rss+xml' }).end(compress(Buffer.from(FEED))) });
    const result = await downloadFeed(server.url('/z'), {}, options());
    expect(result.kind === 'fetched' && text(result.bytes)).toBe(FEED);
    expect(server.requests[0]?.headers['accept-encoding']).toMatch(/gzip/);
  });

  it('refuses an oversized body', async () => {
    server = await startFeedServer({ '/big': (_req, res) => void res.writeHead(200).end('x'.repeat(20_000)) });
    const result = await downloadFeed(server.url('/big'), {}, options({ maxBytes: 10_000 }));
    expect(result).toMatchObject({ kind: 'failed', error: { reason: 'too-large' } });
  });

  it('stops a gzip bomb at the cap without inflating all of it', async () => {
    // 1 GiB of zeros gzips to about 1 MiB; we stream it compressed and must stop at 1 MiB decompressed.
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    let sent = 0;
    server = await startFeedServer({
      '/bomb': async (_req, res) => {
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' });
        for (let i = 0; i < 16 && !res.destroyed; i += 1) {
          res.write(bomb);
          sent += 1;
          await delay(5);
        }
        res.end();
      },
    });
    const rssBefore = process.memoryUsage().rss;
    const result = await downloadFeed(server.url('/bomb'), {}, options({ maxBytes: 1024 * 1024, timeoutMs: 5_000 }));
    expect(result).toMatchObject({ kind: 'failed', error: { reason: 'too-large', message: expect.stringMatching(/decompressed/) } });
    expect(sent).toBeLessThan(16);
    // Process-wide RSS (other test files may share the process): only a full inflate (1 GiB) would cross this.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(512 * 1024 * 1024);
  });

  it('reports a refused connection as a network error', async () => {
    server = await startFeedServer();
    const url = server.url('/feed');
    await server.close();
    server = undefined;
    const result = await downloadFeed(url, {}, options({ retries: 1 }));
    expect(result).toMatchObject({ kind: 'failed', attempts: 2, error: { reason: 'network', message: expect.stringMatching(/ECONNREFUSED/) } });
  });

  it('keeps at most 2 requests in flight per host', async () => {
    server = await startFeedServer();
    for (let i = 0; i < 8; i += 1) server.route(`/f${i}`, async (_req, res) => { await delay(40); res.writeHead(200).end(FEED); });
    const limiter = createRequestLimiter({ perHost: 2, global: 12 });
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => downloadFeed(server!.url(`/f${i}`), {}, options({ limiter }))));
    expect(results.every((r) => r.kind === 'fetched')).toBe(true);
    expect(server.peakInFlight()).toBe(2);
  });

  it('does not count time spent waiting for a slot against the time limit', async () => {
    server = await startFeedServer();
    for (let i = 0; i < 3; i += 1) server.route(`/q${i}`, async (_req, res) => { await delay(150); res.writeHead(200).end(FEED); });
    const limiter = createRequestLimiter({ perHost: 1, global: 12 });
    const results = await Promise.all(Array.from({ length: 3 }, (_, i) => downloadFeed(server!.url(`/q${i}`), {}, options({ limiter, timeoutMs: 300 }))));
    expect(results.map((r) => r.kind)).toEqual(['fetched', 'fetched', 'fetched']);
  });

  it('runs other hosts in parallel while one host is at its limit', async () => {
    server = await startFeedServer();
    const other = await startFeedServer({}, '127.0.0.2');
    try {
      for (const s of [server, other]) for (let i = 0; i < 4; i += 1) s.route(`/f${i}`, async (_req, res) => { await delay(40); res.writeHead(200).end(FEED); });
      const limiter = createRequestLimiter({ perHost: 1, global: 12 });
      const started = Date.now();
      await Promise.all([server, other].flatMap((s) => Array.from({ length: 4 }, (_, i) => downloadFeed(s.url(`/f${i}`), {}, options({ limiter })))));
      expect(server.peakInFlight()).toBe(1);
      expect(other.peakInFlight()).toBe(1);
      expect(Date.now() - started).toBeLessThan(8 * 40);
    } finally {
      await other.close();
    }
  });
});
