/**
 * The content model: one set of Zod schemas shared by `scripts/` (fetch, sample data)
 * and Astro's content collections (`src/content.config.ts`). Pure: no I/O.
 *
 * Front matter keys are camelCase; times are ISO-8601 strings in UTC (an offset in the
 * input is accepted and converted). The contract, field by field: docs/content-format.md.
 */
import { z } from 'astro/zod';

/** The kinds of place a mention or response comes from. */
export const CHANNELS = ['blog', 'forum', 'social', 'news', 'reviews', 'status', 'support'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** Who speaks in a source: the public (mentions) or the company (responses). */
export const VOICES = ['public', 'company'] as const;
export const VoiceSchema = z.enum(VOICES);
export type Voice = z.infer<typeof VoiceSchema>;

/**
 * What a mention is, as Get Satisfaction sorted its topics: a `problem` or a `question` asks
 * the company for an answer; an `idea` suggests, `praise` thanks; `coverage` talks *about* the
 * company (news, press reviews, blog posts) rather than *to* it. Only the first two are scored.
 */
export const MENTION_KINDS = ['problem', 'question', 'idea', 'praise', 'coverage'] as const;
export const MentionKindSchema = z.enum(MENTION_KINDS);
export type MentionKind = z.infer<typeof MentionKindSchema>;

/** The kinds that ask the company for an answer: the only ones the scorecard counts. */
export const ANSWER_SEEKING_KINDS: readonly MentionKind[] = ['problem', 'question'];

/** True when a mention or case of this kind asks the company for an answer (and so is scored). */
export function asksForAnswer(kind: MentionKind): boolean {
  return ANSWER_SEEKING_KINDS.includes(kind);
}

/** A company slug: lower-case letters, digits and single hyphens, as in a URL path. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug of lower-case letters, digits and hyphens, e.g. "zephyr-telecom"');

/** An ISO-8601 instant with a time zone (Z or ±hh:mm), normalised to UTC `...Z`. */
export const InstantSchema = z
  .union([z.string(), z.date()])
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString() : value;
    const hasZone = value instanceof Date || /(?:Z|[+-]\d\d:?\d\d)$/i.test(text.trim());
    const date = new Date(text);
    if (!hasZone || Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: `expected an ISO-8601 time with a zone, e.g. "2026-03-01T09:30:00Z"; got "${text}"` });
      return z.NEVER;
    }
    return date.toISOString();
  });

/** An IANA time zone name that this platform's Intl knows, e.g. "Europe/Paris". */
export const TimeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IANA time zone such as "UTC" or "America/New_York"' },
);

/**
 * A name that identifies the company in text. A plain string matches case-insensitively
 * as a whole word on Unicode boundaries ("Acme" matches "ACME's", not "Acmeville"), never
 * inside a web address written as text ("acme.com/…") unless it is one itself; the
 * object form adds options for ambiguous names.
 */
export const AliasSchema = z.union([
  z.string().min(1, 'expected an alias, e.g. "Acme"'),
  z.object({
    /** The name as it appears in text, e.g. "Alphabet"; whole words, whitespace matching any whitespace. */
    text: z.string().min(1, 'expected the alias text, e.g. "Alphabet"'),
    /** True to match only this exact case ("Apple", not "apple"). Default false. */
    caseSensitive: z.boolean().default(false),
    /**
     * Words of which at least one must also occur in the item (case-insensitive, whole
     * words) for this alias to count, e.g. ["Google", "GOOGL", "Waymo"] for "Alphabet".
     * Default [] (no context needed).
     */
    context: z.array(z.string().min(1)).default([]),
  }),
], { error: 'expected an alias: a name such as "Acme", or an object such as { text: "Alphabet", caseSensitive: true, context: [Google, Waymo] } (text: a name; caseSensitive: true or false; context: a list of words)' });
export type Alias = z.infer<typeof AliasSchema>;

