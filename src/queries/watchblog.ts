/**
 * The only place that calls astro:content. Loads every collection once per build, turns
 * entries into core types and memoises the derived watch blog, so each page gets its slice
 * without re-reading or re-threading anything: `getCollection()` builds a fresh array of every
 * entry on each call, so calling it per page costs pages × entries (withastro/astro#16297).
 */
import { getCollection } from 'astro:content';
import { toCaseOverride, toCompanyEntry, toPost } from '../core/content-entries.ts';
import { buildWatchblog, type Watchblog } from '../core/watchblog.ts';
import { resolveNow } from './now.ts';

let memo: Promise<Watchblog> | undefined;

/** The watch blog as of the build's `now` (WATCHBLOG_NOW, else the clock). Computed once. */
export function loadWatchblog(): Promise<Watchblog> {
  memo ??= readWatchblog();
  return memo;
}

async function readWatchblog(): Promise<Watchblog> {
  const [companies, mentions, responses, cases, posts] = await Promise.all([
    getCollection('companies'),
    getCollection('mentions'),
    getCollection('responses'),
    getCollection('cases'),
    getCollection('posts'),
  ]);
  return buildWatchblog(
    {
      companies: companies.map((entry) => toCompanyEntry(entry.id, entry.data, entry.body ?? '')),
      mentions: mentions.map((entry) => ({ ...entry.data, excerpt: entry.body ?? '' })),
      responses: responses.map((entry) => ({ ...entry.data, excerpt: entry.body ?? '' })),
      overrides: cases.map((entry) => toCaseOverride(entry.id, entry.data, entry.body ?? '')),
      posts: posts.map((entry) => toPost(entry.id, entry.data, entry.body ?? '')),
    },
    resolveNow(process.env.WATCHBLOG_NOW),
  );
}
