/**
 * JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1) → ParsedFeed, by hand. Pure; never throws.
 */
import type { FeedError, ParsedFeed, RawItem } from './types.ts';
import { dropUndefined } from '../drop-undefined.ts';
import { escapeHtmlText } from '../text/escape-html.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/**
 * The parents an item replies to. JSON Feed 1.1 has no reply field; feeds that carry one use
 * `in_reply_to` or the extension form `_in_reply_to`: a URL or id, an array of them, or objects
 * with `url`/`id`. Undefined when there is none.
 */
function replyReferences(entry: Json): string[] | undefined {
  const refs: string[] = [];
  for (const value of [entry.in_reply_to, entry._in_reply_to].flatMap((v) => (Array.isArray(v) ? v : [v]))) {
    if (typeof value === 'string' && value.trim() !== '') refs.push(value.trim());
    else if (isObject(value)) refs.push(...[str(value.url), str(value.id)].filter((ref): ref is string => ref !== undefined && ref.trim() !== ''));
  }
  return refs.length > 0 ? refs : undefined;
}

function authorName(value: Json): string | undefined {
  const authors = Array.isArray(value.authors) ? value.authors : [];
  const first = [value.author, ...authors].find(isObject);
  return first ? str(first.name) ?? str(first.url) : undefined;
}

function resolve(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/**
 * JSON Feed text → ParsedFeed, or 'malformed' (not JSON) / 'not-a-feed' (JSON without
 * a jsonfeed.org version). Items use `url` (else `external_url`), `date_published`
 * (else `date_modified`), `content_html` (else escaped `content_text`), `summary`,
 * `tags`, and the first of `authors`/`author`. Pure; never throws.
 */
export function parseJsonFeed(text: string, feedUrl: string): { ok: true; feed: ParsedFeed } | { ok: false; error: FeedError } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, error: { reason: 'malformed', message: `the JSON is not valid: ${error instanceof Error ? error.message : String(error)}` } };
  }
  if (!isObject(data) || typeof data.version !== 'string' || !/^https?:\/\/jsonfeed\.org\/version\/1(?:\.\d+)?\/?$/.test(data.version)) {
    return { ok: false, error: { reason: 'not-a-feed', message: 'the JSON has no "version": "https://jsonfeed.org/version/1.x", so it is not a JSON Feed' } };
  }
  const base = str(data.feed_url) ?? feedUrl;
  const feedAuthor = authorName(data);
  const warnings: string[] = [];
  const items: RawItem[] = [];
  for (const entry of Array.isArray(data.items) ? data.items : []) {
    if (!isObject(entry)) {
      warnings.push('an item is not a JSON object');
      continue;
    }
    const contentText = str(entry.content_text);
    const item: RawItem = {
      guid: str(entry.id),
      link: resolve(str(entry.url) ?? str(entry.external_url), base),
      baseUrl: base,
      title: str(entry.title),
      author: authorName(entry) ?? feedAuthor,
      date: str(entry.date_published) ?? str(entry.date_modified),
      summary: str(entry.summary) !== undefined ? escapeHtmlText(str(entry.summary) ?? '') : undefined,
      content: str(entry.content_html) ?? (contentText !== undefined ? escapeHtmlText(contentText) : undefined),
      categories: Array.isArray(entry.tags) ? entry.tags.filter((tag): tag is string => typeof tag === 'string') : undefined,
      inReplyTo: replyReferences(entry),
    };
    items.push(dropUndefined(item));
  }
  const link = str(data.home_page_url);
  return { ok: true, feed: { format: 'json', title: str(data.title) ?? '', ...(link ? { link } : {}), items, warnings } };
}
