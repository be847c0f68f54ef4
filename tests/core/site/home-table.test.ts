/**
 * The home table's page model: every column from one window (the last 365 days), so a row
 * never sets a 12-month rate beside an all-time count; sorting by a column sorts by the
 * figure shown; the sparkline is the trend's own response rate.
 */
import { describe, expect, it } from 'vitest';
import { CompanySchema } from '../../../src/core/schemas.ts';
import { buildHomeTable } from '../../../src/core/site/home-table.ts';
import { HOME_WINDOW, SORT_ORDERS } from '../../../src/core/site/lists.ts';
import { SORT_KEYS } from '../../../src/core/site/paths.ts';
import { buildWatchblog, type Watchblog } from '../../../src/core/watchblog.ts';
import { mention, response } from '../../helpers/items.ts';

const NOW = new Date('2026-03-10T00:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
// Both watch a channel where the company answers (its official account), so both are graded.
const companyEntry = (slug: string, name: string) => ({ ...CompanySchema.parse({ name, official: { authors: [`${name}Cares`] } }), slug, intro: '' });

/**
 * Acme: one case open for two years (in the silence ledger, outside the window), one recent
 * unanswered case and one recent answered case. Beta: three cases open for two years and
 * nothing recent — the trial's "Unanswered 16, Cases 0" row.
 */
function demo(): Watchblog {
  return buildWatchblog(
    {
      companies: [companyEntry('acme', 'Acme'), companyEntry('beta', 'Beta')],
      mentions: [
        mention('old', daysAgo(730)),
        mention('new1', daysAgo(10)),
        mention('new2', daysAgo(5)),
        ...['b1', 'b2', 'b3'].map((id, i) => mention(id, daysAgo(700 + i), { company: 'beta' })),
      ],
      responses: [response('r2', daysAgo(4.9), { respondsTo: ['new2'] })],
      overrides: [],
      posts: [],
    },
    NOW,
  );
}

describe('the home table', () => {
  const watchblog = demo();
  const table = buildHomeTable(watchblog.companies, 'name', watchblog.asOf);
  const rowOf = (slug: string) => table.rows.find((row) => row.slug === slug)!;

  it('takes the unanswered count from the window, not from the all-time silence ledger', () => {
    const beta = watchblog.companies.find((r) => r.company.slug === 'beta')!;
    expect(beta.scorecard.silenceLedger).toHaveLength(3);
    expect([rowOf('beta').unanswered, rowOf('beta').cases]).toEqual([0, 0]);
    expect([rowOf('acme').unanswered, rowOf('acme').cases]).toEqual([1, 2]);
  });

  it.each(watchblog.companies.map((record) => [record.company.slug, record] as const))('shows every figure of %s from the 365-day window', (_slug, record) => {
    const year = record.scorecard.windows[HOME_WINDOW];
    expect(rowOf(record.company.slug)).toMatchObject({
      grade: year.grade,
      responseRate: year.responseRate,
      medianFirstResponseHours: year.medianFirstResponseHours,
      withinTargetShare: year.withinTargetShare,
      unanswered: year.unanswered,
      cases: year.cases,
    });
  });

  it('never shows more unanswered cases than cases in a row', () => {
    for (const row of table.rows) expect(row.unanswered).toBeLessThanOrEqual(row.cases);
  });

  it.each([
    ['unanswered', ['acme', 'beta']],
    ['response-rate', ['acme', 'beta']],
    ['name', ['acme', 'beta']],
  ] as const)('sorts by %s on the figure the column shows', (key, expected) => {
    expect(buildHomeTable(watchblog.companies, key, watchblog.asOf).rows.map((row) => row.slug)).toEqual(expected);
  });

  it.each(SORT_KEYS.filter((key) => key !== 'name'))('reads sort key %s from the window figures shown in its column', (key) => {
    const sorted = buildHomeTable(watchblog.companies, key, watchblog.asOf);
    const shown = { grade: 'grade', 'response-rate': 'responseRate', 'median-response': 'medianFirstResponseHours', 'within-target': 'withinTargetShare', unanswered: 'unanswered' } as const;
    for (const record of watchblog.companies) {
      const row = sorted.rows.find((r) => r.slug === record.company.slug)!;
      const value = row[shown[key]];
      expect(SORT_ORDERS[key].value(record)).toEqual(typeof value === 'object' && value !== null ? value.score : value);
    }
  });

  it('names the window and the order in the caption, and marks only the sorted column', () => {
    const sorted = buildHomeTable(watchblog.companies, 'unanswered', watchblog.asOf);
    expect(sorted.caption).toBe('Last 12 months · sorted by unanswered, highest first');
    expect(sorted.windowStart).toBe(daysAgo(365));
    expect(sorted.columns.filter((c) => c.sort).map((c) => [c.key, c.sort])).toEqual([['unanswered', 'descending']]);
    expect(sorted.nameColumn.sort).toBeUndefined();
    expect(table.nameColumn.sort).toBe('ascending');
  });

  it('draws the sparkline from the trend’s own response rate, twelve months, oldest first', () => {
    const acme = watchblog.companies.find((r) => r.company.slug === 'acme')!;
    const row = rowOf('acme');
    expect(row.answeredPerMonth).toHaveLength(12);
    expect(row.answeredPerMonth).toEqual(acme.scorecard.trend.slice(-12).map((month) => month.responseRate));
    // February: new1 (unanswered, past the 24 h target); March: new2 (answered); before: no cases.
    expect(row.answeredPerMonth.slice(-3)).toEqual([null, 0, 1]);
    expect(rowOf('beta').answeredPerMonth.every((value) => value === null)).toBe(true);
  });
});
