/**
 * Identity within one run: an item is the same item when it has the same id, or the same
 * canonical URL under another guid, within one company — unless its link points into a page
 * (`#comment-12`, `#p2`): comments and forum replies share their page's canonical URL, so
 * for them only the id says which item they are. The first occurrence wins (sources
 * are read in the order of the company file, items in feed order), so the result is stable.
 */
import type { ItemDraft } from '../ingest/types.ts';

/** Drafts split into the ones to keep and the repeats that collapse into them. */
export type DedupeResult = { kept: ItemDraft[]; duplicates: ItemDraft[] };

/**
 * The URL that identifies an item across guids: its canonical URL, or null when its link
 * has a fragment (a comment or reply inside a page, identified by its id alone).
 */
export function identityUrl(item: { url: string; canonicalUrl: string }): string | null {
  return /#./.test(item.url) ? null : item.canonicalUrl;
}

/** Collapses repeats by (company, id) and by (company, identity URL). Keeps input order. */
export function dedupeDrafts(drafts: readonly ItemDraft[]): DedupeResult {
  const seen = new Set<string>();
  const kept: ItemDraft[] = [];
  const duplicates: ItemDraft[] = [];
  for (const draft of drafts) {
    const idKey = `${draft.company}\u0000id\u0000${draft.id}`;
    const url = identityUrl(draft);
    const urlKey = url === null ? null : `${draft.company}\u0000url\u0000${url}`;
    if (seen.has(idKey) || (urlKey !== null && seen.has(urlKey))) {
      duplicates.push(draft);
      continue;
    }
    seen.add(idKey);
    if (urlKey !== null) seen.add(urlKey);
    kept.push(draft);
  }
  return { kept, duplicates };
}
