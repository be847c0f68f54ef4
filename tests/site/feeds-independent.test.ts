/**
 * Every RSS feed the site builds, read by readers that share no code with ours: Debian's
 * python3-feedparser (with Python's xml.etree for the element tree) and rss-parser. Then a
 * hostile round trip: mentions whose titles, authors and excerpts carry XSS payloads and
 * XML-forbidden control characters are written as content, built, and read back.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { HOSTILE_NOW, TITLE_PAYLOAD, writeHostileContent } from '../helpers/hostile-content.ts';
import { countXmlItems, discoverFeeds, FEEDPARSER_MISSING, readFeedsWithFeedparser, type DiscoveredFeeds, type FeedparserReport } from '../helpers/independent-rss-readers.ts';

/** The site URL the build uses when WATCHBLOG_SITE is unset (astro.config.mjs). */
const DEFAULT_SITE = 'https://watchblog.example/';
const ABSOLUTE_URL = /^https?:\/\/[^/]+/;
/** Characters XML 1.0 forbids anywhere in a document. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The feed file a `<link rel="alternate">` href points to inside dist. */
function feedFileOf(outDir: string, href: string): string {
  return path.join(outDir, decodeURIComponent(new URL(href, DEFAULT_SITE).pathname));
}

/** Problems feedparser found with one feed, compared with the raw XML; empty when it is sound. */
function checkReport(report: FeedparserReport, xml: string, outDir: string): string[] {
  const where = path.relative(outDir, report.path);
  const problems: string[] = [];
  if (report.bozo !== 0) problems.push(`${where}: bozo ${report.bozo} (${report.bozoException})`);
  if (!report.wellFormed) problems.push(`${where}: not well-formed XML (${report.parseError})`);
  if (report.version !== 'rss20') problems.push(`${where}: read as "${report.version}", not RSS 2.0`);
  if (report.entries.length !== countXmlItems(xml)) problems.push(`${where}: ${report.entries.length} entries read, ${countXmlItems(xml)} <item> in the XML`);
  const ids = report.entries.map((entry) => entry.id);
  if (ids.some((id) => !id)) problems.push(`${where}: an item has no guid`);
  if (new Set(ids).size !== ids.length) problems.push(`${where}: duplicate guids`);
  for (const entry of report.entries) {
    if (!entry.link || !ABSOLUTE_URL.test(entry.link)) problems.push(`${where}: item link not absolute: ${entry.link}`);
    if (!entry.dateParsed) problems.push(`${where}: item date not parsed (${entry.id})`);
  }
  if (!report.feedLink || !ABSOLUTE_URL.test(report.feedLink)) problems.push(`${where}: channel link not absolute: ${report.feedLink}`);
  const selfPath = `/${path.relative(outDir, report.path).split(path.sep).join('/')}`;
  if (!report.selfLinks.some((href) => href && new URL(href).pathname === selfPath)) problems.push(`${where}: no atom:link rel="self" to ${selfPath} (has ${report.selfLinks.join(', ') || 'none'})`);
  return problems;
}

