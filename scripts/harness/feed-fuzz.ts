/**
 * Property-based fuzzing of the whole pure pipeline: fast-check generates feed documents
 * (RSS 2.0, Atom 1.0, JSON Feed 1.1) with arbitrary Unicode and hostile strings in every
 * field; each document goes parse → normalize → plan (serialize) → parse the files back →
 * plan again, and `checkFeedRoundTrip` throws on the first broken invariant. Shared by
 * `tests/hostile/fuzz.test.ts` (a few hundred cases) and `scripts/fuzz.ts` (10,000+).
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import fc from 'fast-check';
import { toPlainText } from '../../src/core/ingest/plain-text.ts';
import { normalizeItem, AUTHOR_MAX_CHARS, TITLE_MAX_CHARS, type NormalizeContext } from '../../src/core/ingest/normalize.ts';
import { parseFeed } from '../../src/core/ingest/parse-feed.ts';
import type { ItemDraft } from '../../src/core/ingest/types.ts';
import { stripXmlControlChars } from '../../src/core/text/xml-chars.ts';
import { MentionSchema, ResponseSchema, SourceSchema } from '../../src/core/schemas.ts';
import { parseContentFile } from '../../src/core/write/front-matter.ts';
import { planWrites, type ExistingItem } from '../../src/core/write/plan-writes.ts';
import { findUnsafeMarkdown, findUnsafePlainText } from './unsafe-output.ts';
import { BUILTIN_XSS, FRONT_MATTER_HOSTILE } from './hostile-strings.ts';

/** The fixed fetch time of every fuzz case. */
export const FUZZ_NOW = new Date('2026-11-21T00:00:00Z');

/** One generated item, before it is written in a format. */
export type FuzzItem = {
  guid: string;
  link: string;
  /** True when `link` is http(s): the item must become a draft. */
  linkIsSafe: boolean;
  title: string;
  author: string;
  date: Date;
  summary: string;
  content: string | null;
  categories: string[];
  /** RSS only: description in CDATA instead of escaped text. */
  cdata: boolean;
};

/** One generated feed document. */
export type FuzzFeed = { format: 'rss' | 'atom' | 'json'; title: string; items: FuzzItem[] };

/** Hostile strings: XSS vectors, front-matter breakers, markup fragments. */
const hostileString = fc.constantFrom(...BUILTIN_XSS, ...FRONT_MATTER_HOSTILE.map(([, text]) => text), ']]>', '&amp;lt;', '&#0;', '\uFEFF', '\uD800', 'Acme\u2028Corp');

/** Arbitrary text: graphemes, raw code units (lone surrogates, controls), hostile strings and mixes. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.array(fc.oneof(hostileString, fc.string({ unit: 'grapheme-ascii', maxLength: 8 })), { maxLength: 4 }).map((parts) => parts.join(' ')) },
);

const safeLink = fc.webUrl({ withQueryParameters: true, withFragments: true });
const hostileLink = fc.constantFrom('javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', '//', '');

const itemArbitrary = fc.record({
  guid: anyText,
  link: fc.oneof({ weight: 5, arbitrary: safeLink.map((link) => ({ link, safe: true })) }, { weight: 1, arbitrary: hostileLink.map((link) => ({ link, safe: false })) }),
  title: anyText,
  author: anyText,
  date: fc.date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2026-11-01T00:00:00Z'), noInvalidDate: true }).map((date) => new Date(Math.floor(date.getTime() / 1000) * 1000)),
  summary: anyText,
  content: fc.option(anyText, { nil: null }),
  categories: fc.array(anyText, { maxLength: 3 }),
  cdata: fc.boolean(),
});

/** A feed document: a format, a title and up to 6 items with unique guids and links. */
export const feedArbitrary: fc.Arbitrary<FuzzFeed> = fc
  .record({ format: fc.constantFrom('rss' as const, 'atom' as const, 'json' as const), title: anyText, items: fc.array(itemArbitrary, { minLength: 1, maxLength: 6 }) })
  .map(({ format, title, items }) => ({
    format,
    title,
    items: items.map((item, index) => {
      // Unique ids and links, so deduplication never merges two generated items.
      let link = item.link.link;
      if (item.link.safe) {
        const url = new URL(link);
        url.searchParams.set('fuzzitem', String(index));
        link = url.href;
      }
      return { ...item, guid: `g${index}-${item.guid}`, link, linkIsSafe: item.link.safe };
    }),
  }));

