/** Real feeds that carry boilerplate (read-more links, captions, credits) keep it out of every excerpt. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeItem, type NormalizeContext } from '../../src/core/ingest/normalize.ts';
import { parseFeed } from '../../src/core/ingest/parse-feed.ts';
import { htmlToSafeMarkdown } from '../../src/core/ingest/sanitize-excerpt.ts';
import { toPlainText } from '../../src/core/ingest/plain-text.ts';
import { corpusPath } from '../../scripts/harness/corpora.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

/** Real feeds that carry each kind of boilerplate; `raw` proves it is there, `leak` finds it in an excerpt. */
const REAL_FEEDS = [
  { name: 'BuzzFeed (View Entire Post ›)', path: ['rowanmanning-sample-feeds', 'content', 'real-world', '6d80261f6c746f21214c3ea9d006ec07', 'feed.xml'], raw: /View Entire Post/, leak: /View Entire Post/i },
  { name: 'the Guardian (Continue reading...)', path: ['rss-parser', 'test', 'input', 'guardian.rss'], raw: /Continue reading/, leak: /Continue reading/i },
  { name: 'RSS.com via SimplePie (appeared first on)', path: ['simplepie', 'tests', 'data', 'feed_rss-2.0_for_file_mock.xml'], raw: /appeared first on/, leak: /appeared first on/i },
  { name: 'Unsplash Blog (figcaption)', path: ['rowanmanning-sample-feeds', 'content', 'real-world', '52100500032f4e6a03274c816a9b0d95', 'feed.xml'], raw: /<figcaption/, leak: null },
  { name: 'Engadget (photo-credit)', path: ['rowanmanning-sample-feeds', 'content', 'real-world', 'b95ff33276f20bd8ba5acf261a2df840', 'feed.xml'], raw: /photo-credit/, leak: null },
  { name: "Rowan Manning's blog (image__caption)", path: ['rowanmanning-sample-feeds', 'content', 'real-world', '6769a7aac9914f98016cb5d26eef1939', 'feed.xml'], raw: /image__caption/, leak: null },
] as const;

/** A figcaption, or an element whose class marks a caption or photo credit (as these feeds write them). */
const CAPTION_ELEMENT = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>|<(div|p|span)\b[^>]*class="[^"]*(?:photo-credit|__caption|-caption)[^"]*"[^>]*>([\s\S]*?)<\/\2>/g;

/** Texts of caption/credit elements that appear nowhere else in the post: these must not reach the excerpt. */
function captionOnlyTexts(html: string): string[] {
  const captions = [...html.matchAll(CAPTION_ELEMENT)].map((match) => toPlainText(match[1] ?? match[3] ?? ''));
  const rest = toPlainText(html.replace(CAPTION_ELEMENT, ' '));
  return captions.filter((text) => text.length >= 4 && !rest.includes(text));
}

describe.skipIf(skipWithout(CORPORA))('real feeds with boilerplate', () => {
  const ctx = (feedUrl: string): NormalizeContext => ({
    company: { slug: 'any', name: 'Any', aliases: ['Any'], exclude: [], official: { authors: [], domains: [] } },
    // A large cap, so that a trailing "Read more" is not simply cut off.
    source: { url: feedUrl, channel: 'news', voice: 'public', threaded: false, allAboutCompany: true, excerptChars: 20_000 },
    feedUrl,
    now: new Date('2026-03-01T00:00:00Z'),
  });

  it.each(REAL_FEEDS)('keeps the boilerplate of $name out of every excerpt', async ({ path, raw, leak }) => {
    const feedUrl = 'https://feeds.example/feed.xml';
    const parsed = await parseFeed(readFileSync(corpusPath(...path), 'utf8'), feedUrl);
    if (!parsed.ok) throw new Error(parsed.error.message);
    // Whichever field carries the boilerplate (the excerpt comes from the summary, but a
    // full-text content field goes through the same sanitizer).
    const fields = parsed.feed.items.flatMap((item) => [item.summary, item.content]).filter((html): html is string => html !== undefined && raw.test(html));
    expect(fields.length).toBeGreaterThan(0);
    let captionsChecked = 0;
    for (const html of fields) {
      const markdown = htmlToSafeMarkdown(html, 20_000, feedUrl).markdown;
      expect(markdown.trim()).not.toBe('');
      if (leak) expect(markdown).not.toMatch(leak);
      // Images keep their alt text, which may repeat the caption: look at the text only.
      const text = toPlainText(markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, ' '));
      for (const caption of captionOnlyTexts(html)) {
        expect(text).not.toContain(caption);
        captionsChecked += 1;
      }
    }
    if (!leak) expect(captionsChecked).toBeGreaterThan(0);
    // And through normalize, where the excerpt is made.
    for (const item of parsed.feed.items) {
      const result = normalizeItem(item, ctx(feedUrl));
      if (result.ok && leak) expect(result.draft.excerpt).not.toMatch(leak);
    }
  });
});
