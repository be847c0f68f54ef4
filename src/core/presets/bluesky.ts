/**
 * Bluesky serves a profile's posts as RSS 2.0 at `https://bsky.app/profile/<handle or DID>/rss`
 * (posts have no title; the text is the description). A profile is usually the company's
 * own, so it speaks in the company's voice unless the entry says `voice: public`.
 */
import { definePreset, requiredMatching } from './preset.ts';

const HANDLE = /^@?(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]+$|^did:[a-z]+:[A-Za-z0-9._:%-]+$/;

export const blueskyProfile = definePreset({
  name: 'bluesky-profile',
  summary: "A Bluesky profile's posts (the company's own profile: its voice).",
  fields: { handle: requiredMatching('bluesky-profile', 'handle', 'the handle or DID, e.g. "acme.bsky.social"', HANDLE) },
  expand: ({ handle }) => {
    const id = handle.replace(/^@/, '');
    return [{ url: `https://bsky.app/profile/${encodeURIComponent(id)}/rss`, name: `@${id} on Bluesky`, channel: 'social', voice: 'company' }];
  },
});
