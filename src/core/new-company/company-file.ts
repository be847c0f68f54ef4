/**
 * The front matter of a new company file, from what `npm run new-company` gathered: name,
 * aliases, site, the company's own feeds (its voice) and public presets. Pure.
 */
import type { Alias } from '../schemas.ts';
import { companyFeedHints } from './discover-feeds.ts';

/** The presets a new company gets by default: each takes the company's name as its query. */
export const DEFAULT_PUBLIC_PRESETS = ['reddit-search', 'hn-search', 'google-news'] as const;

/** What goes into the file. */
export type NewCompany = {
  name: string;
  aliases: Alias[];
  /** The company's website, if given. */
  site?: string;
  /** Feeds found on the company's site: read in its voice. */
  ownFeeds: { url: string; title?: string }[];
  /** Public preset entries, e.g. `{ preset: 'reddit-search', query: 'Acme Broadband' }`. */
  presets: Record<string, unknown>[];
};

/** A preset entry searching for the company's name (an exact phrase for Google News). */
export function namePresetEntry(preset: string, name: string): Record<string, unknown> {
  return { preset, query: preset === 'google-news' && /\s/.test(name) ? `"${name}"` : name };
}

/** The company file's front matter and body. Keys in the README's order. */
export function buildCompanyFile(company: NewCompany): { data: Record<string, unknown>; body: string } {
  const ownSources = company.ownFeeds.map(({ url, title }) => {
    const { channel, threaded } = companyFeedHints(url);
    return { url, ...(title ? { name: title } : {}), channel, voice: 'company', ...(threaded ? { threaded: true, allAboutCompany: true } : {}) };
  });
  const data: Record<string, unknown> = {
    name: company.name,
    aliases: company.aliases,
    ...(company.site ? { site: company.site } : {}),
    // Pages on the company's own domain are the company speaking (a community it hosts there is still read by author).
    official: { authors: [], domains: company.site ? [new URL(company.site).hostname.replace(/^www\./, '')] : [] },
    sources: [...ownSources, ...company.presets],
  };
  const body = `${company.name} is watched by this site. (Write a short introduction here: who they are, and why readers follow them.)`;
  return { data, body };
}
