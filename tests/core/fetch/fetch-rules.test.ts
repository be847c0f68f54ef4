/**
 * The rules of a fetch run, without a server or a disk: which sources to read and with which
 * validators, what each ending of a source records, the next fetch state, and the report.
 * (fetch-run.test.ts runs the same rules end to end against a local feed server.)
 */
import { describe, expect, it } from 'vitest';
import { buildConfigErrorReport, buildFetchReport, formatFetchSummary, formatPlannedWrites, isEverySourceFailed } from '../../../src/core/fetch/fetch-report.ts';
import { computeNextFetchState, countNewItemsBySource } from '../../../src/core/fetch/next-state.ts';
import { findNoLongerMatching, formatNoLongerMatching } from '../../../src/core/fetch/no-longer-matching.ts';
import { computeConfigDigest, findReusableLastRead, pickValidators, planSourceReads, type CompanyToFetch } from '../../../src/core/fetch/plan-source-reads.ts';
import { buildFailedResult, buildNotModifiedResult, buildReadResult, buildSameBodyResult, formatParseWarnings, type SourceResult } from '../../../src/core/fetch/source-results.ts';
import { CompanySchema } from '../../../src/core/schemas.ts';
import { buildEmptyFetchState, type FetchState, type SourceHealth } from '../../../src/core/write/fetch-state.ts';
import type { FileWrite, WritePlan } from '../../../src/core/write/plan-writes.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const FEED = 'https://forum.example/feed';
const OTHER_FEED = 'https://news.example/rss';

function companyToFetch(slug: string, fields: Record<string, unknown> = {}): CompanyToFetch {
  return { slug, file: `/content/companies/${slug}.md`, company: CompanySchema.parse({ name: 'Acme', aliases: ['Acme'], sources: [{ url: FEED, channel: 'forum' }], ...fields }) };
}

const acme = companyToFetch('acme');
const acmeDigest = computeConfigDigest(acme.company, acme.company.sources[0]!);

/** A healthy record of FEED as last read with acme's settings. */
const lastRead: SourceHealth = {
  etag: '"v1"',
  lastModified: 'Mon, 09 Mar 2026 10:00:00 GMT',
  bodyDigest: 'body-1',
  configDigest: acmeDigest,
  lastAttemptAt: '2026-03-09T12:00:00.000Z',
  lastSuccessAt: '2026-03-09T12:00:00.000Z',
  lastStatus: 200,
  consecutiveFailures: 0,
  itemsSeen: 7,
  itemsLastRun: 2,
  feedTitle: 'Acme forum',
};

const stateWith = (health: SourceHealth): FetchState => ({ version: 1, sources: { acme: { [FEED]: health } } });

describe('computeConfigDigest', () => {
  it('changes when an alias or a source setting changes, so an unchanged body is read again', () => {
    const source = acme.company.sources[0]!;
    expect(computeConfigDigest(acme.company, source)).toBe(acmeDigest);
    expect(computeConfigDigest({ ...acme.company, aliases: ['Acme', 'ACME Corp'] }, source)).not.toBe(acmeDigest);
    expect(computeConfigDigest(acme.company, { ...source, channel: 'news' })).not.toBe(acmeDigest);
  });

  it('ignores settings that do not change how a body is read (the response target)', () => {
    const slower = { ...acme.company, responseTargetHours: 48 };
    expect(computeConfigDigest(slower, acme.company.sources[0]!)).toBe(acmeDigest);
  });
});

describe('findReusableLastRead', () => {
  it.each<[string, SourceHealth | undefined, string, boolean, SourceHealth | undefined]>([
    ['a source read with the same settings and its title on record', lastRead, acmeDigest, false, lastRead],
    ['a failing source (its validators still count)', { ...lastRead, consecutiveFailures: 2 }, acmeDigest, false, { ...lastRead, consecutiveFailures: 2 }],
    ['no last read for a new source', undefined, acmeDigest, false, undefined],
    ['no last read after the settings changed', lastRead, 'other-digest', false, undefined],
    ['no last read from state written before titles were kept', { ...lastRead, feedTitle: undefined }, acmeDigest, false, undefined],
    ['no last read with --refresh', lastRead, acmeDigest, true, undefined],
  ])('gives %s', (_title, previous, configDigest, refresh, expected) => {
    expect(findReusableLastRead(previous, configDigest, refresh)).toEqual(expected);
  });
});

