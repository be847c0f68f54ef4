/**
 * The digest of everything a shard's build reads: its part (companies, site size), the
 * build's now, site address and base, its companies' files, the posts, the sources' health,
 * and the code (src/, public/, scripts/shards/, astro.config.mjs, the lock file). A shard
 * whose digest is the one it was last built from is reused whole, without starting Astro:
 * its pages and search bundles would come out the same, byte for byte. Anything left out of
 * the digest could publish a stale page, so when in doubt, a file goes in.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ShardPart } from '../../src/core/shards/build-part.ts';
import { mapLimited } from '../../src/core/map-limited.ts';
import { listMarkdownFiles } from '../content/list-markdown.ts';
import { listTree } from './list-tree.ts';
import { PROJECT_ROOT } from '../project-root.ts';

/** Files that are read by every part: the code and the content shared by all companies. */
async function sharedFiles(contentDir: string): Promise<string[]> {
  // The search bundles are made by scripts/shards/search-index.ts: that code is the shard's too.
  const code = ['src', 'public', 'scripts/shards'].flatMap((dir) => listTree(path.join(PROJECT_ROOT, dir)).map((file) => path.join(PROJECT_ROOT, dir, file)));
  return [...code, path.join(PROJECT_ROOT, 'astro.config.mjs'), path.join(PROJECT_ROOT, 'package-lock.json'), path.join(contentDir, 'state', 'sources.json'), ...(await listMarkdownFiles(path.join(contentDir, 'posts')))];
}

/** The SHA-256 of a shard's inputs, hex. */
export async function digestShardInputs(part: ShardPart, contentDir: string, settings: Readonly<Record<string, string | undefined>>): Promise<string> {
  const companyFiles = (
    await Promise.all(
      part.companies.flatMap((slug) => [
        Promise.resolve([path.join(contentDir, 'companies', `${slug}.md`)]),
        ...['mentions', 'responses', 'cases'].map((folder) => listMarkdownFiles(path.join(contentDir, folder, slug))),
      ]),
    )
  ).flat();
  const files = [...(await sharedFiles(contentDir)), ...companyFiles].sort();
  const fileDigests = await mapLimited(files, 64, async (file) => {
    const bytes = await readFile(file).catch(() => null);
    return `${file}\0${bytes === null ? 'absent' : createHash('sha256').update(bytes).digest('hex')}`;
  });
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ companies: part.companies, siteCompanyCount: part.siteCompanyCount, node: process.version, settings }));
  for (const line of fileDigests) hash.update(`${line}\n`);
  return hash.digest('hex');
}
