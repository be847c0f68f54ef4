/**
 * Kinds in the built site, from a tiny content tree: a news-only company with no channel
 * where it answers (not graded: no grade, no response figures, no silence ledger; its news in
 * "In the news", its coverage archive and news.xml, never in overdue.xml), and a company whose
 * customer replied after its answer (a follow-up on the timeline, "answered, customer
 * replied", why the mention is here with the matched term marked). In Chromium, the kind
 * filter of the search finds the coverage.
 */
import { writeContentTree } from '../helpers/content-tree.ts';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFolder } from '../../scripts/content/read-content.ts';
import { readContentFiles } from '../../src/core/content-entries.ts';
import { buildWatchblog, type Watchblog } from '../../src/core/watchblog.ts';
import { serializeContentFile } from '../../src/core/write/front-matter.ts';
import { searchBuiltSite } from '../../scripts/harness/browser.ts';
import { useSiteInChromium } from '../helpers/site-in-chromium.ts';
import { buildSite, type BuildResult } from '../../scripts/harness/build-site.ts';
import { readFeedsWithFeedparser } from '../helpers/independent-rss-readers.ts';
import { readDist } from './dist-helpers.ts';
import { CHROMIUM, FEEDPARSER, skipWithout } from '../helpers/requirements.ts';

const NOW = '2026-06-01T00:00:00Z';
const NEWS = 'newsy-corp';
const HELP = 'acme-help';
const NEWS_FEED = 'https://news.example/search?q=newsy.rss';
const FORUM = 'https://forum.example/acme.rss';
const SUPPORT = 'https://acme.example/support.atom';
const HOSTILE = '<script>alert("why")</script>';
/** A word only the newest news item holds, to find it by search. */
const RARE_WORD = 'quokkagram';

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 4, day, hour)).toISOString();

function item(company: string, id: string, publishedAt: string, fields: Record<string, unknown>): Record<string, unknown> {
  const url = (fields.url as string | undefined) ?? `https://${company}.example/items/${id}`;
  return { id, company, channel: 'forum', url, canonicalUrl: url, title: `Item ${id}`, author: `author-${id}`, publishedAt, fetchedAt: publishedAt, links: [], ...fields };
}

/** The content tree, written once per content digest. */
async function writeKindsContent(): Promise<string> {
  const answerUrl = 'https://acme.example/support/r1';
  const files: Record<string, string> = {
    [`companies/${NEWS}.md`]: serializeContentFile(
      { name: 'Newsy Corp', fictional: true, timeZone: 'UTC', sources: [{ url: NEWS_FEED, name: 'News search', channel: 'news', voice: 'public' }] },
      'Watched through the news only.\n',
    ),
    [`companies/${HELP}.md`]: serializeContentFile(
      {
        name: 'Acme Help',
        fictional: true,
        timeZone: 'UTC',
        sources: [
          { url: FORUM, name: 'Forum', channel: 'forum', voice: 'public', threaded: false },
          { url: SUPPORT, name: 'Support', channel: 'support', voice: 'company' },
        ],
      },
      'A company that answers in its support forum.\n',
    ),
    [`mentions/${NEWS}/n1.md`]: serializeContentFile(
      item(NEWS, 'n1', at(10), { source: NEWS_FEED, channel: 'news', title: 'Newsy Corp opens a plant', matchedTerm: 'Newsy Corp', matchedPassage: `…yesterday Newsy Corp opened a plant ${HOSTILE} in the north…` }),
      'Newsy Corp opened a plant.',
    ),
    [`mentions/${NEWS}/n2.md`]: serializeContentFile(
      item(NEWS, 'n2', at(20), { source: NEWS_FEED, channel: 'news', kind: 'coverage', title: 'Newsy Corp launches the Quokkagram', matchedTerm: 'Newsy Corp', matchedPassage: `Newsy Corp launched the ${RARE_WORD} today` }),
      `The ${RARE_WORD} is a camera.`,
    ),
    [`mentions/${NEWS}/n3.md`]: serializeContentFile(
      item(NEWS, 'n3', at(2), { source: NEWS_FEED, channel: 'news', title: 'Old Newsy Corp story (a file from before passages)' }),
      'An old story.',
    ),
    // Read as a problem by its author, but nobody watches where Newsy Corp would answer.
    [`mentions/${NEWS}/p1.md`]: serializeContentFile(
      item(NEWS, 'p1', at(1), { source: NEWS_FEED, channel: 'news', kind: 'problem', title: 'My Newsy Corp order never came' }),
      'My order never came.',
    ),
    [`mentions/${HELP}/m1.md`]: serializeContentFile(
      item(HELP, 'm1', at(5), { source: FORUM, kind: 'problem', title: 'Acme router keeps rebooting', matchedTerm: 'Acme', matchedPassage: 'my Acme router reboots every hour' }),
      'It reboots every hour.',
    ),
    [`mentions/${HELP}/m2.md`]: serializeContentFile(
      item(HELP, 'm2', at(7), { source: FORUM, kind: 'problem', title: 'Re: Acme router keeps rebooting', inReplyTo: [answerUrl], links: [answerUrl], matchedTerm: 'Acme', matchedPassage: 'the Acme fix did not help' }),
      'Still rebooting after the fix.',
    ),
    [`responses/${HELP}/r1.md`]: serializeContentFile(
      { ...item(HELP, 'r1', at(6), { source: SUPPORT, channel: 'support', url: answerUrl, title: 'Try the new firmware', author: 'AcmeCares' }), respondsTo: ['m1'], resolves: false },
      'Please install firmware 2.1.',
    ),
  };
  return writeContentTree(files, 'kinds');
}

