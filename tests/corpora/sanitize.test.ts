import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../src/core/ingest/decode.ts';
import { normalizeItem, type NormalizeContext } from '../../src/core/ingest/normalize.ts';
import { parseFeed } from '../../src/core/ingest/parse-feed.ts';
import { toPlainText } from '../../src/core/ingest/plain-text.ts';
import { htmlToSafeMarkdown } from '../../src/core/ingest/sanitize-excerpt.ts';
import { corpusPath } from '../../scripts/harness/corpora.ts';
import { findUnsafeMarkdown, findUnsafePlainText } from '../../scripts/harness/unsafe-output.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

const FEED_URL = 'http://corpus.example/feed/';
const CTX: NormalizeContext = {
  company: { slug: 'corpus', name: 'Corpus', aliases: [], exclude: [], official: { authors: [], domains: [] } },
  source: { url: FEED_URL, channel: 'blog', voice: 'public', threaded: false, allAboutCompany: true, excerptChars: 600 },
  feedUrl: FEED_URL,
  now: new Date('2026-03-01T12:00:00Z'),
};

/** Every problem in the drafts made from one feed text. */
async function findProblems(text: string): Promise<{ drafts: number; items: number; problems: string[] }> {
  const parsed = await parseFeed(text, FEED_URL);
  if (!parsed.ok) return { drafts: 0, items: 0, problems: [] };
  const problems: string[] = [];
  let drafts = 0;
  for (const item of parsed.feed.items) {
    const result = normalizeItem(item, { ...CTX, source: { ...CTX.source, excerptChars: 5000 } });
    if (!result.ok) continue;
    drafts += 1;
    problems.push(...findUnsafeMarkdown(result.draft.excerpt), ...findUnsafePlainText(result.draft.title), ...findUnsafePlainText(result.draft.author));
    for (const url of [result.draft.url, result.draft.canonicalUrl, ...result.draft.links]) {
      if (!/^https?:\/\/[^\s<>"`]+$/.test(url)) problems.push(`url ${url}`);
    }
  }
  // Items without a link are skipped by normalize; check their fields through the same functions anyway.
  for (const item of parsed.feed.items) {
    problems.push(...findUnsafeMarkdown(htmlToSafeMarkdown(item.content ?? item.summary ?? '', 5000, FEED_URL).markdown));
    problems.push(...findUnsafePlainText(toPlainText(item.title ?? '')), ...findUnsafePlainText(toPlainText(item.author ?? '')));
  }
  problems.push(...findUnsafePlainText(toPlainText(parsed.feed.title)));
  return { drafts, items: parsed.feed.items.length, problems };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One payload placed in every field we ingest, in RSS and Atom. */
function wrapPayload(payload: string): string[] {
  const escaped = escapeXml(payload);
  const cdata = payload.replace(/]]>/g, ']]]]><![CDATA[>');
  return [
    `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escaped}</title>
<item><title>${escaped}</title><link>http://corpus.example/1</link><description>${escaped}</description><dc:creator>${escaped}</dc:creator><category>${escaped}</category></item>
<item><title><![CDATA[${cdata}]]></title><link>http://corpus.example/2</link><description><![CDATA[${cdata}]]></description><content:encoded><![CDATA[${cdata}]]></content:encoded></item>
<item><link>${escaped}</link><guid>${escaped}</guid><description>x</description></item></channel></rss>`,
    `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">${escaped}</title>
<entry><id>1</id><title type="html">${escaped}</title><link href="http://corpus.example/3"/><author><name>${escaped}</name></author><content type="html">${escaped}</content></entry>
<entry><id>2</id><title>t</title><link href="${escaped}"/><summary type="html">${escaped}</summary></entry></feed>`,
  ];
}

describe.skipIf(skipWithout(CORPORA))('hostile markup never survives ingest', () => {
  it('feedparser sanitize cases: no raw HTML, no unsafe URL, no control characters in any draft', async () => {
    const dir = corpusPath('feedparser', 'tests', 'wellformed', 'sanitize');
    const failures: string[] = [];
    let drafts = 0;
    let items = 0;
    const files = readdirSync(dir).filter((name) => name.endsWith('.xml'));
    for (const name of files) {
      const decoded = decodeFeedBytes(new Uint8Array(readFileSync(path.join(dir, name))));
      if (!decoded.ok) continue;
      const result = await findProblems(decoded.feed.text);
      drafts += result.drafts;
      items += result.items;
      if (result.problems.length > 0) failures.push(`${name}: ${result.problems.join('; ')}`);
    }
    console.info(`[corpora] feedparser sanitize: ${files.length} files, ${items} items and ${drafts} drafts checked, ${failures.length} unsafe`);
    expect(files.length).toBeGreaterThan(700);
    expect(failures).toEqual([]);
  });

  it('DOMPurify payloads in every field: no raw HTML, no unsafe URL', async () => {
    const cases = JSON.parse(readFileSync(corpusPath('dompurify', 'test', 'fixtures', 'expect.json'), 'utf8')) as Array<{ payload: string }>;
    const failures: string[] = [];
    for (const [index, { payload }] of cases.entries()) {
      for (const feed of wrapPayload(payload)) {
        const result = await findProblems(feed);
        if (result.problems.length > 0) failures.push(`#${index}: ${result.problems.join('; ')}`);
      }
    }
    console.info(`[corpora] DOMPurify: ${cases.length} payloads × 2 formats, ${failures.length} unsafe`);
    expect(failures).toEqual([]);
  });

  it('OWASP filter-evasion vectors, with and without Markdown backslashes: no raw HTML, no unsafe URL', async () => {
    const blocks = JSON.parse(readFileSync(corpusPath('owasp-xss-cheatsheet', 'payloads.json'), 'utf8')) as Array<{ fence_lang: string; payload: string }>;
    const payloads = blocks.filter((block) => block.fence_lang === 'html' || block.fence_lang === 'js').flatMap((block) => [block.payload, block.payload.replace(/\\([<>[\]()*_`])/g, '$1')]);
    const failures: string[] = [];
    for (const [index, payload] of payloads.entries()) {
      for (const feed of wrapPayload(payload)) {
        const result = await findProblems(feed);
        if (result.problems.length > 0) failures.push(`#${index}: ${result.problems.join('; ')}`);
      }
    }
    console.info(`[corpora] OWASP: ${payloads.length} payload forms × 2 formats, ${failures.length} unsafe`);
    expect(payloads.length).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
