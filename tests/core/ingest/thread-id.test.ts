import { describe, expect, it } from 'vitest';
import { deriveThreadId } from '../../../src/core/ingest/thread-id.ts';

describe('deriveThreadId: the thread a comment belongs to, from its URL', () => {
  it.each([
    ['a Reddit comment belongs to its post', 'https://www.reddit.com/r/verizon/comments/42babr/no_signal/czi6f1x/', 'reddit:42babr'],
    ['a Reddit post is its own thread', 'https://www.reddit.com/r/verizon/comments/42babr/no_signal/', 'reddit:42babr'],
    ['a Discourse post belongs to its topic', 'https://community.acme.example/t/billing-error/1234/7', 'discourse:community.acme.example/1234'],
    ['a Discourse topic without a slug', 'https://community.acme.example/t/1234', 'discourse:community.acme.example/1234'],
    ['a Discourse post of a topic without a slug belongs to the topic', 'https://community.acme.example/t/1234/7', 'discourse:community.acme.example/1234'],
    ['a GitHub issue comment belongs to its issue', 'https://github.com/acme/app/issues/42', 'github:acme/app/issues/42'],
    ['a Statuspage update belongs to its incident', 'https://status.acme.example/incidents/x1y2z3', 'incident:status.acme.example/x1y2z3'],
    ['a comment anchored on a page belongs to the page', 'https://blog.example/post-1#comment-12', 'https://blog.example/post-1'],
  ])('%s', (_, url, expected) => {
    expect(deriveThreadId(url)).toBe(expected);
  });

  it('gives nothing for a URL that does not parse', () => {
    expect(deriveThreadId('not a url')).toBeUndefined();
  });
});
