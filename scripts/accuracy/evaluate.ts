/**
 * The accuracy evaluation: hand labels (tests/accuracy/) against the real ingest path.
 * Feed items are read from the corpora by their stored reference and go through
 * decodeFeedBytes → parseFeed → normalizeItem (once per labelled company, for the
 * matcher) → inferMentionKind. CFPB rows become one RawItem each from a support source
 * that is all about its company. Reads files; no network, no clock.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeFeedBytes } from '../../src/core/ingest/decode.ts';
import { inferMentionKind } from '../../src/core/ingest/mention-kind.ts';
import { matchItem, normalizeItem, type NormalizeContext } from '../../src/core/ingest/normalize.ts';
import { parseFeed } from '../../src/core/ingest/parse-feed.ts';
import { toPlainText } from '../../src/core/ingest/plain-text.ts';
import type { RawItem } from '../../src/core/ingest/types.ts';
import { formatFieldIssues } from '../../src/core/schema-issues.ts';
import { ChannelSchema, CompanySchema, MentionKindSchema, SourceSchema, type Alias, type Channel, type MentionKind } from '../../src/core/schemas.ts';
import { parseCsvRecords } from '../../src/core/site/csv.ts';
import { escapeHtmlText } from '../../src/core/text/escape-html.ts';
import { sliceCodePoints } from '../../src/core/text/truncate.ts';
import { scoreBinary, scoreKinds, scoreMatcher, type KindOutcome, type MatchOutcome, type Score } from './metrics.ts';

/** A reference to one corpus item: a feed file plus its guid, link or index; or a CFPB Complaint ID. */
export type ItemRef = { file: string; guid?: string; link?: string; index?: number; complaintId?: string };
/** One hand label. `companies` (feed items only) are the slugs the item is truly about. */
export type Label = { ref: ItemRef; kind: MentionKind; companies?: string[] };
/** One configured source of the evaluation, with the source-level matching phrases a maintainer would set (see SourceSchema). */
export type SourceEntry = { name: string; channel: Channel; allAboutCompany?: boolean; ignore?: string[]; exclude?: string[] };
/** One company as the evaluation configures it: the matching fields of a company file (see CompanySchema). */
export type CompanyEntry = { slug: string; name: string; aliases: Alias[]; exclude: string[]; ignore: string[] };

/** The matching fields of a company file, validated as a company file's are. */
const CompanyMatchingSchema = CompanySchema.pick({ name: true, aliases: true, exclude: true, ignore: true });

/** The two halves of the set. */
export const SPLITS = ['dev', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];

/** One half's figures. */
export type SplitReport = {
  items: number;
  perKind: Record<MentionKind, Score>;
  asksForAnswer: Score;
  /** Asks-for-answer when every item is read as a forum post: what the text alone is worth. */
  asksForAnswerTextOnly: Score;
  /** Per company: does normalize keep a feed item for the company, against the label? */
  matcher: Record<string, Score>;
  /** Every (item, company) pair of the half as one class: the matcher over all companies. */
  matcherPooled: Score;
};

/** A whole run: both halves, and the references that did not resolve to exactly one item. */
export type AccuracyReport = {
  labels: number;
  splits: Record<Split, SplitReport>;
  unresolved: { ref: ItemRef; matches: number }[];
  mistakes: Record<Split, Mistake[]>;
  matcherMistakes: Record<Split, MatcherMistake[]>;
};
/** A labelled item the classifier got wrong, for tuning (no corpus text beyond the title). */
export type Mistake = { key: string; expected: MentionKind; predicted: MentionKind; title: string };
/**
 * An (item, company) pair the matcher got wrong, for tuning: `kept` true is a false
 * positive (with the term that matched and the words around it), false a miss.
 */
export type MatcherMistake = { key: string; company: string; kept: boolean; title: string; term?: string; passage?: string };

/** Where the labels live, relative to the project root. */
export const LABELS_DIR = path.join('tests', 'accuracy');
/** A fixed fetch time, so that normalize never reads the clock and no corpus date is "in the future". */
const EVALUATION_NOW = new Date('2030-01-01T00:00:00Z');
const CFPB_FILE = 'cfpb-complaints-sample/complaints_sample.csv';

/** A stable text key for a reference (also what the split hashes). */
export function refKey(ref: ItemRef): string {
  if (ref.complaintId !== undefined) return `${ref.file}#complaint=${ref.complaintId}`;
  if (ref.guid !== undefined) return `${ref.file}#guid=${ref.guid}`;
  if (ref.link !== undefined) return `${ref.file}#link=${ref.link}`;
  return `${ref.file}#index=${ref.index}`;
}