describe('pickValidators', () => {
  it.each<[string, SourceHealth | undefined, object]>([
    ['both validators of the last read', lastRead, { etag: '"v1"', lastModified: lastRead.lastModified }],
    ['only the ETag when there is no Last-Modified', { ...lastRead, lastModified: undefined }, { etag: '"v1"' }],
    ['nothing for an empty ETag', { ...lastRead, etag: '', lastModified: undefined }, {}],
    ['nothing without a last read (an unconditional GET)', undefined, {}],
  ])('sends %s', (_title, health, expected) => {
    expect(pickValidators(health)).toEqual(expected);
  });
});

describe('planSourceReads', () => {
  const noResponses = new Set<string>();

  it('reads every source once, with the validators of its last read', () => {
    const both = companyToFetch('acme', { sources: [{ url: FEED, channel: 'forum' }, { url: OTHER_FEED, channel: 'news' }], official: { authors: ['acme-support'] } });
    const state = { version: 1 as const, sources: { acme: { [FEED]: { ...lastRead, configDigest: computeConfigDigest(both.company, both.company.sources[0]!) } } } };
    const { reads, warnings } = planSourceReads([both], state, { refresh: false, companiesWithResponses: noResponses });
    expect(warnings).toEqual([]);
    expect(reads.map((read) => [read.source.url, read.validators])).toEqual([
      [FEED, { etag: '"v1"', lastModified: lastRead.lastModified }],
      [OTHER_FEED, {}],
    ]);
    expect(reads[0]!.lastRead).toBe(state.sources.acme[FEED]);
    expect(reads[1]).not.toHaveProperty('lastRead');
  });

  it('reads a url listed twice once, and says so', () => {
    const twice = companyToFetch('acme', { sources: [{ url: FEED, channel: 'forum' }, { url: FEED, channel: 'forum', voice: 'company' }] });
    const { reads, warnings } = planSourceReads([twice], buildEmptyFetchState(), { refresh: false, companiesWithResponses: noResponses });
    expect(reads).toHaveLength(1);
    expect(warnings).toEqual([`${twice.file}: source ${FEED} is listed twice; reading it once`]);
  });

  it('warns about a company whose answers no channel watches, unless it has responses added by hand', () => {
    expect(planSourceReads([acme], buildEmptyFetchState(), { refresh: false, companiesWithResponses: noResponses }).warnings).toEqual([expect.stringMatching(/^\/content\/companies\/acme\.md: no channel where the company answers is watched/)]);
    expect(planSourceReads([acme], buildEmptyFetchState(), { refresh: false, companiesWithResponses: new Set(['acme']) }).warnings).toEqual([]);
    const ownVoice = companyToFetch('acme', { sources: [{ url: FEED, channel: 'forum', voice: 'company' }] });
    expect(planSourceReads([ownVoice], buildEmptyFetchState(), { refresh: false, companiesWithResponses: noResponses }).warnings).toEqual([]);
  });

  it('sends no validators with --refresh', () => {
    const [read] = planSourceReads([acme], stateWith(lastRead), { refresh: true, companiesWithResponses: noResponses }).reads;
    expect(read).toMatchObject({ validators: {}, configDigest: acmeDigest });
    expect(read).not.toHaveProperty('lastRead');
  });
});

