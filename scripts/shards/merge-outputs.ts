/**
 * The last step of a sharded build: the hub's output plus each shard's company pages and
 * search bundles, in one folder. Files are hard-linked, not copied (a watch blog of 100,000
 * mentions writes a gigabyte), falling back to a copy across file systems. A folder merged
 * before is brought up to date, not rebuilt: a file already linked to its source stays, and
 * files no part writes any more are deleted (emptying 240,000 files took longer than linking
 * them). Refuses, naming the file, anything that would make the merged site differ from a
 * whole build: a company page from the hub, a company from two shards, a page of a company
 * the shard does not build, or two different assets with the same name.
 */
import { copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { companyOfOutput, companyOfPageUrl } from '../../src/core/shards/company-outputs.ts';
import { listTree } from './list-tree.ts';
import type { BuiltBundle } from './search-index.ts';

/** A shard's output: its name, folder, companies, and its search bundles. */
export type MergeSource = { name: string; dist: string; companies: readonly string[]; searchBundles: readonly BuiltBundle[] };
/** How many files the merged site has, from where, how many were already in place, and how many were deleted. */
export type MergeResult = { files: number; fromHub: number; fromShards: Record<string, number>; alreadyInPlace: number; deleted: number };

// The file-system calls below are synchronous on purpose: a merge makes about 240,000 of them
// at 100,000 mentions, and each small call through libuv's thread pool cost more than the call
// itself (at 100,000 mentions the merge took 18.6 s cold and 13.9 s in place with promises,
// 8.0 s and 3.9 s like this; a plain `cp -al` of the same tree takes 7 s).

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP') throw error;
    copyFileSync(from, to);
  }
}

/** True when `to` is `from` itself (a hard link to the same file), so there is nothing to link. */
function isSameFile(from: string, to: string): boolean {
  const [source, target] = [statSync(from), lstatSync(to)];
  return target.ino === source.ino && target.dev === source.dev;
}

/** Deletes the files of `out` no part writes any more, then the folders that leaves empty. */
function deleteStale(out: string, stale: readonly string[]): void {
  for (const file of stale) unlinkSync(path.join(out, file));
  const folders = [...new Set(stale.flatMap((file) => ancestors(file)))].sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    try {
      rmdirSync(path.join(out, folder));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw error;
    }
  }
}

/** The folders a relative file path sits in, innermost first: a/b/c.html → a/b, a. */
function ancestors(file: string): string[] {
  const folders: string[] = [];
  for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) folders.push(folder);
  return folders;
}

/** Built assets (hashed CSS and scripts) every part writes alike. */
const isSharedAsset = (file: string) => file.startsWith('_astro/');

/** Merges the hub's output and the shards' company pages and search bundles into `out`, which is created or brought up to date. */
export async function mergeOutputs(hubDist: string, shards: readonly MergeSource[], out: string): Promise<MergeResult> {
  const owner = new Map<string, string>();
  for (const shard of shards) {
    for (const slug of shard.companies) {
      const other = owner.get(slug);
      if (other) throw new Error(`merge: company "${slug}" is in ${other} and ${shard.name}`);
      owner.set(slug, shard.name);
    }
  }
  // Which file comes from where, checked first; then what is stale; then the folders and the links.
  const written = new Map<string, string>();
  let fromHub = 0;
  for (const file of listTree(hubDist)) {
    const company = companyOfOutput(file);
    if (company !== null) throw new Error(`merge: the hub wrote ${file}, a page of company "${company}": only its shard may`);
    written.set(file, path.join(hubDist, file));
    fromHub += 1;
  }
  const fromShards: Record<string, number> = {};
  for (const shard of shards) {
    let count = 0;
    for (const file of listTree(shard.dist)) {
      const company = companyOfOutput(file);
      const source = path.join(shard.dist, file);
      if (company === null) {
        if (!isSharedAsset(file)) continue; // the shard's own copy of a site page; the hub's is the real one
        if (written.has(file)) {
          if (!(await readFile(source)).equals(await readFile(written.get(file)!))) throw new Error(`merge: ${shard.name} and the hub wrote different ${file}: build every part from the same code`);
          continue;
        }
      } else if (owner.get(company) !== shard.name) {
        throw new Error(`merge: ${shard.name} wrote ${file}, a page of company "${company}", which it does not build`);
      }
      written.set(file, source);
      count += 1;
    }
    for (const bundle of shard.searchBundles) {
      for (const file of listTree(bundle.dir)) {
        const target = `${bundle.name}/${file}`;
        if (written.has(target)) throw new Error(`merge: ${shard.name}'s search bundle ${bundle.name}/ is also written by another part`);
        written.set(target, path.join(bundle.dir, file));
        count += 1;
      }
    }
    fromShards[shard.name] = count;
  }
  const existing = new Set(existsSync(out) ? listTree(out) : []);
  const stale = [...existing].filter((file) => !written.has(file));
  deleteStale(out, stale);
  for (const folder of new Set([...written.keys()].map((file) => path.dirname(path.join(out, file))))) mkdirSync(folder, { recursive: true });
  let alreadyInPlace = 0;
  for (const [file, source] of written) {
    const target = path.join(out, file);
    if (existing.has(file)) {
      if (isSameFile(source, target)) {
        alreadyInPlace += 1;
        continue;
      }
      unlinkSync(target);
    }
    linkOrCopy(source, target);
  }
  return { files: written.size, fromHub, fromShards, alreadyInPlace, deleted: stale.length };
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
