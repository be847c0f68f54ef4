/** Worker thread: reads feed bodies with the pure core, one job at a time. See feed-item-readers.ts. */
import { parentPort } from 'node:worker_threads';
import { readFeedItems } from '../../src/core/ingest/read-feed.ts';
import type { FeedItemJob } from './feed-item-readers.ts';

parentPort?.on('message', async (job: FeedItemJob) => {
  const result = await readFeedItems(job.bytes, job.contentType, job.feedUrl, job.context);
  parentPort?.postMessage({ id: job.id, result });
});
