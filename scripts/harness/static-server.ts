/**
 * A small static file server over a built `dist/` for browser tests: node:http on 127.0.0.1
 * with a free port, the site mounted under its base path, directory URLs served from their
 * index.html, the 404 page for anything missing, and the site's Content-Security-Policy sent
 * as a header so the browser enforces it exactly as a strict host would.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The policy the site is built for: scripts only from the site itself, WebAssembly for Pagefind. */
export const SITE_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** A running server: its origin, the site's root URL (origin + base) and a way to stop it. */
export type StaticServer = { origin: string; siteUrl: string; close: () => Promise<void> };

/** Options: the URL base path the site was built for (default "/") and the CSP header (null: none). */
export type StaticServerOptions = { base?: string; csp?: string | null };

async function findFile(root: string, relative: string): Promise<string | null> {
  const candidate = path.join(root, relative);
  // Never serve anything outside the site folder, whatever the URL says.
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  for (const file of [candidate, path.join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
  }
  return null;
}

/** Serves `root` (a built site) under `base` on 127.0.0.1 and a free port until `close()`. */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const siteRoot = path.resolve(root);
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const csp = options.csp === undefined ? SITE_CSP : options.csp;
  const server = http.createServer(async (request, response) => {
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (csp) headers['content-security-policy'] = csp;
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400, headers).end('bad request');
      return;
    }
    const inside = pathname === base.slice(0, -1) || pathname.startsWith(base);
    const file = inside ? await findFile(siteRoot, pathname.slice(base.length)) : null;
    if (file && pathname === base.slice(0, -1)) {
      response.writeHead(301, { ...headers, location: base }).end();
      return;
    }
    if (!file) {
      const notFound = await findFile(siteRoot, '404.html');
      response.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      if (notFound && request.method !== 'HEAD') createReadStream(notFound).pipe(response);
      else response.end('not found');
      return;
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    response.writeHead(200, { ...headers, 'content-type': type });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    siteUrl: `${origin}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
