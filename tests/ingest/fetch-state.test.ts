import { describe, expect, it } from 'vitest';
import { computeNextHealth, isSameBodyAsLastRead, parseFetchState, serializeFetchState, type SourceHealth } from '../../src/core/write/fetch-state.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const LATER = new Date('2026-03-10T13:00:00Z');

const healthy: SourceHealth = {
  etag: '"v1"',
  lastModified: 'Mon, 02 Mar 2026 10:00:00 GMT',
  bodyDigest: 'd1',
  configDigest: 'c1',
  lastAttemptAt: NOW.toISOString(),
  lastSuccessAt: NOW.toISOString(),
  lastStatus: 200,
  consecutiveFailures: 0,
  itemsSeen: 5,
  itemsLastRun: 5,
};

describe('computeNextHealth', () => {
  it('changes nothing (same object) on a 304 that confirms our validators', () => {
    expect(computeNextHealth(healthy, { kind: 'not-modified', status: 304, validators: {} }, LATER)).toBe(healthy);
    expect(computeNextHealth(healthy, { kind: 'not-modified', status: 304, validators: { etag: '"v1"' } }, LATER)).toBe(healthy);
  });

  it('saves a new ETag a 304 carries even though the body is unchanged', () => {
    const next = computeNextHealth(healthy, { kind: 'not-modified', status: 304, validators: { etag: '"v2"' } }, LATER);
    expect(next).toMatchObject({ etag: '"v2"', lastModified: healthy.lastModified, lastSuccessAt: LATER.toISOString() });
  });

  it('saves new validators on a 200 whose body is identical', () => {
    const next = computeNextHealth(healthy, { kind: 'fetched', status: 200, validators: { etag: '"v3"' }, bodyDigest: 'd1', configDigest: 'c1', itemsSeen: 5, itemsNew: 0 }, LATER);
    expect(next.etag).toBe('"v3"');
    expect(next).not.toHaveProperty('lastModified');
  });

  it('drops a stale ETag when a 200 comes without one', () => {
    const next = computeNextHealth(healthy, { kind: 'fetched', status: 200, validators: { lastModified: 'x' }, bodyDigest: 'd2', configDigest: 'c1', itemsSeen: 6, itemsNew: 1 }, LATER);
    expect(next).not.toHaveProperty('etag');
    expect(next).toMatchObject({ lastModified: 'x', itemsSeen: 6, itemsLastRun: 1 });
  });

  it('treats an identical body with identical validators as not modified', () => {
    const same = computeNextHealth(healthy, { kind: 'fetched', status: 200, validators: { etag: '"v1"', lastModified: healthy.lastModified }, bodyDigest: 'd1', configDigest: 'c1', itemsSeen: 5, itemsNew: 0 }, LATER);
    expect(same).toBe(healthy);
  });

  it('counts failures, keeps validators, and resets on recovery', () => {
    const failed = computeNextHealth(healthy, { kind: 'failed', status: 503, error: { reason: 'http-status', message: 'HTTP 503' } }, LATER);
    expect(failed).toMatchObject({ etag: '"v1"', consecutiveFailures: 1, lastStatus: 503, lastError: { reason: 'http-status', at: LATER.toISOString() } });
    const twice = computeNextHealth(failed, { kind: 'failed', error: { reason: 'network', message: 'reset' } }, LATER);
    expect(twice.consecutiveFailures).toBe(2);
    const recovered = computeNextHealth(twice, { kind: 'not-modified', status: 304, validators: {} }, LATER);
    expect(recovered).toMatchObject({ consecutiveFailures: 0, lastError: { reason: 'network' } });
  });
});

describe('isSameBodyAsLastRead', () => {
  it.each<[string, SourceHealth | undefined, string, string, 'the same body' | 'a body to read']>([
    ['the body last read, with the same settings, by a healthy source', healthy, 'd1', 'c1', 'the same body'],
    ['a new body', healthy, 'd2', 'c1', 'a body to read'],
    ['the same body read with other settings (an alias added)', healthy, 'd1', 'c2', 'a body to read'],
    ['the same body after a failure (it is read again, so the recovery is recorded)', { ...healthy, consecutiveFailures: 1 }, 'd1', 'c1', 'a body to read'],
    ['the first body of a source never read', undefined, 'd1', 'c1', 'a body to read'],
  ])('counts %s as %s', (_title, previous, bodyDigest, configDigest, expected) => {
    expect(isSameBodyAsLastRead(previous, bodyDigest, configDigest)).toBe(expected === 'the same body');
  });
});

describe('serializeFetchState', () => {
  it('writes sorted keys and a trailing newline, and reads back what it wrote', () => {
    const text = serializeFetchState({ version: 1, sources: { zed: { b: healthy }, acme: { a: { consecutiveFailures: 0, itemsSeen: 0, itemsLastRun: 0 } } } });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"acme"')).toBeLessThan(text.indexOf('"zed"'));
    expect(text.indexOf('"bodyDigest"')).toBeLessThan(text.indexOf('"etag"'));
    const parsed = parseFetchState(text);
    expect(parsed.ok && serializeFetchState(parsed.state)).toBe(text);
  });

  it('names the bad field of a broken state file', () => {
    expect(parseFetchState('{"version":1,"sources":{"a":{"b":{"consecutiveFailures":-1}}}}')).toMatchObject({ ok: false, message: expect.stringMatching(/^sources\.a\.b\.consecutiveFailures/) });
    expect(parseFetchState('{')).toMatchObject({ ok: false, message: expect.stringMatching(/not JSON/) });
  });
});
