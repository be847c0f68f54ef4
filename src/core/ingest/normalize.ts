/**
 * One raw feed item → an ItemDraft ready to become a Mention or Response file, or the
 * reason it was skipped. Pure: time comes in as `ctx.now`.
 */
import type { Company, Source } from '../schemas.ts';
import { canonicalizeUrl, dropTrackingParams } from './canonical-url.ts';
import { classifyItem } from './classify.ts';
import { resolvePublishedAt } from './dates.ts';
import { computeItemId } from './identity.ts';
import { matchCompany, type AliasRule, type CompanyMatch, type MatchRules } from './match.ts';
import { toPlainText } from './plain-text.ts';
import { extractSafeLinks, htmlToSafeMarkdown, plainTextToHtml, readableText } from './sanitize-excerpt.ts';
import { scrubPersonalData } from './scrub-personal-data.ts';
import { deriveThreadId } from './thread-id.ts';
import type { ItemDraft, RawItem, SkipReason } from './types.ts';

/** Longest title kept, in characters. */
export const TITLE_MAX_CHARS = 300;
/** Longest author name kept, in characters. */
export const AUTHOR_MAX_CHARS = 120;
/** Most links kept per item for threading. */
export const LINKS_MAX = 50;
/** Longest HTML read for links and matching, in characters (bounds work on huge items). */
const HTML_SCAN_MAX_CHARS = 200_000;
/** HTML characters read per excerpt character, and at least this many: enough for markup-heavy posts. */
const EXCERPT_HTML_PER_CHAR = 30;
const EXCERPT_HTML_MIN_CHARS = 8_000;

/** The narrow slice of configuration normalizeItem needs. */
export type NormalizeContext = {
  /**
   * The company the source belongs to: its slug, name, matching terms (aliases, exclusion
   * terms, ignore phrases: see CompanySchema) and official identities.
   */
  company: {
    slug: string;
    name: string;
    aliases: readonly AliasRule[];
    exclude: readonly string[];
    ignore?: readonly string[];
    official: { authors: string[]; domains: string[] };
  };
  /** The source the item came from. */
  source: Source;
  /** The URL the feed was fetched from: the base of relative links. */
  feedUrl: string;
  /** The fetch time. */
  now: Date;
  /** Items published before this are skipped ('before-since'). */
  since?: Date;
  /** The feed's own title: the author of items that name none (after Atom's feed author). */
  feedTitle?: string;
};

/** The company slice of a NormalizeContext, taken from a validated company file. Pure. */
export function buildCompanyContext(slug: string, company: Pick<Company, 'name' | 'aliases' | 'exclude' | 'ignore' | 'official'>): NormalizeContext['company'] {
  return { slug, name: company.name, aliases: company.aliases, exclude: company.exclude, ignore: company.ignore, official: company.official };
}

/** One text field an item is matched on, named for explanations. */
export type MatchField = { label: 'title' | 'excerpt' | 'category' | 'media description'; text: string };

/** A draft, or why the item was skipped. */
/** A draft, or why the item was skipped (with the id it would have, when it had a link). */
export type NormalizeResult = { ok: true; draft: ItemDraft } | { ok: false; reason: SkipReason; detail?: string; id?: string };

