/**
 * Identity within one run: an item is the same item when it has the same id, or the same
 * canonical URL under another guid, within one company. The first occurrence wins (sources
 * are read in the order of the company file, items in feed order), so the result is stable.
 */
import type { ItemDraft } from '../ingest/types.ts';

/** Drafts split into the ones to keep and the repeats that collapse into them. */
export type DedupeResult = { kept: ItemDraft[]; duplicates: ItemDraft[] };

/** Collapses repeats by (company, id) and by (company, canonical URL). Keeps input order. */
export function dedupeDrafts(drafts: readonly ItemDraft[]): DedupeResult {
  const seen = new Set<string>();
  const kept: ItemDraft[] = [];
  const duplicates: ItemDraft[] = [];
  for (const draft of drafts) {
    const idKey = `${draft.company}\u0000id\u0000${draft.id}`;
    const urlKey = `${draft.company}\u0000url\u0000${draft.canonicalUrl}`;
    if (seen.has(idKey) || seen.has(urlKey)) {
      duplicates.push(draft);
      continue;
    }
    seen.add(idKey);
    seen.add(urlKey);
    kept.push(draft);
  }
  return { kept, duplicates };
}
