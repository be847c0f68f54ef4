import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../src/core/ingest/canonical-url.ts';
import { parseFeedDate } from '../../src/core/ingest/dates.ts';
import { decodeFeedBytes } from '../../src/core/ingest/decode.ts';
import { parseFeed } from '../../src/core/ingest/parse-feed.ts';
import { toPlainText } from '../../src/core/ingest/plain-text.ts';
import { extractSafeLinks } from '../../src/core/ingest/sanitize-excerpt.ts';
import type { ParsedFeed } from '../../src/core/ingest/types.ts';
import { corpusPath } from '../../scripts/harness/corpora.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

/** A Python string literal body → its text (\xNN, \uNNNN, \n, \t, \\, \', \"). */
function decodePythonString(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_whole, escape: string) => {
    if (/^[xuU]/.test(escape) && escape.length > 1) return String.fromCodePoint(Number.parseInt(escape.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[escape] ?? escape;
  });
}

type Check = { path: string; expected: string };

/** The simple `<path> == '<literal>'` assertions of a feedparser Expect line, for the paths our model has. */
function readChecks(text: string): Check[] {
  const expect = /Expect:\s*(.+)/.exec(text)?.[1] ?? '';
  const checks: Check[] = [];
  for (const match of expect.matchAll(/((?:feed|entries\[0\])(?:\[[^\]]+\])+)\s*==\s*u?(['"])((?:\\.|(?!\2).)*)\2/g)) {
    const pathText = (match[1] ?? '').replace(/\s/g, '').replace("['title_detail']['value']", "['title']");
    const supported = ["feed['title']", "entries[0]['title']", "entries[0]['link']", "entries[0]['id']", "entries[0]['summary']", "entries[0]['description']", "entries[0]['content'][0]['value']"];
    if (supported.includes(pathText)) checks.push({ path: pathText, expected: decodePythonString(match[3] ?? '') });
  }
  return checks;
}

/** Whether our parse agrees with one feedparser expectation, with tolerance (plain text, canonical URLs, links ⊆). */
function agrees(feed: ParsedFeed, check: Check, feedUrl: string): boolean {
  const item = feed.items[0];
  const base = item?.baseUrl ?? feedUrl;
  switch (check.path) {
    case "feed['title']":
      return toPlainText(feed.title) === toPlainText(check.expected);
    case "entries[0]['title']":
      return toPlainText(item?.title ?? '') === toPlainText(check.expected);
    case "entries[0]['link']":
      return canonicalizeUrl(item?.link ?? '', base) === canonicalizeUrl(check.expected);
    case "entries[0]['id']":
      return (item?.guid ?? '').trim() === check.expected.trim() || canonicalizeUrl(item?.guid ?? '', base) === canonicalizeUrl(check.expected);
    default: {
      const html = check.path.includes('content') ? item?.content ?? item?.summary : item?.summary ?? item?.content;
      const expectedLinks = extractSafeLinks(check.expected);
      if (expectedLinks.length > 0) {
        const ours = new Set(extractSafeLinks(html ?? '', base));
        return expectedLinks.every((link) => ours.has(link));
      }
      return toPlainText(html ?? '') === toPlainText(check.expected);
    }
  }
}

describe.skipIf(skipWithout(CORPORA))("parsed fields agree with the corpora's expectations", () => {
  it.each([
    // Floors are today's figures; the rest are known divergences (base64 content, fullitem/xhtml:body, description vs summary precedence).
    ['base', 26],
    ['atom10', 45],
    ['rss', 29],
    ['rdf', 7],
    ['amp', 70],
  ])("feedparser wellformed/%s: agrees with at least the measured number of Expect lines (%i)", async (folder, floor) => {
    const dir = corpusPath('feedparser', 'tests', 'wellformed', folder);
    let tried = 0;
    let agreed = 0;
    const disagreements: string[] = [];
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.xml'))) {
      const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
      const text = new TextDecoder('latin1').decode(bytes.subarray(0, 3000));
      const checks = readChecks(text);
      if (checks.length === 0) continue;
      const feedUrl = /Header:\s*Content-Location:\s*(\S+)/i.exec(text)?.[1] ?? `http://127.0.0.1:8097/tests/wellformed/${folder}/${name}`;
      const decoded = decodeFeedBytes(bytes, /Header:\s*Content-type:\s*([^\n]+)/i.exec(text)?.[1]?.trim());
      const parsed = decoded.ok ? await parseFeed(decoded.feed.text, feedUrl) : undefined;
      for (const check of checks) {
        tried += 1;
        if (parsed?.ok && agrees(parsed.feed, check, feedUrl)) agreed += 1;
        else disagreements.push(`${name} ${check.path}`);
      }
    }
    console.info(`[corpora] feedparser ${folder}: ${agreed}/${tried} Expect lines agree${disagreements.length > 0 ? `; first differences: ${disagreements.slice(0, 5).join(', ')}` : ''}`);
    expect(agreed).toBeGreaterThanOrEqual(floor);
  });

  it('rowanmanning-feed-parser snapshots: feed titles, item titles, links and dates agree for most items', async () => {
    const snapshots = corpusPath('rowanmanning-feed-parser', 'test', 'integration', 'snapshots');
    const counts = { feeds: 0, feedTitles: 0, items: 0, titles: 0, urls: 0, dates: 0, datesTried: 0 };
    for (const kind of ['examples', 'real-world']) {
      for (const name of readdirSync(path.join(snapshots, kind)).filter((file) => file.endsWith('.json'))) {
        const snapshot = JSON.parse(readFileSync(path.join(snapshots, kind, name), 'utf8')) as {
          url: string;
          feed?: { title: string | null; items: Array<{ title: string | null; url: string | null; published: string | null; updated: string | null }> };
        };
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(readFileSync(corpusPath('rowanmanning-sample-feeds', 'content', kind, name.replace(/\.json$/, ''), 'feed.xml')));
        } catch {
          continue; // four snapshots have no local feed (README)
        }
        if (!snapshot.feed) continue;
        const decoded = decodeFeedBytes(bytes);
        const parsed = decoded.ok ? await parseFeed(decoded.feed.text, snapshot.url) : undefined;
        if (!parsed?.ok) continue;
        counts.feeds += 1;
        if (toPlainText(parsed.feed.title) === toPlainText(snapshot.feed.title ?? '')) counts.feedTitles += 1;
        snapshot.feed.items.forEach((expected, index) => {
          const ours = parsed.feed.items[index];
          counts.items += 1;
          if (toPlainText(ours?.title ?? '') === toPlainText(expected.title ?? '')) counts.titles += 1;
          if (canonicalizeUrl(ours?.link ?? '', ours?.baseUrl ?? snapshot.url) === (expected.url ? canonicalizeUrl(expected.url) : null)) counts.urls += 1;
          const expectedDate = expected.published ?? expected.updated;
          if (expectedDate) {
            counts.datesTried += 1;
            if (ours?.date && parseFeedDate(ours.date)?.toISOString() === new Date(expectedDate).toISOString()) counts.dates += 1;
          }
        });
      }
    }
    console.info(
      `[corpora] rowanmanning: ${counts.feeds} feeds, titles ${counts.feedTitles}/${counts.feeds}; items ${counts.items}: titles ${counts.titles}, urls ${counts.urls}, dates ${counts.dates}/${counts.datesTried}`,
    );
    expect(counts.feeds).toBeGreaterThanOrEqual(40);
    expect(counts.titles / counts.items).toBeGreaterThan(0.9);
    expect(counts.urls / counts.items).toBeGreaterThan(0.85);
    expect(counts.dates / Math.max(1, counts.datesTried)).toBeGreaterThan(0.85);
  });
});
