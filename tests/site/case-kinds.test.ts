/**
 * The site shows what the core knows about kinds: each case's kind and who decided it, a
 * status that never calls coverage "open", "why this is here" with the matched term marked
 * (text only, whatever the passage holds), the company page of a company nobody can grade,
 * and feeds about silence that never carry coverage, praise or ideas.
 */
import { describe, expect, it } from 'vitest';
import { CompanySchema, type MentionKind } from '../../src/core/schemas.ts';
import { buildBadgeSvg } from '../../src/core/site/badge.ts';
import { buildWhyHere, describeCaseKind, describeCaseListLine, describeCaseStatus, whyHereText } from '../../src/core/site/case-kinds.ts';
import { buildCasePage } from '../../src/core/site/case-page.ts';
import { buildCompanyPage, buildNewsEntry, COMPANY_PAGE_LIMITS } from '../../src/core/site/company-page.ts';
import { buildActivityFeedItems, buildCaseItem, buildCompanyFeedItems, buildNewsFeedItems, buildOverdueFeedItems, describeCaseState, type FeedUrls } from '../../src/core/site/feed-items.ts';
import { buildHomeTable } from '../../src/core/site/home-table.ts';
import { listCasesWithStatus } from '../../src/core/site/lists.ts';
import { createPaths } from '../../src/core/site/paths.ts';
import { listCompanyFeeds } from '../../src/core/site/company-feeds.ts';
import type { Case } from '../../src/core/types.ts';
import { buildWatchblog, type CompanyRecord } from '../../src/core/watchblog.ts';
import { makeCase, NOW, hoursBeforeNow } from '../core/metrics/case-factory.ts';
import { mention, override, response } from '../helpers/items.ts';

const URLS: FeedUrls = {
  caseUrl: (kase) => `https://w.example/cases/${kase.company}/${kase.id}/`,
  postUrl: (post) => `https://w.example/posts/${post.slug}/`,
  saidUrl: (slug) => `https://w.example/companies/${slug}/said/`,
};
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const company = (extra: Record<string, unknown> = {}) => ({ ...CompanySchema.parse({ name: 'Acme', ...extra }), slug: 'acme', intro: '' });

describe('a case’s kind', () => {
  it.each([
    ['problem', 'inferred', 'Problem', true, 'read from its source and text'],
    ['question', 'mention', 'Question', true, 'recorded in the opening mention’s file (set by the maintainer; fetch never writes it)'],
    ['coverage', 'case-override', 'Coverage — not scored', false, 'set by the maintainer in the case file'],
    ['praise', 'inferred', 'Praise — not scored', false, 'read from its source and text'],
    ['idea', 'inferred', 'Idea — not scored', false, 'read from its source and text'],
  ] as const)('labels a %s case decided by %s as %j (scored: %s)', (kind, kindFrom, label, scored, decidedBy) => {
    expect(describeCaseKind({ kind, kindFrom })).toEqual({ kind, label, scored, decidedBy });
  });
});

describe('a case’s status as readers read it', () => {
  it.each([
    ['problem', 'open', false, 'open', 'open'],
    ['question', 'answered', false, 'answered', 'answered'],
    ['problem', 'answered', true, 'answered', 'answered, customer replied'],
    ['problem', 'resolved', false, 'resolved', 'resolved'],
    ['coverage', 'open', false, 'not-scored', 'not scored'],
    ['praise', 'open', false, 'not-scored', 'not scored'],
    ['idea', 'answered', false, 'answered', 'answered'],
  ] as const)('shows a %s case with status %s (customer replied: %s) as %s, %j', (kind, status, customerReplied, key, label) => {
    expect(describeCaseStatus({ kind, status, customerReplied })).toEqual({ key, label });
  });

  it.each(['coverage', 'praise', 'idea'] as const)('never says an unanswered %s case waits for an answer', (kind) => {
    const kase = makeCase({ id: 'c', openedAt: hoursBeforeNow(500), kind });
    const words = [describeCaseState(kase), describeCaseListLine(kase).answer, describeCaseStatus(kase).label, buildCaseItem(kase, 'Acme', 'https://w.example/c/').title].join(' | ');
    expect(words).not.toMatch(/\bopen\b|overdue|no public answer|waiting/i);
    expect(describeCaseState(kase)).toMatch(/not scored: no answer expected\.$/);
  });

  it('says the customer replied after an answer', () => {
    const kase = makeCase({ id: 'c', openedAt: hoursBeforeNow(10), firstResponseAt: hoursBeforeNow(8), customerReplied: true });
    expect(describeCaseState(kase)).toBe('Answered in 2 h; the customer replied since.');
  });
});