/** One place to read: a feed URL or a local file, in one channel and one voice. */
export const SourceSchema = z.object({
  /** An http(s) feed URL, or a path to a feed file relative to the company file. */
  url: z.string().min(1, 'expected a feed URL or a file path'),
  /** Human-readable name for the sources page; defaults to the feed's own title (as fetch last read it), else the URL's host or file name. */
  name: z.string().optional(),
  /** What kind of place this is; decides how items are labelled and charted. */
  channel: ChannelSchema,
  /** `public`: items are mentions; `company`: items are the company's responses. Default `public`. */
  voice: VoiceSchema.default('public'),
  /**
   * True when items belong to threads (forum topics, comment feeds, status incidents):
   * items sharing a thread id form one case. Default false.
   */
  threaded: z.boolean().default(false),
  /** True when every item of this source is about the company, so alias matching is skipped. Default false. */
  allAboutCompany: z.boolean().default(false),
  /**
   * The kind of every item of this source, when the maintainer knows it (e.g. `coverage` for
   * a news search, `problem` for a support forum). Unset: news and blog sources are coverage,
   * other channels are read item by item (question form, complaint and praise words).
   */
  kind: MentionKindSchema.optional(),
  /**
   * Whether an item that names the company only in passing (once, not in its title or
   * categories) is kept. Unset: skipped for news sources, where companies are named in
   * passing all the time ("earbuds like the AirPods Pro"), kept for every other channel
   * (a blog or podcast names a company once per topic it discusses; elsewhere one mention is
   * someone talking to or about the company).
   */
  keepPassingMentions: z.boolean().optional(),
  /** Longest excerpt kept per item, in characters. Default 600: we quote and link, we don't republish. */
  excerptChars: z.number().int().min(0).max(5000).default(600),
  /**
   * Phrases removed from this source's items before alias matching, in addition to the
   * company's `ignore` (e.g. "Apple Podcasts" for a podcast feed). The item is not dropped.
   */
  ignore: z.array(z.string().min(1)).optional(),
  /** Terms that drop an item of this source that matched an alias, in addition to the company's `exclude`. */
  exclude: z.array(z.string().min(1)).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/** Who speaks for the company: items by these authors or on these domains are responses. */
export const OfficialSchema = z.object({
  /** Author names and handles that are the company's own accounts, matched case-insensitively. */
  authors: z.array(z.string().min(1)).default([]),
  /** Domains (and their subdomains) whose pages are the company speaking, e.g. "zephyr.example". */
  domains: z.array(z.string().min(1)).default([]),
});
export type Official = z.infer<typeof OfficialSchema>;

/** Company: `content/companies/<slug>.md`, written by hand. The body is the maintainer's introduction. */
export const CompanySchema = z.object({
  /** Display name, e.g. "Zephyr Telecom". */
  name: z.string().min(1),
  /**
   * Names that identify the company in text: plain strings (case-insensitive, whole words)
   * or `{ text, caseSensitive, context }` objects (see AliasSchema). Empty: the name is used.
   */
  aliases: z.array(AliasSchema).default([]),
  /**
   * Terms that drop an item that matched an alias (e.g. "stock price"); case-insensitive,
   * whole words. An item without an alias is "not about the company", never "excluded".
   */
  exclude: z.array(z.string().min(1)).default([]),
  /**
   * Phrases removed from every item's text before alias matching, without dropping the
   * item (e.g. "Apple Podcasts", "alphabet soup"); case-insensitive, whole words. Default [].
   */
  ignore: z.array(z.string().min(1)).default([]),
  /** Who speaks for the company. */
  official: OfficialSchema.default({ authors: [], domains: [] }),
  /** Author names of bots and auto-responders: never counted as a response. */
  bots: z.array(z.string().min(1)).default([]),
  /** The response target (SLA) the scorecard measures against, in hours. Default 24. */
  responseTargetHours: z.number().positive().default(24),
  /** The company's own website, shown on its page. */
  site: z.url().optional(),
  /** Time zone for monthly trends and displayed dates. Default "UTC". */
  timeZone: TimeZoneSchema.default('UTC'),
  /** True for made-up companies (the demo); the site labels them as fictional. Default false. */
  fictional: z.boolean().default(false),
  /** Where mentions and responses come from. */
  sources: z.array(SourceSchema).default([]),
});
export type Company = z.infer<typeof CompanySchema>;

/** Fields shared by mentions and responses: one item fetched from one source. */
const itemFields = {
  /** Stable id: a short hash of the feed's guid, else of the canonical URL. Never changes. */
  id: z.string().min(1),
  /** Slug of the company this item is about. */
  company: SlugSchema,
  /** The `url` of the source it came from, exactly as in the company file. */
  source: z.string().min(1),
  /** The source's channel at fetch time. */
  channel: ChannelSchema,
  /** The item's link as published. */
  url: z.string().min(1),
  /** The link normalised for identity: resolved, host lower-cased, tracking parameters and fragment dropped. */
  canonicalUrl: z.string().min(1),
  /** Plain-text title (no markup). */
  title: z.string().default(''),
  /** Plain-text author name or handle; empty when the feed gives none. */
  author: z.string().default(''),
  /** When the item was published, UTC. */
  publishedAt: InstantSchema,
  /** When we first fetched it, UTC. */
  fetchedAt: InstantSchema,
  /** Set when `publishedAt` is not the feed's: its date was missing, unparseable, in the future or before 1995 ('implausible', e.g. epoch zero), so the fetch time is used. */
  dateFallback: z.enum(['missing', 'unparseable', 'future', 'implausible']).optional(),
  /** Canonical URLs this item links to (used for threading). */
  links: z.array(z.string()).default([]),
  /** The source's thread this item belongs to (forum topic, incident), if any. */
  threadId: z.string().optional(),
  /** Ids or URLs of items this one replies to (`in-reply-to`, `thr:in-reply-to`). */
  inReplyTo: z.array(z.string()).default([]),
  /**
   * Machine-owned: the exact text that made fetch keep this item as being about the
   * company, e.g. "Google". Unset for sources where every item is about the company,
   * company-voice sources, and files written before matching stored it.
   */
  matchedTerm: z.string().optional(),
  /**
   * Machine-owned: plain text around the first `matchedTerm` in what a reader sees
   * (title, excerpt, categories, media description), at most ~200 characters, cut on
   * word boundaries with "…". Unset when `matchedTerm` is.
   */
  matchedPassage: z.string().optional(),
  /**
   * Machine-owned: 'audio' or 'video' when the item is a published episode (a podcast
   * episode, a channel's video). Episodes are coverage unless they reply to the company.
   */
  episode: z.enum(['audio', 'video']).optional(),
  /** Editor-owned: hide this item from the site and the scorecard (spam, off-topic). */
  hidden: z.boolean().default(false),
  /**
   * Editor-owned: where an item added by hand came from, for readers, when no feed brought it,
   * e.g. "E-mail from Zephyr support to the customer, forwarded with her permission (PR #42)".
   * Shown on the case page instead of the web link when its `url` is not one.
   */
  via: z.string().min(1).optional(),
  /**
   * Machine-owned: a digest of the excerpt as fetch last wrote it. When the body no longer
   * matches it, a maintainer edited the body and fetch leaves the body alone.
   */
  excerptDigest: z.string().optional(),
};

/** Mention: one item in which the public talks about the company. Body: the sanitized excerpt. */
export const MentionSchema = z.object({
  ...itemFields,
  /**
   * Editor-owned: what kind of mention this is. Fetch never writes it, so a maintainer's
   * correction stands; unset, it is read from the source and the text at build time.
   */
  kind: MentionKindSchema.optional(),
  /**
   * Editor-owned: put this mention in the case with this id (a case id is its first mention's
   * id). Its own id splits it off: it starts a case of its own, which threads, links and
   * replies never join to an earlier mention (later replies to it still join it).
   */
  caseId: z.string().optional(),
});
export type MentionData = z.infer<typeof MentionSchema>;

/** Response: one item in the company's voice. Body: the sanitized excerpt. */
export const ResponseSchema = z.object({
  ...itemFields,
  /** Mention ids or URLs this response answers; editor-owned once set. */
  respondsTo: z.array(z.string()).default([]),
  /** True when this response resolves the case it answers (a fix, a refund, a closed incident). */
  resolves: z.boolean().default(false),
});
export type ResponseData = z.infer<typeof ResponseSchema>;

/** The statuses a case can be in. */
export const CASE_STATUSES = ['open', 'answered', 'resolved'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/**
 * Case override: `content/cases/<company>/<case-id>.md`, written by the maintainer.
 * Every field is optional; what is set wins over what threading derived. Body: the maintainer's note.
 */
export const CaseOverrideSchema = z.object({
  /** Slug of the company; defaults to the folder name. */
  company: SlugSchema.optional(),
  /** A better title than the first mention's. */
  title: z.string().min(1).optional(),
  /** Ids of other cases (their first mentions) to merge into this one. */
  merge: z.array(z.string().min(1)).default([]),
  /** Hide the whole case from the site and the scorecard. */
  hidden: z.boolean().default(false),
  /** Force the status, e.g. "resolved" when the fix was announced elsewhere. */
  status: CaseStatusSchema.optional(),
  /** When the problem was resolved, UTC; implies status "resolved". */
  resolvedAt: InstantSchema.optional(),
  /** The case's kind, overriding its opening mention's (e.g. `coverage` for a news story read as a complaint). */
  kind: MentionKindSchema.optional(),
  /** A short description of how it ended, e.g. "refunded", "fixed in 4.2", "declined". */
  outcome: z.string().min(1).optional(),
});
export type CaseOverrideData = z.infer<typeof CaseOverrideSchema>;

/** Post: the maintainer's own writing, `content/posts/*.md`. */
export const PostSchema = z.object({
  /** Headline. */
  title: z.string().min(1),
  /** Publication time, UTC. */
  date: InstantSchema,
  /** One-sentence summary for lists, feeds and search. */
  summary: z.string().default(''),
  /** Slugs of the companies the post concerns. */
  companies: z.array(SlugSchema).default([]),
  /** Ids of the cases the post concerns. */
  cases: z.array(z.string().min(1)).default([]),
  /** Drafts are not published. Default false. */
  draft: z.boolean().default(false),
});
export type PostData = z.infer<typeof PostSchema>;