describe('the demo site’s RSS feeds', () => {
  let build: BuildResult;
  let feeds: DiscoveredFeeds;
  const xmlOf = new Map<string, string>();

  beforeAll(async () => {
    build = await buildSite();
    expect(build.code, build.output).toBe(0);
    feeds = await discoverFeeds(build.outDir);
    for (const file of feeds.files) xmlOf.set(file, await readFile(file, 'utf8'));
  });

  it('finds the feeds: the site feed, per company and per case, and pages that link them', () => {
    const relative = feeds.files.map((file) => path.relative(build.outDir, file));
    expect(relative).toContain('rss.xml');
    expect(relative.filter((file) => file.startsWith('companies/')).length).toBeGreaterThanOrEqual(3);
    expect(relative.filter((file) => file.startsWith('cases/')).length).toBeGreaterThan(100);
    expect(feeds.alternates.size).toBeGreaterThan(0);
  });

  it('links only feeds that exist from <link rel="alternate">', () => {
    const known = new Set(feeds.files);
    const missing = [...feeds.alternates].filter(([href]) => !known.has(feedFileOf(build.outDir, href))).map(([href, pages]) => `${href} (on ${pages[0]})`);
    expect(missing).toEqual([]);
  });

  it.skipIf(FEEDPARSER_MISSING)('reads every feed with feedparser: bozo 0, RSS 2.0, all items, unique guids, absolute links, parsed dates, a self link', async () => {
    const reports = await readFeedsWithFeedparser(feeds.files);
    expect(reports).toHaveLength(feeds.files.length);
    const problems = reports.flatMap((report) => checkReport(report, xmlOf.get(report.path)!, build.outDir));
    expect(problems.slice(0, 20)).toEqual([]);
    expect(reports.reduce((sum, report) => sum + report.entries.length, 0)).toBeGreaterThan(feeds.files.length);
  });

  it('reads every feed with rss-parser: the same items, each with a guid, an absolute link and a date', async () => {
    const parser = new Parser();
    const problems: string[] = [];
    for (const file of feeds.files) {
      const xml = xmlOf.get(file)!;
      const where = path.relative(build.outDir, file);
      const feed = await parser.parseString(xml).catch((error: Error) => {
        problems.push(`${where}: ${error.message}`);
        return null;
      });
      if (!feed) continue;
      if (feed.items.length !== countXmlItems(xml)) problems.push(`${where}: ${feed.items.length} items read, ${countXmlItems(xml)} in the XML`);
      for (const item of feed.items) {
        if (!item.guid) problems.push(`${where}: item without guid`);
        if (!item.link || !ABSOLUTE_URL.test(item.link)) problems.push(`${where}: item link not absolute: ${item.link}`);
        if (!item.isoDate) problems.push(`${where}: item date not read (${item.guid})`);
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });
});

describe('a hostile content round trip through the feeds', () => {
  let build: BuildResult;
  let feeds: DiscoveredFeeds;

  beforeAll(async () => {
    build = await buildSite({ contentDir: await writeHostileContent(), now: HOSTILE_NOW });
    expect(build.code, build.output).toBe(0);
    feeds = await discoverFeeds(build.outDir);
  });

  it('writes no XML-forbidden character into any feed', async () => {
    expect(feeds.files.length).toBeGreaterThan(2);
    for (const file of feeds.files) expect(XML_FORBIDDEN.test(await readFile(file, 'utf8')), path.relative(build.outDir, file)).toBe(false);
  });

  it.skipIf(FEEDPARSER_MISSING)('keeps every feed well-formed for feedparser, with no <script> element in any XML tree', async () => {
    const reports = await readFeedsWithFeedparser(feeds.files);
    for (const report of reports) {
      const where = path.relative(build.outDir, report.path);
      expect(report.bozo, `${where}: ${report.bozoException}`).toBe(0);
      expect(report.wellFormed, `${where}: ${report.parseError}`).toBe(true);
      expect(report.elements.filter((name) => /(^|})(script|iframe|img)$/i.test(name)), where).toEqual([]);
    }
  });

  it.skipIf(FEEDPARSER_MISSING)('carries the payload titles as text, and never as live markup in a description', async () => {
    const reports = await readFeedsWithFeedparser(feeds.files);
    const items = reports.flatMap((report) => report.items);
    // Titles are plain text in RSS: the payload must come back character for character.
    expect(items.some((item) => item.title.includes(TITLE_PAYLOAD))).toBe(true);
    // Descriptions are HTML for feed readers: the payload may only appear escaped in it.
    for (const item of items) {
      expect(item.description).not.toMatch(/<\s*(script|iframe|img)\b/i);
      expect(item.title + item.description).not.toMatch(XML_FORBIDDEN);
    }
  });

  it('lets rss-parser read every hostile feed', async () => {
    const parser = new Parser();
    for (const file of feeds.files) await expect(parser.parseString(await readFile(file, 'utf8')), path.relative(build.outDir, file)).resolves.toBeTruthy();
  });
});