function escapeXml(text: string): string {
  return stripXmlControlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

function cdata(text: string): string {
  return `<![CDATA[${stripXmlControlChars(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Writes a generated feed as a document in its format. */
export function renderFuzzFeed(feed: FuzzFeed): string {
  if (feed.format === 'json') {
    return JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      items: feed.items.map((item) => ({
        id: item.guid,
        url: item.link,
        title: item.title,
        authors: [{ name: item.author }],
        date_published: item.date.toISOString(),
        summary: item.summary,
        ...(item.content === null ? {} : { content_html: item.content }),
        tags: item.categories,
      })),
    });
  }
  if (feed.format === 'atom') {
    const entries = feed.items.map(
      (item) =>
        `<entry><id>${escapeXml(item.guid)}</id><link rel="alternate" href="${escapeXml(item.link)}"/><title type="text">${escapeXml(item.title)}</title>` +
        `<author><name>${escapeXml(item.author)}</name></author><published>${item.date.toISOString()}</published>` +
        `<summary type="html">${escapeXml(item.summary)}</summary>${item.content === null ? '' : `<content type="html">${escapeXml(item.content)}</content>`}` +
        item.categories.map((category) => `<category term="${escapeXml(category)}"/>`).join('') +
        '</entry>',
    );
    return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${escapeXml(feed.title)}</title><id>urn:fuzz</id><updated>2026-11-01T00:00:00Z</updated>${entries.join('')}</feed>\n`;
  }
  const items = feed.items.map(
    (item) =>
      `<item><guid isPermaLink="false">${escapeXml(item.guid)}</guid><link>${escapeXml(item.link)}</link><title>${escapeXml(item.title)}</title>` +
      `<dc:creator>${escapeXml(item.author)}</dc:creator><pubDate>${item.date.toUTCString()}</pubDate>` +
      `<description>${item.cdata ? cdata(item.summary) : escapeXml(item.summary)}</description>` +
      (item.content === null ? '' : `<content:encoded>${cdata(item.content)}</content:encoded>`) +
      item.categories.map((category) => `<category>${escapeXml(category)}</category>`).join('') +
      '</item>',
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escapeXml(feed.title)}</title><link>https://fuzz.example/</link>${items.join('')}</channel></rss>\n`;
}

/** The feed URL every fuzz case is fetched from. */
export const FUZZ_FEED_URL = 'https://fuzz.example/feed';

/** A source that takes every item (no alias matching), in the public voice. */
function buildContext(): NormalizeContext {
  return {
    company: { slug: 'acme', name: 'Acme', aliases: [], exclude: [], official: { authors: [], domains: [] } },
    source: SourceSchema.parse({ url: FUZZ_FEED_URL, channel: 'forum', allAboutCompany: true }),
    feedUrl: FUZZ_FEED_URL,
    now: FUZZ_NOW,
  };
}

function fail(message: string, detail: unknown): never {
  throw new Error(`${message}: ${JSON.stringify(detail, null, 1).slice(0, 2_000)}`);
}

/** What a text field becomes after the format layer: XML drops what it cannot carry; JSON keeps a field only when it is not blank. */
function throughFormat(feed: FuzzFeed, text: string): string {
  return feed.format === 'json' ? text : stripXmlControlChars(text);
}

/**
 * Runs one generated feed through the pure pipeline and throws on the first broken
 * invariant: the document parses; every item is read; every item with an http(s) link
 * becomes a draft (and no other does); titles and authors are the format's text as plain
 * text; dates are exact; ids come from the guid; no unsafe Markdown or plain text; each
 * file reads back (our reader, Astro's reader, the schema) equal to what was written; and
 * planning again over the files read back writes nothing.
 */