describe('source results', () => {
  const read = { company: { slug: 'acme' }, source: { url: FEED }, configDigest: acmeDigest };
  const body = { status: 200, validators: { etag: '"v2"' }, bodyDigest: 'body-2' };
  const items = { drafts: [], skipped: { 'not-about-company': 3 }, unmatched: [], itemsSeen: 9, feedTitle: 'Acme forum', warnings: ['a', 'b', 'a'] };

  it.each<[string, SourceResult, Partial<SourceResult>]>([
    [
      'a failure keeps its HTTP status and names its reason',
      buildFailedResult(read, { reason: 'http-status', message: 'HTTP 404 Not Found' }, 404),
      { status: 'failed', outcome: { kind: 'failed', status: 404, error: { reason: 'http-status', message: 'HTTP 404 Not Found' } }, line: `acme ${FEED}: failed (http-status) HTTP 404 Not Found` },
    ],
    [
      'a failure without a status (a network error) records none',
      buildFailedResult(read, { reason: 'network', message: 'reset' }),
      { status: 'failed', outcome: { kind: 'failed', error: { reason: 'network', message: 'reset' } } },
    ],
    [
      'a 304 is not modified and carries the validators it sent',
      buildNotModifiedResult(read, { etag: '"v1"' }),
      { status: 'not-modified', outcome: { kind: 'not-modified', status: 304, validators: { etag: '"v1"' } }, line: `acme ${FEED}: not modified (304)` },
    ],
    [
      'the same body as last time is not modified, with the item counts of the last read',
      buildSameBodyResult(read, body, lastRead),
      { status: 'not-modified', outcome: { kind: 'fetched', status: 200, validators: { etag: '"v2"' }, bodyDigest: 'body-2', configDigest: acmeDigest, itemsSeen: 7, itemsNew: 2 }, line: `acme ${FEED}: not modified (same body)` },
    ],
    [
      'a body read gives its items, its title and each parse warning once',
      buildReadResult(read, body, items),
      {
        status: 'ok',
        outcome: { kind: 'fetched', status: 200, validators: { etag: '"v2"' }, bodyDigest: 'body-2', configDigest: acmeDigest, itemsSeen: 9, itemsNew: 0, feedTitle: 'Acme forum' },
        skipped: { 'not-about-company': 3 },
        line: `acme ${FEED}: ok 200, 9 items; warning: a; b`,
      },
    ],
    [
      'a local file has no HTTP status in its line',
      buildReadResult(read, { validators: {}, bodyDigest: 'body-3' }, { ...items, warnings: [] }),
      { status: 'ok', line: `acme ${FEED}: ok, 9 items` },
    ],
  ])('%s', (_title, result, expected) => {
    expect(result).toMatchObject({ company: 'acme', url: FEED, ...expected });
  });

  it('prints at most three distinct parse warnings and counts the rest', () => {
    expect(formatParseWarnings(['a', 'b', 'c', 'd', 'e', 'a'])).toBe('; warning: a; b; c (+2 more)');
    expect(formatParseWarnings([])).toBe('');
  });
});

function fileWrite(action: FileWrite['action'], company: string, id: string, fields: Partial<FileWrite> = {}): FileWrite {
  return { action, path: `mentions/${company}/${id}.md`, company, id, kind: 'mention', text: '', changedFields: [], bodyChanged: false, ...fields };
}

describe('countNewItemsBySource', () => {
  it('counts the created files of each source, not the updates', () => {
    const drafts = [
      { company: 'acme', id: 'a1', source: FEED },
      { company: 'acme', id: 'a2', source: FEED },
      { company: 'acme', id: 'a3', source: OTHER_FEED },
      { company: 'zed', id: 'a1', source: OTHER_FEED },
    ];
    const counts = countNewItemsBySource(drafts, [fileWrite('create', 'acme', 'a1'), fileWrite('create', 'acme', 'a2'), fileWrite('update', 'acme', 'a3'), fileWrite('create', 'zed', 'a1')]);
    expect(counts.get('acme')?.get(FEED)).toBe(2);
    expect(counts.get('acme')?.get(OTHER_FEED)).toBeUndefined();
    expect(counts.get('zed')?.get(OTHER_FEED)).toBe(1);
  });

  it('credits an id two sources share to the source whose draft came last', () => {
    const counts = countNewItemsBySource([{ company: 'acme', id: 'a1', source: FEED }, { company: 'acme', id: 'a1', source: OTHER_FEED }], [fileWrite('create', 'acme', 'a1')]);
    expect([...counts.get('acme')!]).toEqual([[OTHER_FEED, 1]]);
  });
});

