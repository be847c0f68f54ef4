/**
 * `/data/<slug>/cases.json` and `.csv` publish durations by the methodology's rules, so a
 * reader recomputing the scorecard from them gets the site's figures.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/core/site/csv.ts';
import { CASES_CSV_COLUMNS, buildCasesCsv, buildOpenCase } from '../../../src/core/site/open-data-cases.ts';
import { buildCases } from '../../../src/core/thread.ts';
import type { CompanyRecord } from '../../../src/core/watchblog.ts';
import { mention, override, response } from '../../helpers/items.ts';

const OPENED = '2026-03-01T09:00:00.000Z';
const policy = { bots: [] };

function openCaseOf(responseAt: string | null, resolvedAt?: string) {
  const [kase] = buildCases(
    'acme',
    [mention('a', OPENED)],
    responseAt === null ? [] : [response('r', responseAt, { respondsTo: ['a'] })],
    resolvedAt === undefined ? [] : [override('a', { resolvedAt })],
    policy,
  );
  return buildOpenCase(kase!, 'https://w.example/cases/acme/a/');
}

describe('cases.json durations', () => {
  it.each([
    ['0.145 h (8 min 42 s) rounds half up to 0.15', '2026-03-01T09:08:42.000Z', 0.15],
    ['1.005 h (1 h 0 min 18 s) rounds half up to 1.01', '2026-03-01T10:00:18.000Z', 1.01],
    ['exactly 5 h stays 5', '2026-03-01T14:00:00.000Z', 5],
  ])('publishes a response after %s, as the methodology rounds', (_, at, hours) => {
    const open = openCaseOf(at);
    expect(open.firstResponseHours).toBe(hours);
    expect(open.events.find((e) => e.kind === 'response')?.elapsedHours).toBe(hours);
  });

  it('publishes a resolution a maintainer dated before the case opened as 0 hours, as the scorecard counts it', () => {
    const open = openCaseOf(null, '2026-02-28T09:00:00.000Z');
    expect([open.status, open.resolvedAt, open.resolutionHours]).toEqual(['resolved', '2026-02-28T09:00:00.000Z', 0]);
  });
});

describe('cases.json and cases.csv kinds and conversations', () => {
  const answer = response('r', '2026-03-01T10:00:00.000Z', { respondsTo: ['a'], url: 'https://acme.example/support/r' });
  const reply = mention('b', '2026-03-01T11:00:00.000Z', { author: 'customer-a', inReplyTo: ['https://acme.example/support/r'], title: 'Still broken', channel: 'social' });
  const news = mention('n', '2026-03-02T09:00:00.000Z', { channel: 'news', title: 'Acme opens a new office', url: 'https://news.example/n' });
  const record = {
    company: { slug: 'acme', name: 'Acme', responseTargetHours: 24 },
    cases: buildCases('acme', [mention('a', OPENED, { title: 'Charged twice' }), reply, news], [answer], [], policy),
  } as unknown as CompanyRecord;
  const caseUrl = (kase: { id: string }) => `https://w.example/cases/acme/${kase.id}/`;

  it('publishes each case’s kind, who decided it, whether it is scored and whether the customer replied', () => {
    const [complaint, coverage] = record.cases.map((kase) => buildOpenCase(kase, caseUrl(kase)));
    expect(complaint).toMatchObject({ kind: 'problem', kindFrom: 'inferred', scored: true, customerReplied: true, status: 'answered' });
    expect(coverage).toMatchObject({ kind: 'coverage', kindFrom: 'inferred', scored: false, customerReplied: false, status: 'open' });
  });

  it('publishes each mention event’s kind and whether it is a follow-up; responses carry neither', () => {
    const events = buildOpenCase(record.cases[0]!, caseUrl(record.cases[0]!)).events;
    expect(events.map((e) => [e.id, e.mentionKind, e.followUp, e.counted])).toEqual([
      ['a', 'problem', false, undefined],
      ['r', undefined, undefined, true],
      ['b', 'problem', true, undefined],
    ]);
  });

  it('appends kind, kindFrom, scored and customerReplied to the CSV columns, after the original ones', () => {
    expect(CASES_CSV_COLUMNS.slice(-4)).toEqual(['kind', 'kindFrom', 'scored', 'customerReplied']);
    const rows = parseCsv(buildCasesCsv(record, caseUrl));
    const row = Object.fromEntries(CASES_CSV_COLUMNS.map((column, i) => [column, rows[1]![i]]));
    expect(row).toMatchObject({ id: 'a', kind: 'problem', kindFrom: 'inferred', scored: 'true', customerReplied: 'true' });
  });
});
