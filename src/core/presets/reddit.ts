/**
 * Reddit publishes every listing as a feed by adding `.rss` to its address (an Atom 1.0
 * document): a subreddit's newest posts (`/r/<sub>/new/.rss`), a search
 * (`/search.rss?q=…&sort=new`, restricted to one subreddit with `restrict_sr=1`), and a post's
 * comments (`/r/<sub>/comments/<id>.rss`). Every comment's link lives under
 * `/comments/<post id>/`, which is how fetch threads a comment feed into one case.
 */
import { buildUrl, definePreset, requiredId, requiredMatching, requiredText } from './preset.ts';

const REDDIT = 'https://www.reddit.com';
const SUBREDDIT = /^(?:\/?r\/)?[A-Za-z0-9][A-Za-z0-9_]{1,20}$/;
const POST_ID = /^[a-z0-9]{4,12}$/i;

/** "r/AcmeBroadband", "/r/AcmeBroadband" or "AcmeBroadband" → "AcmeBroadband". */
function subredditName(value: string): string {
  return value.replace(/^\/?r\//, '');
}

const subredditField = (preset: string) => requiredMatching(preset, 'subreddit', 'a subreddit name, e.g. "AcmeBroadband" (without r/)', SUBREDDIT);

export const redditSubreddit = definePreset({
  name: 'reddit-subreddit',
  summary: "A subreddit's newest posts (a subreddit about the company: every post counts).",
  fields: { subreddit: subredditField('reddit-subreddit') },
  expand: ({ subreddit }) => [
    { url: `${REDDIT}/r/${subredditName(subreddit)}/new/.rss`, name: `r/${subredditName(subreddit)}`, channel: 'forum', voice: 'public', allAboutCompany: true },
  ],
});

export const redditSearch = definePreset({
  name: 'reddit-search',
  summary: 'Newest Reddit posts matching a search, across Reddit or in one subreddit.',
  fields: {
    query: requiredText('reddit-search', 'query', 'the words to search for, e.g. "Acme Broadband"'),
    subreddit: subredditField('reddit-search').optional(),
  },
  expand: ({ query, subreddit }) => {
    const sub = subreddit === undefined ? undefined : subredditName(subreddit);
    const url = sub === undefined ? buildUrl(REDDIT, '/search.rss', { q: query, sort: 'new' }) : buildUrl(REDDIT, `/r/${sub}/search.rss`, { q: query, restrict_sr: '1', sort: 'new' });
    return [{ url, name: `Reddit search: ${query}${sub ? ` in r/${sub}` : ''}`, channel: 'forum', voice: 'public' }];
  },
});

export const redditThread = definePreset({
  name: 'reddit-thread',
  summary: "One Reddit post's comments, threaded into one case.",
  fields: {
    subreddit: subredditField('reddit-thread'),
    id: requiredId('reddit-thread', 'id', 'the post id from its address, e.g. "1abc2de" in /r/Acme/comments/1abc2de/…', POST_ID),
  },
  expand: ({ subreddit, id }) => [
    { url: `${REDDIT}/r/${subredditName(subreddit)}/comments/${id.toLowerCase()}.rss`, name: `r/${subredditName(subreddit)} thread ${id}`, channel: 'forum', voice: 'public', threaded: true, allAboutCompany: true },
  ],
});

