/**
 * Canonical URLs: the form of a link used for identity, dedupe and threading. Pure.
 */

/** Query parameters that only track the reader; dropped from canonical URLs. */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'igshid',
  'ref_src',
  'ref_url',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  's_cid',
  'spm',
]);

/** Prefixes of tracking parameter names (Google Analytics `utm_*`, Piwik/Matomo `pk_*`...). */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'ga_'];

/** True when a query parameter name only tracks the reader (case-insensitive). */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** True when a `name=value` query pair only tracks the reader. */
function isTrackingPair(pair: string): boolean {
  const name = pair.split('=')[0] ?? '';
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    decoded = name;
  }
  return isTrackingParam(decoded);
}

/**
 * An absolute URL → the same URL without the tracking parameters canonicalizeUrl drops
 * (utm_*, fbclid, gclid...): everything else (other parameters and their order and
 * encoding, the fragment, the case of the path) stays byte for byte. A URL without any
 * tracking parameter is returned unchanged. For the link as published. Pure; never throws.
 */
export function dropTrackingParams(href: string): string {
  const hashAt = href.indexOf('#');
  const beforeHash = hashAt === -1 ? href : href.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : href.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return href;
  const pairs = beforeHash.slice(queryAt + 1).split('&');
  const kept = pairs.filter((pair) => pair === '' || !isTrackingPair(pair));
  if (kept.length === pairs.length) return href;
  const query = kept.every((pair) => pair === '') ? '' : `?${kept.join('&')}`;
  return `${beforeHash.slice(0, queryAt)}${query}${fragment}`;
}

/** Invisible characters a feed may sprinkle into a URL: controls, zero-width and bidi marks. */
const URL_NOISE = /[\u0000-\u001f\u007f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * A link → its canonical absolute URL, or null when it is not an http(s) URL.
 * Resolves `href` against `base` (xml:base or the feed URL); lower-cases the host;
 * drops the default port, the fragment, tracking parameters (utm_*, fbclid, gclid,
 * mc_cid, mc_eid, igshid, ref_src...) and an empty query; keeps other parameters in
 * their order. Pure; never throws.
 */
export function canonicalizeUrl(href: string, base?: string): string | null {
  try {
    const cleaned = href.replace(URL_NOISE, '').trim();
    if (cleaned === '') return null;
    let baseUrl: URL | undefined;
    if (base !== undefined) {
      try {
        baseUrl = new URL(base.replace(URL_NOISE, '').trim());
      } catch {
        baseUrl = undefined;
      }
    }
    const url = baseUrl ? new URL(cleaned, baseUrl) : new URL(cleaned);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.hostname === '') return null;
    url.hash = '';
    url.username = '';
    url.password = '';
    if (url.search !== '') {
      const kept = url.search
        .slice(1)
        .split('&')
        .filter((pair) => pair !== '' && !isTrackingPair(pair));
      url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
    }
    // WHATWG URL already lower-cases the host, punycodes it and drops default ports.
    return url.href;
  } catch {
    return null;
  }
}
