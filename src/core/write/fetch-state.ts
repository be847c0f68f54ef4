/**
 * `content/state/sources.json`: what fetch remembers per source (HTTP validators) and how
 * each source is doing (the site's sources page reads it). Pure: the edges read and write it.
 *
 * Committed with the content, so it must not churn. The rule: a record changes only when
 * something about the source changed — new validators, a new body, a failure, a recovery.
 * A poll answered 304 (or a body identical to the last one, with the same validators) by a
 * healthy source changes nothing, not even `lastAttemptAt`: attempt times are recorded only
 * together with another change. So a run where nothing is new writes zero files, and
 * `lastSuccessAt` means "last time the source was read and something about it changed".
 */
import { z } from 'astro/zod';
import { InstantSchema } from '../schemas.ts';
import type { FeedError, FeedErrorReason } from '../ingest/types.ts';

const FEED_ERROR_REASONS = [
  'http-status',
  'timeout',
  'too-large',
  'network',
  'redirect',
  'not-a-feed',
  'malformed',
  'encoding',
  'file',
  'config',
] as const satisfies readonly FeedErrorReason[];

/** The last failure of a source. */
export const SourceErrorSchema = z.object({
  /** What kind of failure (a FeedErrorReason). */
  reason: z.enum(FEED_ERROR_REASONS),
  /** A sentence for the maintainer, e.g. "HTTP 404 Not Found from https://…". */
  message: z.string(),
  /** When it happened, UTC. */
  at: InstantSchema,
});
export type SourceError = z.infer<typeof SourceErrorSchema>;

/** Health and HTTP validators of one source of one company. */
export const SourceHealthSchema = z.object({
  /** The ETag of the last 200/304 response, byte for byte; absent when the server sent none. */
  etag: z.string().optional(),
  /** The Last-Modified of the last 200/304 response, byte for byte; never made up by us. */
  lastModified: z.string().optional(),
  /** sha256 (hex, 16 chars) of the last body read: an identical body with identical validators is "not modified". */
  bodyDigest: z.string().optional(),
  /** Digest of the company's matching settings and the source's settings the body was read with: when they change, the next fetch is unconditional. */
  configDigest: z.string().optional(),
  /** When fetch last tried the source, UTC; recorded only together with another change (see the file comment). */
  lastAttemptAt: InstantSchema.optional(),
  /** When the source was last read successfully with something changed (new body or validators), UTC. */
  lastSuccessAt: InstantSchema.optional(),
  /** The HTTP status of the last recorded attempt (200, 304, 404...); absent for local files and network errors. */
  lastStatus: z.number().int().optional(),
  /** The last failure, kept after a recovery so the sources page can show it. */
  lastError: SourceErrorSchema.optional(),
  /** Failures since the last success; 0 when healthy. */
  consecutiveFailures: z.number().int().min(0).default(0),
  /** Items in the feed the last time its body was read. */
  itemsSeen: z.number().int().min(0).default(0),
  /** Items of this source that became new files the last time its body was read. */
  itemsLastRun: z.number().int().min(0).default(0),
  /** The feed's own title (plain text) the last time its body was read; '' when it has none. The sources page names a source by it when the company file gives no `name`. */
  feedTitle: z.string().optional(),
});
export type SourceHealth = z.infer<typeof SourceHealthSchema>;

/** The whole file: company slug → source url (as in the company file) → health. */
export const FetchStateSchema = z.object({
  /** Format version of this file. */
  version: z.literal(1),
  /** company slug → source url → SourceHealth. */
  sources: z.record(z.string(), z.record(z.string(), SourceHealthSchema)),
});
export type FetchState = z.infer<typeof FetchStateSchema>;

/** A fresh, empty state. */
export function buildEmptyFetchState(): FetchState {
  return { version: 1, sources: {} };
}

/** HTTP validators as a server sent them. */
export type Validators = { etag?: string; lastModified?: string };

/** What happened to a source in this run. */
export type SourceOutcome =
  | { kind: 'not-modified'; status?: number; validators: Validators }
  | { kind: 'fetched'; status?: number; validators: Validators; bodyDigest: string; configDigest: string; itemsSeen: number; itemsNew: number; feedTitle?: string }
  | { kind: 'failed'; status?: number; error: FeedError };

