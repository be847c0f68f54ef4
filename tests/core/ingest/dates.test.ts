import { describe, expect, it } from 'vitest';
import { parseFeedDate, resolvePublishedAt } from '../../../src/core/ingest/dates.ts';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('parseFeedDate', () => {
  it.each([
    ['Sat, 07 Sep 2002 00:00:01 GMT', '2002-09-07T00:00:01.000Z'],
    ['Sat, 07 Sep 2002 00:00 GMT', '2002-09-07T00:00:00.000Z'],
    ['07 Sep 2002 00:00:00 EST', '2002-09-07T05:00:00.000Z'],
    ['Sun, 05 Jan 2020 09:05:00 PDT', '2020-01-05T16:05:00.000Z'],
    ['Thu, 01 Jan 04 19:48:21 -0500', '2004-01-02T00:48:21.000Z'],
    ['Wed, 02 Oct 2002 13:00:00 +0200 (CEST)', '2002-10-02T11:00:00.000Z'],
    ['Wed, 2 October 2002 13:00:00 UT', '2002-10-02T13:00:00.000Z'],
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31T10:14:55.25-08:00', '2003-12-31T18:14:55.250Z'],
    ['2003-12-31T10:14-0800', '2003-12-31T18:14:00.000Z'],
    ['2003-12-31T10:14:55', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31', '2003-12-31T00:00:00.000Z'],
    ['2003-12', '2003-12-01T00:00:00.000Z'],
    ['Sep 7, 2002', '2002-09-07T00:00:00.000Z'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseFeedDate(input)?.toISOString()).toBe(expected);
  });

  it.each(['', 'yesterday', 'Tue, 30 Feb 2010 10:00:00 GMT', '2003-13-01', '2003-12-31T25:00:00Z', 'Sat, 07 Sep 2002 00:00:01 XYZ', '12/31/2003'])(
    'refuses %j rather than guess',
    (input) => {
      expect(parseFeedDate(input)).toBeUndefined();
    },
  );
});

describe('resolvePublishedAt', () => {
  it.each([
    ['keeps a readable date', '2026-02-28T10:00:00Z', { publishedAt: '2026-02-28T10:00:00.000Z' }],
    ['falls back to now when the date is missing', undefined, { publishedAt: NOW.toISOString(), dateFallback: 'missing' }],
    ['falls back to now when the date is blank', '  ', { publishedAt: NOW.toISOString(), dateFallback: 'missing' }],
    ['falls back to now when the date is unparseable', 'someday', { publishedAt: NOW.toISOString(), dateFallback: 'unparseable' }],
    ['falls back to now when the date is more than a day ahead', '2026-03-05T00:00:00Z', { publishedAt: NOW.toISOString(), dateFallback: 'future' }],
    ['accepts a date less than a day ahead (clock skew)', '2026-03-02T06:00:00Z', { publishedAt: '2026-03-02T06:00:00.000Z' }],
  ] as const)('%s', (_title, raw, expected) => {
    expect(resolvePublishedAt(raw, NOW)).toEqual(expected);
  });
});
