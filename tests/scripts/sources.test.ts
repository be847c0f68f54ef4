import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/project-root.ts';

const run = promisify(execFile);

async function runSources(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/sources.ts'), ...args], { cwd: PROJECT_ROOT, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

let contentDir: string;

beforeAll(async () => {
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-sources-'));
  await mkdir(path.join(contentDir, 'companies'));
  const company = (name: string, sources: string[]) => ['---', `name: ${name}`, 'sources:', ...sources, '---', ''].join('\n');
  await writeFile(
    path.join(contentDir, 'companies/acme.md'),
    company('Acme', [
      '  - preset: reddit-search',
      '    query: "Acme Broadband"',
      '  - preset: discourse-topic',
      '    site: community.acme.example',
      '    topic: wifi-drops',
      '    id: 123',
      '  - url: https://acme.example/blog/feed.xml',
      '    channel: blog',
      '    voice: company',
    ]),
  );
  await writeFile(path.join(contentDir, 'companies/broken.md'), company('Broken', ['  - preset: hn-search']));
});

afterAll(async () => {
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

describe('npm run sources', { timeout: 150_000 }, () => {
  it('lists what each entry expands to: URL, channel, voice, threading', async () => {
    const { code, stdout } = await runSources(['--content', contentDir, '--company', 'acme']);
    expect(code).toBe(0);
    expect(stdout).toContain('acme (');
    expect(stdout).toContain('3 entries, 3 feeds');
    expect(stdout).toContain('1. preset reddit-search (query: "Acme Broadband")\n    → https://www.reddit.com/search.rss?q=Acme+Broadband&sort=new\n      forum · public · not threaded');
    expect(stdout).toContain('→ https://community.acme.example/t/wifi-drops/123.rss\n      forum · public · threaded · every item counts');
    expect(stdout).toContain("note: Discourse feeds don't mark staff");
    expect(stdout).toContain("3. url\n    → https://acme.example/blog/feed.xml\n      blog · company's voice · not threaded");
  });

  it('names the file and field of a preset with a missing field, and exits 1', async () => {
    const { code, stderr } = await runSources(['--content', contentDir]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/broken\.md: sources\[0\]\.query: hn-search needs query: the words to search for/);
  });
});