describe('why this is here', () => {
  it.each([
    ['marks the matched term', { matchedTerm: 'Google Maps', matchedPassage: '…the new Google Maps layout hides transit…' }, [
      { text: '…the new ', marked: false },
      { text: 'Google Maps', marked: true },
      { text: ' layout hides transit…', marked: false },
    ]],
    ['marks every occurrence, whatever its case', { matchedTerm: 'Acme', matchedPassage: 'ACME said acme will call' }, [
      { text: 'ACME', marked: true },
      { text: ' said ', marked: false },
      { text: 'acme', marked: true },
      { text: ' will call', marked: false },
    ]],
    ['shows a passage without the term unmarked', { matchedTerm: 'Zephyr', matchedPassage: 'nothing here' }, [{ text: 'nothing here', marked: false }]],
    ['shows a passage without a term unmarked', { matchedPassage: 'just text' }, [{ text: 'just text', marked: false }]],
    ['keeps hostile markup as text in its segments', { matchedTerm: 'Acme', matchedPassage: '<script>alert(1)</script> Acme <img src=x onerror=alert(2)>' }, [
      { text: '<script>alert(1)</script> ', marked: false },
      { text: 'Acme', marked: true },
      { text: ' <img src=x onerror=alert(2)>', marked: false },
    ]],
  ] as const)('%s', (_title, item, segments) => {
    expect(buildWhyHere(item)).toEqual(segments);
  });

  it.each([
    ['no fields (files written before matching stored them)', {}],
    ['a term but no passage', { matchedTerm: 'Acme' }],
    ['a blank passage', { matchedTerm: 'Acme', matchedPassage: '   ' }],
  ])('shows nothing for %s', (_title, item) => {
    expect(buildWhyHere(item)).toBeNull();
    expect(whyHereText(buildWhyHere(item))).toBe('');
  });

  it('cuts a hand-edited passage that is far too long', () => {
    const segments = buildWhyHere({ matchedTerm: 'Acme', matchedPassage: `Acme ${'word '.repeat(200)}` })!;
    expect(whyHereText(segments).length).toBeLessThanOrEqual(240);
    expect(segments[0]).toEqual({ text: 'Acme', marked: true });
  });
});

describe('the case page model', () => {
  const record = buildWatchblog(
    {
      companies: [company({ official: { authors: ['AcmeCares'] } })],
      mentions: [
        mention('m1', daysAgo(3), { matchedTerm: 'Acme', matchedPassage: 'my Acme router <b>died</b>', kind: 'problem' }),
        mention('m2', daysAgo(1), { inReplyTo: ['https://acme.example/support/r1'], links: ['https://acme.example/support/r1'], matchedTerm: 'Acme', matchedPassage: 'still broken, Acme' }),
      ],
      responses: [response('r1', daysAgo(2), { respondsTo: ['m1'] })],
      overrides: [],
      posts: [],
    },
    NOW,
  ).companies[0]!;
  const kase = record.cases[0]!;
  const view = buildCasePage(kase, 'Acme');

  it('threads the customer’s reply into the case as a follow-up', () => {
    expect(record.cases).toHaveLength(1);
    expect(view.timeline.map((entry) => [entry.event.item.id, entry.followUp, entry.isFirstAnswer])).toEqual([
      ['m1', false, false],
      ['r1', false, true],
      ['m2', true, false],
    ]);
  });

  it('shows why the case is here at the top and why each later mention is here on the timeline', () => {
    expect(view.whyHereText).toBe('my Acme router <b>died</b>');
    expect(view.timeline.map((entry) => whyHereText(entry.whyHere))).toEqual(['', '', 'still broken, Acme']);
  });

  it('reads "answered, customer replied" and gives the search filters their kind', () => {
    expect(view.status).toEqual({ key: 'answered', label: 'answered, customer replied' });
    expect(view.kind.label).toBe('Problem');
    expect(view.filters).toEqual({ company: 'Acme', status: 'answered', kind: 'problem', channel: ['forum', 'support'], voice: ['public', 'company'] });
  });

  it('files unanswered coverage under "not scored", never "open"', () => {
    const coverage = buildCasePage(makeCase({ id: 'n', openedAt: hoursBeforeNow(100), kind: 'coverage', kindFrom: 'case-override' }), 'Acme');
    expect(coverage.filters.status).toBe('not scored');
    expect(coverage.filters.kind).toBe('coverage');
    expect(coverage.kind.decidedBy).toBe('set by the maintainer in the case file');
  });
});

