/**
 * Stable item ids. Pure (node:crypto hashing has no side effects).
 */
import { createHash } from 'node:crypto';

/** Length of an item id, in lower-case hex characters (64 bits). */
export const ITEM_ID_CHARS = 16;

/**
 * A short stable id for an item: the first 16 hex characters of the SHA-256 of its
 * guid (trimmed) when it has one, else of its canonical URL. Prefixed inputs ("guid:",
 * "url:") keep a guid that happens to equal some URL from colliding with it. Pure.
 */
export function computeItemId(guid: string | undefined, canonicalUrl: string): string {
  const trimmed = guid?.trim();
  const input = trimmed ? `guid:${trimmed}` : `url:${canonicalUrl}`;
  return createHash('sha256').update(input, 'utf8').digest('hex').slice(0, ITEM_ID_CHARS);
}
