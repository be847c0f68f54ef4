/**
 * Discourse forums publish RSS 2.0 for a category (`/c/<slug>/<id>.rss`), a search
 * (`/search.rss?q=…`) and a topic's posts (`/t/<slug>/<id>.rss`). Every post links under
 * `/t/<slug>/<topic id>/`, so fetch threads a topic's posts into one case. The feeds name
 * each post's author by username (`dc:creator`) but do not say who is staff: list the
 * company's staff usernames in the company file's `official.authors`, and their replies
 * count as the company's.
 */
import { buildUrl, definePreset, requiredId, requiredMatching, requiredText, siteField } from './preset.ts';

const SLUG = /^[\p{L}\p{N}_-]+$/u;
const STAFF_NOTE = "Discourse feeds don't mark staff: put the company's staff usernames in official.authors so their replies count as the company's.";

export const discourseCategory = definePreset({
  name: 'discourse-category',
  summary: "A Discourse category's newest topics.",
  note: STAFF_NOTE,
  fields: {
    site: siteField('discourse-category', 'site', 'https://community.acme.example'),
    category: requiredMatching('discourse-category', 'category', 'the category slug from its address, e.g. "support" in /c/support/4', SLUG),
    id: requiredId('discourse-category', 'id', 'the category number from its address, e.g. 4 in /c/support/4', /^\d+$/),
  },
  expand: ({ site, category, id }) => [{ url: buildUrl(site, `/c/${encodeURIComponent(category)}/${id}.rss`), name: `${new URL(site).host}: ${category}`, channel: 'forum', voice: 'public', threaded: true }],
});

export const discourseSearch = definePreset({
  name: 'discourse-search',
  summary: 'Discourse posts matching a search.',
  note: STAFF_NOTE,
  fields: {
    site: siteField('discourse-search', 'site', 'https://community.acme.example'),
    query: requiredText('discourse-search', 'query', 'the words to search for, e.g. "outage"'),
  },
  expand: ({ site, query }) => [{ url: buildUrl(site, '/search.rss', { q: query }), name: `${new URL(site).host} search: ${query}`, channel: 'forum', voice: 'public', threaded: true }],
});

export const discourseTopic = definePreset({
  name: 'discourse-topic',
  summary: "One Discourse topic's posts, threaded into one case (staff replies: the company's voice).",
  note: STAFF_NOTE,
  fields: {
    site: siteField('discourse-topic', 'site', 'https://community.acme.example'),
    topic: requiredMatching('discourse-topic', 'topic', 'the topic slug from its address, e.g. "wifi-drops" in /t/wifi-drops/123', SLUG),
    id: requiredId('discourse-topic', 'id', 'the topic number from its address, e.g. 123 in /t/wifi-drops/123', /^\d+$/),
  },
  expand: ({ site, topic, id }) => [
    { url: buildUrl(site, `/t/${encodeURIComponent(topic)}/${id}.rss`), name: `${new URL(site).host}: ${topic}`, channel: 'forum', voice: 'public', threaded: true, allAboutCompany: true },
  ],
});
