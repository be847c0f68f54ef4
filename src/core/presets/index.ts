/**
 * Every source preset, by name. A company file's `sources` may list
 * `- preset: reddit-search` entries next to plain `url:` ones; CompanySchema validates each
 * against its preset's fields and expands it into the sources below when the file is read
 * (by fetch, `npm run sources` and the build alike). See docs/presets.md. Pure.
 */
import type { SourceInput } from '../schemas.ts';
import { appStoreReviews } from './app-store.ts';
import { blueskyProfile } from './bluesky.ts';
import { discourseCategory, discourseSearch, discourseTopic } from './discourse.ts';
import { githubReleases } from './github.ts';
import { googleAlerts, googleNews } from './google.ts';
import { hnSearch, hnThread } from './hacker-news.ts';
import { mastodonAccount, mastodonTag } from './mastodon.ts';
import type { PresetDefinition } from './preset.ts';
import { redditSearch, redditSubreddit, redditThread } from './reddit.ts';
import { statusIo, statuspage } from './status-pages.ts';
import { youtubeChannel } from './youtube.ts';

export type { PresetDefinition } from './preset.ts';

/** Every preset, in the order docs/presets.md lists them. */
export const PRESETS: readonly PresetDefinition[] = [
  redditSubreddit,
  redditSearch,
  redditThread,
  hnSearch,
  hnThread,
  mastodonAccount,
  mastodonTag,
  blueskyProfile,
  googleNews,
  googleAlerts,
  discourseCategory,
  discourseSearch,
  discourseTopic,
  statuspage,
  statusIo,
  githubReleases,
  youtubeChannel,
  appStoreReviews,
] as PresetDefinition[];

/** The preset with this name, if there is one. */
export function findPreset(name: string): PresetDefinition | undefined {
  return PRESETS.find((preset) => preset.name === name);
}

/**
 * The source options any preset entry may set; they replace what the preset chose
 * (e.g. `voice: public` on a Mastodon account that is not the company's).
 */
export const PRESET_SOURCE_OPTIONS = ['name', 'channel', 'voice', 'kind', 'allAboutCompany', 'keepPassingMentions', 'excerptChars', 'ignore', 'exclude'] as const;

/**
 * A validated preset entry → its sources: the preset's own, with the entry's source options
 * laid over each. Pure; an unknown name gives [] (the schema rejects it first).
 */
export function expandPresetEntry(entry: { preset: string } & Record<string, unknown>): SourceInput[] {
  const preset = findPreset(entry.preset);
  if (!preset) return [];
  const options = Object.fromEntries(PRESET_SOURCE_OPTIONS.filter((key) => entry[key] !== undefined).map((key) => [key, entry[key]]));
  return preset.expand(entry).map((source) => ({ ...source, ...options }));
}
