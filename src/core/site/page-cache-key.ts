/**
 * Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key
 * and template code are unchanged since the last build is copied from the cache instead of
 * rendered again, so a rebuild after a fetch costs about what changed.
 *
 * A key must change whenever the page's output would: it is the digest of everything the page
 * is given (its props), so it is only for routes whose page renders from its props, the
 * site's settings (`site`, `base`: part of Astro's own config hash) and its code (Astro's
 * module hash), and reads nothing else (no query, no clock, no file). Over-keying costs a
 * render; under-keying would publish a stale figure, so when in doubt a route goes unkeyed.
 *
 * Pure, apart from a memo of digests per object (props share big objects such as a company's
 * record between many paths; a frozen build never mutates them).
 */
import { createHash } from 'node:crypto';

const digests = new WeakMap<object, string>();

/** JSON for hashing: Maps and Sets by their entries (JSON.stringify would write `{}`), functions refused. */
function toHashableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner instanceof Map) return { '<Map>': [...inner.entries()] };
    if (inner instanceof Set) return { '<Set>': [...inner.values()] };
    if (typeof inner === 'function' || typeof inner === 'symbol' || typeof inner === 'bigint') {
      throw new TypeError(`a page's props hold a ${typeof inner}, which a cache key cannot digest: leave this route without a cacheKey`);
    }
    return inner;
  }) ?? 'undefined';
}

/** The digest of one value: the same for equal JSON, different (but for SHA-256 collisions) otherwise. */
export function digestValue(value: unknown): string {
  if (value !== null && typeof value === 'object') {
    const known = digests.get(value);
    if (known) return known;
    const digest = createHash('sha256').update(toHashableJson(value)).digest('hex');
    digests.set(value, digest);
    return digest;
  }
  return createHash('sha256').update(toHashableJson(value)).digest('hex');
}

/** A page's cache key: the digests of its props, by name. */
export function digestPageProps(props: Readonly<Record<string, unknown>>): string {
  const parts = Object.keys(props).sort().map((name) => `${name}=${digestValue(props[name])}`);
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);
}

/** getStaticPaths entries, each with the cache key of its props. */
export function withCacheKeys<T extends { props: Readonly<Record<string, unknown>> }>(paths: readonly T[]): (T & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: digestPageProps(path.props) }));
}
