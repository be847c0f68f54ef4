/**
 * The last step of a sharded build: the hub's output plus each shard's company pages and
 * search bundle, in one folder. Files are hard-linked, not copied (a watch blog of 100,000 mentions writes a
 * gigabyte), falling back to a copy across file systems. Refuses, naming the file, anything
 * that would make the merged site differ from a whole build: a company page from the hub, a
 * company from two shards, a page of a company the shard does not build, or two different
 * assets with the same name.
 */
import { copyFile, link, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { mapLimited } from '../../src/core/map-limited.ts';
import { companyOfOutput, companyOfPageUrl } from '../../src/core/shards/company-outputs.ts';
import { listTree } from './list-tree.ts';

/** File-system calls in flight while linking: enough to keep the disk busy, few enough for the file handles. */
const LINKS_IN_FLIGHT = 64;

/** A shard's output: its name, folder, companies, and the folder of its search bundle when it has one. */
export type MergeSource = { name: string; dist: string; companies: readonly string[]; searchBundle?: string };
export type MergeResult = { files: number; fromHub: number; fromShards: Record<string, number> };

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    await copyFile(from, to);
  }
}

/** Built assets (hashed CSS and scripts) every part writes alike. */
const isSharedAsset = (file: string) => file.startsWith('_astro/');

/** Merges the hub's output and the shards' company pages into `out` (which must not exist yet). */
export async function mergeOutputs(hubDist: string, shards: readonly MergeSource[], out: string): Promise<MergeResult> {
  const owner = new Map<string, string>();
  for (const shard of shards) {
    for (const slug of shard.companies) {
      const other = owner.get(slug);
      if (other) throw new Error(`merge: company "${slug}" is in ${other} and ${shard.name}`);
      owner.set(slug, shard.name);
    }
  }
  // Which file comes from where, checked first; then the folders; then the links, many at a time.
  const written = new Map<string, string>();
  let fromHub = 0;
  for (const file of await listTree(hubDist)) {
    const company = companyOfOutput(file);
    if (company !== null) throw new Error(`merge: the hub wrote ${file}, a page of company "${company}": only its shard may`);
    written.set(file, path.join(hubDist, file));
    fromHub += 1;
  }
  const fromShards: Record<string, number> = {};
  for (const shard of shards) {
    let count = 0;
    for (const file of await listTree(shard.dist)) {
      const company = companyOfOutput(file);
      const source = path.join(shard.dist, file);
      if (company === null) {
        const inBundle = shard.searchBundle !== undefined && file.startsWith(`${shard.searchBundle}/`);
        if (inBundle && written.has(file)) throw new Error(`merge: ${shard.name}'s search bundle ${shard.searchBundle}/ is also written by another part`);
        if (!inBundle && !isSharedAsset(file)) continue; // the shard's own copy of a site page; the hub's is the real one
        if (!inBundle && written.has(file)) {
          if (!(await readFile(source)).equals(await readFile(written.get(file)!))) throw new Error(`merge: ${shard.name} and the hub wrote different ${file}: build every part from the same code`);
          continue;
        }
      } else if (owner.get(company) !== shard.name) {
        throw new Error(`merge: ${shard.name} wrote ${file}, a page of company "${company}", which it does not build`);
      }
      written.set(file, source);
      count += 1;
    }
    fromShards[shard.name] = count;
  }
  const folders = [...new Set([...written.keys()].map((file) => path.dirname(path.join(out, file))))].sort();
  await mapLimited(folders, LINKS_IN_FLIGHT, (folder) => mkdir(folder, { recursive: true }));
  await mapLimited([...written], LINKS_IN_FLIGHT, ([file, source]) => linkOrCopy(source, path.join(out, file)));
  return { files: written.size, fromHub, fromShards };
}

/** XML text → the characters it stands for (the five predefined entities and numeric references). */
function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_match, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name.toLowerCase()]!;
  });
}

/**
 * The pages of a shard's companies as listed in its sitemap (`sitemap-<n>.xml`), for the hub
 * to list in the sitemap of the whole site. `siteRoot` is the site's address with its base.
 */
export async function readShardSitemapPages(shard: MergeSource, siteRoot: string): Promise<string[]> {
  const companies = new Set(shard.companies);
  const files = (await readdir(shard.dist)).filter((name) => /^sitemap-\d+\.xml$/.test(name)).sort();
  const pages: string[] = [];
  for (const file of files) {
    const xml = await readFile(path.join(shard.dist, file), 'utf8');
    for (const match of xml.matchAll(/<loc>([^<]*)<\/loc>/g)) {
      const url = unescapeXml(match[1]!);
      const company = companyOfPageUrl(url, siteRoot);
      if (company !== null && companies.has(company)) pages.push(url);
    }
  }
  return pages;
}
