/**
 * Hacker News through hnrss.org (RSS 2.0, built from the Algolia HN search): `/newest?q=…`
 * for new stories matching a search, `/newcomments?q=…` for comments, and `/item?id=<n>` for
 * the comments of one story. A comment's link is its own `news.ycombinator.com/item?id=`
 * page and names no parent, so a story's comment feed is threaded by the story's id.
 */
import { z } from 'astro/zod';
import { buildUrl, definePreset, requiredId, requiredText } from './preset.ts';

const HNRSS = 'https://hnrss.org';

export const hnSearch = definePreset({
  name: 'hn-search',
  summary: 'New Hacker News stories (and, with comments: true, comments) matching a search.',
  fields: {
    query: requiredText('hn-search', 'query', 'the words to search for, e.g. "Acme Broadband"'),
    /** Also read new comments that match. Default false. */
    comments: z.boolean({ error: 'hn-search comments: expected true or false' }).default(false),
  },
  expand: ({ query, comments }) => [
    { url: buildUrl(HNRSS, '/newest', { q: query }), name: `Hacker News: ${query}`, channel: 'forum', voice: 'public' },
    ...(comments ? [{ url: buildUrl(HNRSS, '/newcomments', { q: query }), name: `Hacker News comments: ${query}`, channel: 'forum' as const, voice: 'public' as const }] : []),
  ],
});

export const hnThread = definePreset({
  name: 'hn-thread',
  summary: "One Hacker News story's comments, threaded into one case.",
  fields: { id: requiredId('hn-thread', 'id', 'the story id from its address, e.g. "41234567" in news.ycombinator.com/item?id=41234567', /^\d{1,12}$/) },
  expand: ({ id }) => [
    { url: buildUrl(HNRSS, '/item', { id }), name: `Hacker News thread ${id}`, channel: 'forum', voice: 'public', threaded: true, threadId: `hn:${id}`, allAboutCompany: true },
  ],
});
