/**
 * One feed body → drafts: decode, parse, normalize every item. The CPU-heavy half of a
 * fetch, kept pure (bytes and context in, data out) so it can run in a worker thread.
 */
import { decodeFeedBytes } from './decode.ts';
import { normalizeItem, TITLE_MAX_CHARS, type NormalizeContext } from './normalize.ts';
import { parseFeed } from './parse-feed.ts';
import { toPlainText } from './plain-text.ts';
import type { FeedError, ItemDraft } from './types.ts';

/** An item of the feed that the company's rules now leave out: its id and why. */
export type UnmatchedItem = { id: string; reason: 'not-about-company' | 'excluded'; detail?: string };

/** A feed's drafts and skip counts, or the typed reason the whole body could not be read. */
export type FeedReadResult =
  | { ok: true; drafts: ItemDraft[]; skipped: Record<string, number>; unmatched: UnmatchedItem[]; itemsSeen: number; feedTitle: string; warnings: string[] }
  | { ok: false; error: FeedError };

/**
 * Decodes, parses and normalizes one feed body; items are normalized with the feed's
 * title as `feedTitle` (unless the context has one). Lists the items the company's rules
 * leave out (`unmatched`), so fetch can point at files written before the rules changed.
 * Returns the title (plain text, at
 * most TITLE_MAX_CHARS, ''
 * when the feed has none) and the parser's warnings too. Never throws, never rejects.
 */
export async function readFeedItems(bytes: Uint8Array, contentType: string | undefined, feedUrl: string, context: NormalizeContext): Promise<FeedReadResult> {
  const decoded = decodeFeedBytes(bytes, contentType);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const parsed = await parseFeed(decoded.feed.text, feedUrl);
  if (!parsed.ok) {
    const message = contentType ? `${parsed.error.message} (Content-Type: ${contentType})` : parsed.error.message;
    return { ok: false, error: { ...parsed.error, message } };
  }
  const drafts: ItemDraft[] = [];
  const skipped: Record<string, number> = {};
  const unmatched: UnmatchedItem[] = [];
  const feedTitle = toPlainText(parsed.feed.title, TITLE_MAX_CHARS);
  // Items without an author are credited to the feed: the caller's title wins when it set one.
  const itemContext: NormalizeContext = context.feedTitle === undefined && feedTitle !== '' ? { ...context, feedTitle } : context;
  for (const item of parsed.feed.items) {
    const normalized = normalizeItem(item, itemContext);
    if (normalized.ok) drafts.push(normalized.draft);
    else {
      skipped[normalized.reason] = (skipped[normalized.reason] ?? 0) + 1;
      if (normalized.id && (normalized.reason === 'not-about-company' || normalized.reason === 'excluded')) unmatched.push({ id: normalized.id, reason: normalized.reason, ...(normalized.detail ? { detail: normalized.detail } : {}) });
    }
  }
  return { ok: true, drafts, skipped, unmatched, itemsSeen: parsed.feed.items.length, feedTitle, warnings: parsed.feed.warnings };
}
