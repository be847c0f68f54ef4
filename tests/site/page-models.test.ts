/**
 * The page models pages render without computing anything: the company page's charts and
 * grade formula, the case page's timeline wording, the archives' counts and pages, the one
 * join of posts and cases, the table of company feeds, the grade badge and the sparkline.
 */
import { describe, expect, it } from 'vitest';
import { GRADE_THRESHOLDS } from '../../src/core/metrics/index.ts';
import { CompanySchema, PostSchema } from '../../src/core/schemas.ts';
import { buildArchivesIndex, buildCompanyArchive, listChannelArchivePages, listCompanyMonthPages, listStatusArchivePages } from '../../src/core/site/case-archives.ts';
import { buildCaseCard, buildCasePage, describeCaseFeed } from '../../src/core/site/case-page.ts';
import { describeCaseListLine } from '../../src/core/site/case-kinds.ts';
import { listNewsPages, listSaidPages } from '../../src/core/site/company-lists.ts';
import { describeSourceHealth } from '../../src/core/site/source-label.ts';
import { formatCount } from '../../src/core/site/text.ts';
import { buildSparkline } from '../../src/core/site/charts.ts';
import { buildCompanyFeed, COMPANY_FEED_KINDS, COMPANY_FEEDS, listCompanyFeeds } from '../../src/core/site/company-feeds.ts';
import { buildCompanyPage, describeGradeFormula } from '../../src/core/site/company-page.ts';
import { buildCompanyTrends, formatHoursAxis, TREND_MONTHS } from '../../src/core/site/company-trends.ts';
import { describeGrade } from '../../src/core/site/grade-view.ts';
import { buildHomePage, buildHomeTable, HOME_LIMITS } from '../../src/core/site/home-table.ts';
import { ARCHIVE_PAGE_SIZE } from '../../src/core/site/lists.ts';
import { createPaths } from '../../src/core/site/paths.ts';
import { linkPostsAndCases } from '../../src/core/site/post-links.ts';
import { toPost } from '../../src/core/content-entries.ts';
import { buildWatchblog, type Watchblog } from '../../src/core/watchblog.ts';
import { mention, response } from '../helpers/items.ts';