/** Dev or held-out, from a hash of the reference: deterministic, independent of file order. */
export function splitOf(ref: ItemRef): Split {
  const byte = createHash('sha256').update(refKey(ref)).digest()[0]!;
  return byte % 2 === 0 ? 'dev' : 'heldout';
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** The labels, sources and companies, validated; throws with the file and entry at fault. */
export function loadLabelSet(projectRoot: string): { labels: Label[]; sources: Record<string, SourceEntry>; companies: CompanyEntry[] } {
  const dir = path.join(projectRoot, LABELS_DIR);
  const labels = (readJson(path.join(dir, 'labels.json')) as { items: Label[] }).items;
  const sources = (readJson(path.join(dir, 'sources.json')) as { sources: Record<string, SourceEntry> }).sources;
  const companies = (readJson(path.join(dir, 'companies.json')) as { companies: ({ slug: string } & Record<string, unknown>)[] }).companies.map((entry): CompanyEntry => {
    const parsed = CompanyMatchingSchema.safeParse(entry);
    if (!parsed.success) throw new Error(`companies.json: ${entry.slug} is not a valid company: ${formatFieldIssues(parsed.error, '(root)')}`);
    return { slug: entry.slug, ...parsed.data };
  });
  const slugs = new Set(companies.map((c) => c.slug));
  for (const [file, source] of Object.entries(sources)) ChannelSchema.parse(source.channel, { error: () => `sources.json: ${file} has an unknown channel "${source.channel}"` });
  for (const label of labels) {
    const key = refKey(label.ref);
    if (!MentionKindSchema.safeParse(label.kind).success) throw new Error(`labels.json: ${key} has an unknown kind "${label.kind}"`);
    if (!sources[label.ref.file]) throw new Error(`labels.json: ${key} names a file that sources.json does not list`);
    for (const company of label.companies ?? []) if (!slugs.has(company)) throw new Error(`labels.json: ${key} names company "${company}", which companies.json does not list`);
  }
  return { labels, sources, companies };
}

/** A CFPB row as a feed item would carry it: the issue as title, the narrative as summary. */
function cfpbItem(row: Record<string, string>): RawItem {
  const id = row['Complaint ID']!;
  return {
    guid: `cfpb-${id}`,
    link: `https://www.consumerfinance.gov/data-research/consumer-complaints/search/detail/${id}`,
    title: row['Issue'] ?? '',
    date: `${row['Date received']}T00:00:00Z`,
    // CFPB narratives are plain text; normalize reads HTML.
    summary: escapeHtmlText(row['Consumer complaint narrative'] ?? ''),
  };
}

function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'company';
}

/** Reads every referenced corpus file once: feed files parsed, the CFPB CSV by Complaint ID. */
async function loadCorpusItems(corporaDir: string, files: Set<string>): Promise<{ feeds: Map<string, RawItem[]>; cfpb: Map<string, Record<string, string>[]> }> {
  const feeds = new Map<string, RawItem[]>();
  const cfpb = new Map<string, Record<string, string>[]>();
  for (const file of files) {
    const full = path.join(corporaDir, file);
    if (!existsSync(full)) continue;
    if (file === CFPB_FILE) {
      for (const row of parseCsvRecords(readFileSync(full, 'utf8'))) {
        const id = row['Complaint ID'] ?? '';
        cfpb.set(id, [...(cfpb.get(id) ?? []), row]);
      }
      continue;
    }
    const decoded = decodeFeedBytes(new Uint8Array(readFileSync(full)));
    if (!decoded.ok) continue;
    const parsed = await parseFeed(decoded.feed.text, feedUrlOf(file));
    if (parsed.ok) feeds.set(file, parsed.feed.items);
  }
  return { feeds, cfpb };
}

function feedUrlOf(file: string): string {
  return `https://corpora.invalid/${file}`;
}

/** The corpus items a reference names (exactly one when the labels are healthy). */
function resolveRef(ref: ItemRef, corpus: { feeds: Map<string, RawItem[]>; cfpb: Map<string, Record<string, string>[]> }): RawItem[] {
  if (ref.complaintId !== undefined) return (corpus.cfpb.get(ref.complaintId) ?? []).filter((row) => (row['Consumer complaint narrative'] ?? '').trim() !== '').map(cfpbItem);
  const items = corpus.feeds.get(ref.file) ?? [];
  if (ref.guid !== undefined) return items.filter((item) => item.guid === ref.guid);
  if (ref.link !== undefined) return items.filter((item) => item.link === ref.link);
  const item = ref.index !== undefined ? items[ref.index] : undefined;
  return item ? [item] : [];
}

