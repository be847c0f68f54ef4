/**
 * The page model of a company's page: the headline (a grade, "not enough data", or "not
 * graded" when no channel where the company answers is watched), the headline figures from
 * one window, the scorecard rows, the silence ledger, and the cases by kind — problems and
 * questions (scored), "In the news" (coverage) and "What people say" (praise and ideas). Pure:
 * CompanyPage.astro renders what this returns.
 */
import { formatHours, formatRate } from '../format.ts';
import { GRADE_THRESHOLDS, GRADE_WEIGHTS, MIN_CASES_FOR_GRADE, WINDOW_KEYS, type Grade, type LedgerEntry, type Scorecard, type WindowFigures, type WindowKey } from '../metrics/index.ts';
import { MENTION_KINDS, asksForAnswer } from '../schemas.ts';
import type { Case } from '../types.ts';
import type { CompanyRecord } from '../watchblog.ts';
import { buildWhyHere, type TextSegment } from './case-kinds.ts';
import { countSaid, listCompanySaid } from './company-said.ts';
import { buildCompanyTrends, type CompanyTrends } from './company-trends.ts';
import { listCasesOfKinds, sortCasesByActivity } from './lists.ts';
import { isHttpUrl } from './paths.ts';
import { toPlainParagraphs, truncateText } from './text.ts';

/** The window of the headline figures beside the grade (the grade's own window). */
export const HEADLINE_WINDOW = '365d' satisfies WindowKey;

/** Readers' names of the scorecard windows. */
export const WINDOW_NAMES: Record<WindowKey, string> = { '30d': '30 days', '90d': '90 days', '365d': '12 months', all: 'All time' };

/** How many rows each list on the company page shows; the archives hold the rest. */
export const COMPANY_PAGE_LIMITS = { ledger: 100, recent: 15, news: 10, voices: 10, statements: 10 } as const;

/** Longest statement excerpt the company page quotes, in characters. */
export const STATEMENT_EXCERPT_CHARS = 160;

/** The headline: what stands where the grade letter goes. */
export type CompanyHeadline =
  | { state: 'graded'; grade: Grade; text: string }
  | { state: 'not-enough-data'; grade: Grade; text: string }
  | {
      state: 'not-graded';
      grade: Grade;
      /** "Not graded: no channel where it answers is watched". */
      text: string;
      /** What a maintainer can do about it. */
      hint: string;
    };

/** One figure beside the grade. */
export type HeadlineFigure = { label: string; value: string };

/** One row of the scorecard table: a label and one value per window (WINDOW_KEYS order). */
export type ScorecardRow = { label: string; values: string[] };

/** A statement that answers no case, as the company page lists it. */
export type StatementEntry = {
  /** Its title, or "Untitled statement". */
  title: string;
  /** Its link when http(s); null otherwise (the title is shown unlinked). */
  url: string | null;
  /** Who posted it; the company's name when unknown. */
  author: string;
  channel: string;
  /** UTC ISO. */
  publishedAt: string;
  /** Its excerpt as plain text, cut to STATEMENT_EXCERPT_CHARS. */
  excerpt: string;
};

/** A list of cases shown on the page, capped, with the total it was cut from. */
export type CappedCases = { cases: Case[]; total: number };

export type CompanyPageModel = {
  /** The company's website when it is an http(s) link; null otherwise (not shown). */
  site: string | null;
  /** Every case of the company, any kind, for the link to its archive. */
  caseCount: number;
  /** One sentence for search engines and link previews. */
  description: string;
  headline: CompanyHeadline;
  /** The grade in a few words, e.g. for the badge's alt text: "grade D", "not enough data for a grade", "not graded". */
  gradeSummary: string;
  /** The grade formula and the letters' thresholds (GRADE_THRESHOLDS); null when not graded. */
  formula: string | null;
  /** What the scorecard table counts, above it. */
  scorecardNote: string;
  /** The trend charts of the last 12 months. */
  trends: CompanyTrends;
  /** The headline figures' window, e.g. "last 12 months". */
  windowLabel: string;
  /** Response rate, median, share within target and cases waiting for an answer, all from HEADLINE_WINDOW; empty when not graded. */
  figures: HeadlineFigure[];
  /** What the figures count, e.g. "Problems and questions opened in the last 12 months". */
  figuresCaption: string;
  /** "Counts problems and questions: N of M cases; coverage, praise and ideas are listed below, never counted as unanswered". */
  scopeNote: string;
  /** Window headings of the scorecard table, in WINDOW_KEYS order. */
  windowNames: string[];
  /** The scorecard table's rows; no response rows when not graded. */
  scorecardRows: ScorecardRow[];
  /** True when the "median time to first answer" chart means something (graded companies only). */
  showResponseChart: boolean;
  /** The silence ledger (open problems and questions with no answer, oldest first); null when not graded. */
  ledger: { entries: LedgerEntry[]; total: number; limit: number } | null;
  /** The most recently active problems and questions. */
  recent: CappedCases;
  /** Coverage, newest first. */
  news: CappedCases;
  /** Praise and ideas, newest first. */
  voices: CappedCases;
  /** The newest statements that answer no case, at most COMPANY_PAGE_LIMITS.statements. */
  statements: StatementEntry[];
  /** Everything the company said that the site shows (answers and statements), for the link to its page. */
  saidTotal: number;
};

