import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFetchCli } from '../helpers/fetch-runs.ts';
import { explainUrl, type ExplainOptions } from '../../scripts/stages/explain-item.ts';

const NOW = new Date('2026-03-10T12:00:00Z');

/** A podcast-and-news feed: one real Apple story, one episode that only says "Apple Podcasts", one stock note. */
const FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tech</title><link>https://tech.example/</link>
<item><title>Apple fixes the iPhone alarm bug</title><link>https://tech.example/alarm?utm_source=rss</link><guid isPermaLink="false">alarm</guid>
<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate><description>&lt;p&gt;After a week of late mornings, Apple shipped iOS 19.3.1.&lt;/p&gt;</description></item>
<item><title>Episode 12: baking bread</title><link>https://tech.example/ep12</link>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><description>We bake. Listen on Apple Podcasts or Spotify.</description></item>
<item><title>Apple stock price today</title><link>https://tech.example/stock</link>
<pubDate>Wed, 04 Mar 2026 10:00:00 GMT</pubDate><description>Markets.</description></item>
</channel></rss>
`;

const COMPANY = `---
name: Apple
aliases:
  - text: Apple
    caseSensitive: true
  - text: Cupertino
    context: [iPhone, Mac]
exclude: [stock price]
sources:
  - url: feeds/tech.rss
    name: Tech news
    channel: news
    ignore: [Apple Podcasts]
---
`;

let dir: string;
let output: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-explain-'));
  output = '';
  await mkdir(path.join(dir, 'companies', 'feeds'), { recursive: true });
  await writeFile(path.join(dir, 'companies', 'apple.md'), COMPANY);
  await writeFile(path.join(dir, 'companies', 'feeds', 'tech.rss'), FEED);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function options(url: string, overrides: Partial<ExplainOptions> = {}): ExplainOptions {
  return { url, contentDir: dir, companies: [], now: NOW, userAgent: 'Watchblog/0.1 (+test@example.org)', out: { write: (text: string) => void (output += text) }, ...overrides };
}

describe('explainUrl (fetch --explain) on a local feed file', () => {
  it('says why a kept item is about the company: the alias, the passage and the exclusion terms tested', async () => {
    const report = await explainUrl(options('https://tech.example/alarm#comments'));
    expect(report.exitCode).toBe(0);
    expect(report.explanations).toHaveLength(1);
    expect(report.explanations[0]).toMatchObject({
      company: 'apple',
      source: { url: 'feeds/tech.rss', name: 'Tech news', channel: 'news', voice: 'public' },
      outcome: { kept: true, kind: 'mention' },
      date: { raw: 'Mon, 02 Mar 2026 10:00:00 GMT', publishedAt: '2026-03-02T10:00:00.000Z' },
      matching: { applied: true, matched: { alias: 'Apple', term: 'Apple', field: 'title', passage: 'Apple fixes the iPhone alarm bug' }, exclude: ['stock price'] },
    });
    expect(output).toContain('verdict: kept as a mention');
    expect(output).toContain('alias "Cupertino": not found; context words required: "iPhone", "Mac"\n');
    expect(output).toContain('passage: "Apple fixes the iPhone alarm bug"');
    expect(output).toContain('exclusion terms: "stock price"; none in this item');
  });

  it('names the ignore phrase that took away the only mention', async () => {
    const report = await explainUrl(options('https://tech.example/ep12'));
    expect(report.explanations[0]).toMatchObject({ outcome: { kept: false, reason: 'not-about-company' }, matching: { ignore: ['Apple Podcasts'], ignored: ['Apple Podcasts'] } });
    expect(output).toContain('ignore phrases: "Apple Podcasts"; removed from this item: "Apple Podcasts"');
    expect(output).toContain('alias "Apple" (case-sensitive): not found');
    expect(output).toContain('exclusion terms: "stock price"; not tested (no alias counted)');
  });

  it('names the exclusion term that dropped an item about the company', async () => {
    const report = await explainUrl(options('https://tech.example/stock'));
    expect(report.explanations[0]).toMatchObject({ outcome: { kept: false, reason: 'excluded' }, matching: { excludedBy: 'stock price' } });
    expect(output).toContain('hit: "stock price"');
  });

  it('shows the --since cut-off next to the date', async () => {
    const report = await explainUrl(options('https://tech.example/alarm', { since: new Date('2026-03-05T00:00:00Z') }));
    expect(report.explanations[0]).toMatchObject({ outcome: { kept: false, reason: 'before-since' }, date: { since: '2026-03-05T00:00:00.000Z' } });
  });

  it('exits 1 for a URL no source has, and writes nothing either way', async () => {
    const report = await explainUrl(options('https://tech.example/nowhere'));
    expect(report.exitCode).toBe(1);
    expect(output).toContain('https://tech.example/nowhere is not an item of the 1 configured source');
    expect((await readdir(dir)).sort()).toEqual(['companies']);
  });
});

describe('npm run fetch -- --explain (the CLI)', { timeout: 90_000 }, () => {
  const cli = (args: string[]) => runFetchCli(dir, args);

  it('prints the explanation for an item of a local feed and writes nothing', async () => {
    const result = await cli(['--explain', 'https://tech.example/ep12']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('apple feeds/tech.rss (Tech news): news, public voice');
    expect(result.stdout).toContain('verdict: skipped (not-about-company)');
    expect(result.stdout).toContain('[explain] nothing written');
    expect((await readdir(dir)).sort()).toEqual(['companies']);
  });

  it('lists --explain when an option is unknown', async () => {
    const result = await cli(['--explian', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--explain <item url>');
  });
});
