/**
 * The demo watch blog, built for real (`buildSite`), checked file by file: pages for every
 * company and case, figures equal to the open data, feeds, CSV, CSP, no scripts, links.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatHours, formatRate } from '../../src/core/format.ts';
import type { OpenCompany } from '../../src/core/open-data.ts';
import { parseCsv } from '../../src/core/site/csv.ts';
import { CASES_CSV_COLUMNS, type OpenCasesDocument } from '../../src/core/site/open-data-cases.ts';
import { buildSite, PROJECT_ROOT, type BuildResult } from '../../scripts/harness/build-site.ts';
import { listDistFiles, listLinks, readDist, resolveToFile } from './dist-helpers.ts';
import { DEFAULT_SITE_URL } from '../../src/core/site/site-url.ts';

const SITE = DEFAULT_SITE_URL;
/** The demo's merged case: the one case file the demo generator writes for Zephyr. */
const MERGED_CASE = readdirSync(path.join(PROJECT_ROOT, 'content/cases/zephyr-telecom'))[0]!.replace(/\.md$/, '');
let build: BuildResult;
let companies: OpenCompany[];
let htmlFiles: string[];

beforeAll(async () => {
  build = await buildSite();
  if (build.code !== 0) throw new Error(`build failed:\n${build.output.slice(-3000)}`);
  companies = JSON.parse(readDist(build.outDir, 'data/companies.json')) as OpenCompany[];
  htmlFiles = listDistFiles(build.outDir, '.html');
});

function casesOf(slug: string): OpenCasesDocument {
  return JSON.parse(readDist(build.outDir, `data/${slug}/cases.json`)) as OpenCasesDocument;
}

/** The four window cells of one scorecard row on a company page. */
function scorecardRow(html: string, label: string): string[] {
  const table = html.slice(html.indexOf('<table class="scorecard"'));
  const row = table.match(new RegExp(`<th scope="row">${label}</th>((?:<td class="num">[^<]*</td>){4})`));
  if (!row) throw new Error(`no scorecard row "${label}"`);
  return [...row[1]!.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]!);
}

