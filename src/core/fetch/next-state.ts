/**
 * The fetch state after a run: each source's health record moved on by what happened to it
 * (computeNextHealth), with the count of its items that became new files. Pure.
 */
import type { ItemDraft } from '../ingest/types.ts';
import { computeNextHealth, type FetchState } from '../write/fetch-state.ts';
import type { FileWrite } from '../write/plan-writes.ts';
import type { SourceResult } from './source-results.ts';

/** Files a plan creates, per source: company slug → source url → count. */
export type NewItemsBySource = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * How many of the plan's new files came from each source. A draft names the source it was
 * read from; a file created for an id that several drafts share counts for the last of them.
 */
export function countNewItemsBySource(drafts: readonly Pick<ItemDraft, 'company' | 'id' | 'source'>[], writes: readonly Pick<FileWrite, 'action' | 'company' | 'id'>[]): NewItemsBySource {
  const sourceOf = new Map(drafts.map((draft) => [`${draft.company}\u0000${draft.id}`, draft.source]));
  const counts = new Map<string, Map<string, number>>();
  for (const write of writes) {
    if (write.action !== 'create') continue;
    const url = sourceOf.get(`${write.company}\u0000${write.id}`) ?? '';
    const perSource = counts.get(write.company) ?? new Map<string, number>();
    perSource.set(url, (perSource.get(url) ?? 0) + 1);
    counts.set(write.company, perSource);
  }
  return counts;
}

/**
 * The state to record after a run. Each source read gets its next health record; a source
 * whose body was read has its `itemsNew` from `newItems`. The records of the companies in
 * `companiesRead` (slugs) are rebuilt from this run's results, so a source removed from its
 * company file leaves the state, and a company with no source left is removed; companies
 * not in this run (fetch --company) keep their records as they were.
 */
export function computeNextFetchState(state: FetchState, companiesRead: readonly string[], results: readonly SourceResult[], newItems: NewItemsBySource, now: Date): FetchState {
  const sources: FetchState['sources'] = { ...state.sources };
  for (const slug of companiesRead) sources[slug] = {};
  for (const result of results) {
    const { company, url } = result;
    const outcome = result.outcome.kind === 'fetched' && result.status === 'ok' ? { ...result.outcome, itemsNew: newItems.get(company)?.get(url) ?? 0 } : result.outcome;
    sources[company] = { ...sources[company], [url]: computeNextHealth(state.sources[company]?.[url], outcome, now) };
  }
  for (const slug of companiesRead) if (Object.keys(sources[slug]!).length === 0) delete sources[slug];
  return { ...state, sources };
}
