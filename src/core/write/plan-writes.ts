/**
 * Plan the writes of one run, purely: which item files to create, which to update (and
 * which fields changed), which to leave alone and why, and which ledgers change.
 *
 * Ownership of front-matter fields:
 * - machine-owned (rewritten when the feed changes them): url, canonicalUrl, title, author,
 *   publishedAt, dateFallback, links, threadId, inReplyTo, matchedTerm, matchedPassage, episode
 *   (removed when the item no longer needs a match, e.g. its source became allAboutCompany),
 *   channel (only when the item still comes from the same source), excerptDigest together
 *   with the body;
 * - set once on create: id, company, source, fetchedAt;
 * - editor-owned (never written after create): hidden, caseId, respondsTo, resolves, and any
 *   key fetch does not know;
 * - the body: replaced only while it still matches `excerptDigest` (nobody edited it).
 *
 * A maintainer deletes an item by deleting its file: the per-company ledger of ids ever
 * written keeps it from coming back.
 */
import { EARLIEST_PLAUSIBLE_MS } from '../ingest/dates.ts';
import type { ItemDraft, ItemKind } from '../ingest/types.ts';
import { dedupeDrafts, identityUrl } from './dedupe.ts';
import { computeExcerptDigest } from './digest.ts';
import { buildItemPath, buildLedgerPath } from './file-names.ts';
import { serializeContentFile } from './front-matter.ts';

/** An item file already in the content folder. */
export type ExistingItem = {
  /** Path relative to the content folder, `/`-separated, e.g. `mentions/acme/2026-01-02-ab12.md`. */
  path: string;
  /** Its front matter as read (not validated: a maintainer may have added keys). */
  data: Record<string, unknown>;
  /** Its Markdown body. */
  body: string;
};

/** What is on disk for the companies in this run. */
export type ExistingContent = {
  /** Readable item files. */
  items: readonly ExistingItem[];
  /** Every file path present under mentions/ and responses/, readable or not: never overwritten by a create. */
  occupiedPaths: ReadonlySet<string>;
  /** company slug → ids fetch ever wrote (the ledger), as on disk. */
  ledgers: Readonly<Record<string, readonly string[]>>;
};

/** Why a draft did not lead to a write. */
export type KeepReason = 'unchanged' | 'duplicate' | 'deleted-by-maintainer' | 'path-occupied' | 'unsafe-path';

/** One file to write (atomically) with its full new text. */
export type FileWrite = {
  action: 'create' | 'update';
  /** Relative to the content folder. */
  path: string;
  company: string;
  id: string;
  kind: ItemKind;
  text: string;
  /** Front-matter keys whose value changed (all keys for a create). */
  changedFields: string[];
  /** True when the body is (re)written. */
  bodyChanged: boolean;
};

/** A draft that is not written, and why. */
export type KeepEntry = { company: string; id: string; reason: KeepReason; path?: string; detail?: string };

/** A ledger file to rewrite: sorted ids, one per line. */
export type LedgerWrite = { company: string; path: string; text: string; added: number };

/** Everything one run will write. */
export type WritePlan = { writes: FileWrite[]; keeps: KeepEntry[]; ledgers: LedgerWrite[] };

/** Front-matter key order for files fetch writes; unknown keys follow in their own order. */
export const ITEM_KEY_ORDER = [
  'id',
  'company',
  'source',
  'channel',
  'url',
  'canonicalUrl',
  'title',
  'author',
  'publishedAt',
  'fetchedAt',
  'dateFallback',
  'links',
  'threadId',
  'inReplyTo',
  'matchedTerm',
  'matchedPassage',
  'episode',
  'hidden',
  'caseId',
  'respondsTo',
  'resolves',
  'excerptDigest',
] as const;

function orderKeys(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ITEM_KEY_ORDER) if (data[key] !== undefined) out[key] = data[key];
  for (const [key, value] of Object.entries(data)) if (!(key in out) && value !== undefined) out[key] = value;
  return out;
}

