/**
 * Polite HTTP for feeds, on the platform's fetch: conditional GET with the validators we
 * were given (echoed byte for byte, never invented), gzip/brotli (fetch decompresses; we
 * count decompressed bytes while streaming, so a decompression bomb stops at the cap), one
 * deadline per attempt covering headers and body (a slow drip times out), redirects followed
 * by hand (http(s) only, loops detected), Retry-After honoured on 429/503 (capped), retries
 * with jitter for network errors and 5xx, and per-host + global concurrency limits.
 * Every failure is a typed FeedError; nothing here throws.
 */
import type { FeedError } from '../../src/core/ingest/types.ts';
import type { Validators } from '../../src/core/write/fetch-state.ts';
import type { RequestLimiter } from './request-limiter.ts';

/** Default time limit for one response (headers and whole body), in milliseconds. */
export const FETCH_TIMEOUT_MS = 20_000;
/** Default cap on a body, decompressed, in bytes (15 MiB). */
export const MAX_BODY_BYTES = 15 * 1024 * 1024;
/** Default number of redirects followed. */
export const MAX_REDIRECTS = 5;
/** Default retries after the first attempt for transient failures. */
export const MAX_RETRIES = 2;
/** Default base delay before a retry, in milliseconds; doubled per retry, with ±50 % jitter. */
export const RETRY_BASE_DELAY_MS = 1_000;
/** Default cap on a server's Retry-After, in milliseconds. */
export const RETRY_AFTER_CAP_MS = 60_000;

/** How downloadFeed behaves; the entry builds it from flags, tests shrink the times. */
export type DownloadOptions = {
  userAgent: string;
  limiter: RequestLimiter;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  retries?: number;
  retryBaseDelayMs?: number;
  retryAfterCapMs?: number;
  /** Clock for Retry-After dates; defaults to Date.now. */
  nowMs?: () => number;
  /** Sleep; defaults to a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Random in [0, 1) for jitter; defaults to Math.random. */
  random?: () => number;
};

/** What one download produced. */
export type DownloadResult =
  | { kind: 'fetched'; status: number; bytes: Uint8Array; contentType?: string; validators: Validators; finalUrl: string; attempts: number }
  | { kind: 'not-modified'; status: 304; validators: Validators; finalUrl: string; attempts: number }
  | { kind: 'failed'; status?: number; error: FeedError; attempts: number };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/** One attempt's result: final, or transient with an optional server-requested delay. */
type AttemptResult =
  | { done: true; result: DownloadResult }
  | { done: false; failure: { status?: number; error: FeedError }; retryAfterMs?: number };

function fail(reason: FeedError['reason'], message: string, source: string, status?: number): { status?: number; error: FeedError } {
  return status === undefined ? { error: { reason, message, source } } : { status, error: { reason, message, source } };
}

function readValidators(headers: Headers): Validators {
  const validators: Validators = {};
  const etag = headers.get('etag');
  const lastModified = headers.get('last-modified');
  if (etag !== null && etag !== '') validators.etag = etag;
  if (lastModified !== null && lastModified !== '') validators.lastModified = lastModified;
  return validators;
}

