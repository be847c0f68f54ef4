/**
 * A real HTTP server on 127.0.0.1 (port 0) for fetch tests: routes are plain node:http
 * handlers; the server records every request (path and headers) and the peak number of
 * requests in flight, so tests can check conditional headers and concurrency limits.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route handler; `hit` counts earlier requests to the same path (0 on the first). */
export type RouteHandler = (req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void | Promise<void>;

/** One request as the server saw it. */
export type SeenRequest = { path: string; headers: http.IncomingHttpHeaders };

/** A running server. */
export type FeedServer = {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** Absolute URL for a path. */
  url(path: string): string;
  /** Adds or replaces a route. */
  route(path: string, handler: RouteHandler): void;
  /** Every request so far, in arrival order. */
  requests: SeenRequest[];
  /** The most requests that were in flight at once. */
  peakInFlight(): number;
  close(): Promise<void>;
};

/** Starts a server with `routes`; unknown paths get 404. */
export async function startFeedServer(routes: Record<string, RouteHandler> = {}, host = '127.0.0.1'): Promise<FeedServer> {
  const table = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const requests: SeenRequest[] = [];
  let inFlight = 0;
  let peak = 0;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers });
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      inFlight -= 1;
    };
    res.on('finish', done);
    res.on('close', done);
    const hit = hits.get(path) ?? 0;
    hits.set(path, hit + 1);
    const handler = table.get(path);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(req, res, hit)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 1000;
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    route: (path, handler) => void table.set(path, handler),
    requests,
    peakInFlight: () => peak,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A small well-formed RSS 2.0 feed about Acme with `count` items (ids g1..gN, dated March 2026). */
export function buildRssFeed(count: number, options: { title?: (i: number) => string; prefix?: string } = {}): string {
  const prefix = options.prefix ?? 'https://forum.example/t/';
  const items = Array.from({ length: count }, (_, index) => {
    const i = index + 1;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const title = options.title?.(i) ?? `Acme problem number ${i}`;
    return `<item><title>${title}</title><link>${prefix}${i}</link><guid>${prefix}${i}</guid><pubDate>${new Date(`2026-02-${day}T10:00:00Z`).toUTCString()}</pubDate><description>Acme did something to me, case ${i}.</description></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Forum</title><link>https://forum.example/</link>${items.join('')}</channel></rss>\n`;
}

/** Serves a fixed body with ETag/Last-Modified and answers matching conditional requests with 304. */
export function serveWithValidators(body: () => string, validators: { etag?: string; lastModified?: string }, contentType = 'application/rss+xml; charset=utf-8'): RouteHandler {
  return (req, res) => {
    const etagMatches = validators.etag !== undefined && req.headers['if-none-match'] === validators.etag;
    const dateMatches = validators.etag === undefined && validators.lastModified !== undefined && req.headers['if-modified-since'] === validators.lastModified;
    const headers: Record<string, string> = {};
    if (validators.etag) headers.etag = validators.etag;
    if (validators.lastModified) headers['last-modified'] = validators.lastModified;
    if (etagMatches || dateMatches) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': contentType }).end(body());
  };
}