function buildCreateData(draft: ItemDraft): Record<string, unknown> {
  const data: Record<string, unknown> = {
    id: draft.id,
    company: draft.company,
    source: draft.source,
    channel: draft.channel,
    url: draft.url,
    canonicalUrl: draft.canonicalUrl,
    title: draft.title,
    author: draft.author,
    publishedAt: draft.publishedAt,
    fetchedAt: draft.fetchedAt,
    dateFallback: draft.dateFallback,
    links: draft.links,
    threadId: draft.threadId,
    inReplyTo: draft.inReplyTo,
    matchedTerm: draft.matchedTerm,
    matchedPassage: draft.matchedPassage,
    episode: draft.episode,
    hidden: false,
    excerptDigest: computeExcerptDigest(draft.excerpt),
  };
  if (draft.kind === 'response') {
    data.respondsTo = [];
    data.resolves = false;
  }
  return orderKeys(data);
}

function isSameValue(field: string, before: unknown, after: unknown): boolean {
  if (field === 'publishedAt' && typeof before === 'string' && typeof after === 'string') {
    const a = Date.parse(before);
    const b = Date.parse(after);
    if (!Number.isNaN(a) && !Number.isNaN(b)) return a === b;
  }
  return JSON.stringify(before) === JSON.stringify(after);
}

/** True for a stored date that the date rules now call implausible (a 1970 date written before they existed). */
function isImplausibleDate(value: unknown): boolean {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return !Number.isNaN(ms) && ms < EARLIEST_PLAUSIBLE_MS;
}

/** The machine-owned values a draft proposes for an existing file. */
function proposeMachineFields(draft: ItemDraft, existing: ExistingItem): Record<string, unknown> {
  const proposed: Record<string, unknown> = {
    url: draft.url,
    canonicalUrl: draft.canonicalUrl,
    title: draft.title,
    author: draft.author,
    links: draft.links,
    threadId: draft.threadId,
    inReplyTo: draft.inReplyTo,
    matchedTerm: draft.matchedTerm,
    matchedPassage: draft.matchedPassage,
    episode: draft.episode,
  };
  // A date that fell back to the fetch time moves on every run: keep the one on disk.
  if (draft.dateFallback === undefined || existing.data.publishedAt === undefined) {
    proposed.publishedAt = draft.publishedAt;
    proposed.dateFallback = draft.dateFallback;
  } else if (draft.dateFallback === 'implausible' && existing.data.dateFallback === undefined && isImplausibleDate(existing.data.publishedAt)) {
    // Written with its 1970-style date before such dates were caught: the first fetch time
    // stands in, as it would have then.
    proposed.publishedAt = typeof existing.data.fetchedAt === 'string' ? existing.data.fetchedAt : draft.publishedAt;
    proposed.dateFallback = draft.dateFallback;
  }
  // The same item seen through another source keeps its first source's channel.
  if (existing.data.source === draft.source) proposed.channel = draft.channel;
  return proposed;
}

function planUpdate(draft: ItemDraft, existing: ExistingItem): { data: Record<string, unknown>; body: string; changedFields: string[]; bodyChanged: boolean } {
  const data: Record<string, unknown> = { ...existing.data };
  const changedFields: string[] = [];
  for (const [field, value] of Object.entries(proposeMachineFields(draft, existing))) {
    if (isSameValue(field, existing.data[field], value)) continue;
    changedFields.push(field);
    if (value === undefined) delete data[field];
    else data[field] = value;
  }
  const recorded = existing.data.excerptDigest;
  const unedited = typeof recorded === 'string' && computeExcerptDigest(existing.body) === recorded;
  const draftDigest = computeExcerptDigest(draft.excerpt);
  const bodyChanged = unedited && draftDigest !== recorded;
  if (bodyChanged) {
    data.excerptDigest = draftDigest;
    changedFields.push('excerptDigest');
  }
  return { data: orderKeys(data), body: bodyChanged ? draft.excerpt : existing.body, changedFields, bodyChanged };
}

/** The company an existing file belongs to: its folder, `mentions/<company>/...`. */
function companyOf(item: ExistingItem): string | undefined {
  return item.path.split('/')[1];
}

type CompanyIndex = { byId: Map<string, ExistingItem>; byUrl: Map<string, ExistingItem> };

