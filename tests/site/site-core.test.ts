/**
 * The pure helpers behind the site: paths under a base, CSV, plain-text excerpts, XML
 * control characters, chart geometry, pagination, sorting, feed guids and the badge.
 */
import { describe, expect, it } from 'vitest';
import { buildBadgeSvg } from '../../src/core/site/badge.ts';
import { buildColumnRects, buildLinePath, computeNiceMax, scaleY } from '../../src/core/site/charts.ts';
import { buildCsv, formatCsvField, parseCsv, parseCsvRecords } from '../../src/core/site/csv.ts';
import { buildCaseGuid, buildCaseItem, toRssItems } from '../../src/core/site/feed-items.ts';
import { isInSection } from '../../src/core/site/head.ts';
import { paginate, takeLastMonths } from '../../src/core/site/lists.ts';
import { createPaths, isHttpUrl, normalizeBase, toAbsoluteUrl } from '../../src/core/site/paths.ts';
import { stripXmlControlChars, toPlainParagraphs, truncateText } from '../../src/core/site/text.ts';
import type { Case } from '../../src/core/types.ts';

describe('paths under a base', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/watch', '/watch/'],
    ['watch/', '/watch/'],
    ['//a/b//', '/a/b/'],
  ])('normalises base %j to %j', (input, expected) => {
    expect(normalizeBase(input)).toBe(expected);
  });

  it('prefixes every path with the base and encodes segments from content', () => {
    const paths = createPaths('/watch');
    expect(paths.company('zephyr')).toBe('/watch/companies/zephyr/');
    expect(paths.caseOf('zephyr', 'a/../b?c')).toBe('/watch/cases/zephyr/a%2F..%2Fb%3Fc/');
    expect(paths.companyMonth('zephyr', '2026-01', 1)).toBe('/watch/companies/zephyr/archive/2026-01/');
    expect(paths.companyMonth('zephyr', '2026-01', 3)).toBe('/watch/companies/zephyr/archive/2026-01/3/');
    expect(paths.sort('name')).toBe('/watch/');
    expect(paths.sort('grade')).toBe('/watch/sort/grade/');
    expect(paths.companyFeed('zephyr', 'overdue')).toBe('/watch/companies/zephyr/overdue.xml');
    expect(toAbsoluteUrl('https://user.github.io', paths.feed())).toBe('https://user.github.io/watch/rss.xml');
  });

  it.each([
    ['https://a.example/x', true],
    ['http://a.example', true],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['/relative', false],
    ['mailto:a@b.example', false],
  ])('renders %j as a link: %s', (url, expected) => {
    expect(isHttpUrl(url)).toBe(expected);
  });

  it('marks a section current, and the home only on itself', () => {
    expect(isInSection('/watch/archives/', '/watch/archives/', '/watch/')).toBe(true);
    expect(isInSection('/watch/companies/x/', '/watch/', '/watch/')).toBe(false);
    expect(isInSection('/watch', '/watch/', '/watch/')).toBe(true);
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('writes %j as %j', (value, expected) => {
    expect(formatCsvField(value)).toBe(expected);
  });

  it('writes numbers, nulls and booleans as plain cells', () => {
    expect([formatCsvField(2.5), formatCsvField(null), formatCsvField(undefined), formatCsvField(true), formatCsvField(Number.NaN)]).toEqual(['2.5', '', '', 'true', '']);
  });

  it('round-trips hostile text through parseCsv, with formulas neutralised', () => {
    const rows = [
      ['a, "b"\r\nc', '=1+1', 'ok', ''],
      ['x', '@me', 'é ü 😀', 'last'],
    ];
    const text = buildCsv(['one', 'two', 'three', 'four'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['one', 'two', 'three', 'four'], ['a, "b"\r\nc', "'=1+1", 'ok', ''], ['x', "'@me", 'é ü 😀', 'last']]);
  });

  it('reads rows that end in a bare LF, as files written elsewhere do, keeping a quoted newline in its field', () => {
    expect(parseCsvRecords('id,text\n1,"two\nlines"\n2,plain\n\n')).toEqual([
      { id: '1', text: 'two\nlines' },
      { id: '2', text: 'plain' },
    ]);
  });
});

describe('text from strangers', () => {
  it('strips every XML-forbidden character and keeps tabs, newlines and emoji', () => {
    expect(stripXmlControlChars('a\u0000b\u0008c\u000Bd\u001Fe\tf\ng\r h\uFFFE\uFFFF 😀 \uD800x')).toBe('abcde\tf\ng\r h 😀 x');
  });

  it('turns a sanitized Markdown excerpt into plain paragraphs', () => {
    expect(toPlainParagraphs('*Hello* [world](https://x.example) \\*not\\* `code`\nsame para\n\n> quoted *`both`*\n\n- item')).toEqual([
      'Hello world *not* code same para',
      'quoted both',
      'item',
    ]);
  });

  it('keeps markup in excerpts as text, never as tags', () => {
    expect(toPlainParagraphs('&lt;script&gt;alert(1)&lt;/script&gt;')).toEqual(['<script>alert(1)</script>']);
  });

  it('drops hard-break backslashes and emphasis that spans lines (a Blogger byline, a MacRumors excerpt)', () => {
    expect(toPlainParagraphs('_by [Ben Yu](https://x.example)\\\n\\\nThis was adapted._\\\n\\\nCan you tell?')).toEqual([
      'by Ben Yu This was adapted. Can you tell?',
    ]);
    expect(toPlainParagraphs('no gathering.\\\n\\\n\\\nPrior to 2020')).toEqual(['no gathering. Prior to 2020']);
    expect(toPlainParagraphs('a literal backslash \\\\\nnext')).toEqual(['a literal backslash \\ next']);
  });

  it('cuts at a word and adds an ellipsis only when cut', () => {
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText('one two three four', 12)).toBe('one two…');
  });
});

