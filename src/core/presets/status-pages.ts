/**
 * Status pages: the company reporting its own incidents. Atlassian Statuspage publishes its
 * incident history at `<page>/history.rss` and `<page>/history.atom`, one item per incident
 * linking `/incidents/<id>`; status.io at `<page host>/pages/<page id>/rss`, one item per
 * incident linking `/pages/incident/<page id>/<incident id>`. Either way an incident is one
 * thread, and every item is the company speaking.
 */
import { z } from 'astro/zod';
import { buildUrl, definePreset, requiredMatching, siteField } from './preset.ts';

export const statuspage = definePreset({
  name: 'statuspage',
  summary: "An Atlassian Statuspage's incident history (the company's voice, one thread per incident).",
  fields: {
    site: siteField('statuspage', 'site', 'https://status.acme.example'),
    /** Which of the two feeds to read. Default "atom" (it carries update times). */
    format: z.enum(['atom', 'rss'], { error: 'statuspage format: expected "atom" or "rss"' }).default('atom'),
  },
  expand: ({ site, format }) => [{ url: buildUrl(site, `/history.${format}`), name: `${new URL(site).host} incidents`, channel: 'status', voice: 'company', threaded: true, allAboutCompany: true }],
});

export const statusIo = definePreset({
  name: 'status-io',
  summary: "A status.io page's incident history (the company's voice, one thread per incident).",
  fields: {
    site: siteField('status-io', 'site', 'https://acme.status.io').default('https://status.io'),
    page: requiredMatching('status-io', 'page', 'the page id, 24 hex digits, e.g. "55957a99e800baa4470002da"', /^[a-f0-9]{24}$/),
  },
  expand: ({ site, page }) => [{ url: buildUrl(site, `/pages/${page}/rss`), name: `${new URL(site).host} incidents`, channel: 'status', voice: 'company', threaded: true, allAboutCompany: true }],
});