/** A company with cases of every kind: problems (one overdue), coverage, praise and ideas. */
function everyKind(extra: Record<string, unknown>): CompanyRecord {
  const kinds: [string, MentionKind, number][] = [
    ['p1', 'problem', 400],
    ['p2', 'question', 5],
    ['n1', 'coverage', 300],
    ['n2', 'coverage', 2],
    ['n3', 'coverage', 600],
    ['g1', 'praise', 50],
    ['i1', 'idea', 10],
  ];
  return buildWatchblog(
    {
      companies: [company(extra)],
      mentions: kinds.map(([id, kind, age]) => mention(id, daysAgo(age), { kind, title: `${kind} ${id}` })),
      responses: [],
      overrides: [override('n3', { kind: 'coverage' })],
      posts: [],
    },
    NOW,
  ).companies[0]!;
}

describe('the company page model', () => {
  it('for a graded company, counts problems and questions only and takes "waiting for an answer" from the figures’ window', () => {
    const record = everyKind({ official: { authors: ['AcmeCares'] } });
    const model = buildCompanyPage(record);
    expect(model.headline.state).toBe('not-enough-data');
    expect(model.scopeNote).toBe('Counts problems and questions: 2 of 7 cases; coverage, praise and ideas are listed below, never counted as unanswered.');
    // p1 is open for 400 days: in the ledger (any age), outside the 12-month window beside the grade.
    expect(record.scorecard.silenceLedger.map((e) => e.caseId)).toEqual(['p1', 'p2']);
    expect(model.figuresCaption).toBe('Problems and questions opened in the last 12 months');
    expect(model.figures.find((f) => f.label === 'Waiting for an answer')?.value).toBe('1');
    expect(model.ledger?.entries.map((e) => e.caseId)).toEqual(['p1', 'p2']);
    expect(model.recent.cases.map((c) => c.id)).toEqual(['p2', 'p1']);
    expect(model.news.cases.map((c) => c.id)).toEqual(['n2', 'n1', 'n3']);
    expect(model.voices.cases.map((c) => c.id)).toEqual(['i1', 'g1']);
    expect(model.scorecardRows.map((r) => r.label)).toContain('Response rate');
  });

  it('for a company where no answer channel is watched, shows "Not graded", a hint, no response figures and no ledger', () => {
    const record = everyKind({});
    expect(record.scorecard.graded).toBe(false);
    const model = buildCompanyPage(record);
    expect(model.headline.state).toBe('not-graded');
    expect(model.headline.text).toBe('Not graded: no channel where it answers is watched');
    expect(model.headline.state === 'not-graded' && model.headline.hint).toMatch(/voice: company.*official/);
    expect(model.formula).toBeNull();
    expect(model.figures).toEqual([]);
    expect(model.ledger).toBeNull();
    expect(model.showResponseChart).toBe(false);
    const labels = model.scorecardRows.map((r) => r.label).join(' | ');
    expect(labels).not.toMatch(/Response rate|first response|Unanswered|Overdue|Grade|within/i);
    expect(model.news.total).toBe(3);
    expect(model.description).toMatch(/not graded/);
    expect(model.gradeSummary).toBe('not graded');
  });

  it('caps "In the news" and keeps the total for the archive link', () => {
    const mentions = Array.from({ length: COMPANY_PAGE_LIMITS.news + 5 }, (_, i) => mention(`n${i}`, daysAgo(i + 1), { kind: 'coverage' }));
    const record = buildWatchblog({ companies: [company()], mentions, responses: [], overrides: [], posts: [] }, NOW).companies[0]!;
    const model = buildCompanyPage(record);
    expect(model.news.cases).toHaveLength(COMPANY_PAGE_LIMITS.news);
    expect(model.news.total).toBe(COMPANY_PAGE_LIMITS.news + 5);
    expect(model.news.cases[0]!.id).toBe('n0');
  });

  it('gives a news entry its opening item’s author, link and passage', () => {
    const record = buildWatchblog(
      { companies: [company()], mentions: [mention('n', daysAgo(1), { kind: 'coverage', matchedTerm: 'Acme', matchedPassage: 'Acme buys Beta', url: 'javascript:alert(1)', excerpt: 'Long *story*.' })], responses: [], overrides: [], posts: [] },
      NOW,
    ).companies[0]!;
    const entry = buildNewsEntry(record.cases[0]!);
    expect(entry).toMatchObject({ author: 'customer-n', url: null, excerpt: 'Long story.' });
    expect(whyHereText(entry.whyHere)).toBe('Acme buys Beta');
  });
});

