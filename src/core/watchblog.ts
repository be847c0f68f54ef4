/**
 * The whole watch blog, derived once per build: every company's cases and scorecard.
 * Pure: the site's query layer loads the files and hands them here with `now`.
 */
import { computeScorecard, type Scorecard } from './metrics/index.ts';
import type { PostData } from './schemas.ts';
import { buildCases } from './thread.ts';
import type { Case, CaseOverride, CompanyEntry, Mention, Response } from './types.ts';

/** A maintainer's post with its slug (file path) and Markdown body. */
export type Post = PostData & { slug: string; body: string };

/** One company with everything derived from its items. */
export type CompanyRecord = {
  company: CompanyEntry;
  cases: Case[];
  scorecard: Scorecard;
  /** Company statements that answer no known case: shown on the company page, never counted. */
  statements: Response[];
};

export type Watchblog = {
  /** The instant every figure is computed at, UTC ISO. */
  asOf: string;
  /** Companies sorted by name. */
  companies: CompanyRecord[];
  /** Published posts, newest first. */
  posts: Post[];
};

/** Everything read from the content folder. */
export type WatchblogInput = {
  companies: CompanyEntry[];
  mentions: Mention[];
  responses: Response[];
  overrides: CaseOverride[];
  posts: Post[];
};

function groupByCompany<T extends { company: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.company);
    if (list) list.push(item);
    else groups.set(item.company, [item]);
  }
  return groups;
}

/** What fetch and `npm run scorecard` say about a company whose answers nobody watches. */
export const NO_ANSWER_CHANNEL_WARNING =
  'no channel where the company answers is watched (no source with voice: company, no official.authors, no response): it will be shown as "not graded"; add its own feed or accounts, or add its answers by hand under responses/';

/**
 * True when some channel where the company answers is watched: a source in its own voice,
 * official accounts whose replies in public threads are read as its answers, or any response
 * at all (one a maintainer added by hand counts). Without one, its silence proves nothing.
 */
export function watchesAnswerChannel(company: Pick<CompanyEntry, 'sources' | 'official'>, responses: readonly Pick<Response, 'hidden'>[]): boolean {
  return company.sources.some((source) => source.voice === 'company') || company.official.authors.length > 0 || responses.some((response) => !response.hidden);
}

/**
 * Builds every company's cases and scorecard as of `now`. Items published after `now`
 * are left out, so a build for a past date shows what was known then.
 */
export function buildWatchblog(input: WatchblogInput, now: Date): Watchblog {
  const asOf = now.toISOString();
  const visible = <T extends { publishedAt: string }>(item: T) => item.publishedAt <= asOf;
  const mentions = groupByCompany(input.mentions.filter(visible));
  const responses = groupByCompany(input.responses.filter(visible));
  // A resolution the maintainer dated after `now` has not happened yet, as in the scorecard.
  const overrides = groupByCompany(
    input.overrides.map((override) => {
      if (override.resolvedAt === undefined || override.resolvedAt <= asOf) return override;
      const { resolvedAt: _future, status, ...rest } = override;
      return status === undefined || status === 'resolved' ? rest : { ...rest, status };
    }),
  );

  const companies = [...input.companies]
    .sort(byCompanyName)
    .map((company): CompanyRecord => {
      const companyResponses = responses.get(company.slug) ?? [];
      const cases = buildCases(company.slug, mentions.get(company.slug) ?? [], companyResponses, overrides.get(company.slug) ?? [], company);
      const answering = new Set(cases.flatMap((c) => c.events.filter((e) => e.kind === 'response').map((e) => e.item.id)));
      // A reply to a hidden mention or case is not a statement to the public at large.
      const mentionRefs = new Set((mentions.get(company.slug) ?? []).flatMap((m) => [m.id, m.url, m.canonicalUrl]));
      const repliesToMention = (r: Response) => [...r.respondsTo, ...r.inReplyTo, ...r.links].some((ref) => mentionRefs.has(ref));
      return {
        company,
        cases,
        scorecard: computeScorecard(company.slug, cases, { ...company, answerChannelWatched: watchesAnswerChannel(company, companyResponses.filter((r) => !r.hidden)) }, now),
        statements: companyResponses.filter((r) => !r.hidden && !answering.has(r.id) && !repliesToMention(r)).sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      };
    });

  return { asOf, companies, posts: publishedPosts(input.posts, asOf) };
}

/** The order of companies everywhere on the site: by name, then slug. */
export function byCompanyName(a: Pick<CompanyEntry, 'name' | 'slug'>, b: Pick<CompanyEntry, 'name' | 'slug'>): number {
  return a.name.localeCompare(b.name, 'en') || a.slug.localeCompare(b.slug);
}

/** The posts published by `asOf` (no drafts), newest first. */
function publishedPosts(posts: readonly Post[], asOf: string): Post[] {
  return posts
    .filter((post) => !post.draft && post.date <= asOf)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug.localeCompare(b.slug)));
}

/**
 * The watch blog of a sharded build's hub: the company records the shards computed (each shard
 * ran buildWatchblog over its companies' items, with the same `asOf`) and the posts. The same
 * watch blog buildWatchblog gives for all items at once, since a company's record depends on
 * its own items only.
 */
export function assembleWatchblog(records: readonly CompanyRecord[], posts: readonly Post[], asOf: string): Watchblog {
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.company.slug)) throw new Error(`company "${record.company.slug}" comes from two shards: each company belongs to one`);
    seen.add(record.company.slug);
    if (record.scorecard.asOf !== asOf) throw new Error(`company "${record.company.slug}" was computed as of ${record.scorecard.asOf}, not ${asOf}: build every shard with the same WATCHBLOG_NOW`);
  }
  return { asOf, companies: [...records].sort((a, b) => byCompanyName(a.company, b.company)), posts: publishedPosts(posts, asOf) };
}
