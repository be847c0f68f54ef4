/**
 * The trial that found the accuracy issue, kept as a test: Google, Microsoft and Apple followed
 * through real captured feeds (news sites, Reddit, YouTube, Mastodon, podcasts, blogs) served
 * from a loopback server, configured as a new user following the README would, fetched into a
 * temp content folder and threaded. No news story or podcast episode may be listed as
 * unanswered or overdue; a company with no watched answer channel is not graded; every item
 * says why it is there. Skips, saying so, without the corpora.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asksForAnswer } from '../../src/core/schemas.ts';
import type { CompanyRecord, Watchblog } from '../../src/core/watchblog.ts';
import { CORPORA_DIR, corpusPath } from '../../scripts/harness/corpora.ts';
import { CORPORA, skipWithout, type Requirement } from '../helpers/requirements.ts';
import { startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';
import { fetchAndThread } from '../helpers/fetch-runs.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const REAL_WORLD = 'rowanmanning-sample-feeds/content/real-world';

/** The public feeds of the trial, with the channel a maintainer would give each. */
const PUBLIC_FEEDS: { file: string; channel: 'news' | 'blog' | 'forum' | 'social' }[] = [
  { file: `${REAL_WORLD}/90c654888cac5a6037d18431d480abbf/feed.xml`, channel: 'news' }, // The Verge
  { file: `${REAL_WORLD}/2d055498ae801efb0bf0b6124009cac2/feed.xml`, channel: 'news' }, // The Guardian
  { file: `${REAL_WORLD}/244ffb56aadf3e0c66356f6177bd675b/feed.xml`, channel: 'news' }, // MacRumors
  { file: `${REAL_WORLD}/b95ff33276f20bd8ba5acf261a2df840/feed.xml`, channel: 'news' }, // Engadget
  { file: `${REAL_WORLD}/6d80261f6c746f21214c3ea9d006ec07/feed.xml`, channel: 'news' }, // BuzzFeed
  { file: 'rss-parser/test/input/heise.atom', channel: 'news' },
  { file: 'rss-parser/test/input/guardian.rss', channel: 'news' },
  { file: 'rss-parser/test/input/reddit.rss', channel: 'forum' },
  { file: 'rss-parser/test/input/reddit-home.rss', channel: 'forum' },
  { file: 'rss-parser/test/input/reddit-atom.rss', channel: 'forum' },
  { file: `${REAL_WORLD}/fa88e615794de0164b706a5c21619e61/feed.xml`, channel: 'social' }, // YouTube channel
  { file: `${REAL_WORLD}/f19a1363184d6e853b7e7d6c020102b8/feed.xml`, channel: 'social' }, // Mastodon
  { file: `${REAL_WORLD}/dedf3f57aadefbdc6b8ad6e17efca957/feed.xml`, channel: 'blog' }, // Off Menu podcast
  { file: 'rss-parser/test/input/giantbomb-podcast.rss', channel: 'blog' },
  { file: `${REAL_WORLD}/6769a7aac9914f98016cb5d26eef1939/feed.xml`, channel: 'blog' }, // a personal blog
];
/** Google's own blogs: the company's voice. */
const GOOGLE_FEEDS = ['rss-parser/test/input/feedburner.atom', 'rss-parser/test/input/many-links.rss'];

/** Company files as a new user writes them from the README. */
function companyFile(name: string, aliasesYaml: string[], extra: string[], sources: string[]): string {
  return ['---', `name: ${name}`, 'aliases:', ...aliasesYaml, ...extra, 'sources:', ...sources, '---', `We watch ${name}.`, ''].join('\n');
}

let server: FeedServer;
let contentDir: string;
let watchblog: Watchblog;
let fetchOutput = '';
const trialFiles = [...PUBLIC_FEEDS.map((f) => f.file), ...GOOGLE_FEEDS];
/** The corpora, with every feed of the trial in them. */
const TRIAL_FEEDS: Requirement = {
  missing: CORPORA.missing ?? (trialFiles.every((file) => existsSync(corpusPath(file))) ? null : `real feeds trial skipped: some of its feeds are missing from the corpora at ${CORPORA_DIR}`),
  requiredInCi: false,
};
const present = !skipWithout(TRIAL_FEEDS);

