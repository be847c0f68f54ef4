/**
 * `npm run new-company` as a maintainer runs it in CI (no terminal): against a loopback site
 * whose home page announces a feed and which serves another at /feed, into a temp content
 * folder. Presets are not probed (--offline): no test touches the internet.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompanySchema } from '../../src/core/schemas.ts';
import { parseContentFile } from '../../src/core/write/front-matter.ts';
import { PROJECT_ROOT } from '../../scripts/project-root.ts';
import { buildRssFeed, startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';

const run = promisify(execFile);

async function newCompany(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/new-company.ts'), ...args], { cwd: PROJECT_ROOT, timeout: 120_000, env: { ...process.env, CI: 'true' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

const ATOM = '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Acme news</title><id>urn:acme:news</id><updated>2026-03-01T00:00:00Z</updated></feed>';

let server: FeedServer;
let contentDir: string;
const fileOf = (slug: string) => path.join(contentDir, 'companies', `${slug}.md`);

beforeAll(async () => {
  server = await startFeedServer({
    '/': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html><head><title>Acme Broadband</title><link rel="alternate" type="application/rss+xml" title="Acme blog" href="/blog/feed.xml"></head><body>Fast fibre.</body></html>'),
    '/blog/feed.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRssFeed(1)),
    '/feed': (_req, res) => void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(ATOM),
    '/rss.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not a feed</html>'),
  });
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-new-company-'));
});

afterAll(async () => {
  await server?.close();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

describe('npm run new-company', { timeout: 150_000 }, () => {
  it("writes the company file: derived aliases, the site's own feeds in its voice, public presets", async () => {
    const { code, stderr } = await newCompany(['Acme Broadband', '--site', server.origin, '--offline', '--content', contentDir]);
    expect(code, stderr).toBe(0);
    const parsed = parseContentFile(await readFile(fileOf('acme-broadband'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    const company = CompanySchema.parse(parsed.file.data);
    expect(company.aliases).toEqual(['Acme Broadband', 'AcmeBroadband', { text: 'Acme', caseSensitive: true, context: ['broadband'] }]);
    expect(company.sources.map(({ url, channel, voice }) => [url, channel, voice])).toEqual([
      [`${server.origin}/blog/feed.xml`, 'blog', 'company'],
      [`${server.origin}/feed`, 'blog', 'company'],
      ['https://www.reddit.com/search.rss?q=Acme+Broadband&sort=new', 'forum', 'public'],
      ['https://hnrss.org/newest?q=Acme+Broadband', 'forum', 'public'],
      ['https://news.google.com/rss/search?q=%22Acme+Broadband%22&hl=en-US&gl=US&ceid=US:en', 'news', 'public'],
    ]);
    expect(parsed.file.data.sources).toContainEqual({ preset: 'reddit-search', query: 'Acme Broadband' });
    expect(stderr).toContain('wrote ');
  });

  it('refuses to overwrite an existing company file', async () => {
    const before = await readFile(fileOf('acme-broadband'), 'utf8');
    const { code, stderr } = await newCompany(['Acme Broadband', '--site', server.origin, '--offline', '--content', contentDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/already exists: not overwriting it/);
    expect(await readFile(fileOf('acme-broadband'), 'utf8')).toBe(before);
  });

  it('prints the file with --dry-run and writes nothing', async () => {
    const { code, stdout } = await newCompany(['Globex', '--context', 'widgets', '--preset', 'hn-search', '--dry-run', '--content', contentDir, '--offline']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^---\nname: "Globex"\naliases:\n {2}- text: "Globex"\n {4}caseSensitive: true\n {4}context:\n {6}- "widgets"\n/);
    expect(stdout).toContain('preset: "hn-search"');
    expect(existsSync(fileOf('globex'))).toBe(false);
  });

  it('says which site it could not reach, and still writes the rest', async () => {
    const closed = await startFeedServer();
    const origin = closed.origin;
    await closed.close();
    const { code, stderr } = await newCompany(['Initech', '--site', origin, '--preset', 'google-news', '--offline', '--content', contentDir]);
    expect(code).toBe(0);
    expect(stderr).toContain(`could not reach the site ${origin}/`);
    const parsed = parseContentFile(await readFile(fileOf('initech'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.file.data.sources).toEqual([{ preset: 'google-news', query: 'Initech' }]);
  });
});
