/**
 * `npm run check` on small content folders, one problem each: the exit status (1 for an
 * error, 0 for warnings only) and a message that names the file, the field and the fix.
 * Runs with --no-types: astro check and tsc are the project's own, not the content's.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/project-root.ts';

const run = promisify(execFile);
const roots: string[] = [];
afterAll(async () => Promise.all(roots.map((root) => rm(root, { recursive: true, force: true }))));

const ACME = `---
name: Acme Broadband
aliases: [Acme]
official:
  authors: [AcmeCares]
sources:
  - url: https://forum.example/acme.rss
    channel: forum
  - url: https://acme.example/blog.atom
    channel: blog
    voice: company
---
`;

function item(id: string, extra = ''): string {
  return `---
id: "${id}"
company: "acme"
source: "https://forum.example/acme.rss"
channel: "forum"
url: "https://forum.example/t/${id}"
canonicalUrl: "https://forum.example/t/${id}"
title: "Acme is down again"
author: "someone"
publishedAt: "2026-03-01T09:00:00.000Z"
fetchedAt: "2026-03-01T10:00:00.000Z"
${extra}---
My Acme line is down.
`;
}

/** A valid folder (one company, one mention, one answer to it), with some files replaced or added. */
async function contentFolder(files: Record<string, string | null>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'watchblog-check-'));
  roots.push(root);
  const all: Record<string, string | null> = {
    'companies/acme.md': ACME,
    'mentions/acme/2026-03-01-m1.md': item('m1'),
    'responses/acme/2026-03-02-r1.md': item('r1', 'respondsTo: ["m1"]\n').replace('"someone"', '"AcmeCares"'),
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    if (text === null) continue;
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

async function check(files: Record<string, string | null>, settings: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  const content = await contentFolder(files);
  const env = { ...process.env, WATCHBLOG_NOW: '2026-03-10T00:00:00Z', ...settings };
  try {
    const { stderr } = await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/check.ts'), '--no-types', '--content', content], { cwd: PROJECT_ROOT, env, timeout: 120_000 });
    return { code: 0, stderr };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

describe('npm run check', { timeout: 300_000 }, () => {
  it('passes a consistent folder with exit 0 and no findings', async () => {
    const result = await check({});
    expect(result.stderr).toMatch(/0 error\(s\), 0 warning\(s\)/);
    expect(result.code).toBe(0);
  });

  it.each([
    ['a respondsTo naming no item', { 'responses/acme/2026-03-02-r1.md': item('r1', 'respondsTo: ["nope"]\n') }, /error: \S+\/responses\/acme\/2026-03-02-r1\.md: respondsTo: no mention of "acme" has the id or URL "nope"[^\n]*\n\[check\] {3}fix: use the id/],
    ['an override (case file) for no case', { 'cases/acme/ghost.md': '---\ntitle: A case\n---\n' }, /error: \S+\/cases\/acme\/ghost\.md: \(file name\): no mention has the id "ghost"[^\n]*\n\[check\] {3}fix: rename the file/],
    ['a mention whose caseId names no mention', { 'mentions/acme/2026-03-01-m1.md': item('m1', 'caseId: "elsewhere"\n') }, /error: \S+\/mentions\/acme\/2026-03-01-m1\.md: caseId: no mention of "acme" has the id "elsewhere"/],
    ['a post naming no case', { 'posts/p.md': '---\ntitle: P\ndate: 2026-03-05T00:00:00Z\ncases: [zzz]\n---\nText\n' }, /error: \S+\/posts\/p\.md: cases: no case "zzz"/],
    ['a source with a missing field (the schema names it)', { 'companies/acme.md': ACME.replace('    channel: forum\n', '') }, /error: \S+\/companies\/acme\.md: sources\[0\]\.channel: [^\n]+\n\[check\] {3}fix: give the field the value the message expects/],
    ['front matter that is not YAML', { 'posts/bad.md': '---\ntitle: [unclosed\n---\n' }, /error: \S+\/posts\/bad\.md: \(front matter\): [^\n]+\n\[check\] {3}fix: fix the YAML/],
  ] as const)('fails with exit 1 on %s, naming file, field and fix', async (_name, files, pattern) => {
    const result = await check(files as Record<string, string | null>);
    expect(result.stderr).toMatch(pattern);
    expect(result.code).toBe(1);
  });

  it('fails with exit 1 on a base path the build cannot use', async () => {
    const result = await check({}, { WATCHBLOG_BASE: 'watchblog' });
    expect(result.stderr).toMatch(/error: \(environment\): WATCHBLOG_BASE: "watchblog" is not a path starting with \/\n\[check\] {3}fix: use the project path/);
    expect(result.code).toBe(1);
  });

  it.each([
    ['a company with no sources', { 'companies/acme.md': ACME.replace(/sources:[\s\S]*---/, '---') }, /warning: \S+\/companies\/acme\.md: sources: no sources: npm run fetch reads nothing[^\n]*\n\[check\] {3}fix: add a source/],
    ['a company with no source in its own voice', { 'companies/acme.md': ACME.replace('    voice: company\n', '') }, /warning: \S+\/companies\/acme\.md: sources: no source in the company's own voice/],
    ['the same alias on two companies', { 'companies/globex.md': '---\nname: Globex\naliases: [acme, Globex]\nofficial: { authors: [GlobexHelp] }\nsources:\n  - { url: https://globex.example/blog.atom, channel: blog, voice: company }\n---\n' }, /warning: \S+\/companies\/globex\.md: aliases: "acme" is also an alias of companies\/acme\.md[^\n]*\n\[check\] {3}fix: keep it on one company/],
  ] as const)('warns with exit 0 about %s', async (_name, files, pattern) => {
    const result = await check(files);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).toMatch(/0 error\(s\), [1-9]\d* warning\(s\)/);
    expect(result.code).toBe(0);
  });
});
