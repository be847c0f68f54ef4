/**
 * The ingest issue's "done when", as a test: a company file pointing at a few feeds on a
 * real HTTP server, one fetch, one build, and the mentions, the responses and the case they
 * form are on the site with the right figures.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFetch } from '../../scripts/stages/run-fetch.ts';
import { buildSite, type BuildResult } from '../../scripts/harness/build-site.ts';
import { startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';

const NOW = '2026-11-10T00:00:00Z';

const forumFeed = (base: string) => `<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Kettle forum</title><link>${base}/</link>
<item><title>Kettle &amp; Co kettle leaks after a week</title><link>${base}/t/1?utm_source=feed</link><guid>t1</guid>
<author>anna@example.org (Anna)</author><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;My Kettle &amp;amp; Co kettle leaks. Caf\u00e9 owners beware &lt;script&gt;alert(1)&lt;/script&gt;&lt;/p&gt;</description></item>
<item><title>Kettle &amp; Co lid broke too</title><link>${base}/t/2</link><guid>t2</guid><pubDate>Tue, 03 Nov 2026 10:00:00 GMT</pubDate>
<description>Same here, see &lt;a href="${base}/t/1"&gt;Anna's post&lt;/a&gt;</description></item>
<item><title>Kettle &amp; Co handle melted</title><link>${base}/t/3</link><guid>t3</guid><pubDate>Wed, 04 Nov 2026 10:00:00 GMT</pubDate>
<description>Nobody answers.</description></item>
<item><title>A toaster review</title><link>${base}/t/4</link><guid>t4</guid><pubDate>Wed, 04 Nov 2026 11:00:00 GMT</pubDate><description>Nothing to do with kettles.</description></item>
</channel></rss>`;

const answersFeed = (base: string, forum: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kettle help</title><id>urn:kettle-help</id><updated>2026-11-03T00:00:00Z</updated>
<entry><title>Re: leaking kettle</title><id>urn:kettle-help:1</id><link href="${base}/help/1"/><updated>2026-11-02T15:30:00Z</updated>
<author><name>KettleHelp</name></author><content type="html">&lt;p&gt;Sorry! A replacement is on its way: &lt;a href="${forum}/t/1"&gt;your post&lt;/a&gt;&lt;/p&gt;</content></entry>
</feed>`;

let server: FeedServer;
let contentDir: string;
let build: BuildResult;

beforeAll(async () => {
  server = await startFeedServer();
  const forum = server.url('/forum');
  server.route('/forum/feed.rss', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=iso-8859-1' }).end(Buffer.from(forumFeed(forum), 'latin1')));
  server.route('/help/feed.atom', (_req, res) => void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(answersFeed(server.url('/kettle'), forum)));
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-e2e-'));
  await mkdir(path.join(contentDir, 'companies'), { recursive: true });
  await writeFile(
    path.join(contentDir, 'companies', 'kettle-co.md'),
    [
      '---',
      'name: Kettle & Co',
      'aliases: [Kettle & Co]',
      'official:',
      '  authors: [KettleHelp]',
      'responseTargetHours: 12',
      'sources:',
      `  - url: "${server.url('/forum/feed.rss')}"`,
      '    channel: forum',
      `  - url: "${server.url('/help/feed.atom')}"`,
      '    channel: support',
      '    voice: company',
      '---',
      'We watch Kettle & Co.',
      '',
    ].join('\n'),
  );
  const report = await runFetch({ contentDir, companies: [], dryRun: false, now: new Date(NOW), userAgent: 'Watchblog/0.1 (+test@example.org)', out: { write: () => true } });
  expect(report).toMatchObject({ exitCode: 0, items: { new: 4, skipped: { 'not-about-company': 1 } } });
  build = await buildSite({ contentDir, now: NOW });
});

afterAll(async () => {
  await server.close();
  await rm(contentDir, { recursive: true, force: true });
});

describe('a company file, one fetch, one build', () => {
  it('builds without errors', () => {
    expect(build.code, build.output).toBe(0);
  });

  it('publishes the figures of the cases the fetched items form', async () => {
    const [company] = JSON.parse(await readFile(path.join(build.outDir, 'data/companies.json'), 'utf8'));
    // Two cases: the leak (joined by the lid post that links it, answered after 5 h 30 min)
    // and the melted handle (never answered, past the 12 h target, censored at its age of
    // 5 d 14 h). Kaplan–Meier: S(5.5 h) = 1 − 1/2 = 0.5, so the median is 5.5 h.
    expect(company.windows.all).toMatchObject({ cases: 2, responded: 1, responseRate: 0.5, medianFirstResponseHours: 5.5, withinTarget: 1, unanswered: 1, overdue: 1 });
  });

  it('shows the case timeline with the mention, the follow-up and the answer, as text', async () => {
    const cases = JSON.parse(await readFile(path.join(build.outDir, 'data/kettle-co/cases.json'), 'utf8'));
    const leak = cases.cases.find((c: { title: string }) => c.title.includes('leaks'));
    const html = await readFile(path.join(build.outDir, 'cases/kettle-co', leak.id, 'index.html'), 'utf8');
    expect(html).toContain('Kettle &amp; Co kettle leaks after a week');
    expect(html).toContain('Kettle &amp; Co lid broke too');
    expect(html).toContain('KettleHelp');
    expect(html).toContain('5 h 30 min');
    expect(html).toContain('Café');
    expect(html).toContain('Anna');
    expect(html).not.toContain('anna@example.org');
    expect(html).not.toMatch(/<script>alert/);
  });
});