describe('a company nobody can grade, elsewhere on the site', () => {
  it('reads "not graded" in the home table, with no unanswered count and no answered sparkline', () => {
    const record = everyKind({});
    const row = buildHomeTable([record], 'unanswered', record.scorecard.asOf).rows[0]!;
    expect(row).toMatchObject({ graded: false, unanswered: null, responseRate: null });
    expect(row.grade.reason).toBe('no-answer-channel');
    expect(row.answeredPerMonth.every((v) => v === null)).toBe(true);
  });

  it('reads "not graded" on its badge', () => {
    const svg = buildBadgeSvg({ name: 'Acme', grade: null, responseRate: null, graded: false });
    expect(svg).toContain('>not graded</text>');
    expect(svg).toContain('no channel where it answers is watched');
  });
});

describe('feeds about silence', () => {
  const graded = everyKind({ official: { authors: ['AcmeCares'] } });
  const idsOf = (items: { link: string }[]) => items.map((item) => item.link.split('/').at(-2));

  it('lists only overdue problems and questions in the overdue feed', () => {
    expect(idsOf(buildOverdueFeedItems(graded, URLS)).sort()).toEqual(['p1', 'p2']);
  });

  it('keeps coverage out of the overdue feed even when a ledger lists it', () => {
    const coverage: Case = makeCase({ id: 'n', company: 'acme', openedAt: hoursBeforeNow(500), kind: 'coverage' });
    const tampered: CompanyRecord = {
      ...graded,
      cases: [coverage],
      scorecard: { ...graded.scorecard, silenceLedger: [{ caseId: 'n', title: 'n', channel: 'news', openedAt: coverage.openedAt, ageHours: 500, overdue: true }] },
    };
    expect(buildOverdueFeedItems(tampered, URLS)).toEqual([]);
  });

  it('has no overdue items for a company nobody can grade', () => {
    expect(buildOverdueFeedItems(everyKind({}), URLS)).toEqual([]);
  });

  it('never calls coverage, praise or ideas open in the activity feeds', () => {
    const watchblog = { asOf: NOW.toISOString(), companies: [graded], posts: [] };
    const items = [...buildActivityFeedItems(watchblog, URLS), ...buildCompanyFeedItems(graded, [], URLS)];
    const notScored = items.filter((item) => /\/(n\d|g1|i1)\/$/.test(item.link));
    expect(notScored.length).toBe(10);
    for (const item of notScored) {
      expect(item.title).toMatch(/^\[(Coverage|Praise|Idea)\]/);
      expect(item.description).not.toMatch(/No public answer/);
    }
  });

  it('lists coverage only, newest first, in the news feed', () => {
    const items = buildNewsFeedItems(graded, URLS);
    expect(idsOf(items)).toEqual(['n2', 'n1', 'n3']);
    expect(items[0]!.guid).toBe('news:acme:n2');
  });

  it('lists the news feed among the company’s feeds', () => {
    const feeds = listCompanyFeeds(createPaths('/'), 'acme', 'Acme');
    expect(feeds.map((f) => f.href)).toContain('/companies/acme/news.xml');
    expect(createPaths('/w').companyNews('acme', 2)).toBe('/w/companies/acme/news/2/');
  });

  it('keeps unanswered coverage, praise and ideas off the "open" status page', () => {
    expect(listCasesWithStatus(graded.cases, 'open').map((c) => c.id)).toEqual(['p2', 'p1']);
  });
});
