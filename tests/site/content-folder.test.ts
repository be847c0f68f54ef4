/**
 * A watch blog's data can live in its own folder (WATCHBLOG_CONTENT), and bad content fails
 * the build with a message that names the file, the field and what is expected.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeContentFile } from '../../src/core/write/front-matter.ts';
import { buildSite } from '../../scripts/harness/build-site.ts';

async function writeContent(files: Record<string, [Record<string, unknown>, string]>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-content-'));
  for (const [file, [data, body]] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), serializeContentFile(data, body));
  }
  return dir;
}

const item = (id: string, publishedAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  company: 'kettle-co',
  source: 'https://forum.example/kettle.rss',
  channel: 'forum',
  url: `https://forum.example/t/${id}`,
  canonicalUrl: `https://forum.example/t/${id}`,
  title: `Kettle problem ${id}`,
  author: `user-${id}`,
  publishedAt,
  fetchedAt: publishedAt,
  ...extra,
});

describe('WATCHBLOG_CONTENT', () => {
  it('builds the watch blog from another folder, with figures from that folder only', async () => {
    const dir = await writeContent({
      'companies/kettle-co.md': [{ name: 'Kettle & Co', responseTargetHours: 12 }, 'A kettle maker.'],
      'mentions/kettle-co/2026-11-01-aaaa.md': [item('aaaa', '2026-11-01T10:00:00Z'), 'It leaks.'],
      'mentions/kettle-co/2026-11-02-bbbb.md': [item('bbbb', '2026-11-02T10:00:00Z'), 'Lid broke.'],
      'responses/kettle-co/2026-11-01-cccc.md': [item('cccc', '2026-11-01T13:00:00Z', { author: 'KettleHelp', respondsTo: ['aaaa'] }), 'Sorry, a replacement is on its way.'],
      // Linked to the lid complaint by a maintainer, but dated before it: shown, never counted.
      'responses/kettle-co/2026-11-02-dddd.md': [item('dddd', '2026-11-02T08:00:00Z', { author: 'KettleHelp', respondsTo: ['bbbb'] }), 'Lids: see our FAQ.'],
    });
    const build = await buildSite({ contentDir: dir, now: '2026-11-10T00:00:00Z' });
    expect(build.code, build.output).toBe(0);
    const companies = JSON.parse(await readFile(path.join(build.outDir, 'data/companies.json'), 'utf8'));
    expect(companies.map((c: { slug: string }) => c.slug)).toEqual(['kettle-co']);
    // Two cases: one answered after 3 h, one never answered and past the 12 h target.
    expect(companies[0].windows.all).toMatchObject({ cases: 2, responded: 1, responseRate: 0.5, withinTarget: 1, unanswered: 1, overdue: 1 });
    const caseHtml = await readFile(path.join(build.outDir, 'cases/kettle-co/aaaa/index.html'), 'utf8');
    expect(caseHtml).toContain('3 h');
    const lidHtml = await readFile(path.join(build.outDir, 'cases/kettle-co/bbbb/index.html'), 'utf8');
    expect(lidHtml).toContain('Dated 2 h before the case opened');
    expect(lidHtml).toMatch(/Not counted/);
  });

  it('fails the build on bad content, naming the file, the field and what is expected', async () => {
    const dir = await writeContent({
      'companies/broken.md': [{ name: 'Broken Ltd', sources: [{ url: 'https://x.example/feed.rss', channel: 'television' }] }, ''],
    });
    const build = await buildSite({ contentDir: dir });
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('broken');
    expect(build.output).toMatch(/sources\.0\.channel|sources\[0\]\.channel/);
    expect(build.output).toMatch(/forum/);
  });

  it('fails the build on front matter that is not YAML, naming the file and the line', async () => {
    const dir = await writeContent({ 'companies/acme.md': [{ name: 'Acme' }, ''] });
    await mkdir(path.join(dir, 'mentions', 'acme'), { recursive: true });
    await writeFile(path.join(dir, 'mentions', 'acme', '2026-03-01-broken.md'), '---\nid: [unclosed\ncompany: acme\n---\nBody\n');
    const build = await buildSite({ contentDir: dir });
    expect(build.code).not.toBe(0);
    expect(build.output).toContain(path.join(dir, 'mentions', 'acme', '2026-03-01-broken.md'));
    expect(build.output).toMatch(/invalid front matter: .*\(3:1\)/);
  });
});
