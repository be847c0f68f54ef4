/**
 * Where an item's file lives. A path is built only from the company slug, the UTC date of
 * `publishedAt` and the item id, each checked against a strict pattern, so nothing a feed
 * says can choose a folder or a file name. The edge re-checks the resolved path against the
 * content folder before writing.
 */
import type { ItemKind } from '../ingest/types.ts';

/** Company slugs: lower-case letters, digits and single hyphens (as SlugSchema). */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Item ids: short hashes from the core; letters, digits, `_` and `-` only, at most 64. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** The date part of an ISO instant. */
const ISO_DATE_PATTERN = /^(\d{4}-\d{2}-\d{2})T/;

/** The folder (under the content folder) that holds items of a kind. */
export function computeKindFolder(kind: ItemKind): 'mentions' | 'responses' {
  return kind === 'response' ? 'responses' : 'mentions';
}

/** True when `id` can be used in a file name. */
export function isSafeItemId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** True when `slug` is a company slug. */
export function isSafeSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug);
}

/** A relative path, or why none could be built. */
export type ItemPathResult = { ok: true; path: string } | { ok: false; message: string };

/**
 * `mentions/<company>/<YYYY-MM-DD>-<id>.md` (or `responses/...`), relative to the content
 * folder with `/` separators. The date is the UTC date of `publishedAt` (an ISO instant).
 */
export function buildItemPath(kind: ItemKind, company: string, publishedAt: string, id: string): ItemPathResult {
  if (!isSafeSlug(company)) return { ok: false, message: `company "${company}" is not a slug` };
  if (!isSafeItemId(id)) return { ok: false, message: `id "${id}" is not a safe file name` };
  const instant = new Date(publishedAt);
  if (Number.isNaN(instant.getTime())) return { ok: false, message: `publishedAt "${publishedAt}" is not a time` };
  const date = ISO_DATE_PATTERN.exec(instant.toISOString())?.[1];
  if (date === undefined) return { ok: false, message: `publishedAt "${publishedAt}" is outside years 0000-9999` };
  return { ok: true, path: `${computeKindFolder(kind)}/${company}/${date}-${id}.md` };
}

/** `state/seen/<company>.txt`: the ledger of every id fetch ever wrote for a company. */
export function buildLedgerPath(company: string): string {
  if (!isSafeSlug(company)) throw new Error(`company "${company}" is not a slug`);
  return `state/seen/${company}.txt`;
}

/** `state/sources.json`: per-source fetch state and health. */
export const FETCH_STATE_PATH = 'state/sources.json';
