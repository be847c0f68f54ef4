import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFetch, type FetchOptions } from '../../scripts/stages/run-fetch.ts';
import { computeSourceLabel } from '../../src/core/site/source-label.ts';
import { computeNextHealth, parseFetchState, serializeFetchState, type SourceHealth } from '../../src/core/write/fetch-state.ts';
import { parseContentFile } from '../../src/core/write/front-matter.ts';
import { buildRssFeed, serveWithValidators, startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const LATER = new Date('2026-03-11T12:00:00Z');

describe('computeSourceLabel', () => {
  it.each([
    ['the configured name first', { url: 'https://forum.example/latest.rss', name: 'Acme forum' }, 'Feed title', 'Acme forum'],
    ['the feed title when no name is set', { url: 'http://127.0.0.1:18931/a.rss' }, 'Acme status', 'Acme status'],
    ['the host (with its port) when neither is known', { url: 'http://127.0.0.1:18931/a.rss' }, undefined, '127.0.0.1:18931'],
    ['the host when the feed has no title', { url: 'https://forum.example/latest.rss' }, '', 'forum.example'],
    ['the host when the name is blank', { url: 'https://forum.example/latest.rss', name: '  ' }, undefined, 'forum.example'],
    ['a local file by its file name', { url: 'feeds/acme.xml' }, undefined, 'acme.xml'],
  ])('uses %s', (_what, source, feedTitle, label) => {
    expect(computeSourceLabel(source, feedTitle)).toBe(label);
  });
});

describe('feedTitle in the fetch state', () => {
  const healthy: SourceHealth = { bodyDigest: 'd1', configDigest: 'c1', consecutiveFailures: 0, itemsSeen: 2, itemsLastRun: 2, lastSuccessAt: NOW.toISOString() };
  const fetched = { kind: 'fetched' as const, status: 200, validators: {}, bodyDigest: 'd1', configDigest: 'c1', itemsSeen: 2, itemsNew: 0 };

  it.each([
    ['records the title of a body read for the first time', undefined, 'Forum', 'Forum'],
    ['records it for a state written before titles were kept (same body)', healthy, 'Forum', 'Forum'],
    ['keeps the title when the outcome has none', { ...healthy, feedTitle: 'Old' }, undefined, 'Old'],
    ['records a feed without a title as ""', undefined, '', ''],
  ] as const)('%s', (_what, previous, feedTitle, expected) => {
    const next = computeNextHealth(previous, { ...fetched, ...(feedTitle === undefined ? {} : { feedTitle }) }, LATER);
    expect(next.feedTitle).toBe(expected);
  });

  it('changes nothing (same object) when the same body has the same title', () => {
    const previous = { ...healthy, feedTitle: 'Forum' };
    expect(computeNextHealth(previous, { ...fetched, feedTitle: 'Forum' }, LATER)).toBe(previous);
  });

  it('round-trips through the state file', () => {
    const state = { version: 1 as const, sources: { acme: { 'https://forum.example/a.rss': { ...healthy, feedTitle: 'Forum' } } } };
    expect(parseFetchState(serializeFetchState(state))).toEqual({ ok: true, state });
  });
});

describe("fetch records each source's feed title and credits authorless items to it", () => {
  let server: FeedServer;
  let dir: string;
  beforeEach(async () => {
    server = await startFeedServer();
    dir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-title-'));
  });
  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const options = (now: Date): FetchOptions => ({
    contentDir: dir,
    companies: [],
    dryRun: false,
    now,
    userAgent: 'Watchblog/0.1 (+test@example.org)',
    download: { timeoutMs: 2_000, retries: 0, retryBaseDelayMs: 1, retryAfterCapMs: 10 },
    out: { write: () => {} },
    workers: 0,
  });

  async function readState() {
    const parsed = parseFetchState(await readFile(path.join(dir, 'state', 'sources.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.state;
  }

  it('stores the title in content/state/sources.json, and a second identical run writes nothing', async () => {
    server.route('/feed', serveWithValidators(() => buildRssFeed(2), { etag: '"v1"' }));
    await mkdir(path.join(dir, 'companies'), { recursive: true });
    await writeFile(path.join(dir, 'companies', 'acme.md'), `---\nname: Acme\naliases: [Acme]\nsources:\n  - url: "${server.url('/feed')}"\n    channel: forum\n    voice: public\n---\n`);
    await runFetch(options(NOW));
    const state = await readState();
    expect(state.sources.acme?.[server.url('/feed')]?.feedTitle).toBe('Forum');
    const mentions = path.join(dir, 'mentions', 'acme');
    const [first] = await readdir(mentions);
    const parsed = parseContentFile(await readFile(path.join(mentions, first!), 'utf8'));
    expect(parsed.ok && parsed.file.data.author).toBe('Forum');

    expect((await runFetch(options(LATER))).filesWritten).toBe(0);
  });

  it('reads a source in full once when its state has no title yet, then records it', async () => {
    server.route('/feed', serveWithValidators(() => buildRssFeed(2), { etag: '"v1"' }));
    await mkdir(path.join(dir, 'companies'), { recursive: true });
    await writeFile(path.join(dir, 'companies', 'acme.md'), `---\nname: Acme\naliases: [Acme]\nsources:\n  - url: "${server.url('/feed')}"\n    channel: forum\n    voice: public\n---\n`);
    await runFetch(options(NOW));
    const state = await readState();
    delete state.sources.acme![server.url('/feed')]!.feedTitle;
    await writeFile(path.join(dir, 'state', 'sources.json'), serializeFetchState(state));
    await runFetch(options(LATER));
    expect(server.requests.at(-1)?.headers['if-none-match']).toBeUndefined();
    expect((await readState()).sources.acme?.[server.url('/feed')]?.feedTitle).toBe('Forum');
  });
});
