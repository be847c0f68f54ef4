/**
 * The site in other shapes: a watch blog of one company (its page is the home) and a
 * project site under a base path (every link carries the base and resolves).
 */
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, PROJECT_ROOT, type BuildResult } from '../../scripts/harness/build-site.ts';
import { listDistFiles, listLinks, readDist, resolveToFile } from './dist-helpers.ts';

const SLUG = 'zephyr-telecom';

/** A content folder with only one demo company (its items, case overrides and posts). */
async function makeOneCompanyContent(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-one-'));
  const from = path.join(PROJECT_ROOT, 'content');
  await mkdir(path.join(dir, 'companies'), { recursive: true });
  await cp(path.join(from, 'companies', `${SLUG}.md`), path.join(dir, 'companies', `${SLUG}.md`));
  for (const folder of ['mentions', 'responses', 'cases']) {
    await cp(path.join(from, folder, SLUG), path.join(dir, folder, SLUG), { recursive: true });
  }
  await cp(path.join(from, 'posts'), path.join(dir, 'posts'), { recursive: true });
  return dir;
}

describe('a watch blog of one company', () => {
  let build: BuildResult;
  beforeAll(async () => {
    build = await buildSite({ contentDir: await makeOneCompanyContent() });
    if (build.code !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
  });

  it('uses the company page as its home, with the company feeds announced', () => {
    const home = readDist(build.outDir, 'index.html');
    expect(home).toContain('<h1>Zephyr Telecom');
    expect(home).toContain('<table class="scorecard"');
    expect(home).toContain(`href="https://watchblog.example/companies/${SLUG}/rss.xml"`);
    expect(home).not.toContain('How companies answer the public');
  });

  it('makes the home the canonical address of the company page and builds no comparison pages', () => {
    expect(readDist(build.outDir, `companies/${SLUG}/index.html`)).toContain('<link rel="canonical" href="https://watchblog.example/">');
    expect(listDistFiles(build.outDir).some((f) => f.startsWith('sort/'))).toBe(false);
  });
});

describe('a project site under /watch/', () => {
  let build: BuildResult;
  const base = '/watch/';
  beforeAll(async () => {
    build = await buildSite({ env: { WATCHBLOG_BASE: '/watch', WATCHBLOG_SITE: 'https://user.github.io' } });
    if (build.code !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
  });

  it('links every internal page and asset under the base, and each link resolves', () => {
    const html = listDistFiles(build.outDir, '.html').filter((f, i) => !f.startsWith('cases/') || i % 20 === 0);
    const outside: string[] = [];
    const broken: string[] = [];
    for (const file of html) {
      for (const link of listLinks(readDist(build.outDir, file))) {
        const local = link.startsWith('https://user.github.io') ? link.slice('https://user.github.io'.length) : link;
        if (!local.startsWith('/') || local.startsWith('//')) continue;
        if (!local.startsWith(base)) outside.push(`${file} → ${link}`);
        else if (!local.startsWith(`${base}pagefind/`) && resolveToFile(build.outDir, local, base) === null) broken.push(`${file} → ${link}`);
      }
    }
    expect(outside.slice(0, 10)).toEqual([]);
    expect(broken.slice(0, 10)).toEqual([]);
  });

  it('writes absolute feed links and the atom:link self with the base', () => {
    const xml = readDist(build.outDir, 'rss.xml');
    expect(xml).toContain('<atom:link href="https://user.github.io/watch/rss.xml" rel="self"');
    expect(xml).toMatch(/<link>https:\/\/user\.github\.io\/watch\/cases\//);
    expect(readDist(build.outDir, 'robots.txt')).toContain('Sitemap: https://user.github.io/watch/sitemap-index.xml');
  });
});