function absoluteUrl(href: string, base: string): string | undefined {
  // Markup in a link is never a real address (it is an injection attempt or a broken feed).
  if (/[<>"]/.test(href)) return undefined;
  try {
    const url = new URL(href.trim(), base);
    // The link as published, less the tracking parameters canonical URLs drop too.
    return url.protocol === 'http:' || url.protocol === 'https:' ? dropTrackingParams(url.href) : undefined;
  } catch {
    return undefined;
  }
}

/** The first value with more than whitespace in it. */
function firstNonBlank(...values: (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined && value.trim() !== '');
}

/** An in-reply-to reference: canonical when it is an http(s) URL, else the trimmed id (e.g. a tag: URI). */
function normalizeReference(ref: string, base: string): string | undefined {
  const trimmed = toPlainText(ref);
  if (trimmed === '') return undefined;
  if (/^https?:/i.test(trimmed) || !/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return canonicalizeUrl(trimmed, base) ?? trimmed;
  return trimmed;
}

/**
 * How a reply names its parent, as stored: the reference resolved (see normalizeReference),
 * and, for a bare id such as JSON Feed's `"in_reply_to": "2347259"` (no scheme, not a path),
 * the id as written too, so threading can find the parent by the guid it was made from.
 */
function referenceForms(ref: string, base: string): string[] {
  const resolved = normalizeReference(ref, base);
  const bare = toPlainText(ref);
  const isBareId = bare !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(bare) && !/^[/.?#]/.test(bare) && !/\s/.test(bare);
  return [...(resolved !== undefined ? [resolved] : []), ...(isBareId && bare !== resolved ? [bare] : [])];
}

/** The feed's thread id, else, for a threaded source, the one its URL gives (see deriveThreadId). */
function threadOf(item: RawItem, source: Source, canonicalUrl: string): { threadId?: string } {
  const threadId = item.threadId ? toPlainText(item.threadId) : source.threaded ? deriveThreadId(canonicalUrl) : undefined;
  return threadId ? { threadId } : {};
}

/**
 * RSS 2.0's author is "email (Name)"; readers know the person by the name, and an address
 * we publish should not be one a feed exposed by convention. Other forms pass unchanged.
 */
export function displayAuthor(author: string): string {
  const match = /^[^\s@()]+@[^\s@()]+\s*\((.+)\)$/.exec(author);
  return match ? match[1]!.trim() : author;
}

/**
 * The HTML the excerpt is built from (summary/description, else content; a video feed such as
 * YouTube's often has neither, and then its media:description is the text), cut to a generous
 * head: a full-text article can be 100 KB for a 600-character excerpt.
 */
function excerptSourceHtml(item: RawItem, excerptChars: number): string {
  const html = firstNonBlank(item.summary, item.content) ?? (item.mediaDescription ? plainTextToHtml(item.mediaDescription) : '');
  return html.slice(0, Math.max(EXCERPT_HTML_MIN_CHARS, excerptChars * EXCERPT_HTML_PER_CHAR));
}

/**
 * What a reader sees of an item, as plain-text fields for matching: the title, the text
 * the excerpt is built from (summary/description, else content; never the rest of a
 * full-text article), the categories and the media description. Pure.
 */
export function buildMatchFields(item: RawItem, excerptChars: number): MatchField[] {
  const fields: MatchField[] = [
    { label: 'title', text: toPlainText(item.title ?? '', TITLE_MAX_CHARS) },
    // What the excerpt keeps: captions, credits and "Read more" links name no one.
    { label: 'excerpt', text: readableText(excerptSourceHtml(item, excerptChars)) },
    // Categories are plain text too: a passage found in one is written to front matter.
    ...(item.categories ?? []).map((category) => ({ label: 'category' as const, text: toPlainText(category) })),
  ];
  if (item.mediaDescription) fields.push({ label: 'media description', text: toPlainText(item.mediaDescription.slice(0, HTML_SCAN_MAX_CHARS)) });
  return fields;
}

/**
 * The company's and the source's matching rules, merged: aliases (the company name when
 * there are none; none at all for an allAboutCompany source, which matches every item),
 * ignore phrases and exclusion terms of both. Pure.
 */
export function buildMatchRules(ctx: Pick<NormalizeContext, 'company' | 'source'>): MatchRules {
  const aliases = ctx.company.aliases.length > 0 ? ctx.company.aliases : [ctx.company.name];
  return {
    aliases: ctx.source.allAboutCompany ? [] : aliases,
    ignore: [...(ctx.company.ignore ?? []), ...(ctx.source.ignore ?? [])],
    exclude: [...ctx.company.exclude, ...(ctx.source.exclude ?? [])],
    assumeMatch: ctx.source.allAboutCompany,
  };
}

/** True when items of this source are matched at all: public sources that need an alias or have exclusion terms. */
export function needsMatching(ctx: Pick<NormalizeContext, 'company' | 'source'>): boolean {
  if (ctx.source.voice !== 'public') return false;
  return !ctx.source.allAboutCompany || ctx.company.exclude.length > 0 || (ctx.source.exclude?.length ?? 0) > 0;
}

/**
 * Matches one item against the company's and source's rules (see matchCompany), on what a
 * reader sees (see buildMatchFields). Undefined when the source needs no matching. Pure.
 */
export function matchItem(item: RawItem, ctx: Pick<NormalizeContext, 'company' | 'source'>): { fields: MatchField[]; match: CompanyMatch } | undefined {
  if (!needsMatching(ctx)) return undefined;
  const fields = buildMatchFields(item, ctx.source.excerptChars);
  const rules = buildMatchRules(ctx);
  // Published writing names companies in passing; there an item must name the company in its
  // title or categories, or more than once (see MatchRules.prominentFields).
  const prominentFields = skipsPassingMentions(ctx.source) ? fields.flatMap((field, index) => (field.label === 'title' || field.label === 'category' ? [index] : [])) : undefined;
  return { fields, match: matchCompany(fields.map((field) => field.text), prominentFields ? { ...rules, prominentFields } : rules) };
}

/** True when a mention in passing is not enough for this source: news sources, unless the source says to keep them (blogs and podcasts name a company once per topic they discuss). */
export function skipsPassingMentions(source: Pick<Source, 'channel' | 'keepPassingMentions'>): boolean {
  return source.keepPassingMentions === undefined ? source.channel === 'news' : !source.keepPassingMentions;
}

/**
 * Turns one parsed item into a draft: link resolved (against xml:base, else the feed
 * URL) and canonicalized (the stored `url` keeps the link as published, less tracking
 * parameters); title and author as plain text, the author falling back to
 * `ctx.feedTitle`; date in UTC with a fallback to `now` ('missing', 'unparseable',
 * 'future', 'implausible'); excerpt as sanitized Markdown capped at
 * `source.excerptChars`, from the summary, else the content, else the media
 * description; links and in-reply-to references canonicalized; kind from
 * the source's voice and the official identities; id from the guid, else the canonical
 * URL; `matchedTerm` and `matchedPassage` from the first alias that counted; e-mail
 * addresses, phone, card and account numbers in the title, excerpt and passage replaced by
 * markers (scrubPersonalData; matching reads the text before). Matching
 * (public sources only) reads what a reader sees (buildMatchFields). Skips: 'no-link'
 * (no http(s) link), 'not-about-company' (no alias counted, or, for news sources, only
 * once and not in the title or categories — see skipsPassingMentions; unless the source is
 * allAboutCompany or speaks for the company), 'excluded' (an exclusion term in an item
 * that is about the company), 'before-since'. Pure; never throws.
 */
export function normalizeItem(item: RawItem, ctx: NormalizeContext): NormalizeResult {
  try {
    const base = item.baseUrl ?? ctx.feedUrl;
    const guid = item.guid?.trim() || undefined;
    const href = item.link ?? (guid && /^https?:\/\//i.test(guid) ? guid : undefined);
    const url = href ? absoluteUrl(href, base) : undefined;
    const canonicalUrl = href ? canonicalizeUrl(href, base) : null;
    if (!url || !canonicalUrl) return { ok: false, reason: 'no-link', detail: href ? `not an http(s) link: ${href.slice(0, 200)}` : 'the item has no link' };

    // Personal data (e-mail, phone, card and account numbers) never reaches a page: see scrubPersonalData.
    const title = scrubPersonalData(toPlainText(item.title ?? '', TITLE_MAX_CHARS)).text;
    const ownAuthor = displayAuthor(toPlainText(item.author ?? '', AUTHOR_MAX_CHARS));
    const author = ownAuthor || toPlainText(ctx.feedTitle ?? '', AUTHOR_MAX_CHARS);
    const fullHtml = (item.content ?? item.summary ?? '').slice(0, HTML_SCAN_MAX_CHARS);

    const matched = matchItem(item, ctx)?.match;
    if (matched?.verdict === 'no-match') {
      const id = computeItemId(guid, canonicalUrl);
      return matched.inPassing
        ? { ok: false, reason: 'not-about-company', id, detail: 'the company is named only in passing: once, and not in the title or categories (news sources; see keepPassingMentions)' }
        : { ok: false, reason: 'not-about-company', id };
    }
    if (matched?.verdict === 'excluded') return { ok: false, reason: 'excluded', id: computeItemId(guid, canonicalUrl), detail: `the item contains the exclusion term "${matched.excludedBy ?? ''}"` };

    const date = resolvePublishedAt(item.date, ctx.now);
    if (ctx.since && date.dateFallback === undefined && Date.parse(date.publishedAt) < ctx.since.getTime()) {
      return { ok: false, reason: 'before-since', detail: `published ${date.publishedAt}` };
    }

    // Sanitizing happens after parsing, so a tag cut by the head is just dropped.
    const excerptInput = excerptSourceHtml(item, ctx.source.excerptChars);
    const excerpt = htmlToSafeMarkdown(excerptInput, ctx.source.excerptChars, base);
    const linkSet = new Set(fullHtml === excerptInput ? excerpt.links : extractSafeLinks(fullHtml, base));
    linkSet.delete(canonicalUrl);
    const inReplyTo = [...new Set((item.inReplyTo ?? []).flatMap((ref) => referenceForms(ref, base)))];

    const draft: ItemDraft = {
      // Only an author the item (or its Atom feed) names can make it official: a feed title is not a person.
      kind: classifyItem({ voice: ctx.source.voice, author: ownAuthor, url: canonicalUrl, sourceUrl: ctx.feedUrl, official: ctx.company.official }),
      id: computeItemId(guid, canonicalUrl),
      company: ctx.company.slug,
      source: ctx.source.url,
      channel: ctx.source.channel,
      voice: ctx.source.voice,
      url,
      canonicalUrl,
      title,
      author,
      publishedAt: date.publishedAt,
      fetchedAt: ctx.now.toISOString(),
      ...(date.dateFallback ? { dateFallback: date.dateFallback } : {}),
      links: [...linkSet].slice(0, LINKS_MAX),
      ...threadOf(item, ctx.source, canonicalUrl),
      inReplyTo,
      excerpt: scrubPersonalData(excerpt.markdown, 'markdown').text,
      ...(item.episode ? { episode: item.episode } : {}),
      ...(matched?.term !== undefined && matched.passage !== undefined ? { matchedTerm: matched.term, matchedPassage: scrubPersonalData(matched.passage).text } : {}),
    };
    return { ok: true, draft };
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: `the item could not be normalized: ${String(error)}` };
  }
}
