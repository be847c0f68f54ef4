/**
 * Child process for the corpus sweep: reads absolute file paths (one JSON array on
 * stdin), runs each through decode → parse → normalize, and prints one JSON line per
 * file. The parent (sweep.ts) times each file and kills this process on a hang.
 * Run with: node --import tsx scripts/harness/sweep-worker.ts
 */
import { readFileSync } from 'node:fs';
import { decodeFeedBytes } from '../../src/core/ingest/decode.ts';
import { normalizeItem, type NormalizeContext } from '../../src/core/ingest/normalize.ts';
import { parseFeed } from '../../src/core/ingest/parse-feed.ts';
import { findUnsafeMarkdown, findUnsafePlainText } from './unsafe-output.ts';
import type { SweepResult } from './sweep.ts';

const NOW = new Date('2026-03-01T12:00:00Z');

/** A permissive company: every item of the source counts. */
function buildContext(feedUrl: string): NormalizeContext {
  return {
    company: { slug: 'corpus', name: 'Corpus', aliases: [], exclude: [], official: { authors: [], domains: [] } },
    source: { url: feedUrl, channel: 'blog', voice: 'public', threaded: false, allAboutCompany: true, excerptChars: 600 },
    feedUrl,
    now: NOW,
  };
}

/** The Content-Type a feedparser case asks to be served with, if any. */
function readHeaderContentType(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2000)).replace(/\u0000/g, '');
  return /Header:\s*Content-type:\s*([^\n]+)/i.exec(head)?.[1]?.trim();
}

async function sweepFile(file: string): Promise<SweepResult> {
  const started = performance.now();
  const bytes = new Uint8Array(readFileSync(file));
  const contentType = readHeaderContentType(bytes);
  const decoded = decodeFeedBytes(bytes, contentType);
  if (!decoded.ok) return { file, status: 'error', reason: decoded.error.reason, message: decoded.error.message, ms: performance.now() - started };
  const feedUrl = 'http://corpus.example/feed/';
  const parsed = await parseFeed(decoded.feed.text, feedUrl);
  if (!parsed.ok) {
    return { file, status: 'error', charset: decoded.feed.charset, reason: parsed.error.reason, message: parsed.error.message, ms: performance.now() - started };
  }
  const ctx = buildContext(feedUrl);
  const unsafe: string[] = [];
  let drafts = 0;
  const items = [];
  for (const item of parsed.feed.items) {
    const result = normalizeItem(item, ctx);
    if (!result.ok) continue;
    drafts += 1;
    const { draft } = result;
    unsafe.push(...findUnsafeMarkdown(draft.excerpt).map((problem) => `excerpt: ${problem}`));
    unsafe.push(...findUnsafePlainText(draft.title).map((problem) => `title: ${problem}`));
    unsafe.push(...findUnsafePlainText(draft.author).map((problem) => `author: ${problem}`));
    if (items.length < 3) items.push({ title: draft.title, url: draft.url, canonicalUrl: draft.canonicalUrl, publishedAt: draft.publishedAt, author: draft.author, excerpt: draft.excerpt });
  }
  return {
    file,
    status: 'parsed',
    charset: decoded.feed.charset,
    format: parsed.feed.format,
    feedTitle: parsed.feed.title,
    items: parsed.feed.items.length,
    drafts,
    warnings: parsed.feed.warnings.length,
    unsafe,
    sample: items,
    ms: performance.now() - started,
  };
}

// Read stdin as a stream: readFileSync(0) fails with EAGAIN on a pipe that is not yet complete.
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const files = JSON.parse(Buffer.concat(chunks).toString('utf8')) as string[];
for (const file of files) {
  process.stdout.write(`${JSON.stringify({ started: file })}\n`);
  let result: SweepResult;
  try {
    result = await sweepFile(file);
  } catch (error) {
    result = { file, status: 'crash', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error), ms: 0 };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
