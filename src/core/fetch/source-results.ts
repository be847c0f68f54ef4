/**
 * What reading one source gave a fetch run: the outcome its health record is built from,
 * the drafts and skip counts of its items, and the line the progress prints for it. Pure:
 * the run downloads and parses; these say what each possible ending means.
 */
import type { UnmatchedItem } from '../ingest/read-feed.ts';
import type { FeedError, ItemDraft } from '../ingest/types.ts';
import type { SourceHealth, SourceOutcome, Validators } from '../write/fetch-state.ts';

/** How one source ended: read, unchanged (a 304 or the same body as last time), or failed. */
export type SourceRunStatus = 'ok' | 'not-modified' | 'failed';

/** One source of one company as the results name it. */
export type SourceRef = {
  company: { slug: string };
  source: { url: string };
  /** See computeConfigDigest. */
  configDigest: string;
};

/** What reading one source gave. */
export type SourceResult = {
  /** Company slug. */
  company: string;
  /** Source url, as in the company file. */
  url: string;
  status: SourceRunStatus;
  outcome: SourceOutcome;
  drafts: ItemDraft[];
  /** Items skipped while normalizing, by reason. */
  skipped: Record<string, number>;
  /** Items the company's rules now leave out (see readFeedItems); only when the body was read. */
  unmatched?: UnmatchedItem[];
  /** The source's progress line, e.g. "acme https://…: ok 200, 12 items". */
  line: string;
};

/** A body that arrived: its HTTP status (absent for a local file), validators and digest. */
export type ArrivedBody = { status?: number; validators: Validators; bodyDigest: string };

/** A body's items as the feed reader gave them (the successful FeedReadResult). */
export type ReadItems = { drafts: ItemDraft[]; skipped: Record<string, number>; unmatched: UnmatchedItem[]; itemsSeen: number; feedTitle: string; warnings: string[] };

/** Distinct parse warnings printed per source. */
export const WARNINGS_SHOWN = 3;

function labelOf(read: SourceRef): string {
  return `${read.company.slug} ${read.source.url}`;
}

function emptyResult(read: SourceRef): Pick<SourceResult, 'company' | 'url' | 'drafts' | 'skipped'> {
  return { company: read.company.slug, url: read.source.url, drafts: [], skipped: {} };
}

/** A source's parse warnings for its progress line: each once, at most WARNINGS_SHOWN of them. */
export function formatParseWarnings(warnings: readonly string[]): string {
  const unique = [...new Set(warnings)];
  if (unique.length === 0) return '';
  const more = unique.length > WARNINGS_SHOWN ? ` (+${unique.length - WARNINGS_SHOWN} more)` : '';
  return `; warning: ${unique.slice(0, WARNINGS_SHOWN).join('; ')}${more}`;
}

/** The source could not be downloaded, or its body could not be read as a feed. */
export function buildFailedResult(read: SourceRef, error: FeedError, status?: number): SourceResult {
  return {
    ...emptyResult(read),
    status: 'failed',
    outcome: status === undefined ? { kind: 'failed', error } : { kind: 'failed', status, error },
    line: `${labelOf(read)}: failed (${error.reason}) ${error.message}`,
  };
}

/** The server answered 304 Not Modified to our validators. */
export function buildNotModifiedResult(read: SourceRef, validators: Validators): SourceResult {
  return { ...emptyResult(read), status: 'not-modified', outcome: { kind: 'not-modified', status: 304, validators }, line: `${labelOf(read)}: not modified (304)` };
}

/**
 * The body is the one last read (see isSameBodyAsLastRead): not read again, and its item
 * counts are those of `lastRead`.
 */
export function buildSameBodyResult(read: SourceRef, body: ArrivedBody, lastRead: SourceHealth): SourceResult {
  return {
    ...emptyResult(read),
    status: 'not-modified',
    outcome: { kind: 'fetched', ...body, configDigest: read.configDigest, itemsSeen: lastRead.itemsSeen, itemsNew: lastRead.itemsLastRun },
    line: `${labelOf(read)}: not modified (same body)`,
  };
}

/** The body was read: its drafts. `itemsNew` is 0 until the plan says which drafts became files. */
export function buildReadResult(read: SourceRef, body: ArrivedBody, items: ReadItems): SourceResult {
  return {
    ...emptyResult(read),
    status: 'ok',
    outcome: { kind: 'fetched', ...body, configDigest: read.configDigest, itemsSeen: items.itemsSeen, itemsNew: 0, feedTitle: items.feedTitle },
    drafts: items.drafts,
    skipped: items.skipped,
    unmatched: items.unmatched,
    line: `${labelOf(read)}: ok${body.status === undefined ? '' : ` ${body.status}`}, ${items.itemsSeen} items${formatParseWarnings(items.warnings)}`,
  };
}