const NOW = new Date('2026-03-10T00:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const companyEntry = (slug: string, name: string) => ({ ...CompanySchema.parse({ name, official: { authors: [`${name}Cares`] } }), slug, intro: '' });
const paths = createPaths('/');

/**
 * Acme: an answered forum problem (resolved by the answer), an unanswered forum problem, a
 * problem on social media without a web link, answered, and a statement with no title or web link; Beta: one old
 * open problem. One post cites an Acme case and both companies.
 */
function demo(): Watchblog {
  return buildWatchblog(
    {
      companies: [companyEntry('acme', 'Acme'), companyEntry('beta', 'Beta')],
      mentions: [
        mention('a1', daysAgo(40)),
        mention('a2', daysAgo(10)),
        mention('a3', daysAgo(5), { channel: 'social', url: 'not a link' }),
        mention('b1', daysAgo(100), { company: 'beta' }),
      ],
      responses: [
        response('r1', daysAgo(39.5), { respondsTo: ['a1'], resolves: true, author: 'AcmeCares' }),
        response('r3', daysAgo(4), { respondsTo: ['a3'], author: 'AcmeCares' }),
        response('s1', daysAgo(2), { title: '', url: 'javascript:alert(1)', author: '' }),
      ],
      overrides: [],
      posts: [
        toPost('on-acme', PostSchema.parse({ title: 'On Acme', date: daysAgo(1), companies: ['acme', 'beta', 'gone'], cases: ['a1', 'missing'] }), ''),
        toPost('older', PostSchema.parse({ title: 'Older', date: daysAgo(3), cases: ['a1'] }), ''),
      ],
    },
    NOW,
  );
}

const watchblog = demo();
const acme = watchblog.companies.find((r) => r.company.slug === 'acme')!;
const beta = watchblog.companies.find((r) => r.company.slug === 'beta')!;

describe('the company page model', () => {
  it('derives the letters of the grade formula from GRADE_THRESHOLDS, so the page cannot drift from the grading', () => {
    const formula = describeGradeFormula(48);
    for (const { letter, minScore } of GRADE_THRESHOLDS) expect(formula).toContain(`${letter} ≥ ${minScore}`);
    expect(formula).toMatch(/^Score = \d+ % response rate \+ \d+ % answered within 48 h \+ \d+ % resolution rate\. A ≥ \d+, .*\.$/);
    expect(buildCompanyPage(acme).formula).toBe(describeGradeFormula(acme.company.responseTargetHours));
  });

  it('totals the channels of the last 12 months from the trend, leaving out channels without cases', () => {
    const trends = buildCompanyTrends(acme);
    expect(trends.labels).toHaveLength(TREND_MONTHS);
    expect(trends.channels).toEqual([
      { label: 'forum', value: 2 },
      { label: 'social', value: 1 },
    ]);
    expect(trends.channelsDesc).toBe('forum: 2, social: 1');
    expect(trends.opened.reduce((a, b) => a + b, 0)).toBe(3);
    expect(trends.openedDesc).toBe(`3 problems and questions opened in the last 12 months; the busiest month had ${Math.max(...trends.opened)}.`);
  });

  it('labels months before the record began by how far back they are', () => {
    const labels = buildCompanyTrends(beta).labels;
    expect(labels[0]).toMatch(/^−\d+$|^\d{4}-\d{2}$/);
    expect(labels[TREND_MONTHS - 1]).toBe('2026-03');
  });

  it('writes the median chart’s axis in days from 72 h up', () => {
    expect([formatHoursAxis(48), formatHoursAxis(72), formatHoursAxis(240)]).toEqual(['48 h', '3 d', '10 d']);
  });

  it('lists statements with a title, a link only when http(s), and the company as the author when unknown', () => {
    const model = buildCompanyPage(acme);
    expect(model.statements).toEqual([{ title: 'Untitled statement', url: null, author: 'Acme', channel: 'support', publishedAt: daysAgo(2), excerpt: '' }]);
    expect(model.saidTotal).toBe(3);
    expect(model.caseCount).toBe(3);
  });

  it('says misses wait for the target only where the company is graded', () => {
    expect(buildCompanyPage(acme).scorecardNote).toBe('Each figure comes with the number of cases behind it. Cases still inside the 24 h target are not yet counted as misses.');
  });
});

describe('the case page model', () => {
  const answered = acme.cases.find((c) => c.id === 'a1')!;
  const view = buildCasePage(answered, 'Acme');

  it('words each timeline entry: who, when relative to the opening, and whether it resolves', () => {
    expect(view.timeline.map((e) => [e.voice, e.elapsed, e.elapsedNote])).toEqual([
      ['Public', { text: 'Case opened', strong: false }, ''],
      ['Acme (company)', { text: 'First answer, 12 h after the case opened', strong: true }, ' · marked as resolving the case'],
    ]);
  });

  it('closes a resolved case’s timeline with how long it took', () => {
    expect(view.resolution).toEqual({ at: answered.resolvedAt, text: 'Resolved 12 h after the case opened.' });
    expect(buildCasePage(acme.cases.find((c) => c.id === 'a2')!, 'Acme').resolution).toBeNull();
  });

  it('links an item only when its address is http(s), naming the host', () => {
    expect(view.timeline[0]!.link).toEqual({ url: 'https://forum.example/t/a1', host: 'forum.example' });
    const onX = buildCasePage(acme.cases.find((c) => c.id === 'a3')!, 'Acme');
    expect(onX.timeline[0]!.link).toBeNull();
  });

  it('says who decided the kind, and why a kind the scorecard leaves out does not count', () => {
    expect(view.kindNote).toBe('· kind read from its source and text.');
  });

  it('titles the page and its feed after the case and the company', () => {
    expect([view.title, view.feedTitle]).toEqual([`${answered.title} (Acme)`, `Follow this case: ${answered.title}`]);
    expect(describeCaseFeed(answered, 'Acme').title).toBe(`${answered.title} (Acme) — Watchblog`);
    expect(view.description.startsWith('Acme, Problem, resolved: ')).toBe(true);
  });
});

describe('the archives', () => {
  it('counts cases by company, channel and status', () => {
    const index = buildArchivesIndex(watchblog);
    expect(index.total).toBe(4);
    expect(index.companies).toEqual([
      { slug: 'acme', name: 'Acme', cases: 3 },
      { slug: 'beta', name: 'Beta', cases: 1 },
    ]);
    expect(index.channels).toEqual([
      { channel: 'forum', cases: 3 },
      { channel: 'social', cases: 1 },
    ]);
    expect(index.statuses.map((s) => [s.status, s.cases])).toEqual([
      ['open', 2],
      ['answered', 1],
      ['resolved', 1],
    ]);
  });

  it('gives channels with cases and every status one page each here, the first at the archive’s own path', () => {
    const channels = listChannelArchivePages(watchblog);
    expect(channels.map((p) => [p.key, p.pageParam, p.page.total])).toEqual([
      ['forum', undefined, 3],
      ['social', undefined, 1],
    ]);
    expect(channels[0]).toMatchObject({ title: 'Cases raised on forum', summary: '3 cases across companies, newest first (dates in UTC).', companyNames: { acme: 'Acme', beta: 'Beta' } });
    expect(listStatusArchivePages(watchblog).map((p) => p.key)).toEqual(['open', 'answered', 'resolved']);
  });

  it('numbers the pages after the first in the title, the summary and the route', () => {
    const many = buildWatchblog(
      { companies: [companyEntry('acme', 'Acme')], mentions: Array.from({ length: ARCHIVE_PAGE_SIZE + 1 }, (_, i) => mention(`m${i}`, daysAgo(1 + i / 100))), responses: [], overrides: [], posts: [] },
      NOW,
    );
    const second = listChannelArchivePages(many)[1]!;
    expect([second.pageParam, second.title, second.summary]).toEqual(['2', 'Cases raised on forum, page 2', `${ARCHIVE_PAGE_SIZE + 1} cases across companies, newest first (dates in UTC); page 2 of 2.`]);
    expect(listCompanyMonthPages(many.companies[0]!).map((p) => [p.pageParam, p.title])).toEqual([
      [undefined, 'Acme: cases opened in 2026-03'],
      ['2', 'Acme: cases opened in 2026-03, page 2'],
    ]);
  });

  it('counts a company’s answered and resolved cases by month', () => {
    expect(buildCompanyArchive(acme).months).toEqual([
      { month: '2026-03', cases: 1, answered: 1, resolved: 0 },
      { month: '2026-02', cases: 1, answered: 0, resolved: 0 },
      { month: '2026-01', cases: 1, answered: 1, resolved: 1 },
    ]);
  });
});

describe('a company’s said and news lists', () => {
  it('words each thing the company said: a title even when it has none, a link only when http(s), the cases it is on', () => {
    const [only] = listSaidPages(acme);
    expect(only!.lede).toBe('Everything Acme said in public that this watch blog shows, newest first: 2 answers on cases and 1 statement that answer no case.');
    expect(only!.searchFilters).toEqual({ company: 'Acme', voice: 'company', channel: ['support'] });
    const [statement, onA3] = only!.page.items;
    expect(statement).toMatchObject({ kind: 'statement', title: 'Untitled statement', author: 'Acme', link: null, casesLead: null, cases: [] });
    expect(onA3).toMatchObject({ kind: 'answer', title: 'Answer r3', link: { url: 'https://acme.example/support/r3', host: 'acme.example' }, casesLead: 'On the case', cases: [{ id: 'a3', notCounted: null }] });
  });

  it('gives a company without coverage one news page that says it has 0 items', () => {
    const [only] = listNewsPages(acme);
    expect(only!.page.total).toBe(0);
    expect(only!.lede).toMatch(/newest first: 0 items\. They are listed, never scored/);
    expect(only!.title).toBe('Acme in the news');
    expect(only!.searchFilters, 'an empty news page is left out of the search index, and of its filter counts').toBeNull();
  });
});

describe('counts in words', () => {
  it.each([
    [0, 'mention', '0 mentions'],
    [1, 'mention', '1 mention'],
    [2, 'counted response', '2 counted responses'],
  ] as const)('writes %i %s as %j', (count, noun, text) => {
    expect(formatCount(count, noun)).toBe(text);
  });

  it('sums up a cited case and a case list line with their counts', () => {
    const kase = acme.cases.find((c) => c.id === 'a1')!;
    expect(buildCaseCard(kase).summary).toBe('Answered in 12 h; resolved in 12 h. 1 mention, 1 counted response.');
    expect(describeCaseListLine(kase).mentions).toBe('1 mention');
  });

  it.each([
    [undefined, 'not fetched yet'],
    [{ consecutiveFailures: 0 }, 'healthy'],
    [{ consecutiveFailures: 3 }, 'failing (3 in a row)'],
  ] as const)('describes a source with health %j as %j', (health, text) => {
    expect(describeSourceHealth(health as Parameters<typeof describeSourceHealth>[0])).toBe(text);
  });
});

describe('posts and the cases they cite', () => {
  const links = linkPostsAndCases(watchblog);

  it('lists the posts about a case, newest first, and none for an uncited case', () => {
    expect(links.postsAbout('a1').map((p) => p.slug)).toEqual(['on-acme', 'older']);
    expect(links.postsAbout('a2')).toEqual([]);
  });

  it('resolves a post’s companies and cases, leaving out ids the watch blog does not have', () => {
    const post = watchblog.posts.find((p) => p.slug === 'on-acme')!;
    expect(links.companiesOf(post).map((r) => r.company.slug)).toEqual(['acme', 'beta']);
    expect(links.casesOf(post).map(({ kase, record }) => [kase.id, record.company.slug])).toEqual([['a1', 'acme']]);
  });
});

describe('the table of company feeds', () => {
  it('gives every feed a distinct file, title and description', () => {
    const feeds = COMPANY_FEED_KINDS.map((kind) => COMPANY_FEEDS[kind]);
    expect(new Set(feeds.map((f) => f.file)).size).toBe(feeds.length);
    expect(new Set(feeds.map((f) => f.description)).size).toBe(feeds.length);
    expect(listCompanyFeeds(paths, 'acme', 'Acme').map((f) => [f.title, f.href])).toEqual(
      COMPANY_FEED_KINDS.map((kind) => [`Acme: ${COMPANY_FEEDS[kind].label('Acme')}`, `/companies/acme/${COMPANY_FEEDS[kind].file}`]),
    );
  });

  it.each([
    ['all', 'Acme: all activity — Watchblog', 'https://w.example/companies/acme/'],
    ['said', 'Acme: what Acme said (answers and statements) — Watchblog', 'https://w.example/companies/acme/said/'],
    ['news', 'Acme: in the news (coverage, never scored) — Watchblog', 'https://w.example/companies/acme/news/'],
  ] as const)('serves the %s feed titled %j, linked to %s', (kind, title, pageUrl) => {
    const feed = buildCompanyFeed(acme, kind, watchblog.posts, paths, 'https://w.example');
    expect(feed).toMatchObject({ title, pageUrl, selfUrl: `https://w.example/companies/acme/${COMPANY_FEEDS[kind].file}`, description: COMPANY_FEEDS[kind].description });
  });
});

describe('small views', () => {
  it.each([
    [{ letter: 'B', score: 72, reason: null }, { letter: 'B', text: null, title: 'Score 72 of 100' }],
    [{ letter: null, score: null, reason: 'no-answer-channel' }, { letter: null, text: 'not graded', title: 'No channel where the company answers is watched' }],
    [{ letter: null, score: null, reason: 'not-enough-data' }, { letter: null, text: 'not enough data', title: null }],
  ] as const)('shows the grade %j as %j', (grade, view) => {
    expect(describeGrade(grade)).toEqual(view);
  });

  it('reads a sparkline aloud by its first and last known month, as the published rates round', () => {
    expect(buildSparkline([null, 0.404, null, 0.755], 'Acme').summary).toBe('Acme, last 12 months: from 40 % to 76 %');
    expect(buildSparkline([null, null], 'Acme').summary).toBe('Acme: no cases in the last 12 months');
  });

  it('puts the table, the latest activity and the newest posts on the home page, within HOME_LIMITS', () => {
    const home = buildHomePage(watchblog, 'grade');
    expect(home.companyCount).toBe(2);
    expect(home.table).toEqual(buildHomeTable(watchblog.companies, 'grade', watchblog.asOf));
    expect(home.activity.length).toBeLessThanOrEqual(HOME_LIMITS.activity);
    expect(home.posts.map((p) => p.slug)).toEqual(['on-acme', 'older']);
  });

  it('draws the home table’s sparkline from the row’s own monthly response rates', () => {
    for (const row of buildHomeTable(watchblog.companies, 'name', watchblog.asOf).rows) {
      expect(row.sparkline).toEqual(buildSparkline(row.answeredPerMonth, `${row.name}: share of cases answered per month`));
    }
  });
});