describe('the demo site', () => {
  it('has a page, a feed, a badge and open data for every company', () => {
    expect(companies.length).toBe(3);
    for (const { slug } of companies) {
      for (const file of [`companies/${slug}/index.html`, `companies/${slug}/rss.xml`, `companies/${slug}/responses.xml`, `companies/${slug}/resolved.xml`, `companies/${slug}/overdue.xml`, `badges/${slug}.svg`, `data/${slug}/cases.json`, `data/${slug}/cases.csv`, `companies/${slug}/archive/index.html`]) {
        expect(resolveToFile(build.outDir, `/${file}`, '/'), file).not.toBeNull();
      }
    }
  });

  it('has a page and a feed for every case in the open data', () => {
    let count = 0;
    for (const { slug } of companies) {
      for (const kase of casesOf(slug).cases) {
        count += 1;
        expect(resolveToFile(build.outDir, `/cases/${slug}/${kase.id}/`, '/'), kase.id).not.toBeNull();
        expect(resolveToFile(build.outDir, `/cases/${slug}/${kase.id}/rss.xml`, '/'), kase.id).not.toBeNull();
      }
    }
    expect(count).toBeGreaterThan(500);
  });

  it('shows on each company page the same figures as /data/companies.json', () => {
    for (const company of companies) {
      const html = readDist(build.outDir, `companies/${company.slug}/index.html`);
      const keys = ['30d', '90d', '365d', 'all'] as const;
      expect(scorecardRow(html, 'Problems and questions opened')).toEqual(keys.map((k) => String(company.windows[k].cases)));
      expect(scorecardRow(html, 'Response rate')).toEqual(keys.map((k) => formatRate(company.windows[k].responseRate)));
      expect(scorecardRow(html, 'Median time to first response')).toEqual(keys.map((k) => formatHours(company.windows[k].medianFirstResponseHours)));
      expect(scorecardRow(html, `Answered within ${company.responseTargetHours} h`)).toEqual(keys.map((k) => formatRate(company.windows[k].withinTargetShare)));
      expect(scorecardRow(html, 'Unanswered')).toEqual(keys.map((k) => String(company.windows[k].unanswered)));
      expect(html).toContain(company.grade ? `<span class="visually-hidden">Grade </span>${company.grade}</span>` : 'not enough data');
    }
  });

  it('puts the Content-Security-Policy on every page', () => {
    expect(htmlFiles.length).toBeGreaterThan(700);
    for (const file of htmlFiles) {
      const html = readDist(build.outDir, file);
      expect(html, file).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval'[^"]*object-src 'none'[^"]*base-uri 'none'/);
      expect(html, file).not.toMatch(/<style[\s>]|\sstyle="/);
    }
  });

  it('ships no JavaScript outside the search page', () => {
    for (const file of htmlFiles.filter((f) => !f.startsWith('search/'))) {
      expect(readDist(build.outDir, file), file).not.toMatch(/<script/i);
    }
    const scripts = listDistFiles(build.outDir).filter((f) => /\.m?js$/.test(f) && !f.startsWith('search/') && !f.startsWith('pagefind/'));
    expect(scripts).toEqual([]);
  });

  it('links only to built files, from every page', () => {
    const broken: string[] = [];
    for (const file of htmlFiles) {
      for (const link of listLinks(readDist(build.outDir, file))) {
        const local = link.startsWith(SITE) ? link.slice(SITE.length) : link;
        if (!local.startsWith('/') || local.startsWith('//')) continue;
        if (local.startsWith('/pagefind/')) continue;
        if (resolveToFile(build.outDir, local, '/') === null) broken.push(`${file} → ${link}`);
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
  });

  it('renders links out only for http(s) URLs, with rel="nofollow noopener ugc"', () => {
    const html = readDist(build.outDir, `cases/zephyr-telecom/${MERGED_CASE}/index.html`);
    const outLinks = [...html.matchAll(/<a href="(https?:\/\/[^"]+)"([^>]*)>Read the original/g)];
    expect(outLinks.length).toBeGreaterThan(1);
    for (const [, , attrs] of outLinks) expect(attrs).toContain('rel="nofollow noopener ugc"');
    expect(html).not.toMatch(/<a [^>]*href="(?:javascript|data):/i);
  });

  it('marks only case and post content for search, with its filters inside', () => {
    const kase = readDist(build.outDir, `cases/zephyr-telecom/${MERGED_CASE}/index.html`);
    const body = kase.slice(kase.indexOf('data-pagefind-body'));
    for (const filter of ['company', 'channel', 'status', 'voice']) expect(body).toContain(`data-pagefind-filter="${filter}"`);
    expect(readDist(build.outDir, 'index.html')).not.toContain('data-pagefind-body');
    expect(readDist(build.outDir, 'companies/zephyr-telecom/index.html')).not.toContain('data-pagefind-body');
  });

  it('announces the feeds of a page with <link rel="alternate">', () => {
    expect(readDist(build.outDir, 'index.html')).toContain(`<link rel="alternate" type="application/rss+xml" title="All activity" href="${SITE}/rss.xml">`);
    expect(readDist(build.outDir, 'companies/nimbus-cloud/index.html')).toContain(`href="${SITE}/companies/nimbus-cloud/overdue.xml"`);
    expect(readDist(build.outDir, `cases/zephyr-telecom/${MERGED_CASE}/index.html`)).toContain(`href="${SITE}/cases/zephyr-telecom/${MERGED_CASE}/rss.xml"`);
  });

  it('sorts the home table without JavaScript, one static page per column', () => {
    for (const key of ['grade', 'response-rate', 'median-response', 'within-target', 'unanswered']) {
      const html = readDist(build.outDir, `sort/${key}/index.html`);
      expect(html).toMatch(new RegExp(`<th scope="col"[^>]*aria-sort="(?:ascending|descending)"[^>]*><a href="/sort/${key}/">`));
    }
    const byRate = readDist(build.outDir, 'sort/response-rate/index.html');
    const order = companies.slice().sort((a, b) => (b.windows['365d'].responseRate ?? -1) - (a.windows['365d'].responseRate ?? -1)).map((c) => c.name);
    const shown = [...byRate.matchAll(/<th scope="row"><a href="\/companies\/[^/]+\/">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(shown).toEqual(order);
  });

  it('has a sitemap, a 404 page, canonical URLs and Open Graph tags', () => {
    expect(readDist(build.outDir, 'sitemap-index.xml')).toContain('sitemap-0.xml');
    expect(readDist(build.outDir, 'sitemap-0.xml')).toContain(`${SITE}/companies/zephyr-telecom/`);
    expect(readDist(build.outDir, '404.html')).toContain('Page not found');
    const html = readDist(build.outDir, 'methodology/index.html');
    expect(html).toContain(`<link rel="canonical" href="${SITE}/methodology/">`);
    expect(html).toContain('<meta property="og:title"');
  });
});

describe('the demo feeds', () => {
  const parser = new Parser();
  const feedFiles = () => listDistFiles(build.outDir, '.xml').filter((f) => !f.startsWith('sitemap'));

  it('parse with rss-parser, link to themselves and carry unique guids, at most 50 items', async () => {
    const files = feedFiles();
    expect(files.length).toBeGreaterThan(700);
    // Every company feed and the site feed, and a sample of case feeds (they share one builder).
    const checked = files.filter((f, i) => !f.startsWith('cases/') || i % 25 === 0);
    for (const file of checked) {
      const xml = readDist(build.outDir, file);
      const feed = await parser.parseString(xml);
      expect(xml, file).toContain(`<atom:link href="${SITE}/${file}" rel="self" type="application/rss+xml"/>`);
      expect(feed.items.length, file).toBeLessThanOrEqual(50);
      const guids = feed.items.map((item) => item.guid);
      expect(new Set(guids).size, file).toBe(guids.length);
      for (const item of feed.items) {
        expect(item.link, file).toMatch(/^https:\/\/watchblog\.example\//);
        expect(item.pubDate, file).toMatch(/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
      }
    }
  });

  it('puts the maintainer’s post in the all-activity feed', async () => {
    const feed = await parser.parseString(readDist(build.outDir, 'rss.xml'));
    expect(feed.items.some((item) => item.link === `${SITE}/posts/zephyr-one-day-promise/`)).toBe(true);
  });
});

describe('the demo open data', () => {
  it('publishes the same cases in CSV as in JSON, row for row', () => {
    for (const { slug } of companies) {
      const json = casesOf(slug);
      const rows = parseCsv(readDist(build.outDir, `data/${slug}/cases.csv`));
      expect(rows[0]).toEqual([...CASES_CSV_COLUMNS]);
      expect(rows.length - 1).toBe(json.cases.length);
      json.cases.forEach((kase, index) => {
        const row = Object.fromEntries(CASES_CSV_COLUMNS.map((column, i) => [column, rows[index + 1]![i]]));
        expect(row.id).toBe(kase.id);
        expect((row.title ?? '').replace(/^'(?=[=+\-@])/, '')).toBe(kase.title);
        expect(row.status).toBe(kase.status);
        expect(row.firstResponseHours).toBe(kase.firstResponseHours === null ? '' : String(kase.firstResponseHours));
        expect(row.mentions).toBe(String(kase.mentions));
        expect([row.kind, row.kindFrom, row.scored, row.customerReplied]).toEqual([kase.kind, kase.kindFrom, String(kase.scored), String(kase.customerReplied)]);
      });
    }
  });

  it('publishes every event of every case with its elapsed time', () => {
    const doc = casesOf('zephyr-telecom');
    const merged = doc.cases.find((c) => c.id === MERGED_CASE);
    expect(merged?.outcome).toBe('refunded after escalation');
    expect(merged?.events[0]?.elapsedHours).toBe(0);
    expect(merged?.events.some((e) => e.kind === 'response' && e.counted === true)).toBe(true);
    expect(merged).toMatchObject({ kind: 'problem', kindFrom: 'inferred', scored: true });
    expect(merged?.events.filter((e) => e.kind === 'mention').every((e) => e.mentionKind !== undefined && typeof e.followUp === 'boolean')).toBe(true);
    expect(doc.cases.some((c) => c.customerReplied && c.status === 'answered')).toBe(true);
  });

  it('serves a badge with an accessible title', () => {
    const svg = readDist(build.outDir, 'badges/zephyr-telecom.svg');
    expect(svg).toMatch(/<title>Zephyr Telecom: grade [A-F]/);
  });
});