/** The grade formula with the letters' thresholds, e.g. "Score = 50 % response rate + … A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40." */
export function describeGradeFormula(responseTargetHours: number): string {
  const thresholds = GRADE_THRESHOLDS.map((threshold) => `${threshold.letter} ≥ ${threshold.minScore}`).join(', ');
  return `Score = ${GRADE_WEIGHTS.responseRate * 100} % response rate + ${GRADE_WEIGHTS.withinTargetShare * 100} % answered within ${responseTargetHours} h + ${GRADE_WEIGHTS.resolutionRate * 100} % resolution rate. ${thresholds}.`;
}

const NOT_GRADED_TEXT = 'Not graded: no channel where it answers is watched';
const NOT_GRADED_HINT =
  'This watch blog does not read any place where the company answers, so a missing answer here proves nothing and no rate is published. (Maintainers: add a source in the company’s voice, voice: company — its support forum, status page or newsroom — or its official accounts, official.authors.)';

function buildHeadline(scorecard: Scorecard): CompanyHeadline {
  const grade = scorecard.grade;
  if (!scorecard.graded) return { state: 'not-graded', grade, text: NOT_GRADED_TEXT, hint: NOT_GRADED_HINT };
  if (grade.letter === null) return { state: 'not-enough-data', grade, text: `Not enough data for a grade: fewer than ${MIN_CASES_FOR_GRADE} decided problems and questions in the last 12 months.` };
  return { state: 'graded', grade, text: `Grade ${grade.letter}, score ${grade.score} of 100 over the last 12 months.` };
}

function buildScorecardRows(scorecard: Scorecard): ScorecardRow[] {
  const rows: [string, (w: WindowFigures) => string][] = [
    ['Problems and questions opened', (w) => String(w.cases)],
    ['Also listed, never scored (coverage, praise, ideas)', (w) => String(MENTION_KINDS.filter((k) => !asksForAnswer(k)).reduce((sum, k) => sum + w.casesByKind[k], 0))],
  ];
  if (scorecard.graded) {
    rows.push(
      ['Response rate', (w) => formatRate(w.responseRate)],
      ['Median time to first response', (w) => formatHours(w.medianFirstResponseHours)],
      ['Slowest tenth waited (p90)', (w) => formatHours(w.p90FirstResponseHours)],
      [`Answered within ${scorecard.responseTargetHours} h`, (w) => formatRate(w.withinTargetShare)],
    );
  }
  rows.push(
    ['Resolution rate', (w) => formatRate(w.resolutionRate)],
    ['Median time to resolution', (w) => formatHours(w.medianResolutionHours)],
    ['Open', (w) => String(w.open)],
  );
  if (scorecard.graded) {
    rows.push(
      ['Unanswered', (w) => String(w.unanswered)],
      ['Overdue (past target, no answer)', (w) => String(w.overdue)],
      ['Grade', (w) => (w.grade.letter ? `${w.grade.letter} (${w.grade.score})` : 'not enough data')],
    );
  }
  return rows.map(([label, show]) => ({ label, values: WINDOW_KEYS.map((key) => show(scorecard.windows[key])) }));
}

function capped(cases: Case[], limit: number): CappedCases {
  return { cases: cases.slice(0, limit), total: cases.length };
}

