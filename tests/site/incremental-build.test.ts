/**
 * A rebuild costs what changed: with Astro's incremental build, a page whose props (its
 * cacheKey, src/core/site/page-cache-key.ts) and code are unchanged is copied from the cache
 * instead of rendered. As CI runs it: a fresh checkout, no dist/, the cache folder restored,
 * and a fetch that added 10 mentions to one company. The rebuilt site must be byte for byte
 * the site a cold build of the same content writes: a reused page that should have changed
 * would publish a stale figure. The same holds after a maintainer corrects content by hand.
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, makeBuildFolder, type BuildResult } from '../../scripts/harness/build-site.ts';
import { generateSyntheticWatchblog } from '../../scripts/generate/synthetic.ts';
import { addTenMentions, writeGeneratedFiles } from '../../scripts/generate/write-files.ts';
import { readTree } from './dist-helpers.ts';

const NOW = '2026-11-21T00:00:00Z';
let work: string;
let first: BuildResult;
let rebuilt: BuildResult;
let cold: BuildResult;
let corrected: BuildResult;
let correctedCold: BuildResult;

/** How many pages a build log says it took from the incremental cache. */
const countReused = (output: string) => output.match(/\((?:cached|restored)\)/g)?.length ?? 0;
const countCasePages = (files: Map<string, Buffer>) => [...files.keys()].filter((file) => /^cases\/[^/]+\/[^/]+\/index\.html$/.test(file)).length;

beforeAll(async () => {
  work = await makeBuildFolder();
  const contentDir = path.join(work, 'content');
  await writeGeneratedFiles(contentDir, generateSyntheticWatchblog({ companies: 3, mentions: 150, seed: 11, end: new Date('2026-11-20T18:00:00Z') }));
  const cacheDir = path.join(work, 'cache');
  first = await buildInto({ contentDir, now: NOW, outDir: path.join(work, 'dist-first'), cacheDir });
  await addTenMentions(contentDir);
  // CI: a new checkout (no dist/), the cache folder restored from the previous run.
  rebuilt = await buildInto({ contentDir, now: NOW, outDir: path.join(work, 'dist-rebuilt'), cacheDir });
  cold = await buildInto({ contentDir, now: NOW, outDir: path.join(work, 'dist-cold'), cacheDir: path.join(work, 'cache-cold') });
  // Then a maintainer's pull request: a company renamed (on every one of its pages) and a case's outcome reworded.
  await correctByHand(contentDir);
  corrected = await buildInto({ contentDir, now: NOW, outDir: path.join(work, 'dist-corrected'), cacheDir });
  correctedCold = await buildInto({ contentDir, now: NOW, outDir: path.join(work, 'dist-corrected-cold'), cacheDir: path.join(work, 'cache-corrected-cold') });
}, 900_000);

/** Renames the first company and rewords the outcome of the first case file that has one. */
async function correctByHand(contentDir: string): Promise<void> {
  const companies = path.join(contentDir, 'companies');
  const [first] = (await readdir(companies)).sort();
  const file = path.join(companies, first!);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^name: "([^"]+)"$/m, 'name: "$1 (renamed)"'));
  for (const entry of await readdir(path.join(contentDir, 'cases'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const caseFile = path.join(entry.parentPath, entry.name);
    const caseText = await readFile(caseFile, 'utf8');
    if (!/^outcome: /m.test(caseText)) continue;
    await writeFile(caseFile, caseText.replace(/^outcome: "([^"]*)"$/m, 'outcome: "$1, reworded by the maintainer"'));
    return;
  }
  throw new Error('no case file with an outcome to reword');
}

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a rebuild after a fetch added 10 mentions to one company', () => {
  it('builds', () => {
    for (const build of [first, rebuilt, cold, corrected, correctedCold]) expect(build.code, build.output.slice(-3000)).toBe(0);
  });

  it('reuses most case pages instead of rendering them again', async () => {
    const cases = countCasePages(await readTree(rebuilt.outDir));
    expect(cases).toBeGreaterThan(50);
    expect(countReused(first.output)).toBe(0);
    expect(countReused(cold.output)).toBe(0);
    expect(countReused(rebuilt.output)).toBeGreaterThan(cases / 2);
  });

  it('writes the same files, byte for byte, as a cold build of the same content', async () => {
    const [incremental, fresh] = await Promise.all([readTree(rebuilt.outDir), readTree(cold.outDir)]);
    expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
    const differing = [...fresh.keys()].filter((file) => !incremental.get(file)!.equals(fresh.get(file)!));
    expect(differing).toEqual([]);
  });

  it('shows the new mentions: the rebuilt site differs from the first where the content changed', async () => {
    const [before, after] = await Promise.all([readTree(first.outDir), readTree(rebuilt.outDir)]);
    expect(countCasePages(after)).toBeGreaterThan(countCasePages(before));
  });
});

describe('a rebuild after a maintainer renamed a company and reworded an outcome', () => {
  it('writes the same files, byte for byte, as a cold build of the corrected content', async () => {
    const [incremental, fresh] = await Promise.all([readTree(corrected.outDir), readTree(correctedCold.outDir)]);
    expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
    expect([...fresh.keys()].filter((file) => !incremental.get(file)!.equals(fresh.get(file)!))).toEqual([]);
  });

  it('shows the corrections, and still reuses the pages of the other companies', async () => {
    const pages = await readTree(corrected.outDir);
    expect([...pages.values()].some((bytes) => bytes.includes('(renamed)'))).toBe(true);
    expect([...pages.values()].some((bytes) => bytes.includes('reworded by the maintainer'))).toBe(true);
    expect(countReused(corrected.output)).toBeGreaterThan(countCasePages(pages) / 4);
  });
});
