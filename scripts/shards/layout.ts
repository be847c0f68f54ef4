/**
 * Where a sharded build keeps its parts (`npm run build:shards`): under one work folder, each
 * shard's part file, output and records, and the hub's; the Astro caches under the cache
 * folder, one per part, so an incremental rebuild of a shard reuses that shard's pages.
 *
 *   <work>/plan.json                   the shards and their companies
 *   <work>/<shard>/part.json           what the shard builds (src/core/shards/build-part.ts)
 *   <work>/<shard>/dist/               its Astro output (its companies' pages are kept)
 *   <work>/<shard>/records/            its companies' records, for the hub
 *   <work>/<shard>/search/             its search bundles and their list (see search-index.ts)
 *   <work>/<shard>/inputs.sha256       the digest of what it was built from (see shard-inputs.ts)
 *   <work>/hub/part.json, <work>/hub/dist/
 *   <cache>/shards/<part>/             Astro's cacheDir for that part
 */
import path from 'node:path';

export type ShardLayout = ReturnType<typeof shardLayout>;

export function shardLayout(work: string, cache: string) {
  const part = (name: string) => path.join(work, name);
  return {
    work,
    plan: path.join(work, 'plan.json'),
    partFile: (name: string) => path.join(part(name), 'part.json'),
    dist: (name: string) => path.join(part(name), 'dist'),
    records: (name: string) => path.join(part(name), 'records'),
    search: (name: string) => path.join(part(name), 'search'),
    inputsDigest: (name: string) => path.join(part(name), 'inputs.sha256'),
    cache: (name: string) => path.join(cache, 'shards', name),
  };
}

/** The hub's name among the parts; a shard is never called this (shards are `shard-<n>`). */
export const HUB = 'hub';