function compact<T extends Record<string, unknown>>(record: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as T;
}

/** The record the next one is built on: the previous one, or that of a source never read before. */
function previousOrNewHealth(previous: SourceHealth | undefined): SourceHealth {
  return previous ?? { consecutiveFailures: 0, itemsSeen: 0, itemsLastRun: 0 };
}

/**
 * "Same body means not modified": true when `previous` records a body with this digest, read
 * with the same settings (`configDigest`), by a source that was healthy then. Fetch skips
 * reading such a body again, and its health record does not change for it.
 */
export function isSameBodyAsLastRead(previous: SourceHealth | undefined, bodyDigest: string, configDigest: string): previous is SourceHealth {
  return previous !== undefined && previous.bodyDigest === bodyDigest && previous.configDigest === configDigest && previous.consecutiveFailures === 0;
}

/**
 * The next health record of a source after one outcome. Returns `previous` itself (same
 * object) when nothing worth recording changed, so callers can test with `===`.
 *
 * - 304: validators the 304 carries replace ours (a server may rotate its ETag while only
 *   Last-Modified matched); validators it leaves out are kept, because a 304 confirms them.
 * - 200: the response's validators replace ours exactly; one it did not send is dropped.
 *   A body equal to the last one with equal validators (and feed title, when the outcome
 *   has one) counts as not modified.
 * - failure: validators are kept; the failure is counted.
 */
export function computeNextHealth(previous: SourceHealth | undefined, outcome: SourceOutcome, now: Date): SourceHealth {
  const base = previousOrNewHealth(previous);
  const at = now.toISOString();
  if (outcome.kind === 'failed') {
    return compact({
      ...base,
      lastAttemptAt: at,
      lastStatus: outcome.status,
      lastError: { reason: outcome.error.reason, message: outcome.error.message, at },
      consecutiveFailures: base.consecutiveFailures + 1,
    });
  }
  if (outcome.kind === 'not-modified') {
    const etag = outcome.validators.etag ?? base.etag;
    const lastModified = outcome.validators.lastModified ?? base.lastModified;
    if (previous && etag === previous.etag && lastModified === previous.lastModified && previous.consecutiveFailures === 0) {
      return previous;
    }
    return compact({
      ...base,
      etag,
      lastModified,
      lastAttemptAt: at,
      lastSuccessAt: at,
      lastStatus: outcome.status,
      consecutiveFailures: 0,
    });
  }
  const { etag, lastModified } = outcome.validators;
  if (
    isSameBodyAsLastRead(previous, outcome.bodyDigest, outcome.configDigest) &&
    previous.etag === etag &&
    previous.lastModified === lastModified &&
    (outcome.feedTitle === undefined || previous.feedTitle === outcome.feedTitle)
  ) {
    return previous;
  }
  return compact({
    ...base,
    etag,
    lastModified,
    bodyDigest: outcome.bodyDigest,
    configDigest: outcome.configDigest,
    lastAttemptAt: at,
    lastSuccessAt: at,
    lastStatus: outcome.status,
    consecutiveFailures: 0,
    itemsSeen: outcome.itemsSeen,
    itemsLastRun: outcome.itemsNew,
    feedTitle: outcome.feedTitle ?? base.feedTitle,
  });
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const inner = (value as Record<string, unknown>)[key];
      if (inner !== undefined) out[key] = sortKeysDeep(inner);
    }
    return out;
  }
  return value;
}

/** The state as file text: keys sorted at every level, two-space indent, trailing newline. */
export function serializeFetchState(state: FetchState): string {
  return `${JSON.stringify(sortKeysDeep(state), null, 2)}\n`;
}

/** A reading of the state file, or why it was rejected (with the path of the bad field). */
export type ParseFetchStateResult = { ok: true; state: FetchState } | { ok: false; message: string };

/** File text → state. Never throws. */
export function parseFetchState(text: string): ParseFetchStateResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = FetchStateSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { ok: false, message: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, state: result.data };
}
