/**
 * Apple's App Store customer reviews feed, newest first, as Atom:
 * `https://itunes.apple.com/<country>/rss/customerreviews/id=<app id>/sortBy=mostRecent/xml`
 * (one entry per review: title, text, `im:rating`, author). Every review is about the app,
 * so about the company that makes it.
 */
import { z } from 'astro/zod';
import { definePreset, requiredId } from './preset.ts';

export const appStoreReviews = definePreset({
  name: 'app-store-reviews',
  summary: "An iOS app's newest App Store customer reviews in one country.",
  fields: {
    app: requiredId('app-store-reviews', 'app', 'the app id, the number after "id" in its App Store address, e.g. 284882215', /^\d{5,12}$/),
    /** The store's country, two letters. Default "us". */
    country: z.string().trim().regex(/^[A-Za-z]{2}$/, 'app-store-reviews country: expected a two-letter country code such as "us"').default('us'),
  },
  expand: ({ app, country }) => [
    { url: `https://itunes.apple.com/${country.toLowerCase()}/rss/customerreviews/id=${app}/sortBy=mostRecent/xml`, name: `App Store reviews (${country.toUpperCase()})`, channel: 'reviews', voice: 'public', allAboutCompany: true },
  ],
});
