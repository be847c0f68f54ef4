import { describe, expect, it } from 'vitest';
import { classifyItem } from '../../../src/core/ingest/classify.ts';
import { computeItemId } from '../../../src/core/ingest/identity.ts';

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
