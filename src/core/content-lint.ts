/**
 * Content that fits the schemas but does nothing, or contradicts itself: a maintainer's edit
 * that silently has no effect is worse than an error. Pure; `npm run scorecard -- --check`
 * prints these as warnings.
 */
import { NO_ANSWER_CHANNEL_WARNING, type Watchblog, type WatchblogInput } from './watchblog.ts';

/** One warning: the file (relative to the content folder, when known) and what is wrong. */
export type ContentWarning = { file: string; message: string };

/** Warnings for references that point at nothing and overrides that contradict the record. */
export function lintContent(input: WatchblogInput, watchblog: Watchblog): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  const companies = new Set(input.companies.map((c) => c.slug));
  const mentionIds = new Set(input.mentions.map((m) => `${m.company}/${m.id}`));
  const caseById = new Map(watchblog.companies.flatMap((record) => record.cases.map((kase) => [`${record.company.slug}/${kase.id}`, kase] as const)));
  const caseIds = new Set(watchblog.companies.flatMap((record) => record.cases.map((kase) => kase.id)));

  for (const kind of ['mentions', 'responses'] as const) {
    for (const item of input[kind]) {
      if (!companies.has(item.company)) warnings.push({ file: `${kind}/${item.company}/`, message: `item ${item.id}: company "${item.company}" has no file in companies/, so it is not shown` });
    }
  }

  for (const override of input.overrides) {
    const file = `cases/${override.company}/${override.caseId}.md`;
    if (!companies.has(override.company)) {
      warnings.push({ file, message: `company "${override.company}" has no file in companies/` });
      continue;
    }
    if (!mentionIds.has(`${override.company}/${override.caseId}`)) {
      warnings.push({ file, message: `no mention has the id "${override.caseId}", so this override changes nothing (a case id is its first mention's id)` });
      continue;
    }
    for (const merged of override.merge) {
      if (!mentionIds.has(`${override.company}/${merged}`)) warnings.push({ file, message: `merge: no mention has the id "${merged}"` });
    }
    const kase = caseById.get(`${override.company}/${override.caseId}`);
    if (override.status === 'answered' && kase && kase.firstResponseAt === null) {
      warnings.push({ file, message: 'status "answered", but no counted company response answers this case: the scorecard still counts it as unanswered' });
    }
    if (override.status !== undefined && override.status !== 'resolved' && override.resolvedAt !== undefined) {
      warnings.push({ file, message: `status "${override.status}" with a resolvedAt: the date is ignored; remove one of them` });
    }
  }

  for (const record of watchblog.companies) {
    if (!record.scorecard.graded) warnings.push({ file: `companies/${record.company.slug}.md`, message: NO_ANSWER_CHANNEL_WARNING });
  }

  for (const post of input.posts) {
    const file = `posts/${post.slug}.md`;
    for (const slug of post.companies) if (!companies.has(slug)) warnings.push({ file, message: `companies: no company "${slug}"` });
    for (const id of post.cases) if (!caseIds.has(id)) warnings.push({ file, message: `cases: no case "${id}"` });
  }
  return warnings;
}