/** The page's text without tags, entities decoded, whitespace squeezed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describe('kinds in a built site', () => {
  let build: BuildResult;
  let watchblog: Watchblog;
  const caseOf = (company: string, opener: string) => watchblog.companies.find((r) => r.company.slug === company)!.cases.find((c) => c.id === opener)!;

  beforeAll(async () => {
    const contentDir = await writeKindsContent();
    const read = await readContentFolder(contentDir);
    watchblog = buildWatchblog(readContentFiles(read.files).input, new Date(NOW));
    build = await buildSite({ contentDir, now: NOW });
    expect(build.code, build.output).toBe(0);
  });

  it('reads the content as the test means it: three coverage cases and one problem for Newsy Corp, one answered case for Acme Help', () => {
    const newsy = watchblog.companies.find((r) => r.company.slug === NEWS)!;
    expect(newsy.scorecard.graded).toBe(false);
    expect(newsy.cases.map((c) => [c.id, c.kind]).sort()).toEqual([['n1', 'coverage'], ['n2', 'coverage'], ['n3', 'coverage'], ['p1', 'problem']]);
    const help = caseOf(HELP, 'm1');
    expect([help.status, help.customerReplied, help.events.map((e) => e.item.id)]).toEqual(['answered', true, ['m1', 'r1', 'm2']]);
  });

  describe('the news-only company', () => {
    it('shows "Not graded" with a hint for maintainers, no response figures and no silence ledger', () => {
      const html = readDist(build.outDir, `companies/${NEWS}/index.html`);
      const text = textOf(html);
      expect(text).toContain('Not graded: no channel where it answers is watched');
      expect(text).toMatch(/a missing answer here proves nothing/);
      expect(text).toMatch(/Maintainers: add a source in the company’s voice.* official accounts/);
      expect(text).toContain('Counts problems and questions: 1 of 4 cases; coverage, praise and ideas are listed below, never counted as unanswered.');
      expect(html).not.toContain('id="silence"');
      expect(html).not.toContain('>overdue</span>');
      expect(text).not.toMatch(/Silence ledger|Response rate|Median first answer|Waiting for an answer/);
    });

    it('lists its news in "In the news", newest first, with a link to all its coverage', () => {
      const html = readDist(build.outDir, `companies/${NEWS}/index.html`);
      const section = html.slice(html.indexOf('id="news-h"'), html.indexOf('id="voices-h"'));
      const ids = [...section.matchAll(/href="\/cases\/newsy-corp\/([^/]+)\/"/g)].map((m) => m[1]);
      expect(ids).toEqual(['n2', 'n1', 'n3']);
      expect(section).toContain(`href="/companies/${NEWS}/news/"`);
    });

    it('reads "not graded" in the home table and on its badge', () => {
      const home = readDist(build.outDir, 'index.html');
      const row = home.slice(home.indexOf(`href="/companies/${NEWS}/"`));
      expect(row.slice(0, row.indexOf('</tr>'))).toContain('not graded');
      expect(readDist(build.outDir, `badges/${NEWS}.svg`)).toContain('>not graded</text>');
    });

    it('has a coverage archive marked for search with the kind filter, each item saying why it is here', () => {
      const html = readDist(build.outDir, `companies/${NEWS}/news/index.html`);
      expect([...html.matchAll(/<li id="news-([^"]+)"/g)].map((m) => m[1])).toEqual(['n2', 'n1', 'n3']);
      expect(html).toContain('<span data-pagefind-filter="kind">coverage</span>');
      expect(html).toContain(`Newsy Corp</mark> launched the ${RARE_WORD} today`);
    });

    it('shows a hostile passage as text, with the term marked, on the case page', () => {
      const html = readDist(build.outDir, `cases/${NEWS}/n1/index.html`);
      expect(html).not.toContain(HOSTILE);
      expect(html).toContain('&lt;script&gt;alert(&quot;why&quot;)&lt;/script&gt;');
      expect(html).toMatch(/Why this is here:<\/span> “…yesterday <mark>Newsy Corp<\/mark> opened a plant &lt;script&gt;/);
      const text = textOf(html.slice(html.indexOf('<article'), html.indexOf('</article>')));
      expect(text).toContain('Coverage — not scored');
      expect(text).toContain('Coverage, not scored: no answer expected.');
      expect(text).toContain('Coverage — not scored · kind read from its source and text. The scorecard counts problems and questions only.');
      expect(text).not.toMatch(/\bopen\b|waiting|no public answer/i);
      expect(html).toContain('<span data-pagefind-filter="kind">coverage</span>');
      expect(html).toContain('<span data-pagefind-filter="status">not scored</span>');
    });

    it('shows no "why this is here" for an item from before passages were stored', () => {
      expect(readDist(build.outDir, `cases/${NEWS}/n3/index.html`)).not.toContain('Why this is here');
    });

    it('lists its news feed on the feeds page', () => {
      expect(readDist(build.outDir, 'feeds/index.html')).toContain(`href="/companies/${NEWS}/news.xml"`);
    });

    it.skipIf(skipWithout(FEEDPARSER))('serves its coverage in news.xml and nothing in overdue.xml', async () => {
      const [news, overdue] = await readFeedsWithFeedparser([`companies/${NEWS}/news.xml`, `companies/${NEWS}/overdue.xml`].map((f) => path.join(build.outDir, f)));
      expect(news!.bozo, news!.bozoException ?? undefined).toBe(0);
      expect(news!.entries.map((e) => e.id)).toEqual(['news:newsy-corp:n2', 'news:newsy-corp:n1', 'news:newsy-corp:n3']);
      expect(overdue!.bozo, overdue!.bozoException ?? undefined).toBe(0);
      expect(overdue!.entries).toEqual([]);
    });
  });

  describe('a case whose customer replied after the answer', () => {
    it('labels the reply "Follow-up", marks why each mention is here and reads "answered, customer replied"', () => {
      const html = readDist(build.outDir, `cases/${HELP}/m1/index.html`);
      expect(html).toContain('<span class="tag status-answered">answered, customer replied</span>');
      expect(html.match(/<span class="tag follow-up">Follow-up<\/span>/g)).toHaveLength(1);
      // The opening mention's passage sits at the top of the searchable body; the reply's on the timeline.
      const body = html.slice(html.indexOf('data-pagefind-body'));
      expect(body).toContain('my <mark>Acme</mark> router reboots every hour');
      expect(body).toContain('the <mark>Acme</mark> fix did not help');
      expect(textOf(html)).toContain('Problem · kind recorded in the opening mention’s file');
    });
  });

  describe.skipIf(skipWithout(CHROMIUM))('in Chromium', () => {
    const site = useSiteInChromium(() => build.outDir);

    it('finds the coverage under the kind filter, with why it is here in the snippet', async () => {
      const { context, page, hrefs } = await searchBuiltSite(site.browser, site.siteUrl, `q=${RARE_WORD}&kind=coverage`);
      expect(hrefs).toContain(`/cases/${NEWS}/n2/`);
      expect(hrefs.every((href) => href.startsWith(`/cases/${NEWS}/`) || href.startsWith(`/companies/${NEWS}/news/`))).toBe(true);
      await expect(page.locator('#search-filters input[name="kind"][value="coverage"]').isChecked()).resolves.toBe(true);
      const snippets = await page.locator('#search-results li p:not(.search-meta)').allTextContents();
      expect(snippets.join(' ')).toContain(`launched the ${RARE_WORD} today`);
      // Under the problem filter, the coverage is gone.
      await page.goto(`${site.siteUrl}search/?q=${RARE_WORD}&kind=problem`);
      await page.waitForSelector('#search-form[data-ready="true"]');
      await page.waitForFunction(() => /^(\d+ results? for|Nothing matches)/.test(document.getElementById('search-status')?.textContent ?? ''));
      await expect(page.locator('#search-results a').count()).resolves.toBe(0);
      await context.close();
    });
  });
});
