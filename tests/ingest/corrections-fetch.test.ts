/**
 * The corrections and takedowns of docs/maintainers.md and docs/takedown.md that must survive
 * the next fetch: a hidden item stays hidden, a redacted body stays redacted, a deleted file
 * stays deleted, even when the feed changes the item and even on `--refresh`. Fetched twice
 * from a feed server on loopback, edited in between as a maintainer edits the Markdown.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildRssFeed, startFeedServer, type FeedServer } from '../helpers/feed-server.ts';
import { fetchAndThread } from '../helpers/fetch-runs.ts';
import { runFetch } from '../../scripts/stages/run-fetch.ts';

const FIRST = new Date('2026-03-10T12:00:00Z');
const SECOND = new Date('2026-03-11T12:00:00Z');

let server: FeedServer;
let dir: string;
let version: number;

beforeEach(async () => {
  version = 1;
  // The feed changes every item's title between the two fetches, so fetch has a reason to rewrite each file.
  server = await startFeedServer({ '/feed': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRssFeed(3, { title: (i) => `Acme problem ${i} (v${version})` })) });
  dir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-corrections-fetch-'));
  await mkdir(path.join(dir, 'companies'), { recursive: true });
  await writeFile(path.join(dir, 'companies', 'acme.md'), `---\nname: Acme\nofficial: { authors: [AcmeCares] }\nsources:\n  - url: "${server.url('/feed')}"\n    channel: forum\n---\n`);
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** `npm run fetch -- --refresh`: every source read in full, every file's machine fields rewritten. */
async function fetchWithRefresh(now: Date): Promise<void> {
  const report = await runFetch({ contentDir: dir, companies: [], dryRun: false, refresh: true, now, userAgent: 'Watchblog/0.1 (+test@example.org)', out: { write: () => true } });
  expect(report.exitCode).toBe(0);
}

/** The mention files, oldest name first, as paths. */
async function mentionFiles(): Promise<string[]> {
  return (await readdir(path.join(dir, 'mentions', 'acme'))).sort().map((name) => path.join(dir, 'mentions', 'acme', name));
}

/** A maintainer's edit of one file's Markdown. */
async function editMarkdown(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

describe('corrections that survive the next fetch', () => {
  it('hide spam: hidden: true stays, and the item stays off the site, when the feed changes the item', async () => {
    await fetchAndThread(dir, FIRST);
    const [spam] = await mentionFiles();
    await editMarkdown(spam!, (text) => text.replace('hidden: false', 'hidden: true'));
    version = 2;
    const { watchblog } = await fetchAndThread(dir, SECOND);
    const text = await readFile(spam!, 'utf8');
    expect(text).toContain('hidden: true');
    expect(text).toContain('(v2)');
    const shown = watchblog.companies[0]!.cases.flatMap((c) => c.events.map((e) => e.item.title));
    expect(shown).toHaveLength(2);
    expect(shown.every((title) => title.endsWith('(v2)'))).toBe(true);
    expect(shown).not.toContain((text.match(/title: "([^"]+)"/) ?? [])[1]);
  });

  it('redact: an edited body stays as the maintainer wrote it, even on --refresh', async () => {
    await fetchAndThread(dir, FIRST);
    const [file] = await mentionFiles();
    await editMarkdown(file!, (text) => text.replace(/\n---\n[^]*$/, '\n---\n[Removed at the author’s request.]\n'));
    version = 2;
    await fetchAndThread(dir, SECOND);
    await fetchWithRefresh(SECOND);
    const text = await readFile(file!, 'utf8');
    expect(text).toContain('(v2)');
    expect(text).toMatch(/\n---\n\[Removed at the author’s request\.\]\n$/);
  });

  it('remove: a deleted mention file is not brought back by the next fetch, nor by a --refresh', async () => {
    await fetchAndThread(dir, FIRST);
    const [deleted] = await mentionFiles();
    await unlink(deleted!);
    version = 2;
    const { watchblog } = await fetchAndThread(dir, SECOND);
    expect(await mentionFiles()).toHaveLength(2);
    expect(watchblog.companies[0]!.cases).toHaveLength(2);
    await fetchWithRefresh(SECOND);
    expect(await mentionFiles()).toHaveLength(2);
    const ledger = await readFile(path.join(dir, 'state', 'seen', 'acme.txt'), 'utf8').catch(() => '');
    expect(ledger, 'the ledger of ids fetch ever wrote').not.toBe('');
  });
});
