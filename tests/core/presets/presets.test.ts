import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../../src/core/content-entries.ts';
import { lintContent } from '../../../src/core/content-lint.ts';
import { PRESETS } from '../../../src/core/presets/index.ts';
import { buildWatchblog } from '../../../src/core/watchblog.ts';
import { CompanySchema, type Source } from '../../../src/core/schemas.ts';
import { PROJECT_ROOT } from '../../../scripts/project-root.ts';

/** The sources a company file with these `sources` entries reads. */
function expand(...entries: Record<string, unknown>[]): Source[] {
  return CompanySchema.parse({ name: 'Acme Broadband', sources: entries }).sources;
}

/** The problems a company file with these `sources` entries has: field → message. */
function problems(...entries: Record<string, unknown>[]): [string, string][] {
  const result = CompanySchema.safeParse({ name: 'Acme Broadband', sources: entries });
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

type Hints = Pick<Source, 'url' | 'channel' | 'voice' | 'threaded' | 'allAboutCompany'> & { threadId?: string };

describe('a preset entry expands into the feeds its platform documents', () => {
  const CASES: [string, Record<string, unknown>, Hints[]][] = [
    ['reddit-subreddit', { subreddit: 'r/AcmeBroadband' }, [{ url: 'https://www.reddit.com/r/AcmeBroadband/new/.rss', channel: 'forum', voice: 'public', threaded: false, allAboutCompany: true }]],
    ['reddit-search', { query: 'Acme Broadband' }, [{ url: 'https://www.reddit.com/search.rss?q=Acme+Broadband&sort=new', channel: 'forum', voice: 'public', threaded: false, allAboutCompany: false }]],
    ['reddit-search', { query: 'outage', subreddit: 'HomeNetworking' }, [{ url: 'https://www.reddit.com/r/HomeNetworking/search.rss?q=outage&restrict_sr=1&sort=new', channel: 'forum', voice: 'public', threaded: false, allAboutCompany: false }]],
    ['reddit-thread', { subreddit: 'AcmeBroadband', id: '1B6ZZ91' }, [{ url: 'https://www.reddit.com/r/AcmeBroadband/comments/1b6zz91.rss', channel: 'forum', voice: 'public', threaded: true, allAboutCompany: true }]],
    ['hn-search', { query: 'Acme Broadband' }, [{ url: 'https://hnrss.org/newest?q=Acme+Broadband', channel: 'forum', voice: 'public', threaded: false, allAboutCompany: false }]],
    [
      'hn-search',
      { query: 'Acme', comments: true },
      [
        { url: 'https://hnrss.org/newest?q=Acme', channel: 'forum', voice: 'public', threaded: false, allAboutCompany: false },
        { url: 'https://hnrss.org/newcomments?q=Acme', channel: 'forum', voice: 'public', threaded: false, allAboutCompany: false },
      ],
    ],
    ['hn-thread', { id: 47100011 }, [{ url: 'https://hnrss.org/item?id=47100011', channel: 'forum', voice: 'public', threaded: true, threadId: 'hn:47100011', allAboutCompany: true }]],
    ['mastodon-account', { account: '@AcmeHelp@mastodon.social' }, [{ url: 'https://mastodon.social/@AcmeHelp.rss', channel: 'social', voice: 'company', threaded: false, allAboutCompany: false }]],
    ['mastodon-tag', { instance: 'mastodon.social', tag: '#AcmeBroadband' }, [{ url: 'https://mastodon.social/tags/AcmeBroadband.rss', channel: 'social', voice: 'public', threaded: false, allAboutCompany: true }]],
    ['bluesky-profile', { handle: '@acme.bsky.social' }, [{ url: 'https://bsky.app/profile/acme.bsky.social/rss', channel: 'social', voice: 'company', threaded: false, allAboutCompany: false }]],
    ['google-news', { query: '"Acme Broadband"' }, [{ url: 'https://news.google.com/rss/search?q=%22Acme+Broadband%22&hl=en-US&gl=US&ceid=US:en', channel: 'news', voice: 'public', threaded: false, allAboutCompany: false }]],
    ['google-news', { query: 'Acme', language: 'fr', country: 'fr' }, [{ url: 'https://news.google.com/rss/search?q=Acme&hl=fr&gl=FR&ceid=FR:fr', channel: 'news', voice: 'public', threaded: false, allAboutCompany: false }]],
    ['google-alerts', { feed: 'https://www.google.com/alerts/feeds/012345/678901' }, [{ url: 'https://www.google.com/alerts/feeds/012345/678901', channel: 'news', voice: 'public', threaded: false, allAboutCompany: false }]],
    ['discourse-category', { site: 'https://community.acme.example/', category: 'support', id: 4 }, [{ url: 'https://community.acme.example/c/support/4.rss', channel: 'forum', voice: 'public', threaded: true, allAboutCompany: false }]],
    ['discourse-search', { site: 'community.acme.example', query: 'wifi drops' }, [{ url: 'https://community.acme.example/search.rss?q=wifi+drops', channel: 'forum', voice: 'public', threaded: true, allAboutCompany: false }]],
    ['discourse-topic', { site: 'https://acme.example/forum', topic: 'wifi-drops', id: '123' }, [{ url: 'https://acme.example/forum/t/wifi-drops/123.rss', channel: 'forum', voice: 'public', threaded: true, allAboutCompany: true }]],
    ['statuspage', { site: 'status.acme.example' }, [{ url: 'https://status.acme.example/history.atom', channel: 'status', voice: 'company', threaded: true, allAboutCompany: true }]],
    ['statuspage', { site: 'https://status.acme.example', format: 'rss' }, [{ url: 'https://status.acme.example/history.rss', channel: 'status', voice: 'company', threaded: true, allAboutCompany: true }]],
    ['status-io', { page: '55957a99e800baa4470002da' }, [{ url: 'https://status.io/pages/55957a99e800baa4470002da/rss', channel: 'status', voice: 'company', threaded: true, allAboutCompany: true }]],
    ['github-releases', { repo: 'acme/router-firmware' }, [{ url: 'https://github.com/acme/router-firmware/releases.atom', channel: 'blog', voice: 'company', threaded: false, allAboutCompany: true }]],
    ['youtube-channel', { channelId: 'UC0123456789abcdefghijKL' }, [{ url: 'https://www.youtube.com/feeds/videos.xml?channel_id=UC0123456789abcdefghijKL', channel: 'social', voice: 'public', threaded: false, allAboutCompany: false }]],
    ['app-store-reviews', { app: 284882215, country: 'GB' }, [{ url: 'https://itunes.apple.com/gb/rss/customerreviews/id=284882215/sortBy=mostRecent/xml', channel: 'reviews', voice: 'public', threaded: false, allAboutCompany: true }]],
  ];

  it.each(CASES)('%s %j', (preset, fields, expected) => {
    const sources = expand({ preset, ...fields });
    expect(sources.map(({ url, channel, voice, threaded, allAboutCompany, threadId }) => ({ url, channel, voice, threaded, allAboutCompany, ...(threadId ? { threadId } : {}) }))).toEqual(expected);
    for (const source of sources) expect(source.name).toBeTruthy();
  });

  it('covers every preset', () => {
    expect(new Set(CASES.map(([name]) => name))).toEqual(new Set(PRESETS.map((preset) => preset.name)));
  });

  it('keeps plain url sources as they are, next to presets, in file order', () => {
    const sources = expand({ url: 'https://acme.example/blog/feed', channel: 'blog', voice: 'company' }, { preset: 'hn-search', query: 'Acme' });
    expect(sources.map((source) => source.url)).toEqual(['https://acme.example/blog/feed', 'https://hnrss.org/newest?q=Acme']);
    expect(sources[0]).not.toHaveProperty('preset');
  });

  it("lets an entry's source options replace the preset's choices", () => {
    const [source] = expand({ preset: 'mastodon-account', account: '@critic@mastodon.social', voice: 'public', name: 'A critic', kind: 'problem', excerptChars: 200, exclude: ['giveaway'] });
    expect(source).toMatchObject({ voice: 'public', name: 'A critic', kind: 'problem', excerptChars: 200, exclude: ['giveaway'] });
  });

  it("leaves the preset's choices alone when the entry sets no option", () => {
    const [source] = expand({ preset: 'statuspage', site: 'status.acme.example' });
    expect(source).toMatchObject({ voice: 'company', allAboutCompany: true, excerptChars: 600 });
  });
});

describe('a preset entry with a mistake names the field and what to write', () => {
  it.each([
    ['a missing field', { preset: 'reddit-search' }, [['sources.0.query', 'reddit-search needs query: the words to search for, e.g. "Acme Broadband"']]],
    ['a blank field', { preset: 'hn-search', query: '  ' }, [['sources.0.query', 'hn-search needs query: the words to search for, e.g. "Acme Broadband"']]],
    ['a malformed handle', { preset: 'mastodon-account', account: 'AcmeHelp' }, [['sources.0.account', 'mastodon-account needs account: the full handle, e.g. "@AcmeHelp@mastodon.social"']]],
    ['a site that is not an address', { preset: 'statuspage', site: 'https://status acme' }, [['sources.0.site', 'statuspage needs site: the site\'s address, e.g. "https://status.acme.example"; got "https://status acme"']]],
    ['a non-numeric id', { preset: 'discourse-topic', site: 'community.acme.example', topic: 'wifi', id: 'abc' }, [['sources.0.id', 'discourse-topic needs id: the topic number from its address, e.g. 123 in /t/wifi-drops/123']]],
  ])('%s', (_title, entry, expected) => {
    expect(problems(entry)).toEqual(expected);
  });

  it('an unknown preset lists the known ones', () => {
    const [[field, message] = ['', '']] = problems({ preset: 'reddit-serch', query: 'Acme' });
    expect(field).toBe('sources.0.preset');
    expect(message).toMatch(/^unknown preset; expected one of: reddit-subreddit, reddit-search, /);
  });

  it('an unknown field (a typo) lists the fields the preset takes', () => {
    expect(problems({ preset: 'hn-search', qurey: 'Acme' })).toEqual([
      ['sources.0.query', 'hn-search needs query: the words to search for, e.g. "Acme Broadband"'],
      ['sources.0', 'hn-search takes query, comments, name, channel, voice, kind, allAboutCompany, keepPassingMentions, excerptChars, ignore, exclude; unknown: qurey'],
    ]);
  });

  it('an entry with neither url nor preset asks for one', () => {
    expect(problems({ channel: 'news' })).toEqual([['sources.0.url', 'expected url: a feed URL or a file path (or preset: a preset name, see docs/presets.md)']]);
  });
});

describe('content files with presets', () => {
  it('are read by the content model (as the build and the scorecard read them) with their presets expanded, and lint clean', () => {
    const data = { name: 'Acme Broadband', sources: [{ preset: 'statuspage', site: 'status.acme.example' }, { preset: 'reddit-search', query: 'Acme Broadband' }] };
    const { input, problems } = readContentFiles([{ path: 'companies/acme-broadband.md', data, body: '' }]);
    expect(problems).toEqual([]);
    expect(input.companies[0]!.sources.map((source) => source.url)).toEqual(['https://status.acme.example/history.atom', 'https://www.reddit.com/search.rss?q=Acme+Broadband&sort=new']);
    expect(lintContent(input, buildWatchblog(input, new Date('2026-03-15T00:00:00Z')))).toEqual([]);
  });

  it('with a missing field are a problem naming the file and field', () => {
    const { problems } = readContentFiles([{ path: 'companies/acme.md', data: { name: 'Acme', sources: [{ preset: 'google-news' }] }, body: '' }]);
    expect(problems).toEqual([{ path: 'companies/acme.md', field: 'sources[0].query', message: 'google-news needs query: the words to search for, e.g. "Acme Broadband" (quotes inside for an exact phrase)' }]);
  });
});

describe('docs/presets.md', () => {
  it('lists every preset', () => {
    const doc = readFileSync(path.join(PROJECT_ROOT, 'docs/presets.md'), 'utf8');
    for (const preset of PRESETS) expect(doc).toContain(`| \`${preset.name}\``);
  });
});