describe('computeNextFetchState', () => {
  const read = { company: { slug: 'acme' }, source: { url: FEED }, configDigest: acmeDigest };
  const body = { status: 200, validators: { etag: '"v2"' }, bodyDigest: 'body-2' };
  const items = { drafts: [], skipped: {}, unmatched: [], itemsSeen: 9, feedTitle: 'Acme forum', warnings: [] };
  const newItems = new Map([['acme', new Map([[FEED, 4]])]]);

  it('records a body read with the number of its items that became new files', () => {
    const next = computeNextFetchState(stateWith(lastRead), ['acme'], [buildReadResult(read, body, items)], newItems, NOW);
    expect(next.sources.acme?.[FEED]).toMatchObject({ etag: '"v2"', bodyDigest: 'body-2', itemsSeen: 9, itemsLastRun: 4, lastSuccessAt: NOW.toISOString() });
  });

  it('keeps the record itself when nothing changed (a 304 confirming our validators)', () => {
    const state = stateWith(lastRead);
    const next = computeNextFetchState(state, ['acme'], [buildNotModifiedResult(read, {})], newItems, NOW);
    expect(next.sources.acme?.[FEED]).toBe(lastRead);
    expect(next).toEqual(state);
  });

  it('keeps the item counts of the last read for the same body, whatever the plan created', () => {
    const sameBody = buildSameBodyResult(read, { ...body, validators: { etag: '"v3"' } }, lastRead);
    expect(computeNextFetchState(stateWith(lastRead), ['acme'], [sameBody], newItems, NOW).sources.acme?.[FEED]).toMatchObject({ etag: '"v3"', itemsLastRun: 2 });
  });

  it('drops the sources a company no longer lists, and a company with none left', () => {
    const state: FetchState = { version: 1, sources: { acme: { [FEED]: lastRead, [OTHER_FEED]: lastRead }, gone: { [FEED]: lastRead } } };
    const next = computeNextFetchState(state, ['acme', 'gone'], [buildNotModifiedResult(read, {})], newItems, NOW);
    expect(Object.keys(next.sources)).toEqual(['acme']);
    expect(Object.keys(next.sources.acme!)).toEqual([FEED]);
  });

  it('leaves the records of companies not in this run (fetch --company) as they were', () => {
    const state: FetchState = { version: 1, sources: { acme: { [FEED]: lastRead }, zed: { [OTHER_FEED]: lastRead } } };
    const next = computeNextFetchState(state, ['acme'], [buildFailedResult(read, { reason: 'timeout', message: 'slow' })], newItems, NOW);
    expect(next.sources.zed).toBe(state.sources.zed);
    expect(next.sources.acme?.[FEED]).toMatchObject({ consecutiveFailures: 1, lastError: { reason: 'timeout' } });
    expect(state.sources.acme?.[FEED]).toBe(lastRead);
  });
});

