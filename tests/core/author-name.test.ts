import { describe, expect, it } from 'vitest';
import { normalizeAuthorName } from '../../src/core/author-name.ts';
import { classifyItem } from '../../src/core/ingest/classify.ts';
import { buildCases, isBotAuthor } from '../../src/core/thread.ts';
import { mention, response } from '../helpers/items.ts';

describe('normalizeAuthorName: one way to tell whether two names are the same person', () => {
  it.each([
    ['@ZephyrCares', 'zephyrcares'],
    ['@@ZephyrCares', 'zephyrcares'],
    ['  Zephyr   Support ', 'zephyr support'],
    ['ＺｅｐｈｙｒＣａｒｅｓ', 'zephyrcares'],
    ['', ''],
  ])('%s → %s', (name, expected) => {
    expect(normalizeAuthorName(name)).toBe(expected);
  });
});

describe('every rule compares names the same way', () => {
  const fullWidth = 'ＺｅｐｈｙｒＣａｒｅｓ';
  it('a full-width name is the official account, a listed bot and the complainant alike', () => {
    expect(classifyItem({ voice: 'public', author: fullWidth, url: 'https://x.example/1', official: { authors: ['@ZephyrCares'], domains: [] } })).toBe('response');
    expect(isBotAuthor(fullWidth, ['zephyrcares'])).toBe(true);
    const [kase] = buildCases('acme', [mention('a', '2026-03-01T09:00:00.000Z', { author: `@@  ${'Dana'}` })], [response('r', '2026-03-01T10:00:00.000Z', { respondsTo: ['a'], author: 'ｄａｎａ' })], [], { bots: [] });
    expect(kase?.events[1]).toMatchObject({ notCounted: 'complainant' });
  });
});