/** Retry-After: delta seconds or an HTTP date → milliseconds from now, capped; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number, capMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - nowMs;
  }
  return Math.min(Math.max(0, ms), capMs);
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: string }).code;
    return code ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}

/** Reads the body while counting decompressed bytes; stops at the cap or the deadline. */
async function readCappedBody(response: Response, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; size: number }> {
  if (!response.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, size };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

type Settings = Required<Omit<DownloadOptions, 'limiter' | 'userAgent'>> & Pick<DownloadOptions, 'limiter' | 'userAgent'>;

/** One attempt: follows redirects by hand, each hop under the limiter, all under one deadline. */
async function attemptDownload(url: string, known: Validators, settings: Settings): Promise<AttemptResult> {
  // The time limit starts when the first request gets its slot: waiting behind other
  // requests in the limiter is not the server being slow.
  let deadline: AbortSignal | undefined;
  const visited = new Set<string>();
  let current = url;
  for (let hop = 0; ; hop += 1) {
    visited.add(current);
    let target: URL;
    try {
      target = new URL(current);
    } catch {
      return { done: true, result: { kind: 'failed', attempts: 0, ...fail('config', `not a URL: ${current}`, url) } };
    }
    const headers: Record<string, string> = {
      'user-agent': settings.userAgent,
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      'accept-encoding': 'gzip, br',
    };
    if (known.etag !== undefined) headers['if-none-match'] = known.etag;
    if (known.lastModified !== undefined) headers['if-modified-since'] = known.lastModified;

    const step = await settings.limiter.run(target.host, async (): Promise<AttemptResult | { redirect: string }> => {
      deadline ??= AbortSignal.timeout(settings.timeoutMs);
      let response: Response;
      try {
        response = await fetch(target, { headers, redirect: 'manual', signal: deadline });
      } catch (error) {
        if (deadline?.aborted) return { done: true, result: { kind: 'failed', attempts: 0, ...fail('timeout', `no response from ${current} within ${settings.timeoutMs} ms`, url) } };
        return { done: false, failure: fail('network', `cannot reach ${current}: ${describeError(error)}`, url) };
      }
      const { status } = response;
      if (REDIRECT_STATUSES.has(status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (location === null) return { done: true, result: { kind: 'failed', attempts: 0, ...fail('redirect', `HTTP ${status} from ${current} without a Location`, url, status) } };
        return { redirect: new URL(location, current).href };
      }
      if (status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { done: true, result: { kind: 'not-modified', status: 304, validators: readValidators(response.headers), finalUrl: current, attempts: 0 } };
      }
      if (status < 200 || status > 299) {
        await response.body?.cancel().catch(() => undefined);
        const failure = fail('http-status', `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''} from ${current}`, url, status);
        if (!RETRYABLE_STATUSES.has(status)) return { done: true, result: { kind: 'failed', attempts: 0, ...failure } };
        const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after'), settings.nowMs(), settings.retryAfterCapMs) : undefined;
        return retryAfterMs === undefined ? { done: false, failure } : { done: false, failure, retryAfterMs };
      }
      const declared = Number(response.headers.get('content-length'));
      if (!response.headers.has('content-encoding') && Number.isFinite(declared) && declared > settings.maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        return { done: true, result: { kind: 'failed', attempts: 0, ...fail('too-large', `${current} declares ${declared} bytes, over the ${settings.maxBytes}-byte cap`, url, status) } };
      }
      try {
        const body = await readCappedBody(response, settings.maxBytes);
        if (!body.ok) return { done: true, result: { kind: 'failed', attempts: 0, ...fail('too-large', `${current} sent over ${settings.maxBytes} bytes (decompressed); stopped reading`, url, status) } };
        const contentType = response.headers.get('content-type') ?? undefined;
        return {
          done: true,
          result: {
            kind: 'fetched',
            status,
            bytes: body.bytes,
            ...(contentType === undefined ? {} : { contentType }),
            validators: readValidators(response.headers),
            finalUrl: current,
            attempts: 0,
          },
        };
      } catch (error) {
        if (deadline?.aborted) return { done: true, result: { kind: 'failed', attempts: 0, ...fail('timeout', `${current} did not finish its body within ${settings.timeoutMs} ms`, url, status) } };
        return { done: false, failure: fail('network', `body from ${current} broke off: ${describeError(error)}`, url, status) };
      }
    });

    if (!('redirect' in step)) return step;
    const next = new URL(step.redirect);
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return { done: true, result: { kind: 'failed', attempts: 0, ...fail('redirect', `${current} redirects to a ${next.protocol} URL; only http(s) is followed`, url) } };
    }
    if (visited.has(next.href)) {
      return { done: true, result: { kind: 'failed', attempts: 0, ...fail('redirect', `redirect loop: ${[...visited, next.href].join(' → ')}`, url) } };
    }
    if (hop + 1 > settings.maxRedirects) {
      return { done: true, result: { kind: 'failed', attempts: 0, ...fail('redirect', `more than ${settings.maxRedirects} redirects from ${url}`, url) } };
    }
    current = next.href;
  }
}

/**
 * GET a feed politely. `known` are the validators saved from the last response (sent as
 * If-None-Match / If-Modified-Since exactly as received). Never throws.
 */
export async function downloadFeed(url: string, known: Validators, options: DownloadOptions): Promise<DownloadResult> {
  const settings: Settings = {
    timeoutMs: FETCH_TIMEOUT_MS,
    maxBytes: MAX_BODY_BYTES,
    maxRedirects: MAX_REDIRECTS,
    retries: MAX_RETRIES,
    retryBaseDelayMs: RETRY_BASE_DELAY_MS,
    retryAfterCapMs: RETRY_AFTER_CAP_MS,
    nowMs: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    ...options,
  };
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await attemptDownload(url, known, settings);
    if (outcome.done) return { ...outcome.result, attempts: attempt };
    if (attempt > settings.retries) return { kind: 'failed', attempts: attempt, ...outcome.failure };
    const backoff = settings.retryBaseDelayMs * 2 ** (attempt - 1) * (0.5 + settings.random());
    await settings.sleep(outcome.retryAfterMs ?? backoff);
  }
}
