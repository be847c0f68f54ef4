import { describe, expect, it } from 'vitest';
import { buildCompanyFile, namePresetEntry } from '../../../src/core/new-company/company-file.ts';
import { deriveAliases, slugifyCompanyName } from '../../../src/core/new-company/derive-aliases.ts';
import { candidateFeedUrls, companyFeedHints, findAlternateFeeds } from '../../../src/core/new-company/discover-feeds.ts';
import { CompanySchema } from '../../../src/core/schemas.ts';

describe('deriveAliases', () => {
  it.each([
    ['Acme Broadband', [], ['Acme Broadband', 'AcmeBroadband', { text: 'Acme', caseSensitive: true, context: ['broadband'] }]],
    ['Acme Broadband', ['fibre'], ['Acme Broadband', 'AcmeBroadband', { text: 'Acme', caseSensitive: true, context: ['broadband', 'fibre'] }]],
    ['Zephyr Telecom Ltd', [], ['Zephyr Telecom', 'ZephyrTelecom', { text: 'Zephyr', caseSensitive: true, context: ['telecom'] }]],
    ['The Home Depot', [], ['The Home Depot', 'TheHomeDepot']],
    ['Orange', ['mobile', 'telecom'], [{ text: 'Orange', caseSensitive: true, context: ['mobile', 'telecom'] }]],
  ])('%s with context %j', (name, context, expected) => {
    expect(deriveAliases(name, context).aliases).toEqual(expected);
  });

  it('warns that a one-word name without context words matches it anywhere it is capitalised', () => {
    const { aliases, warnings } = deriveAliases('Orange');
    expect(aliases).toEqual([{ text: 'Orange', caseSensitive: true, context: [] }]);
    expect(warnings[0]).toMatch(/one word.*--context/);
  });

  it('gives aliases the company schema accepts', () => {
    expect(CompanySchema.safeParse({ name: 'Acme Broadband', aliases: deriveAliases('Acme Broadband').aliases }).success).toBe(true);
  });
});

describe('slugifyCompanyName', () => {
  it.each([
    ['Acme Broadband', 'acme-broadband'],
    ['Société Générale', 'societe-generale'],
    ['AT&T Inc.', 'at-t-inc'],
  ])('%s → %s', (name, slug) => expect(slugifyCompanyName(name)).toBe(slug));
});

describe('findAlternateFeeds', () => {
  const html = `<!doctype html><html><head>
    <link rel="stylesheet" href="/site.css">
    <link rel="alternate" type="application/rss+xml" title="Acme blog" href="/blog/feed.xml">
    <link type='application/atom+xml' rel='alternate' href='https://news.acme.example/atom.xml?lang=en&amp;x=1'>
    <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed/">
    <link rel="alternate" hreflang="fr" href="/fr/">
    <link rel="alternate" type="application/rss+xml" href="/blog/feed.xml">
  </head></html>`;

  it('lists announced feeds resolved against the page, without comment feeds, duplicates or language alternates', () => {
    expect(findAlternateFeeds(html, 'https://acme.example/')).toEqual([
      { url: 'https://acme.example/blog/feed.xml', title: 'Acme blog' },
      { url: 'https://news.acme.example/atom.xml?lang=en&x=1' },
    ]);
  });
});

describe('candidateFeedUrls and companyFeedHints', () => {
  it('probes common paths on the site, then the status host history', () => {
    const urls = candidateFeedUrls('https://www.acme.example/about');
    expect(urls[0]).toBe('https://www.acme.example/feed');
    expect(urls).toContain('https://www.acme.example/blog/rss');
    expect(urls.slice(-2)).toEqual(['https://status.acme.example/history.atom', 'https://status.acme.example/history.rss']);
  });

  it('has no status host for an IP address', () => {
    expect(candidateFeedUrls('http://127.0.0.1:8080/').some((url) => url.includes('status.'))).toBe(false);
  });

  it.each([
    ['https://status.acme.example/history.atom', { channel: 'status', threaded: true }],
    ['https://acme.example/blog/feed.xml', { channel: 'blog', threaded: false }],
  ])('%s → %j', (url, hints) => expect(companyFeedHints(url)).toEqual(hints));
});

describe('buildCompanyFile', () => {
  it("writes own feeds in the company's voice before the public presets, and fits the schema", () => {
    const { data } = buildCompanyFile({
      name: 'Acme Broadband',
      aliases: ['Acme Broadband'],
      site: 'https://acme.example/',
      ownFeeds: [{ url: 'https://acme.example/blog/feed.xml', title: 'Acme blog' }, { url: 'https://status.acme.example/history.atom' }],
      presets: [namePresetEntry('google-news', 'Acme Broadband'), namePresetEntry('hn-search', 'Acme Broadband')],
    });
    const company = CompanySchema.parse(data);
    expect(company.sources.map(({ url, channel, voice, threaded }) => [url, channel, voice, threaded])).toEqual([
      ['https://acme.example/blog/feed.xml', 'blog', 'company', false],
      ['https://status.acme.example/history.atom', 'status', 'company', true],
      ['https://news.google.com/rss/search?q=%22Acme+Broadband%22&hl=en-US&gl=US&ceid=US:en', 'news', 'public', false],
      ['https://hnrss.org/newest?q=Acme+Broadband', 'forum', 'public', false],
    ]);
  });
});
