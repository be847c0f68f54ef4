/** Short content digests. Pure (node:crypto hashing has no side effects). */
import { createHash } from 'node:crypto';

/** Hex characters kept from a sha256 digest. */
export const DIGEST_CHARS = 16;

/** sha256 of bytes or text, first DIGEST_CHARS hex characters. */
export function computeDigest(input: Uint8Array | string): string {
  return createHash('sha256').update(input).digest('hex').slice(0, DIGEST_CHARS);
}

/**
 * The digest fetch records as `excerptDigest`: over the excerpt with line endings made `\n`
 * and trailing white space dropped, so an editor that only adds a final newline or saves
 * with CRLF does not count as an edit.
 */
export function computeExcerptDigest(excerpt: string): string {
  return computeDigest(excerpt.replace(/\r\n?/g, '\n').replace(/\s+$/, ''));
}
