import { describe, expect, it } from 'vitest';
import { digestPageProps, withCacheKeys } from '../../../src/core/site/page-cache-key.ts';

const kase = () => ({ id: 'c1', status: 'open', events: [{ at: '2026-03-01T09:00:00Z', excerpt: 'No signal' }] });

describe("a page's cache key", () => {
  it('is the same for equal props, whatever their order or object identity', () => {
    expect(digestPageProps({ kase: kase(), company: { slug: 'acme' } })).toBe(digestPageProps({ company: { slug: 'acme' }, kase: kase() }));
  });

  it.each([
    ['a status', (k: ReturnType<typeof kase>) => ({ ...k, status: 'answered' })],
    ['a word deep in an event', (k: ReturnType<typeof kase>) => ({ ...k, events: [{ ...k.events[0]!, excerpt: 'No signal!' }] })],
    ['an added event', (k: ReturnType<typeof kase>) => ({ ...k, events: [...k.events, { at: '2026-03-02T09:00:00Z', excerpt: 'Fixed' }] })],
  ])('changes when %s changes', (_what, change) => {
    expect(digestPageProps({ kase: change(kase()) })).not.toBe(digestPageProps({ kase: kase() }));
  });

  it('tells props apart by name: the same value under another name is another page', () => {
    expect(digestPageProps({ a: 1, b: 2 })).not.toBe(digestPageProps({ a: 2, b: 1 }));
  });

  it('reads the entries of Maps and Sets, which JSON would write as {}', () => {
    expect(digestPageProps({ index: new Map([['c1', 1]]) })).not.toBe(digestPageProps({ index: new Map([['c1', 2]]) }));
    expect(digestPageProps({ ids: new Set(['a']) })).not.toBe(digestPageProps({ ids: new Set(['b']) }));
  });

  it('refuses props it cannot digest, rather than give two different pages one key', () => {
    expect(() => digestPageProps({ render: () => 'x' })).toThrow(/cannot digest/);
  });

  it('is given to every path of a route', () => {
    const paths = withCacheKeys([{ params: { id: 'c1' }, props: { kase: kase() } }, { params: { id: 'c2' }, props: { kase: { ...kase(), id: 'c2' } } }]);
    expect(paths.map((path) => path.cacheKey)).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), expect.stringMatching(/^[0-9a-f]{32}$/)]);
    expect(paths[0]!.cacheKey).not.toBe(paths[1]!.cacheKey);
  });
});