describe('chart geometry', () => {
  it.each([
    [0, 1],
    [7, 10],
    [12, 20],
    [24, 25],
    [250, 250],
    [251, 500],
  ])('rounds an axis maximum of %d up to %d', (value, expected) => {
    expect(computeNiceMax(value)).toBe(expected);
  });

  it('breaks a line at missing values and draws a lone point as a dash', () => {
    // Five values across 100 px (x = 0, 25, 50, 75, 100), 10 px high, maximum 1.
    const { d } = buildLinePath([0, 1, null, 0.5, null], 100, 10, 1);
    const runs = d.split(/(?=M)/).map((run) => [...run.matchAll(/([MLh])(-?[\d.]+)(?: (-?[\d.]+))?/g)].map(([, command, a, b]) => ({ command, a: Number(a), b: b === undefined ? undefined : Number(b) })));
    expect(runs, 'one run per stretch of known values').toHaveLength(2);
    const [line, lone] = runs as [typeof runs[0], typeof runs[0]];
    expect(line.map(({ a, b }) => [a, b]), 'the first run joins 0 (bottom) to 1 (top)').toEqual([[0, 10], [25, 0]]);
    const [start, dash] = lone as [typeof lone[0], typeof lone[0]];
    expect(start.b, 'the lone value 0.5 sits halfway up').toBe(5);
    expect(dash.command, 'drawn as a short horizontal dash').toBe('h');
    expect(start.a + dash.a / 2, 'centred on its own x').toBeCloseTo(75);
  });

  it('scales columns to the maximum and never draws above the chart', () => {
    const rects = buildColumnRects([0, 5, 20], 30, 10, 10, 0);
    expect(rects.map((r) => [r.y, r.height])).toEqual([[10, 0], [5, 5], [0, 10]]);
    expect(scaleY(24, 100, 100)).toBe(76);
  });
});

describe('lists', () => {
  it('paginates with a fixed size, and an empty list still has one page', () => {
    expect(paginate([1, 2, 3, 4, 5], 2).map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([], 50)).toEqual([{ page: 1, pageCount: 1, items: [], total: 0 }]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });

  it('pads a short trend at the start so sparklines always span 12 months', () => {
    expect(takeLastMonths([{ month: '2026-01' }], 3)).toEqual([null, null, { month: '2026-01' }]);
  });
});

function makeCase(status: Case['status'], events: number): Case {
  const event = (i: number) => ({
    kind: 'mention' as const,
    at: `2026-01-01T0${i}:00:00.000Z`,
    elapsedMs: i * 3_600_000,
    item: { id: `m${i}`, company: 'acme', source: 's', channel: 'forum' as const, url: 'https://f.example/1', canonicalUrl: 'https://f.example/1', title: 't', author: 'a\u0001b', publishedAt: '', fetchedAt: '', links: [], inReplyTo: [], hidden: false, excerpt: 'x\u0002y' },
    mentionKind: 'problem' as const,
  });
  return {
    id: 'c1', company: 'acme', kind: 'problem', kindFrom: 'inferred', customerReplied: false, title: 'Broken\u0007 thing', channel: 'forum', channels: ['forum'], openedAt: '2026-01-01T00:00:00.000Z',
    firstResponseAt: null, resolvedAt: null, status, outcome: null, note: '', events: Array.from({ length: events }, (_, i) => event(i)),
    mentionCount: events, responseCount: 0, updatedAt: '2026-01-01T05:00:00.000Z',
  };
}

describe('feed items', () => {
  it('gives a case a new guid when its status or its number of events changes', () => {
    const guids = new Set([buildCaseGuid(makeCase('open', 1)), buildCaseGuid(makeCase('open', 2)), buildCaseGuid(makeCase('answered', 2)), buildCaseGuid(makeCase('resolved', 2))]);
    expect(guids.size).toBe(4);
    expect(buildCaseGuid(makeCase('open', 2))).toBe(buildCaseGuid(makeCase('open', 2)));
  });

  it('strips XML-forbidden characters from every text and sends the guid as a non-permalink', () => {
    const [item] = toRssItems([buildCaseItem(makeCase('open', 2), 'Acme <&>', 'https://w.example/cases/acme/c1/')]);
    expect(item?.title).toBe('[Open] Acme <&>: Broken thing');
    expect(item?.description).not.toMatch(/[\u0000-\u0008]/);
    expect(item?.customData).toBe('<guid isPermaLink="false">case:acme:c1:open:2</guid>');
  });
});

describe('badge', () => {
  it('names the company and grade in an accessible, escaped title', () => {
    const svg = buildBadgeSvg({ name: 'A&B <Telecom>', grade: 'B', responseRate: 0.823 });
    expect(svg).toContain('<title>A&amp;B &lt;Telecom&gt;: grade B, 82 % of public complaints answered in the last 12 months (Watchblog)</title>');
    expect(svg).toContain('role="img"');
    expect(svg).not.toContain('<Telecom>');
  });

  it('says "not enough data" without a grade', () => {
    expect(buildBadgeSvg({ name: 'X', grade: null, responseRate: null })).toContain('>not enough data</text>');
  });
});
