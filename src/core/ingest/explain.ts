/**
 * Why one item was kept or skipped: the structured reasons behind `fetch --explain`.
 * Pure: the same normalizeItem verdict, plus the matching trace and the date reading.
 */
import { canonicalizeUrl } from './canonical-url.ts';
import { resolvePublishedAt } from './dates.ts';
import type { AliasCheck } from './match.ts';
import { buildMatchRules, matchItem, normalizeItem, TITLE_MAX_CHARS, type MatchField, type NormalizeContext } from './normalize.ts';
import { toPlainText } from './plain-text.ts';
import type { ItemDraft, ItemKind, RawItem, SkipReason } from './types.ts';

/** How matching went for one item, or why it was not needed. */
export type MatchExplanation =
  | {
      applied: false;
      /** 'company-voice': the source speaks for the company; 'all-about-company': an allAboutCompany source without exclusion terms. */
      why: 'company-voice' | 'all-about-company';
    }
  | {
      applied: true;
      /** The text fields read (what a reader sees), with their length in characters. */
      fields: { label: MatchField['label']; chars: number }[];
      /** Ignore phrases configured (company + source). */
      ignore: string[];
      /** Ignore phrases found in the item and removed before matching (exact text). */
      ignored: string[];
      /** Exclusion terms configured (company + source). */
      exclude: string[];
      /** True when the source is allAboutCompany: no alias needed, exclusion terms still apply. */
      assumeMatch: boolean;
      /** Each alias: whether it occurred, its context words and those found, whether it counted. */
      aliases: AliasCheck[];
      /** The first alias that counted, its exact text, the field it was in and the passage around it. */
      matched?: { alias: string; term: string; field: MatchField['label']; passage: string };
      /** The exclusion term that dropped the item (exact text), if any. */
      excludedBy?: string;
    };

/** Everything `fetch --explain` says about one item. */
export type ItemExplanation = {
  /** The company slug. */
  company: string;
  /** The source's `url` as configured, its name, channel and voice. */
  source: { url: string; name?: string; channel: string; voice: string; allAboutCompany: boolean };
  /** The item's link as published, and its canonical form (null when it has none). */
  link?: string;
  canonicalUrl: string | null;
  /** Plain-text title. */
  title: string;
  /** The date as published, the UTC instant used, the fallback taken, and the --since cut-off. */
  date: { raw?: string; publishedAt: string; dateFallback?: ItemDraft['dateFallback']; since?: string };
  /** Kept (as a mention or a response), or skipped with the reason fetch counts. */
  outcome: { kept: true; kind: ItemKind } | { kept: false; reason: SkipReason; detail?: string };
  /** The matching trace. */
  matching: MatchExplanation;
};

/**
 * True when `url` is this item's link (or its guid, when that is a URL), compared as
 * canonical URLs, so tracking parameters and fragments do not matter. Pure.
 */
export function isItemAt(item: RawItem, url: string, feedUrl: string): boolean {
  const wanted = canonicalizeUrl(url);
  if (wanted === null) return false;
  const base = item.baseUrl ?? feedUrl;
  return [item.link, item.guid].some((href) => href !== undefined && href.trim() !== '' && canonicalizeUrl(href, base) === wanted);
}

/** The matching part of an explanation. */
function explainMatching(item: RawItem, ctx: NormalizeContext): MatchExplanation {
  const result = matchItem(item, ctx);
  if (!result) return { applied: false, why: ctx.source.voice === 'public' ? 'all-about-company' : 'company-voice' };
  const { fields, match } = result;
  const rules = buildMatchRules(ctx);
  return {
    applied: true,
    fields: fields.map((field) => ({ label: field.label, chars: field.text.length })),
    ignore: [...(rules.ignore ?? [])],
    ignored: match.ignored,
    exclude: [...(rules.exclude ?? [])],
    assumeMatch: rules.assumeMatch ?? false,
    aliases: match.aliases,
    ...(match.term !== undefined && match.alias !== undefined && match.passage !== undefined && match.field !== undefined
      ? { matched: { alias: match.alias, term: match.term, field: fields[match.field]!.label, passage: match.passage } }
      : {}),
    ...(match.excludedBy !== undefined ? { excludedBy: match.excludedBy } : {}),
  };
}

/**
 * Explains what normalizeItem does with one item under `ctx`: kept or skipped (the same
 * verdict, by calling it), the alias that matched and its passage, ignore phrases removed,
 * the exclusion term that hit, context words required and found, and the date reading.
 * Pure; never throws.
 */
export function explainItem(item: RawItem, ctx: NormalizeContext): ItemExplanation {
  const result = normalizeItem(item, ctx);
  const base = item.baseUrl ?? ctx.feedUrl;
  const href = item.link ?? item.guid;
  const date = resolvePublishedAt(item.date, ctx.now);
  return {
    company: ctx.company.slug,
    source: { url: ctx.source.url, ...(ctx.source.name ? { name: ctx.source.name } : {}), channel: ctx.source.channel, voice: ctx.source.voice, allAboutCompany: ctx.source.allAboutCompany },
    ...(href ? { link: href } : {}),
    canonicalUrl: href ? canonicalizeUrl(href, base) : null,
    title: toPlainText(item.title ?? '', TITLE_MAX_CHARS),
    date: {
      ...(item.date !== undefined ? { raw: item.date } : {}),
      publishedAt: date.publishedAt,
      ...(date.dateFallback ? { dateFallback: date.dateFallback } : {}),
      ...(ctx.since ? { since: ctx.since.toISOString() } : {}),
    },
    outcome: result.ok ? { kept: true, kind: result.draft.kind } : { kept: false, reason: result.reason, ...(result.detail ? { detail: result.detail } : {}) },
    matching: explainMatching(item, ctx),
  };
}
