import { describe, expect, it } from 'vitest';
import { classifyItem } from '../../src/core/ingest/classify.ts';
import { computeItemId } from '../../src/core/ingest/identity.ts';

const OFFICIAL = { authors: ['ZephyrCares', '@ZephyrSupport'], domains: ['zephyr.example'] };

describe('classifyItem', () => {
  it.each([
    ['every item of a company-voice source is a response', 'company', 'someone', 'https://blog.example/x', 'response'],
    ['an official author is a response', 'public', 'zephyrcares', 'https://forum.example/t/1', 'response'],
    ['an official handle matches with or without @', 'public', 'ZephyrSupport', 'https://forum.example/t/1', 'response'],
    ['an official handle matches when the feed adds @', 'public', '@zephyrcares', 'https://forum.example/t/1', 'response'],
    ['a page on the official domain is a response', 'public', '', 'https://zephyr.example/news/1', 'response'],
    ['a page on a subdomain of the official domain is a response', 'public', '', 'https://status.zephyr.example/i/1', 'response'],
    ['a look-alike domain is a mention', 'public', '', 'https://zephyr.example.evil.test/x', 'mention'],
    ['a domain that only ends with the same letters is a mention', 'public', '', 'https://notzephyr.example/x', 'mention'],
    ['anyone else is a mention', 'public', 'Angry Customer', 'https://forum.example/t/1', 'mention'],
  ] as const)('%s', (_title, voice, author, url, expected) => {
    expect(classifyItem({ voice, author, url, official: OFFICIAL })).toBe(expected);
  });

  describe('in a community forum the company hosts (a public feed on its own domain)', () => {
    const sourceUrl = 'https://community.zephyr.example/c/broadband.atom';

    it("a customer's post is a mention, though its page is on the company's domain", () => {
      expect(classifyItem({ voice: 'public', author: 'leeds_dev', url: 'https://community.zephyr.example/t/812#post-9000', sourceUrl, official: OFFICIAL })).toBe('mention');
    });

    it("an official account's reply is a response", () => {
      expect(classifyItem({ voice: 'public', author: 'ZephyrCares', url: 'https://community.zephyr.example/t/812#post-9001', sourceUrl, official: OFFICIAL })).toBe('response');
    });

    it('a page on the official domain found through a feed elsewhere is still a response', () => {
      expect(classifyItem({ voice: 'public', author: '', url: 'https://zephyr.example/news/1', sourceUrl: 'https://news.example/search.rss', official: OFFICIAL })).toBe('response');
    });
  });
});

describe('computeItemId', () => {
  it('is 16 lower-case hex characters and stable', () => {
    const id = computeItemId('tag:forum.example,2026:1', 'https://forum.example/t/1');
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(computeItemId('tag:forum.example,2026:1', 'https://other.example/')).toBe(id);
  });

  it('uses the canonical URL when there is no guid, or only whitespace', () => {
    const byUrl = computeItemId(undefined, 'https://forum.example/t/1');
    expect(computeItemId('   ', 'https://forum.example/t/1')).toBe(byUrl);
    expect(computeItemId(undefined, 'https://forum.example/t/2')).not.toBe(byUrl);
  });

  it('does not let a guid equal to a URL collide with that URL used as the fallback', () => {
    expect(computeItemId('https://forum.example/t/1', 'x')).not.toBe(computeItemId(undefined, 'https://forum.example/t/1'));
  });
});