export async function checkFeedRoundTrip(feed: FuzzFeed, render: (feed: FuzzFeed) => string = renderFuzzFeed): Promise<{ drafts: number }> {
  const document = render(feed);
  const parsed = await parseFeed(document, FUZZ_FEED_URL);
  if (!parsed.ok) fail('a generated feed was rejected', { error: parsed.error, document: document.slice(0, 1_000) });
  if (parsed.feed.items.length !== feed.items.length) fail('items were lost by the parser', { expected: feed.items.length, got: parsed.feed.items.length });
  const ctx = buildContext();
  const drafts: ItemDraft[] = [];
  parsed.feed.items.forEach((raw, index) => {
    const item = feed.items[index]!;
    const result = normalizeItem(raw, ctx);
    if (!item.linkIsSafe) {
      if (result.ok) fail('an item without an http(s) link became a draft', { link: item.link, url: result.draft.url });
      return;
    }
    if (!result.ok) fail('an item with an http(s) link was skipped', { item, raw, result });
    const draft = result.draft;
    const expectedTitle = toPlainText(throughFormat(feed, item.title), TITLE_MAX_CHARS);
    if (draft.title !== expectedTitle) fail('the title changed on the way', { sent: item.title, expected: expectedTitle, got: draft.title });
    const expectedAuthor = toPlainText(throughFormat(feed, item.author), AUTHOR_MAX_CHARS);
    if (draft.author !== expectedAuthor) fail('the author changed on the way', { sent: item.author, expected: expectedAuthor, got: draft.author });
    if (draft.publishedAt !== item.date.toISOString() || draft.dateFallback !== undefined) fail('the date changed on the way', { sent: item.date.toISOString(), got: draft.publishedAt, fallback: draft.dateFallback });
    if (draft.url !== new URL(item.link).href) fail('the link changed on the way', { sent: item.link, got: draft.url });
    for (const problem of [...findUnsafePlainText(draft.title), ...findUnsafePlainText(draft.author)]) fail(`unsafe plain text (${problem})`, { title: draft.title, author: draft.author });
    for (const problem of findUnsafeMarkdown(draft.excerpt)) fail(`unsafe excerpt (${problem})`, { summary: item.summary, excerpt: draft.excerpt });
    drafts.push(draft);
  });
  if (new Set(drafts.map((draft) => draft.id)).size !== drafts.length) fail('two different guids gave the same id', drafts.map((draft) => draft.id));

  const plan = planWrites(drafts, { items: [], occupiedPaths: new Set(), ledgers: {} });
  if (plan.writes.length !== drafts.length) fail('not every draft was planned as a file', { drafts: drafts.length, writes: plan.writes.length, keeps: plan.keeps });
  const existing: ExistingItem[] = [];
  for (const write of plan.writes) {
    const draft = drafts.find((candidate) => candidate.id === write.id)!;
    const read = parseContentFile(write.text);
    if (!read.ok) fail('a written file cannot be read back', { message: read.message, text: write.text.slice(0, 1_000) });
    const { data, body } = read.file;
    for (const key of ['id', 'company', 'source', 'channel', 'url', 'canonicalUrl', 'title', 'author', 'publishedAt', 'fetchedAt', 'links', 'inReplyTo'] as const) {
      if (JSON.stringify(data[key]) !== JSON.stringify(draft[key])) fail(`front matter "${key}" did not read back equal`, { written: draft[key], read: data[key] });
    }
    if (body !== draft.excerpt) fail('the body did not read back equal', { written: draft.excerpt, read: body });
    const astro = parseFrontmatter(write.text).frontmatter;
    if (JSON.stringify(astro) !== JSON.stringify(data)) fail("Astro's front-matter reader disagrees with ours", { ours: data, astro });
    const schema = (write.kind === 'response' ? ResponseSchema : MentionSchema).safeParse(data);
    if (!schema.success) fail('a written file does not pass the content schema', schema.error.issues);
    existing.push({ path: write.path, data, body });
  }
  const ledgers = Object.fromEntries(plan.ledgers.map((ledger) => [ledger.company, ledger.text.split('\n').filter(Boolean)]));
  const again = planWrites(drafts, { items: existing, occupiedPaths: new Set(existing.map((item) => item.path)), ledgers });
  if (again.writes.length !== 0 || again.ledgers.length !== 0) fail('a second run over the written files would write again', again.writes.map((write) => ({ path: write.path, changed: write.changedFields })));
  return { drafts: drafts.length };
}

/** Runs `numRuns` generated feeds through `checkFeedRoundTrip`; fast-check shrinks and reports the first failure. */
export async function runFeedFuzz(numRuns: number, seed: number): Promise<{ cases: number; drafts: number; items: number }> {
  let drafts = 0;
  let items = 0;
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(feedArbitrary, async (feed) => {
      const result = await checkFeedRoundTrip(feed);
      cases += 1;
      drafts += result.drafts;
      items += feed.items.length;
    }),
    { numRuns, seed, endOnFailure: false },
  );
  return { cases, drafts, items };
}
