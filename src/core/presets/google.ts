/**
 * Google's two search feeds. Google News serves a search as RSS 2.0 at
 * `https://news.google.com/rss/search?q=…&hl=<language>&gl=<country>&ceid=<country>:<language>`;
 * Google Alerts gives each alert delivered "to RSS feed" an Atom address of its own
 * (`https://www.google.com/alerts/feeds/<user>/<alert>`), which is copied as given.
 */
import { z } from 'astro/zod';
import { buildUrl, definePreset, requiredMatching, requiredText } from './preset.ts';

const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const ALERTS_FEED = /^https:\/\/www\.google\.com\/alerts\/feeds\/\d+\/\d+$/;

export const googleNews = definePreset({
  name: 'google-news',
  summary: 'Google News stories matching a search, in one language and country edition.',
  fields: {
    query: requiredText('google-news', 'query', 'the words to search for, e.g. "Acme Broadband" (quotes inside for an exact phrase)'),
    /** The edition's language, e.g. "en-US", "fr". Default "en-US". */
    language: z.string().trim().regex(LANGUAGE, 'google-news language: expected a language code such as "en-US" or "fr"').default('en-US'),
    /** The edition's country, e.g. "US", "FR". Default "US". */
    country: z.string().trim().regex(COUNTRY, 'google-news country: expected a two-letter country code such as "US"').default('US'),
  },
  expand: ({ query, language, country }) => {
    const gl = country.toUpperCase();
    const ceid = `${gl}:${language.split('-')[0]}`;
    // Google documents the edition as `ceid=US:en`, colon unescaped.
    const url = buildUrl('https://news.google.com', '/rss/search', { q: query, hl: language, gl, ceid }).replace('%3A', ':');
    return [{ url, name: `Google News: ${query}`, channel: 'news', voice: 'public' }];
  },
});

export const googleAlerts = definePreset({
  name: 'google-alerts',
  summary: 'A Google Alert delivered as a feed (pages and news that match the alert).',
  fields: {
    feed: requiredMatching('google-alerts', 'feed', 'the alert\'s feed address from google.com/alerts ("Deliver to: RSS feed"), e.g. "https://www.google.com/alerts/feeds/0123/4567"', ALERTS_FEED),
  },
  expand: ({ feed }) => [{ url: feed, name: 'Google Alert', channel: 'news', voice: 'public' }],
});