beforeAll(async () => {
  if (!present) return;
  server = await startFeedServer();
  const urlOf = (file: string) => server.url(`/${file.replace(/[^a-z0-9.]+/gi, '-')}`);
  for (const file of [...PUBLIC_FEEDS.map((f) => f.file), ...GOOGLE_FEEDS]) {
    const body = readFileSync(corpusPath(file));
    server.route(new URL(urlOf(file)).pathname, (_req, res) => void res.writeHead(200, { 'content-type': 'application/xml' }).end(body));
  }
  const publicSources = PUBLIC_FEEDS.flatMap((feed) => [`  - url: "${urlOf(feed.file)}"`, `    channel: ${feed.channel}`]);
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-trial-'));
  await mkdir(path.join(contentDir, 'companies'), { recursive: true });
  await writeFile(
    path.join(contentDir, 'companies', 'google.md'),
    companyFile('Google', ['  - Google', '  - text: Alphabet', '    context: [Google, GOOGL, Waymo, shareholders]'], ['official:', '  domains: [googleblog.com, google.com]'], [
      ...publicSources,
      ...GOOGLE_FEEDS.flatMap((file) => [`  - url: "${urlOf(file)}"`, '    channel: blog', '    voice: company']),
    ]),
  );
  await writeFile(path.join(contentDir, 'companies', 'microsoft.md'), companyFile('Microsoft', ['  - Microsoft'], [], publicSources));
  await writeFile(path.join(contentDir, 'companies', 'apple.md'), companyFile('Apple', ['  - text: Apple', '    caseSensitive: true', '  - iPhone'], ['ignore: [Apple Podcasts]'], publicSources));
  ({ watchblog, output: fetchOutput } = await fetchAndThread(contentDir, NOW));
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

const record = (slug: string): CompanyRecord => watchblog.companies.find((r) => r.company.slug === slug)!;
const channelOfSource = new Map(PUBLIC_FEEDS.map((feed) => [feed.file, feed.channel]));

describe.skipIf(!present)('real feeds, as a new user would follow three companies', () => {
  it('finds items about each company', () => {
    if (process.env.TRIAL_DUMP) for (const r of watchblog.companies) for (const c of r.cases) console.log(`TRIAL ${r.company.slug} | ${c.kind} | ${c.channel} | ${c.status} | ${c.title.slice(0, 60)} | ${c.events.map((e) => e.kind === 'mention' ? e.item.matchedPassage : '').join(' / ').slice(0, 140)}`);
    for (const slug of ['google', 'microsoft', 'apple']) expect(record(slug).cases.length, slug).toBeGreaterThan(0);
    expect(channelOfSource.size).toBe(PUBLIC_FEEDS.length);
  });

  it('never lists a news story, blog post or podcast episode as unanswered or overdue', () => {
    for (const r of watchblog.companies) {
      const ledger = new Set(r.scorecard.silenceLedger.map((entry) => entry.caseId));
      for (const kase of r.cases.filter((c) => c.channel === 'news' || c.channel === 'blog')) {
        expect(kase.kind, `${r.company.slug}: ${kase.title}`).toBe('coverage');
        expect(ledger.has(kase.id), `${r.company.slug}: ${kase.title}`).toBe(false);
      }
      for (const entry of r.scorecard.silenceLedger) expect(asksForAnswer(r.cases.find((c) => c.id === entry.caseId)!.kind)).toBe(true);
    }
  });

  it('does not grade Microsoft and Apple, which have no channel where they answer, and fetch says so', () => {
    for (const slug of ['microsoft', 'apple']) {
      const { scorecard } = record(slug);
      expect([scorecard.graded, scorecard.grade.letter, scorecard.grade.reason], slug).toEqual([false, null, 'no-answer-channel']);
      expect(scorecard.silenceLedger, slug).toEqual([]);
      expect(fetchOutput).toMatch(new RegExp(`${slug}\\.md: no channel where the company answers is watched`));
    }
  });

  it('does not grade Google F on news it could never answer', () => {
    const { scorecard } = record('google');
    expect(scorecard.graded).toBe(true);
    expect(scorecard.windows.all.casesByKind.coverage).toBeGreaterThan(0);
    expect(scorecard.windows.all.cases).toBeLessThan(record('google').cases.length);
  });

  it('shows why every item is there: the matched passage holds the matched term', () => {
    for (const r of watchblog.companies) {
      for (const kase of r.cases) {
        for (const event of kase.events.filter((e) => e.kind === 'mention')) {
          const { matchedTerm, matchedPassage } = event.item;
          expect(matchedTerm, `${r.company.slug}: ${event.item.title}`).toBeTruthy();
          expect(matchedPassage!.toLowerCase()).toContain(matchedTerm!.toLowerCase());
        }
      }
    }
  });

  it('never lists a podcast episode or a channel’s video as unanswered, whatever channel its feed is in', () => {
    for (const r of watchblog.companies) {
      for (const kase of r.cases.filter((c) => c.events.some((e) => e.kind === 'mention' && e.item.episode !== undefined && e === c.events[0]))) {
        expect(kase.kind, `${r.company.slug}: ${kase.title}`).toBe('coverage');
      }
    }
    const videos = record('google').cases.filter((c) => c.events[0]?.kind === 'mention' && c.events[0].item.episode === 'video');
    expect(videos.length).toBeGreaterThan(0);
  });

  it('does not take "Apple Podcasts" in show notes, or the sign-language alphabet, for the companies', () => {
    for (const kase of record('apple').cases) {
      const passages = kase.events.flatMap((e) => (e.kind === 'mention' && e.item.matchedTerm === 'Apple' ? [e.item.matchedPassage ?? ''] : []));
      for (const passage of passages) expect(/Apple(?! Podcasts)/.test(passage), kase.title).toBe(true);
    }
    expect(record('google').cases.map((c) => c.title).filter((title) => /sign language|ASL/i.test(title))).toEqual([]);
  });
});
