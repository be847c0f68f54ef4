/**
 * Item files that a company's rules now leave out (a maintainer tightened `ignore` or
 * `exclude` after fetch wrote them). Fetch never deletes: it keeps them and says so. Pure.
 */
import type { UnmatchedItem } from '../ingest/read-feed.ts';
import type { ExistingItem } from '../write/plan-writes.ts';

/** An item of this run's feeds that its company's rules leave out, with the company's slug. */
export type UnmatchedOfCompany = UnmatchedItem & { company: string };

/** A visible mention file on disk whose item the rules now leave out. */
export type NoLongerMatching = UnmatchedItem & { path: string };

/** The visible mention files among `items` whose item is in `unmatched`: once per file, sorted by path. */
export function findNoLongerMatching(items: readonly ExistingItem[], unmatched: readonly UnmatchedOfCompany[]): NoLongerMatching[] {
  const byKey = new Map(unmatched.map((item) => [`${item.company}\u0000${item.id}`, item]));
  const found = new Map<string, NoLongerMatching>();
  for (const file of items) {
    if (file.data.hidden === true || !file.path.startsWith('mentions/')) continue;
    const item = byKey.get(`${String(file.data.company)}\u0000${String(file.data.id)}`);
    if (item && !found.has(file.path)) found.set(file.path, { ...item, path: file.path });
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The warning for one such file, telling the maintainer what to do. */
export function formatNoLongerMatching(stale: NoLongerMatching): string {
  return `${stale.path}: no longer about the company by its rules (${stale.reason}${stale.detail ? `: ${stale.detail}` : ''}); fetch never deletes: set hidden: true or delete the file`;
}
