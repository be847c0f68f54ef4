/**
 * Feed item readers: where fetch turns a downloaded body into items (`readFeedItems`:
 * decode, parse, normalize), inline or in a small pool of worker threads so a cold fetch
 * uses the cores (normalizing — sanitizing HTML into Markdown — is most of a cold run's
 * CPU). A worker that dies fails its one source with a typed error and is replaced; the
 * run goes on. (Not to be confused with the independent RSS readers the tests check the
 * site's own feeds with: tests/helpers/independent-rss-readers.ts.)
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { NormalizeContext } from '../../src/core/ingest/normalize.ts';
import { readFeedItems, type FeedReadResult } from '../../src/core/ingest/read-feed.ts';

/** One body to read, as sent to a worker. */
export type FeedItemJob = { id: number; bytes: Uint8Array; contentType: string | undefined; feedUrl: string; context: NormalizeContext };

/** Reads one body into items; `close` stops any worker threads. */
export type FeedItemReader = {
  read: (bytes: Uint8Array, contentType: string | undefined, feedUrl: string, context: NormalizeContext) => Promise<FeedReadResult>;
  close: () => Promise<void>;
};

/** Reads on the main thread: for small runs and tests. */
export function createInlineItemReader(): FeedItemReader {
  return { read: readFeedItems, close: async () => {} };
}

/** Worker threads worth starting for this many sources: one per core up to 4, none for a handful of sources. */
export function chooseWorkerCount(sources: number, cores: number = os.availableParallelism()): number {
  return sources < 8 ? 0 : Math.max(0, Math.min(cores, 4));
}

const WORKER_URL = new URL('./feed-item-worker.ts', import.meta.url);

type Slot = { worker: Worker; job: { id: number; resolve: (result: FeedReadResult) => void } | null };

/** A pool of up to `size` worker threads, started on demand; jobs queue when every worker is busy. */
export function createWorkerItemReader(size: number): FeedItemReader {
  const queue: { job: FeedItemJob; resolve: (result: FeedReadResult) => void }[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(WORKER_URL), job: null };
    slot.worker.on('message', (message: { id: number; result: FeedReadResult }) => {
      if (slot.job?.id !== message.id) return;
      const { resolve } = slot.job;
      slot.job = null;
      resolve(message.result);
      pump();
    });
    // 'error' (an uncaught exception, out of memory) is always followed by 'exit'.
    let lastError: string | undefined;
    slot.worker.on('error', (error) => (lastError = error.message));
    slot.worker.on('exit', (code) => {
      if (closed) return;
      const job = slot.job;
      slot.job = null;
      job?.resolve({ ok: false, error: { reason: 'malformed', message: `reading this feed stopped its worker: ${lastError ?? `exit code ${code}`}` } });
      slots.splice(slots.indexOf(slot), 1, start());
      pump();
    });
    return slot;
  };

  const pump = () => {
    // Workers start with the first body to read: a run answered 304 everywhere starts none.
    while (!closed && slots.length < size && queue.length > slots.filter((slot) => !slot.job).length) slots.push(start());
    for (const slot of slots) {
      if (slot.job || queue.length === 0) continue;
      const next = queue.shift()!;
      slot.job = { id: next.job.id, resolve: next.resolve };
      slot.worker.postMessage(next.job);
    }
  };

  return {
    read: (bytes, contentType, feedUrl, context) =>
      new Promise((resolve) => {
        queue.push({ job: { id: (nextId += 1), bytes, contentType, feedUrl, context }, resolve });
        pump();
      }),
    close: async () => {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
