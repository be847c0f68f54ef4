/**
 * Fuzzing in `npm test`: a few hundred generated RSS / Atom / JSON feeds with hostile text in
 * every field go parse → normalize → write → read back (see feed-fuzz.ts). `npm run fuzz`
 * runs the same property over 10,000+ cases.
 */
import { describe, expect, it } from 'vitest';
import { checkFeedRoundTrip, renderFuzzFeed, runFeedFuzz, type FuzzFeed } from '../../scripts/harness/feed-fuzz.ts';

/** Cases per run in `npm test`; fixed seed so a failure reproduces. */
const TEST_RUNS = 200;
const TEST_SEED = 20261121;

const SAMPLE: FuzzFeed = {
  format: 'rss',
  title: 'Forum',
  items: [
    {
      guid: 'g0-a',
      link: 'https://forum.example/t/1',
      linkIsSafe: true,
      title: 'Acme <b>broke</b> it: "again" & again',
      author: 'Jo\u202E Doe',
      date: new Date('2026-03-01T09:30:00Z'),
      summary: '<p>Hi <script>alert(1)</script><a href="javascript:alert(1)">x</a></p>',
      content: null,
      categories: ['---'],
      cdata: true,
    },
  ],
};

describe('generated feeds through parse → normalize → write → read back', () => {
  it(`keeps every field of ${TEST_RUNS} generated feeds with hostile text, and a second run writes nothing`, async () => {
    const result = await runFeedFuzz(TEST_RUNS, TEST_SEED);
    expect(result.cases).toBe(TEST_RUNS);
    expect(result.drafts).toBeGreaterThan(TEST_RUNS);
  }, 60_000);

  it.each(['rss', 'atom', 'json'] as const)('accepts a hand-written hostile %s item', async (format) => {
    await expect(checkFeedRoundTrip({ ...SAMPLE, format })).resolves.toEqual({ drafts: 1 });
  });

  it.each([
    ['the author is dropped', (text: string) => text.replace(/<dc:creator>[^<]*<\/dc:creator>/g, '')],
    ['the date is dropped', (text: string) => text.replace(/<pubDate>[^<]*<\/pubDate>/g, '')],
    ['the link is dropped', (text: string) => text.replace(/<link>[^<]*<\/link>/g, '')],
    ['the title is changed', (text: string) => text.replace(/<title>Acme/g, '<title>Acme!')],
  ])('fails when %s (the property can fail)', async (_name, tamper) => {
    await expect(checkFeedRoundTrip(SAMPLE, (feed) => tamper(renderFuzzFeed(feed)))).rejects.toThrow();
  });
});