function contextFor(source: SourceEntry, file: string, company: Omit<CompanyEntry, 'ignore'> & { ignore?: string[] }, allAboutCompany: boolean): NormalizeContext {
  return {
    company: { ...company, official: { authors: [], domains: [] } },
    source: SourceSchema.parse({ url: feedUrlOf(file), name: source.name, channel: source.channel, allAboutCompany, ignore: source.ignore, exclude: source.exclude }),
    feedUrl: feedUrlOf(file),
    now: EVALUATION_NOW,
  };
}

/**
 * Runs the evaluation over the corpora folder. Every label is scored in its half; a
 * reference that does not resolve to exactly one item is reported in `unresolved` and
 * left out of the figures.
 */
export async function evaluateAccuracy(projectRoot: string, corporaDir: string): Promise<AccuracyReport> {
  const { labels, sources, companies } = loadLabelSet(projectRoot);
  const corpus = await loadCorpusItems(corporaDir, new Set(labels.map((l) => l.ref.file)));
  const kinds: Record<Split, KindOutcome[]> = { dev: [], heldout: [] };
  const textOnly: Record<Split, KindOutcome[]> = { dev: [], heldout: [] };
  const matches: Record<Split, MatchOutcome[]> = { dev: [], heldout: [] };
  const mistakes: Record<Split, Mistake[]> = { dev: [], heldout: [] };
  const matcherMistakes: Record<Split, MatcherMistake[]> = { dev: [], heldout: [] };
  const unresolved: AccuracyReport['unresolved'] = [];

  for (const label of labels) {
    const found = resolveRef(label.ref, corpus);
    if (found.length !== 1) {
      unresolved.push({ ref: label.ref, matches: found.length });
      continue;
    }
    const item = found[0]!;
    const split = splitOf(label.ref);
    const source = sources[label.ref.file]!;
    const isCfpb = label.ref.complaintId !== undefined;
    const owner = isCfpb ? { slug: slugify(cfpbCompany(corpus, label.ref)), name: cfpbCompany(corpus, label.ref), aliases: [], exclude: [] } : { slug: 'any', name: 'any', aliases: [], exclude: [] };

    // The kind is read from what a kept item would show: its title and excerpt.
    const normalized = normalizeItem(item, contextFor(source, label.ref.file, owner, true));
    const title = normalized.ok ? normalized.draft.title : toPlainText(item.title ?? '');
    const text = normalized.ok ? normalized.draft.excerpt : toPlainText(item.summary ?? item.content ?? '', 600);
    const predicted = inferMentionKind({ title, text, channel: source.channel });
    kinds[split].push({ expected: label.kind, predicted });
    textOnly[split].push({ expected: label.kind, predicted: inferMentionKind({ title, text, channel: 'forum' }) });
    if (predicted !== label.kind) mistakes[split].push({ key: refKey(label.ref), expected: label.kind, predicted, title: sliceCodePoints(title, 120) });

    if (!isCfpb && !source.allAboutCompany) {
      for (const company of companies) {
        const ctx = contextFor(source, label.ref.file, company, false);
        const kept = normalizeItem(item, ctx).ok;
        const expected = (label.companies ?? []).includes(company.slug);
        matches[split].push({ company: company.slug, expected, kept });
        if (kept === expected) continue;
        const found = kept ? matchItem(item, ctx)?.match : undefined;
        matcherMistakes[split].push({ key: refKey(label.ref), company: company.slug, kept, title: sliceCodePoints(title, 120), ...(found?.term ? { term: found.term, passage: found.passage } : {}) });
      }
    }
  }

  const slugs = companies.map((c) => c.slug);
  const report = (split: Split): SplitReport => {
    const scored = scoreKinds(kinds[split]);
    return { items: kinds[split].length, perKind: scored.perKind, asksForAnswer: scored.asksForAnswer, asksForAnswerTextOnly: scoreKinds(textOnly[split]).asksForAnswer, matcher: scoreMatcher(matches[split], slugs), matcherPooled: scoreBinary(matches[split].map((m) => ({ expected: m.expected, predicted: m.kept }))) };
  };
  return { labels: labels.length, splits: { dev: report('dev'), heldout: report('heldout') }, unresolved, mistakes, matcherMistakes };
}

function cfpbCompany(corpus: { cfpb: Map<string, Record<string, string>[]> }, ref: ItemRef): string {
  return corpus.cfpb.get(ref.complaintId ?? '')?.[0]?.['Company'] ?? 'CFPB company';
}
