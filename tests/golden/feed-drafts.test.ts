/**
 * Golden feeds: a dozen feeds in the shapes real platforms publish (WordPress, Discourse-style
 * Atom replies, RSS 1.0, JSON Feed, a podcast, YouTube, Reddit, Mastodon, Statuspage, Google
 * News, broken markup, a wrong encoding, hostile HTML), each read by the pure ingest core with
 * the company and source given in `feeds/cases.json`. What the core makes of a feed is
 * committed beside it: `<feed>.drafts.json` (drafts, skips, warnings) and `<feed>.files.md`
 * (the Markdown files fetch would write). A change to parsing, matching, sanitizing or the
 * file format shows here as a reviewable diff; `UPDATE_GOLDEN=1` rewrites the files.
 *
 * These feeds are our own, written from each platform's published format: the captured
 * real-world feeds stay in ../shared/corpora, read in place by the corpus tests, never copied.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCompanyContext } from '../../src/core/ingest/normalize.ts';
import { readFeedItems } from '../../src/core/ingest/read-feed.ts';
import { CompanySchema } from '../../src/core/schemas.ts';
import { planWrites } from '../../src/core/write/plan-writes.ts';
import { expectGolden, goldenJson } from '../helpers/golden.ts';

const FEEDS_DIR = path.join(import.meta.dirname, 'feeds');

type GoldenFeed = { file: string; contentType?: string; url: string; company: string; source: Record<string, unknown>; shows: string };
type Cases = { now: string; companies: Record<string, Record<string, unknown>>; feeds: GoldenFeed[] };

const cases = JSON.parse(readFileSync(path.join(FEEDS_DIR, 'cases.json'), 'utf8')) as Cases;
const NOW = new Date(cases.now);

async function readGoldenFeed(feed: GoldenFeed) {
  const company = CompanySchema.parse({ ...cases.companies[feed.company], sources: [{ url: feed.url, ...feed.source }] });
  const bytes = new Uint8Array(readFileSync(path.join(FEEDS_DIR, feed.file)));
  return readFeedItems(bytes, feed.contentType, feed.url, { company: buildCompanyContext(feed.company, company), source: company.sources[0]!, feedUrl: feed.url, now: NOW });
}

/** The files fetch would write for these drafts into an empty content folder, one after another. */
function renderWrittenFiles(plan: ReturnType<typeof planWrites>): string {
  return plan.writes.map((write) => `<!-- ${write.path} -->\n${write.text}`).join('\n');
}

describe('golden feeds', () => {
  it('covers about a dozen platforms, each feed file listed once', () => {
    expect(cases.feeds.length).toBeGreaterThanOrEqual(12);
    expect(new Set(cases.feeds.map((feed) => feed.file)).size).toBe(cases.feeds.length);
  });

  describe.each(cases.feeds)('$file ($shows)', (feed) => {
    it('reads to the committed drafts', async () => {
      const result = await readGoldenFeed(feed);
      expectGolden(path.join(FEEDS_DIR, `${feed.file}.drafts.json`), goldenJson(result));
    });

    it('writes the committed Markdown files', async () => {
      const result = await readGoldenFeed(feed);
      if (!result.ok) throw new Error(`${feed.file}: ${result.error.message}`);
      const plan = planWrites(result.drafts, { items: [], occupiedPaths: new Set(), ledgers: {} }, NOW);
      expectGolden(path.join(FEEDS_DIR, `${feed.file}.files.md`), renderWrittenFiles(plan));
    });

    it('never lets markup that runs code into a draft', async () => {
      const result = await readGoldenFeed(feed);
      const text = JSON.stringify(result);
      expect(text).not.toMatch(/<script|javascript:|onerror=|onclick=|<iframe|<form/i);
    });
  });
});
