import { describe, expect, it } from 'vitest';
import { normalizeItem, type NormalizeContext } from '../../../src/core/ingest/normalize.ts';
import { parseFeed } from '../../../src/core/ingest/parse-feed.ts';
import { plainTextToHtml } from '../../../src/core/ingest/sanitize-excerpt.ts';

const FEED_URL = 'https://feeds.example/videos.xml';
const NOW = new Date('2026-03-01T12:00:00Z');

const MEDIA_NS = 'xmlns:media="http://search.yahoo.com/mrss/"';
const atom = (entry: string) => `<feed xmlns="http://www.w3.org/2005/Atom" ${MEDIA_NS}><title>Channel</title><entry><id>v1</id><link href="https://video.example/v1"/>${entry}</entry></feed>`;
const rss = (item: string) => `<rss version="2.0" ${MEDIA_NS}><channel><title>Channel</title><item><link>https://video.example/v1</link>${item}</item></channel></rss>`;

function context(feedTitle?: string): NormalizeContext {
  return {
    company: { slug: 'apple', name: 'Apple', aliases: ['Apple'], exclude: [], official: { authors: [], domains: [] } },
    source: { url: FEED_URL, channel: 'social', voice: 'public', threaded: false, allAboutCompany: true, excerptChars: 600 },
    feedUrl: FEED_URL,
    now: NOW,
    ...(feedTitle ? { feedTitle } : {}),
  };
}

async function firstItem(xml: string) {
  const parsed = await parseFeed(xml, FEED_URL);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.feed.items[0]!;
}

describe('media:description and media:title', () => {
  it.each([
    ['inside media:group in Atom (YouTube)', atom('<title>T</title><media:group><media:title>T</media:title><media:description>About Apple, Amazon and Google.</media:description></media:group>'), 'About Apple, Amazon and Google.'],
    ['directly on an RSS item', rss('<title>T</title><media:description>Plain words</media:description>'), 'Plain words'],
    ['inside media:content', rss('<title>T</title><media:content url="https://video.example/v1.mp4"><media:description>In the content</media:description></media:content>'), 'In the content'],
    ['inside media:content inside media:group', rss('<media:group><media:content url="https://video.example/v1.mp4"><media:description>Deep</media:description></media:content></media:group>'), 'Deep'],
    ['declared type="html" (reduced to text)', rss('<media:description type="html">&lt;b&gt;Bold&lt;/b&gt; claim</media:description>'), 'Bold claim'],
    ['with line breaks (kept)', rss('<media:description>Line one\r\nLine two\n\nParagraph</media:description>'), 'Line one\nLine two\n\nParagraph'],
  ])('reads media:description %s', async (_where, xml, expected) => {
    expect((await firstItem(xml)).mediaDescription).toBe(expected);
  });

  it.each([
    ['falls back to media:title when the item has no title', rss('<media:group><media:title>Media title</media:title></media:group>'), 'Media title'],
    ['keeps the item title before media:title', atom('<title>Entry title</title><media:group><media:title>Media title</media:title></media:group>'), 'Entry title'],
  ])('%s', async (_title, xml, expected) => {
    expect((await firstItem(xml)).title).toBe(expected);
  });

  it('leaves mediaDescription out when there is none', async () => {
    expect(await firstItem(rss('<title>T</title><description>Text</description>'))).not.toHaveProperty('mediaDescription');
  });
});

describe('the excerpt of an item with only a media description', () => {
  it.each([
    ['no summary or content', { mediaDescription: 'A video about Apple.\n\nSecond <b>paragraph</b>.' }, 'A video about Apple.\n\nSecond \\<b>paragraph\\</b>.'],
    ['a blank summary', { summary: '  ', mediaDescription: 'From the media' }, 'From the media'],
    ['a summary (which wins)', { summary: '<p>The summary</p>', mediaDescription: 'From the media' }, 'The summary'],
  ])('is built from the media description given %s', (_given, fields, excerpt) => {
    const result = normalizeItem({ link: 'https://video.example/v1', title: 'Apple video', date: '2026-02-01T00:00:00Z', ...fields }, context());
    expect(result.ok && result.draft.excerpt).toBe(excerpt);
  });

  it.each([
    ['a < b & c', '<p>a &lt; b &amp; c</p>'],
    ['one\ntwo', '<p>one<br>two</p>'],
    ['one\n\n\n two \n\n', '<p>one</p><p>two</p>'],
    ['', ''],
  ])('plainTextToHtml(%j) escapes markup and keeps paragraphs', (text, html) => {
    expect(plainTextToHtml(text)).toBe(html);
  });
});
