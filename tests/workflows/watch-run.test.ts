/**
 * The watch workflow's steps, run here as the runner would: fetch from a feed server on
 * loopback into the content folder of a fresh git repository, then the commit step. Only
 * content/ is committed, by github-actions[bot], with a message that counts what came; a
 * second run with nothing new commits nothing.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/project-root.ts';
import { startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';

const run = promisify(execFile);
const TSX = fileURLToPath(import.meta.resolve('tsx'));

const FORUM = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Forum</title><link>https://forum.example/</link>${items}</channel></rss>`;
const item = (id: string, title: string) => `<item><title>${title}</title><link>https://forum.example/t/${id}</link><guid>https://forum.example/t/${id}</guid><pubDate>Sun, 01 Mar 2026 09:00:00 GMT</pubDate><author>user-${id}</author><description>${title}.</description></item>`;

let server: FeedServer;
let repo: string;
const git = async (...args: string[]) => (await run('git', args, { cwd: repo })).stdout.trim();
/** A step of the workflow: a script of ours, run in the repository the way npm run does. */
async function step(script: string, args: string[] = []): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', TSX, path.join(PROJECT_ROOT, 'scripts', script), ...args], { cwd: repo, env: { ...process.env, WATCHBLOG_CONTACT: 'test@example.org', GITHUB_OUTPUT: '' }, timeout: 120_000 });
  return stdout;
}

beforeAll(async () => {
  server = await startFeedServer({
    '/acme.rss': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FORUM(item('1', 'Acme outage again') + item('2', 'Acme billed me twice'))),
    '/globex.rss': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FORUM(item('3', 'Globex router keeps rebooting'))),
  });
  repo = await mkdtemp(path.join(os.tmpdir(), 'watchblog-watch-'));
  await mkdir(path.join(repo, 'content', 'companies'), { recursive: true });
  for (const [slug, name] of [['acme', 'Acme'], ['globex', 'Globex']]) {
    await writeFile(path.join(repo, 'content', 'companies', `${slug}.md`), `---\nname: ${name}\nsources:\n  - url: ${server.url(`/${slug}.rss`)}\n    channel: forum\n---\n`);
  }
  await writeFile(path.join(repo, 'README.md'), 'A watch blog.\n');
  await git('init', '--quiet', '--initial-branch=main');
  await git('add', '-A');
  await git('-c', 'user.name=Maintainer', '-c', 'user.email=m@example.org', 'commit', '--quiet', '-m', 'start');
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe('the watch workflow, run locally', { timeout: 300_000 }, () => {
  it('fetches, then commits only content/ as github-actions[bot] with a message that counts the new items', async () => {
    await step('fetch.ts', ['--content', 'content']);
    // Something outside content/ changed too (a stray build output): it must stay out of the commit.
    await writeFile(path.join(repo, 'README.md'), 'Edited by hand.\n');
    expect(await step('watch-commit.ts')).toContain('changed=true');
    expect(await git('log', '-1', '--format=%s|%an|%ae')).toBe('watch: +3 mentions (acme, globex)|github-actions[bot]|41898282+github-actions[bot]@users.noreply.github.com');
    const committed = (await git('show', '--name-only', '--format=', 'HEAD')).split('\n');
    expect(committed.length).toBeGreaterThan(3);
    expect(committed.every((file) => file.startsWith('content/'))).toBe(true);
    expect(await git('status', '--porcelain')).toBe('M README.md');
  });

  it('commits nothing when a second run brings nothing new', async () => {
    const head = await git('rev-parse', 'HEAD');
    await step('fetch.ts', ['--content', 'content']);
    const output = await step('watch-commit.ts');
    expect(output).toContain('changed=false');
    expect(await git('rev-parse', 'HEAD')).toBe(head);
  });
});