/** The company page's model: everything CompanyPage.astro shows about the scorecard and the cases by kind. */
export function buildCompanyPage(record: CompanyRecord): CompanyPageModel {
  const { scorecard, company } = record;
  const year = scorecard.windows[HEADLINE_WINDOW];
  const all = scorecard.windows.all;
  const everyKind = MENTION_KINDS.reduce((sum, kind) => sum + all.casesByKind[kind], 0);
  const target = company.responseTargetHours;
  const windowLabel = `last ${WINDOW_NAMES[HEADLINE_WINDOW]}`;
  const figures: HeadlineFigure[] = scorecard.graded
    ? [
        { label: 'Response rate', value: formatRate(year.responseRate) },
        { label: 'Median first answer', value: formatHours(year.medianFirstResponseHours) },
        { label: `Within ${target} h`, value: formatRate(year.withinTargetShare) },
        { label: 'Waiting for an answer', value: String(year.unanswered) },
      ]
    : [];
  const ledgerLimit = COMPANY_PAGE_LIMITS.ledger;
  const headline = buildHeadline(scorecard);
  return {
    site: company.site && isHttpUrl(company.site) ? company.site : null,
    caseCount: record.cases.length,
    description:
      headline.state === 'not-graded'
        ? `${company.name}: not graded (no channel where it answers is watched); ${year.cases} public problems and questions and ${year.casesByKind.coverage} news items in the ${windowLabel}.`
        : `${company.name}: ${headline.state === 'graded' ? `grade ${headline.grade.letter}` : 'grade not yet available'}, ${year.responded} of ${year.cases} public problems and questions answered in the ${windowLabel}.`,
    headline,
    gradeSummary: headline.state === 'graded' ? `grade ${headline.grade.letter}` : headline.state === 'not-graded' ? 'not graded' : 'not enough data for a grade',
    formula: scorecard.graded ? describeGradeFormula(target) : null,
    scorecardNote: `Each figure comes with the number of cases behind it.${scorecard.graded ? ` Cases still inside the ${target} h target are not yet counted as misses.` : ''}`,
    trends: buildCompanyTrends(record),
    windowLabel,
    figures,
    figuresCaption: `Problems and questions opened in the ${windowLabel}`,
    scopeNote: `Counts problems and questions: ${all.cases} of ${everyKind} ${everyKind === 1 ? 'case' : 'cases'}; coverage, praise and ideas are listed below, never counted as unanswered.`,
    windowNames: WINDOW_KEYS.map((key) => WINDOW_NAMES[key]),
    scorecardRows: buildScorecardRows(scorecard),
    showResponseChart: scorecard.graded,
    ledger: scorecard.graded ? { entries: scorecard.silenceLedger.slice(0, ledgerLimit), total: scorecard.silenceLedger.length, limit: ledgerLimit } : null,
    recent: capped(sortCasesByActivity(record.cases.filter((kase) => asksForAnswer(kase.kind))), COMPANY_PAGE_LIMITS.recent),
    news: capped(listCasesOfKinds(record.cases, ['coverage']), COMPANY_PAGE_LIMITS.news),
    voices: capped(listCasesOfKinds(record.cases, ['praise', 'idea']), COMPANY_PAGE_LIMITS.voices),
    statements: record.statements.slice(0, COMPANY_PAGE_LIMITS.statements).map((statement) => ({
      title: statement.title || 'Untitled statement',
      url: isHttpUrl(statement.url) ? statement.url : null,
      author: statement.author || company.name,
      channel: statement.channel,
      publishedAt: statement.publishedAt,
      excerpt: truncateText(toPlainParagraphs(statement.excerpt).join(' '), STATEMENT_EXCERPT_CHARS),
    })),
    saidTotal: countSaid(listCompanySaid(record)).total,
  };
}

/** One coverage case as the news archive lists it. */
export type NewsEntry = {
  kase: Case;
  /** Who wrote the opening item, '' when unknown. */
  author: string;
  /** The opening item's link, when it is http(s); null otherwise. */
  url: string | null;
  /** Why it is here: the opening item's matched passage, marked; null when unknown. */
  whyHere: TextSegment[] | null;
  /** The opening item's excerpt as plain text, cut to NEWS_EXCERPT_CHARS. */
  excerpt: string;
};

/** Longest excerpt the news archive quotes, in characters. */
export const NEWS_EXCERPT_CHARS = 280;

/** A coverage case as a news archive entry: its opening item's author, link, passage and excerpt. */
export function buildNewsEntry(kase: Case): NewsEntry {
  const opener = kase.events.find((event) => event.kind === 'mention');
  return {
    kase,
    author: opener?.item.author ?? '',
    url: opener && isHttpUrl(opener.item.url) ? opener.item.url : null,
    whyHere: opener ? buildWhyHere(opener.item) : null,
    excerpt: opener ? truncateText(toPlainParagraphs(opener.item.excerpt).join(' '), NEWS_EXCERPT_CHARS) : '',
  };
}
