import { describe, expect, it } from 'vitest';
import { CORPORA_DIR, HAS_CORPORA } from '../../scripts/harness/corpora.ts';
import { corpusOf, listFeedFiles, runSweep, type SweepResult } from '../../scripts/harness/sweep.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

const FEED_ERROR_REASONS = new Set(['not-a-feed', 'malformed', 'encoding']);

describe.skipIf(skipWithout(CORPORA))('every corpus feed ends as items or a typed error', () => {
  let results: SweepResult[] = [];
  const files = HAS_CORPORA ? listFeedFiles(CORPORA_DIR) : [];

  it('sweeps all feed files in two child processes within the per-file budget', { timeout: 120_000 }, async () => {
    results = await runSweep(files, { workers: 2 });
    const count = (status: SweepResult['status']): number => results.filter((r) => r.status === status).length;
    console.info(`[corpora] sweep: ${files.length} files, ${count('parsed')} parsed, ${count('error')} typed errors, ${count('crash')} crashes, ${count('hang')} hangs`);
    expect(files.length).toBeGreaterThan(4000);
    expect(results).toHaveLength(files.length);
  });

  it('never crashes or hangs on any file', () => {
    expect(results.filter((r) => r.status === 'crash' || r.status === 'hang').map((r) => `${r.file}: ${r.status} ${r.message}`)).toEqual([]);
  });

  it('turns every failure into a typed FeedError with a message', () => {
    const untyped = results.filter((r) => r.status === 'error' && (!FEED_ERROR_REASONS.has(r.reason ?? '') || (r.message ?? '').length < 10));
    expect(untyped.map((r) => `${r.file}: ${r.reason} ${r.message}`)).toEqual([]);
  });

  it('writes no unsafe excerpt, title or author', () => {
    expect(results.filter((r) => (r.unsafe ?? []).length > 0).map((r) => `${r.file}: ${r.unsafe?.join('; ')}`)).toEqual([]);
  });

  it.each([
    ['feedparser/illformed', 17],
    ['feedparser/encoding', 82],
    ['feedparser/entities', 256],
    ['feedparser/wellformed', 1730],
    ['w3c-feedvalidator', 1600],
    ['gofeed', 530],
    ['rss-parser', 30],
    ['rowanmanning-sample-feeds', 44],
    ['feedsmith', 13],
    ['simplepie', 5],
  ])('parses at least as many %s files as measured (%i), beating the rss-parser baseline', (corpus, floor) => {
    const parsed = results.filter((r) => corpusOf(CORPORA_DIR, r.file) === corpus && r.status === 'parsed').length;
    expect(parsed).toBeGreaterThanOrEqual(floor);
  });

  it('reads feedparser\'s incomplete-CDATA file without hanging', () => {
    const result = results.find((r) => r.file.endsWith('rss_incomplete_cdata.xml'));
    expect(result?.status === 'parsed' || result?.status === 'error').toBe(true);
  });
});
