/**
 * Disk faults against the real fetch run: a read-only content folder and a full disk (tiny
 * tmpfs mounts; the tests need root, as in CI's container, and skip otherwise). Either is a
 * clear error in the run's output and exit status, never corruption: every file on disk
 * still parses, files that were there are unchanged, no temp file is left, and once the
 * disk has room again the next run completes the work.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { MentionSchema } from '../../src/core/schemas.ts';
import { parseContentFile, serializeContentFile } from '../../src/core/write/front-matter.ts';
import { buildRssFeed, startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';
import { fetchInto, snapshotTree } from '../../scripts/harness/hostile-site.ts';
import { MOUNT, skipWithout } from '../helpers/requirements.ts';


const mounts: string[] = [];
function mountTmpfs(options: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'watchblog-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}
function remount(dir: string, options: string): void {
  execFileSync('mount', ['-o', `remount,${options}`, dir]);
}
afterEach(() => {
  for (const dir of mounts.splice(0)) {
    try {
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Leave it for the OS: a busy mount is not a test failure.
    }
  }
});

let server: FeedServer;
beforeAll(async () => {
  const long = 'Acme kept me waiting on the phone for hours and nobody called back. '.repeat(9);
  server = await startFeedServer({
    '/few.rss': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRssFeed(3, { prefix: 'https://few.example/t/' })),
    '/many.rss': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRssFeed(200, { prefix: 'https://many.example/t/', title: (i) => `Acme ${i}: ${long}` })),
  });
});
afterAll(async () => {
  await server?.close();
});

async function writeCompany(contentDir: string, feedPath: string): Promise<void> {
  await mkdir(path.join(contentDir, 'companies'), { recursive: true });
  await writeFile(path.join(contentDir, 'companies', 'acme.md'), serializeContentFile({ name: 'Acme', sources: [{ url: server.url(feedPath), channel: 'forum' }] }, ''));
}

/** Every item file parses and passes the schema; returns how many there are. */
async function checkEveryItemFile(contentDir: string): Promise<number> {
  const files = [...(await snapshotTree(contentDir)).keys()];
  expect(files.filter((file) => file.endsWith('.tmp'))).toEqual([]);
  const items = files.filter((file) => /^(mentions|responses)\/.*\.md$/.test(file));
  for (const file of items) {
    const parsed = parseContentFile(await readFile(path.join(contentDir, file), 'utf8'));
    expect(parsed.ok && MentionSchema.safeParse(parsed.file.data).success, file).toBe(true);
  }
  return items.length;
}

describe.skipIf(skipWithout(MOUNT))('disk faults during a real fetch run', () => {
  // Guards: write errors are caught per file and reported (applyPlan), the exit status says so,
  // and atomic writes (temp + rename) never leave a half-written item in place.
  it('reports a read-only content folder as a clear error and changes nothing', async () => {
    const contentDir = mountTmpfs('size=4m');
    await writeCompany(contentDir, '/few.rss');
    expect((await fetchInto(contentDir)).report.items.new).toBe(3);
    const before = await snapshotTree(contentDir);
    server.route('/few.rss', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildRssFeed(6, { prefix: 'https://few.example/t/' })));
    remount(contentDir, 'ro');
    const { report, output } = await fetchInto(contentDir);
    expect(report.exitCode).not.toBe(0);
    expect(output).toMatch(/EROFS|read-only/i);
    expect(await snapshotTree(contentDir)).toEqual(before);
    remount(contentDir, 'rw');
    const again = await fetchInto(contentDir);
    expect(again.report.exitCode).toBe(0);
    expect(await checkEveryItemFile(contentDir)).toBe(6);
  });

  // Guards: on ENOSPC a temp file is removed, the target is never replaced by a partial file,
  // and ids whose file failed are kept out of the ledger so the next run writes them.
  it('reports a full disk as a clear error, leaves every file whole, and the next run completes', async () => {
    const contentDir = mountTmpfs('size=96k');
    await writeCompany(contentDir, '/many.rss');
    const before = await snapshotTree(contentDir);
    const { report, output } = await fetchInto(contentDir);
    expect(report.exitCode).not.toBe(0);
    expect(output).toMatch(/ENOSPC|no space/i);
    const after = await snapshotTree(contentDir);
    for (const [file, entry] of before) expect(after.get(file), file).toEqual(entry);
    const written = await checkEveryItemFile(contentDir);
    expect(written).toBeLessThan(200);
    remount(contentDir, 'size=16m');
    const again = await fetchInto(contentDir);
    expect(again.report.exitCode, again.output).toBe(0);
    expect(await checkEveryItemFile(contentDir)).toBe(200);
  });
});