function indexExisting(items: readonly ExistingItem[]): Map<string, CompanyIndex> {
  const index = new Map<string, CompanyIndex>();
  for (const item of items) {
    const company = companyOf(item);
    if (company === undefined) continue;
    let entry = index.get(company);
    if (!entry) {
      entry = { byId: new Map(), byUrl: new Map() };
      index.set(company, entry);
    }
    if (typeof item.data.id === 'string' && !entry.byId.has(item.data.id)) entry.byId.set(item.data.id, item);
    const url = typeof item.data.canonicalUrl === 'string' && typeof item.data.url === 'string' ? identityUrl({ url: item.data.url, canonicalUrl: item.data.canonicalUrl }) : null;
    if (url !== null && !entry.byUrl.has(url)) entry.byUrl.set(url, item);
  }
  return index;
}

function buildLedgerText(ids: Iterable<string>): string {
  const sorted = [...new Set(ids)].sort();
  return sorted.length === 0 ? '' : `${sorted.join('\n')}\n`;
}

/**
 * Drafts + what is on disk → the plan. Pure and deterministic: the same input gives the
 * same plan. It needs no clock: each draft carries its own fetch time.
 */
export function planWrites(drafts: readonly ItemDraft[], existing: ExistingContent): WritePlan {
  const { kept, duplicates } = dedupeDrafts(drafts);
  const index = indexExisting(existing.items);
  const writes: FileWrite[] = [];
  const keeps: KeepEntry[] = duplicates.map((draft) => ({ company: draft.company, id: draft.id, reason: 'duplicate' as const }));
  const claimed = new Set<ExistingItem>();
  const createdPaths = new Set<string>();
  const ledgerIds = new Map<string, Set<string>>();

  const ledgerFor = (company: string): Set<string> => {
    let ids = ledgerIds.get(company);
    if (!ids) {
      ids = new Set(existing.ledgers[company] ?? []);
      for (const item of index.get(company)?.byId.values() ?? []) if (typeof item.data.id === 'string') ids.add(item.data.id);
      ledgerIds.set(company, ids);
    }
    return ids;
  };

  for (const draft of kept) {
    const ledger = ledgerFor(draft.company);
    const companyIndex = index.get(draft.company);
    const url = identityUrl(draft);
    const match = companyIndex?.byId.get(draft.id) ?? (url === null ? undefined : companyIndex?.byUrl.get(url));
    if (match) {
      if (claimed.has(match)) {
        keeps.push({ company: draft.company, id: draft.id, reason: 'duplicate', path: match.path });
        continue;
      }
      claimed.add(match);
      const update = planUpdate(draft, match);
      if (update.changedFields.length === 0 && !update.bodyChanged) {
        keeps.push({ company: draft.company, id: draft.id, reason: 'unchanged', path: match.path });
        continue;
      }
      writes.push({
        action: 'update',
        path: match.path,
        company: draft.company,
        id: typeof match.data.id === 'string' ? match.data.id : draft.id,
        kind: match.path.startsWith('responses/') ? 'response' : 'mention',
        text: serializeContentFile(update.data, update.body),
        changedFields: update.changedFields,
        bodyChanged: update.bodyChanged,
      });
      continue;
    }
    if (ledger.has(draft.id)) {
      keeps.push({ company: draft.company, id: draft.id, reason: 'deleted-by-maintainer' });
      continue;
    }
    const built = buildItemPath(draft.kind, draft.company, draft.publishedAt, draft.id);
    if (!built.ok) {
      keeps.push({ company: draft.company, id: draft.id, reason: 'unsafe-path', detail: built.message });
      continue;
    }
    if (existing.occupiedPaths.has(built.path) || createdPaths.has(built.path)) {
      keeps.push({ company: draft.company, id: draft.id, reason: 'path-occupied', path: built.path });
      continue;
    }
    createdPaths.add(built.path);
    ledger.add(draft.id);
    const data = buildCreateData(draft);
    writes.push({
      action: 'create',
      path: built.path,
      company: draft.company,
      id: draft.id,
      kind: draft.kind,
      text: serializeContentFile(data, draft.excerpt),
      changedFields: Object.keys(data),
      bodyChanged: true,
    });
  }

  const ledgers: LedgerWrite[] = [];
  for (const [company, ids] of [...ledgerIds.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const text = buildLedgerText(ids);
    const before = buildLedgerText(existing.ledgers[company] ?? []);
    if (text !== before) {
      ledgers.push({ company, path: buildLedgerPath(company), text, added: ids.size - new Set(existing.ledgers[company] ?? []).size });
    }
  }
  return { writes, keeps, ledgers };
}
