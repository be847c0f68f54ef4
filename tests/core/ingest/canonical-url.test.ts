import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, isTrackingParam } from '../../../src/core/ingest/canonical-url.ts';

describe('canonicalizeUrl', () => {
  it.each([
    ['lower-cases the host and drops the default port', 'HTTPS://Forum.EXAMPLE:443/T/1', undefined, 'https://forum.example/T/1'],
    ['drops the fragment', 'https://a.example/p#comment-3', undefined, 'https://a.example/p'],
    ['drops utm_* and keeps other parameters in order', 'https://a.example/p?b=2&utm_source=x&a=1&UTM_Medium=y', undefined, 'https://a.example/p?b=2&a=1'],
    ['drops the query entirely when only trackers were in it', 'https://a.example/p?fbclid=1&gclid=2', undefined, 'https://a.example/p'],
    ['resolves a relative link against the base', '../post/2?x=1', 'https://a.example/blog/feed/', 'https://a.example/blog/post/2?x=1'],
    ['resolves a root-relative link against the base', '/t/42', 'http://forum.example/c/zephyr.rss', 'http://forum.example/t/42'],
    ['keeps a non-default port', 'http://a.example:8080/x', undefined, 'http://a.example:8080/x'],
    ['strips invisible characters and surrounding whitespace', '\u200b https://a.example/x\u202e ', undefined, 'https://a.example/x'],
    ['removes credentials', 'https://user:pw@a.example/x', undefined, 'https://a.example/x'],
  ])('%s', (_title, href, base, expected) => {
    expect(canonicalizeUrl(href, base)).toBe(expected);
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['java\tscript:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['mailto:a@b.example'],
    ['ftp://a.example/x'],
    [''],
    ['not a url'],
  ])('returns null for %j, which is not an http(s) URL', (href) => {
    expect(canonicalizeUrl(href)).toBeNull();
  });

  it('returns null for a relative link when the base is unusable', () => {
    expect(canonicalizeUrl('/x', 'not a base')).toBeNull();
  });
});

describe('isTrackingParam', () => {
  it.each(['utm_source', 'utm_campaign', 'fbclid', 'gclid', 'mc_cid', 'mc_eid', 'igshid', 'ref_src', 'msclkid', '_hsenc', 'pk_campaign'])(
    'treats %s as tracking',
    (name) => {
      expect(isTrackingParam(name)).toBe(true);
    },
  );
  it.each(['id', 'page', 'q', 'ref', 'utm', 'topic'])('keeps %s, which can change the page', (name) => {
    expect(isTrackingParam(name)).toBe(false);
  });
});
