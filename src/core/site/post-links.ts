/**
 * The one join between the maintainer's posts and the cases and companies they cite: the
 * case page lists the posts about its case, a post lists the records it cites. Pure.
 */
import type { Case } from '../types.ts';
import type { CompanyRecord, Post, Watchblog } from '../watchblog.ts';

/** A case a post cites, with the company it belongs to. */
export type CitedCase = { kase: Case; record: CompanyRecord };

/** Both directions of the join, built once per watch blog. */
export type PostLinks = {
  /** The posts citing a case id, newest first (the posts' order); [] when none. */
  postsAbout: (caseId: string) => Post[];
  /** The companies a post cites that the watch blog has, in the post's order. */
  companiesOf: (post: Post) => CompanyRecord[];
  /** The cases a post cites that the watch blog has, in the post's order. */
  casesOf: (post: Post) => CitedCase[];
};

/** Joins posts to the cases and companies they cite, by case id and company slug; citations of unknown ids are left out. */
export function linkPostsAndCases(watchblog: Watchblog): PostLinks {
  const postsByCase = new Map<string, Post[]>();
  for (const post of watchblog.posts) for (const id of post.cases) postsByCase.set(id, [...(postsByCase.get(id) ?? []), post]);
  const recordsBySlug = new Map(watchblog.companies.map((record) => [record.company.slug, record]));
  const casesById = new Map<string, CitedCase>();
  for (const record of watchblog.companies) for (const kase of record.cases) if (postsByCase.has(kase.id)) casesById.set(kase.id, { kase, record });
  return {
    postsAbout: (caseId) => postsByCase.get(caseId) ?? [],
    companiesOf: (post) => post.companies.flatMap((slug) => recordsBySlug.get(slug) ?? []),
    casesOf: (post) => post.cases.flatMap((id) => casesById.get(id) ?? []),
  };
}