describe('the fetch report', () => {
  const read = (url: string) => ({ company: { slug: 'acme' }, source: { url }, configDigest: acmeDigest });
  const items = { drafts: [], skipped: { 'not-about-company': 2, 'no-link': 1 }, unmatched: [], itemsSeen: 5, feedTitle: '', warnings: [] };
  const plan: WritePlan = {
    writes: [fileWrite('create', 'acme', 'a1'), fileWrite('create', 'acme', 'a2'), fileWrite('update', 'acme', 'a3', { changedFields: ['title'], bodyChanged: true })],
    keeps: [
      { company: 'acme', id: 'a4', reason: 'unchanged' },
      { company: 'acme', id: 'a5', reason: 'duplicate' },
    ],
    ledgers: [{ company: 'acme', path: 'state/ledgers/acme.txt', text: '', added: 2 }],
  };
  const results = [buildReadResult(read(FEED), { status: 200, validators: {}, bodyDigest: 'd' }, items), buildNotModifiedResult(read(OTHER_FEED), {}), buildFailedResult(read('https://down.example/'), { reason: 'timeout', message: 'no answer in 20 s' })];

  it('counts sources, items and skips (normalizing’s and the plan’s)', () => {
    const report = buildFetchReport(results, plan, { filesWritten: 4, writeFailed: false });
    expect(report).toEqual({
      exitCode: 0,
      sources: { ok: 1, notModified: 1, failed: 1, failures: [{ company: 'acme', source: 'https://down.example/', error: { reason: 'timeout', message: 'no answer in 20 s' } }] },
      items: { new: 2, updated: 1, unchanged: 1, skipped: { 'not-about-company': 2, 'no-link': 1, duplicate: 1 } },
      filesWritten: 4,
      plan,
    });
  });

  it.each<[string, SourceResult[], boolean, number]>([
    ['0 when some source was read', results, false, 0],
    ['1 when a write failed', results, true, 1],
    ['1 when every source failed', [results[2]!], false, 1],
    ['0 when there was no source at all', [], false, 0],
  ])('exits %s', (_title, runResults, writeFailed, exitCode) => {
    expect(buildFetchReport(runResults, { writes: [], keeps: [], ledgers: [] }, { filesWritten: 0, writeFailed }).exitCode).toBe(exitCode);
  });

  it('ends with the summary lines, skips sorted by reason', () => {
    const report = buildFetchReport(results, plan, { filesWritten: 4, writeFailed: false });
    expect(formatFetchSummary(report, false)).toEqual([
      'sources: 1 ok, 1 not modified, 1 failed',
      '  failed acme https://down.example/: timeout: no answer in 20 s',
      'items: 2 new, 1 updated, 1 unchanged, 4 skipped (duplicate 1, no-link 1, not-about-company 2)',
      '4 files written',
    ]);
  });

  it('says a dry run wrote nothing, and that every source failed when so', () => {
    const report = buildFetchReport([results[2]!], { writes: [], keeps: [], ledgers: [] }, { filesWritten: 0, writeFailed: false });
    expect(isEverySourceFailed(report.sources)).toBe(true);
    expect(formatFetchSummary(report, true).slice(-3)).toEqual(['items: 0 new, 0 updated, 0 unchanged, 0 skipped', 'dry run: nothing written', 'every source failed']);
  });

  it('reports bad configuration with exit code 2 and nothing counted', () => {
    expect(buildConfigErrorReport()).toMatchObject({ exitCode: 2, sources: { ok: 0, failed: 0 }, items: { new: 0 }, filesWritten: 0 });
    expect(buildConfigErrorReport()).not.toHaveProperty('plan');
  });

  it('prints a dry run’s plan as the files it would write and what would change', () => {
    expect(formatPlannedWrites(plan)).toEqual([
      'would create mentions/acme/a1.md',
      'would create mentions/acme/a2.md',
      'would update mentions/acme/a3.md (title, body)',
      'would update state/ledgers/acme.txt (+2 ids)',
    ]);
  });
});

describe('findNoLongerMatching', () => {
  const file = (filePath: string, data: Record<string, unknown>) => ({ path: filePath, data, body: '' });
  const unmatched = [{ company: 'acme', id: 'x1', reason: 'excluded' as const, detail: '"Acme Bank"' }];

  it.each([
    ['finds a visible mention file whose item the rules now leave out', [file('mentions/acme/x1.md', { company: 'acme', id: 'x1' })], ['mentions/acme/x1.md']],
    ['skips a file the maintainer already hid', [file('mentions/acme/x1.md', { company: 'acme', id: 'x1', hidden: true })], []],
    ['skips a response file', [file('responses/acme/x1.md', { company: 'acme', id: 'x1' })], []],
    ['skips the same id of another company', [file('mentions/zed/x1.md', { company: 'zed', id: 'x1' })], []],
  ])('%s', (_title, items, paths) => {
    expect(findNoLongerMatching(items, unmatched).map((stale) => stale.path)).toEqual(paths);
  });

  it('tells the maintainer why and what to do', () => {
    const [stale] = findNoLongerMatching([file('mentions/acme/x1.md', { company: 'acme', id: 'x1' })], unmatched);
    expect(formatNoLongerMatching(stale!)).toBe('mentions/acme/x1.md: no longer about the company by its rules (excluded: "Acme Bank"); fetch never deletes: set hidden: true or delete the file');
  });
});
