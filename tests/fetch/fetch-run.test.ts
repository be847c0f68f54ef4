import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFetchCli } from '../helpers/fetch-runs.ts';
import { parseContentFile, serializeContentFile } from '../../src/core/write/front-matter.ts';
import { parseFetchState, type Validators } from '../../src/core/write/fetch-state.ts';
import { runFetch, type FetchOptions } from '../../scripts/stages/run-fetch.ts';
import { buildRssFeed, serveWithValidators, startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const LATER = new Date('2026-03-11T12:00:00Z');

let server: FeedServer;
let dir: string;
let output: string;

beforeEach(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-fetch-'));
  output = '';
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

type SourceSpec = { url: string; channel?: string; voice?: string };

async function writeCompany(slug: string, sources: SourceSpec[], extra = ''): Promise<void> {
  await mkdir(path.join(dir, 'companies'), { recursive: true });
  const list = sources.map((s) => `  - url: "${s.url}"\n    channel: ${s.channel ?? 'forum'}\n    voice: ${s.voice ?? 'public'}`).join('\n');
  await writeFile(path.join(dir, 'companies', `${slug}.md`), `---\nname: Acme\naliases: [Acme]\n${extra}sources:\n${list}\n---\nWhy we watch Acme.\n`);
}

function options(overrides: Partial<FetchOptions> = {}): FetchOptions {
  return {
    contentDir: dir,
    companies: [],
    dryRun: false,
    now: NOW,
    userAgent: 'Watchblog/0.1 (+test@example.org)',
    download: { timeoutMs: 2_000, retries: 0, retryBaseDelayMs: 1, retryAfterCapMs: 10 },
    out: { write: (text: string) => void (output += text) },
    ...overrides,
  };
}

/** Every file under the content folder with its text and mtime (companies/ excluded). */
async function snapshot(): Promise<Map<string, { text: string; mtimeMs: number }>> {
  const files = new Map<string, { text: string; mtimeMs: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, file);
    if (relative.startsWith('companies')) continue;
    files.set(relative, { text: await readFile(file, 'utf8'), mtimeMs: (await stat(file)).mtimeMs });
  }
  return files;
}

async function itemFiles(kind = 'mentions', company = 'acme'): Promise<string[]> {
  try {
    return (await readdir(path.join(dir, kind, company))).sort();
  } catch {
    return [];
  }
}

describe('runFetch', () => {
  it.each<[string, Validators]>([
    ['ETag', { etag: '"v1"' }],
    ['Last-Modified', { lastModified: 'Mon, 02 Mar 2026 10:00:00 GMT' }],
  ])('writes items on the first run and nothing at all on a second run answered 304 by %s', async (_name, validators) => {
    server.route('/feed', serveWithValidators(() => buildRssFeed(5), validators));
    await writeCompany('acme', [{ url: server.url('/feed') }]);
    const first = await runFetch(options());
    expect(first).toMatchObject({ exitCode: 0, items: { new: 5 }, sources: { ok: 1 } });
    expect(await itemFiles()).toHaveLength(5);
    const before = await snapshot();
    expect([...before.keys()].sort()).toContain(path.join('state', 'sources.json'));

    const second = await runFetch(options({ now: LATER }));
    expect(second).toMatchObject({ exitCode: 0, filesWritten: 0, sources: { notModified: 1 } });
    expect(await snapshot()).toEqual(before);
    const sent = server.requests[1]!.headers;
    expect(sent['if-none-match']).toBe(validators.etag);
    expect(sent['if-modified-since']).toBe(validators.lastModified);
  });

  it('writes nothing on a second run when a server without validators sends the same body', async () => {
    server.route('/feed', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRssFeed(3)));
    await writeCompany('acme', [{ url: server.url('/feed') }]);
    await runFetch(options());
    const before = await snapshot();
    expect((await runFetch(options({ now: LATER }))).filesWritten).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it('with refresh, reads an unchanged source in full and rewrites what an older version read differently', async () => {
    server.route('/feed', serveWithValidators(() => buildRssFeed(2), { etag: '"v1"' }));
    await writeCompany('acme', [{ url: server.url('/feed') }]);
    await runFetch(options());
    const [file] = await itemFiles();
    const filePath = path.join(dir, 'mentions', 'acme', file!);
    const fresh = await readFile(filePath, 'utf8');
    await writeFile(filePath, fresh.replace(/^title: ".*"$/m, 'title: "An older reading"'));

    expect(await runFetch(options({ now: LATER }))).toMatchObject({ filesWritten: 0, sources: { notModified: 1 } });
    expect(await readFile(filePath, 'utf8')).toContain('title: "An older reading"');

    const refreshed = await runFetch(options({ now: LATER, refresh: true }));
    expect(refreshed).toMatchObject({ exitCode: 0, sources: { ok: 1, notModified: 0 } });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBeUndefined();
    expect(await readFile(filePath, 'utf8')).toBe(fresh);
  });

  it('downloads a feed that several companies follow once per run, and writes its items for each', async () => {
    server.route('/feed', serveWithValidators(() => buildRssFeed(3), { etag: '"v1"' }));
    await writeCompany('acme', [{ url: server.url('/feed') }]);
    await writeCompany('acme-two', [{ url: server.url('/feed') }]);
    await writeCompany('acme-three', [{ url: server.url('/feed') }]);
    expect(await runFetch(options())).toMatchObject({ exitCode: 0, items: { new: 9 }, sources: { ok: 3 } });
    expect(server.requests.filter((r) => r.path === '/feed')).toHaveLength(1);
    expect([await itemFiles('mentions', 'acme'), await itemFiles('mentions', 'acme-two'), await itemFiles('mentions', 'acme-three')].map((files) => files.length)).toEqual([3, 3, 3]);

    expect(await runFetch(options({ now: LATER }))).toMatchObject({ sources: { notModified: 3 } });
    expect(server.requests.filter((r) => r.path === '/feed')).toHaveLength(2);
  });

  it('says which files on the site no longer match after the rules were tightened, and keeps them', async () => {
    server.route('/feed', serveWithValidators(() => buildRssFeed(3), { etag: '"v1"' }));
    await writeCompany('acme', [{ url: server.url('/feed') }]);
    await runFetch(options());
    const files = await itemFiles();
    expect(files).toHaveLength(3);

    await writeCompany('acme', [{ url: server.url('/feed') }], 'exclude: ["problem number 2"]\n');
    output = '';
    const report = await runFetch(options({ now: LATER }));
    expect(report).toMatchObject({ exitCode: 0, items: { skipped: { excluded: 1 } } });
    const stale = files.find((file) => output.includes(file));
    expect(output).toMatch(/warning: mentions\/acme\/\S+\.md: no longer about the company by its rules \(excluded: the item contains the exclusion term "problem number 2"\)/);
    expect(stale).toBeDefined();
    expect(await itemFiles()).toEqual(files);

    const stalePath = path.join(dir, 'mentions', 'acme', stale!);
    await writeFile(stalePath, (await readFile(stalePath, 'utf8')).replace('hidden: false', 'hidden: true'));
    output = '';
    await runFetch(options({ now: LATER, refresh: true }));
    expect(output).not.toMatch(/no longer about the company/);
  });

  it('records source health in the state file', async () => {
    server.route('/feed', serveWithValidators(() => buildRssFeed(2), { etag: '"v1"' }));
    await writeCompany('acme', [{ url: server.url('/feed') }, { url: server.url('/missing') }]);
    await runFetch(options());
    const parsed = parseFetchState(await readFile(path.join(dir, 'state', 'sources.json'), 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.state.sources.acme?.[server.url('/feed')]).toMatchObject({ etag: '"v1"', lastStatus: 200, lastSuccessAt: NOW.toISOString(), consecutiveFailures: 0, itemsSeen: 2, itemsLastRun: 2 });
    expect(parsed.state.sources.acme?.[server.url('/missing')]).toMatchObject({ lastStatus: 404, consecutiveFailures: 1, lastError: { reason: 'http-status', at: NOW.toISOString() } });
  });

  it('keeps hidden, respondsTo and an edited body when the feed changes the item', async () => {
    let title = 'Acme answers';
    server.route('/news', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRssFeed(2, { title: () => title })));
    await writeCompany('acme', [{ url: server.url('/news'), channel: 'blog', voice: 'company' }]);
    await runFetch(options());
    const [first, second] = await itemFiles('responses');
    const edit = async (name: string, change: (data: Record<string, unknown>, body: string) => [Record<string, unknown>, string]) => {
      const file = path.join(dir, 'responses', 'acme', name);
      const parsed = parseContentFile(await readFile(file, 'utf8'));
      if (!parsed.ok) throw new Error(parsed.message);
      const [data, body] = change(parsed.file.data, parsed.file.body);
      await writeFile(file, serializeContentFile(data, body));
    };
    await edit(first!, (data, body) => [{ ...data, hidden: true, respondsTo: ['abc'] }, body]);
    await edit(second!, (data) => [data, 'The maintainer rewrote this.']);

    title = 'Acme answers (updated)';
    const report = await runFetch(options({ now: LATER }));
    expect(report.items.updated).toBe(2);
    const one = await readFile(path.join(dir, 'responses', 'acme', first!), 'utf8');
    const two = await readFile(path.join(dir, 'responses', 'acme', second!), 'utf8');
    expect(one).toContain('title: "Acme answers (updated)"');
    expect(one).toContain('hidden: true');
    expect(one).toContain('respondsTo:\n  - "abc"');
    expect(one).toContain(`fetchedAt: "${NOW.toISOString()}"`);
    expect(two).toContain('title: "Acme answers (updated)"');
    expect(two).toMatch(/---\nThe maintainer rewrote this\.\n$/);
  });

  it('does not bring back an item the maintainer deleted', async () => {
    let version = 1;
    server.route('/feed', (_req, res) => void res.writeHead(200).end(buildRssFeed(3, { title: (i) => `Acme issue ${i} v${version}` })));
    await writeCompany('acme', [{ url: server.url('/feed') }]);
    await runFetch(options());
    const [deleted] = await itemFiles();
    await unlink(path.join(dir, 'mentions', 'acme', deleted!));
    version = 2;
    const report = await runFetch(options({ now: LATER }));
    expect(await itemFiles()).toHaveLength(2);
    expect(report.items.skipped['deleted-by-maintainer']).toBe(1);
  });

  it('writes nothing on a dry run, not even state, and prints the plan', async () => {
    server.route('/feed', serveWithValidators(() => buildRssFeed(2), { etag: '"v1"' }));
    await writeCompany('acme', [{ url: server.url('/feed') }]);
    const report = await runFetch(options({ dryRun: true }));
    expect(report.filesWritten).toBe(0);
    expect(await snapshot()).toEqual(new Map());
    expect(output).toMatch(/would create mentions\/acme\/2026-02-\d\d-[0-9a-f]+\.md/);
    expect(output).toContain('dry run: nothing written');
  });

  it('reports a failing source and still writes the others', async () => {
    server.route('/ok', (_req, res) => void res.writeHead(200).end(buildRssFeed(2)));
    server.route('/page', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Acme</body></html>'));
    await writeCompany('acme', [{ url: server.url('/gone') }, { url: server.url('/page') }, { url: server.url('/ok') }]);
    const report = await runFetch(options());
    expect(report.exitCode).toBe(0);
    expect(report.sources).toMatchObject({ ok: 1, failed: 2 });
    expect(report.sources.failures.map((f) => f.error.reason).sort()).toEqual(['http-status', 'not-a-feed']);
    expect(output).toMatch(/HTML page.*Content-Type: text\/html/);
    expect(await itemFiles()).toHaveLength(2);
  });

  it('exits non-zero when every source failed', async () => {
    await writeCompany('acme', [{ url: server.url('/gone') }, { url: 'missing-file.xml' }]);
    const report = await runFetch(options());
    expect(report.exitCode).toBe(1);
    expect(report.sources.failures.map((f) => f.error.reason).sort()).toEqual(['file', 'http-status']);
    expect(output).toContain('every source failed');
  });

  it('reads a local feed file relative to the company file and collapses the same URL across sources', async () => {
    await mkdir(path.join(dir, 'feeds'), { recursive: true });
    await writeFile(path.join(dir, 'feeds', 'a.xml'), buildRssFeed(3));
    await writeFile(path.join(dir, 'feeds', 'b.xml'), buildRssFeed(3).replaceAll('<guid>', '<guid>other-'));
    await writeCompany('acme', [{ url: '../feeds/a.xml' }, { url: '../feeds/b.xml' }]);
    const report = await runFetch(options());
    expect(report.items).toMatchObject({ new: 3, skipped: { duplicate: 3 } });
    expect(await itemFiles()).toHaveLength(3);
  });

  it('only fetches the companies asked for', async () => {
    server.route('/feed', (_req, res) => void res.writeHead(200).end(buildRssFeed(1)));
    await writeCompany('acme', [{ url: server.url('/feed') }]);
    await writeCompany('zeta', [{ url: server.url('/feed') }]);
    await runFetch(options({ companies: ['zeta'] }));
    expect(await itemFiles('mentions', 'acme')).toEqual([]);
    expect(await itemFiles('mentions', 'zeta')).toHaveLength(1);
  });
});

/** Each CLI run starts `npx tsx` (seconds on 2 cores), so these get a longer time limit. */
describe('npm run fetch (the CLI)', { timeout: 90_000 }, () => {
  const cli = (args: string[]) => runFetchCli(dir, args);

  it('exits non-zero for a bad company file, naming the file, the field and what is expected', async () => {
    await writeCompany('acme', [{ url: server.url('/feed'), channel: 'television' }]);
    const result = await cli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/companies\/acme\.md: sources\[0\]\.channel: .*forum/);
    expect(await snapshot()).toEqual(new Map());
  });

  it('exits non-zero when every source failed, and zero when one succeeds', async () => {
    server.route('/ok', (_req, res) => void res.writeHead(200).end(buildRssFeed(1)));
    await writeCompany('acme', [{ url: server.url('/gone') }]);
    expect((await cli([])).code).toBe(1);
    await writeCompany('acme', [{ url: server.url('/gone') }, { url: server.url('/ok') }]);
    const result = await cli([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('sources: 1 ok, 0 not modified, 1 failed');
    expect(server.requests.at(-1)?.headers['user-agent']).toBe('Watchblog/0.1 (+test@example.org)');
  });

  it('rejects an unreadable --since', async () => {
    await writeCompany('acme', []);
    const result = await cli(['--since', 'last tuesday']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--since: expected a date/);
  });
});
