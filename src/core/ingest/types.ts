/**
 * The shapes that flow through ingest: bytes → text → RawItem[] → ItemDraft → files.
 * Shared by the pure core (decode, parse, normalize, match) and the edges in scripts/.
 */
import type { Channel, Voice } from '../schemas.ts';

/** Why a whole source could not be read. Every failure of a source is one of these. */
export type FeedErrorReason =
  | 'http-status' // 4xx/5xx after retries
  | 'timeout' // no complete response within the time limit
  | 'too-large' // body over the size cap
  | 'network' // DNS, refused, reset
  | 'redirect' // too many redirects, a loop, or a non-http(s) target
  | 'not-a-feed' // HTML, empty, or an unknown document
  | 'malformed' // XML or JSON that cannot be parsed even leniently
  | 'encoding' // bytes that cannot be decoded
  | 'file' // a local file that cannot be read
  | 'config'; // the source's own configuration is wrong

/** A typed, per-source failure: what went wrong and where, never a raw exception. */
export type FeedError = { reason: FeedErrorReason; message: string; source?: string };

/** Bytes decoded to text, and the charset that was used. */
export type DecodedFeed = { text: string; charset: string };

/** The formats we read. */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** One item as the feed gave it, before any cleaning. Strings may hold HTML. */
export type RawItem = {
  /** guid / atom:id / JSON Feed id, if any. */
  guid?: string;
  /** The item's link, possibly relative. */
  link?: string;
  /** Base URL for relative links in this item (xml:base, else the feed URL). */
  baseUrl?: string;
  title?: string;
  author?: string;
  /** The date string as published (pubDate, published, updated, date_published...). */
  date?: string;
  /** HTML or text of the summary/description. */
  summary?: string;
  /** HTML of the full content, if any. */
  content?: string;
  /**
   * Plain text of Media RSS `media:description` (on the item, in `media:content` or in
   * `media:group`, as YouTube writes it): the only text of many video feeds. Line breaks
   * kept; a description declared `type="html"` is reduced to its text.
   */
  mediaDescription?: string;
  categories?: string[];
  /** thr:in-reply-to refs/hrefs, or a comment's parent link. */
  inReplyTo?: string[];
  /** A thread/topic id the feed exposes, if any. */
  threadId?: string;
  /**
   * 'audio' or 'video' when the item is a published episode — a podcast episode (an audio
   * enclosure, iTunes episode tags) or a channel's video (YouTube's yt:videoId, a video
   * enclosure or media:content): content published to an audience, not a post to anyone.
   */
  episode?: 'audio' | 'video';
};

/** A parsed feed: its title, format and items. Items that could not be read are counted, not thrown. */
export type ParsedFeed = {
  format: FeedFormat;
  title: string;
  /** The feed's home link, if any. */
  link?: string;
  items: RawItem[];
  /** Non-fatal problems (an item without a link, a date that could not be read...). */
  warnings: string[];
};

/** What a normalized item is, decided by the source's voice and the company's official identities. */
export type ItemKind = 'mention' | 'response';

/** One normalized item ready to become a Mention or Response file. */
export type ItemDraft = {
  kind: ItemKind;
  id: string;
  company: string;
  source: string;
  channel: Channel;
  voice: Voice;
  url: string;
  canonicalUrl: string;
  title: string;
  author: string;
  publishedAt: string;
  fetchedAt: string;
  /** Why `publishedAt` is the fetch time: the date was missing, unreadable, in the future or before 1995 ('implausible'). */
  dateFallback?: 'missing' | 'unparseable' | 'future' | 'implausible';
  links: string[];
  threadId?: string;
  inReplyTo: string[];
  /** Sanitized Markdown, capped. */
  excerpt: string;
  /** Set when the item is a published audio or video episode (see RawItem.episode). */
  episode?: 'audio' | 'video';
  /** The exact text that made the item about the company (e.g. "Google"); unset when no alias was needed. */
  matchedTerm?: string;
  /** Plain text around the first `matchedTerm`, ≤ ~200 characters, "…" where cut; unset with `matchedTerm`. */
  matchedPassage?: string;
};

/** Why an item was skipped rather than written. */
export type SkipReason = 'no-link' | 'not-about-company' | 'excluded' | 'before-since' | 'duplicate' | 'unreadable'; // 'unreadable': normalizing failed unexpectedly (added by the ingest core)
