/**
 * The fetch pipeline, as the list of its stages (see runFetch): read the configuration →
 * plan the downloads → download and read each source (politely, in parallel) → plan the
 * writes against what is on disk → apply them → record the next fetch state → report. The
 * rules of each stage are pure core functions (src/core/fetch, src/core/write); this file
 * does the I/O between them. One failing source is reported, never fatal.
 * `scripts/fetch.ts` builds the options from argv/env.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { buildConfigErrorReport, buildFetchReport, formatFetchSummary, formatPlannedWrites, type FetchReport, type WriteOutcome } from '../../src/core/fetch/fetch-report.ts';
import { countNewItemsBySource, computeNextFetchState } from '../../src/core/fetch/next-state.ts';
import { findNoLongerMatching, formatNoLongerMatching, type UnmatchedOfCompany } from '../../src/core/fetch/no-longer-matching.ts';
import { planSourceReads, type SourceRead } from '../../src/core/fetch/plan-source-reads.ts';
import { buildFailedResult, buildNotModifiedResult, buildReadResult, buildSameBodyResult, type ArrivedBody, type SourceResult } from '../../src/core/fetch/source-results.ts';
import { buildCompanyContext, type NormalizeContext } from '../../src/core/ingest/normalize.ts';
import { computeDigest } from '../../src/core/write/digest.ts';
import { isSameBodyAsLastRead, type FetchState, type Validators } from '../../src/core/write/fetch-state.ts';
import { planWrites, type WritePlan } from '../../src/core/write/plan-writes.ts';
import { applyPlan } from './apply-plan.ts';
import type { DownloadOptions, DownloadResult } from './download.ts';
import { chooseWorkerCount, createInlineItemReader, createWorkerItemReader, type FeedItemReader } from './feed-item-readers.ts';
import { createProgress, type Progress, type ProgressStream } from './progress.ts';
import { readCompanyFiles, type CompanyFile, type ConfigProblem } from './read-company-files.ts';
import { readExistingContent, readLedger } from './read-existing.ts';
import { locateSource, readSource, type SourceLocation } from './read-source.ts';
import { createRequestLimiter, GLOBAL_CONCURRENCY, PER_HOST_CONCURRENCY } from './request-limiter.ts';
import { readFetchStateFile, writeFetchStateFile } from './state-store.ts';

export type { FetchReport } from '../../src/core/fetch/fetch-report.ts';
export type { SourceRunStatus } from '../../src/core/fetch/source-results.ts';

/** Everything a run needs; the entry fills it from flags and env, tests directly. */
export type FetchOptions = {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Company slugs to fetch; empty = all. */
  companies: readonly string[];
  /** Print the plan, write nothing (not even state). */
  dryRun: boolean;
  /** Skip items published before this. */
  since?: Date;
  /** Sources read at once, and requests in flight in total. Default GLOBAL_CONCURRENCY. */
  concurrency?: number;
  /** Requests in flight per host. Default PER_HOST_CONCURRENCY. */
  perHost?: number;
  /** The run's clock reading. */
  now: Date;
  /** Full User-Agent header. */
  userAgent: string;
  /** Download tuning (timeouts, caps, retries); tests shrink these. */
  download?: Omit<DownloadOptions, 'limiter' | 'userAgent'>;
  /** Where progress and the summary go. */
  out: ProgressStream;
  /** Worker threads that decode, parse and normalize bodies; 0 reads inline. Default: one per core, up to 4, for 8+ sources (chooseWorkerCount). */
  workers?: number;
  /**
   * Read every source in full even when it has not changed (no conditional GET, no "same
   * body" shortcut), so a new version of the parser or the matcher reaches files already
   * written. Default false.
   */
  refresh?: boolean;
};

/** Runs one fetch. Never throws for a bad source; config problems give exit code 2. */
export async function runFetch(options: FetchOptions): Promise<FetchReport> {
  const printLine = createLinePrinter(options.out);

  // 1. Read the configuration.
  const config = await readConfig(options);
  if (!config.ok) {
    for (const problem of config.problems) printLine(`config error: ${problem.file}: ${problem.field}: ${problem.message}`);
    return buildConfigErrorReport();
  }

  // 2. Plan the downloads.
  const { reads, warnings } = planSourceReads(config.companies, config.state, { refresh: options.refresh === true, companiesWithResponses: config.companiesWithResponses });
  for (const warning of warnings) printLine(`warning: ${warning}`);

  // 3. Download each source and read its body into items (parse, match, normalize).
  const progress = createProgress(options.out, reads.length);
  const results = await readSources(reads, options, progress);

  // 4. Plan the writes against what is on disk.
  const plan = await planContentWrites(results, options, progress);

  // 5. Apply them (a dry run prints them).
  const applied = options.dryRun ? printPlannedWrites(plan, progress) : await applyContentWrites(plan, options.contentDir, progress);

  // 6. Record the next fetch state.
  const newItems = countNewItemsBySource(results.flatMap((result) => result.drafts), plan.writes);
  const nextState = computeNextFetchState(config.state, config.companies.map((company) => company.slug), results, newItems, options.now);
  const recorded = options.dryRun ? NOTHING_WRITTEN : await recordFetchState(nextState, config.stateText, options.contentDir, progress);

  // 7. Report.
  const report = buildFetchReport(results, plan, { filesWritten: applied.filesWritten + recorded.filesWritten, writeFailed: applied.failed || recorded.failed });
  progress.finish();
  for (const line of formatFetchSummary(report, options.dryRun)) printLine(line);
  return report;
}

/**
 * Prints whole `[fetch] …` lines, never redrawn over (the stream's isTTY is left out on
 * purpose): configuration errors and warnings before the sources are read, and the summary.
 */
function createLinePrinter(out: ProgressStream): (line: string) => void {
  const plain = createProgress({ write: (text) => out.write(text) }, 0);
  return (line) => plain.log(line);
}

// ── Stage 1: read the configuration ──────────────────────────────────────────────────────

type FetchConfig =
  | {
      ok: true;
      companies: CompanyFile[];
      state: FetchState;
      /** The state file's exact text, null when there is none: the state is rewritten only when it changes. */
      stateText: string | null;
      /** Slugs of the companies with a response file (answers a maintainer added by hand count as a channel). */
      companiesWithResponses: ReadonlySet<string>;
    }
  | { ok: false; problems: ConfigProblem[] };

/** The company files, the fetch state, and which companies have responses on disk. */
async function readConfig(options: FetchOptions): Promise<FetchConfig> {
  const { companies, problems } = await readCompanyFiles(options.contentDir, options.companies);
  const stored = await readFetchStateFile(options.contentDir);
  if (!stored.ok) problems.push({ file: stored.file, field: '(state)', message: `${stored.message}; fix it or delete the file to start afresh` });
  if (problems.length > 0 || !stored.ok) return { ok: false, problems };
  const companiesWithResponses = new Set<string>();
  for (const company of companies) if (await hasItemFiles(options.contentDir, 'responses', company.slug)) companiesWithResponses.add(company.slug);
  return { ok: true, companies, state: stored.state, stateText: stored.text, companiesWithResponses };
}

/** True when `<content>/<kind>/<slug>/` holds a Markdown file. */
async function hasItemFiles(contentDir: string, kind: 'responses', slug: string): Promise<boolean> {
  try {
    return (await readdir(path.join(contentDir, kind, slug))).some((name) => name.endsWith('.md'));
  } catch {
    return false;
  }
}

// ── Stage 3: download each source, then read its body into items ────────────────────────

/**
 * Downloads of this run, by URL and the validators sent: companies that follow the same feed
 * (three companies in one news site's feed) share one request instead of a burst of
 * identical ones. A file source is read per company (no network cost).
 */
type SharedDownloads = Map<string, Promise<DownloadResult>>;

/** What every source of a run shares: the polite downloader, the item reader, the shared requests. */
type SourceReading = { options: FetchOptions; download: DownloadOptions; itemReader: FeedItemReader; shared: SharedDownloads };

/** Reads every planned source at once; the request limiter decides who is on the wire. */
async function readSources(reads: readonly SourceRead<CompanyFile>[], options: FetchOptions, progress: Progress): Promise<SourceResult[]> {
  const concurrency = Math.max(1, options.concurrency ?? GLOBAL_CONCURRENCY);
  const download: DownloadOptions = {
    ...options.download,
    userAgent: options.userAgent,
    limiter: createRequestLimiter({ perHost: options.perHost ?? PER_HOST_CONCURRENCY, global: concurrency }),
  };
  // Every source starts at once; the limiter decides who is on the wire (global and per
  // host), so sources of one busy host never hold up the other hosts' slots.
  const workers = options.workers ?? chooseWorkerCount(reads.length);
  const itemReader = workers > 0 ? createWorkerItemReader(workers) : createInlineItemReader();
  const reading: SourceReading = { options, download, itemReader, shared: new Map() };
  return Promise.all(
    reads.map(async (read) => {
      const result = await readOneSource(read, reading);
      progress.sourceDone(result.line, result.status === 'failed');
      return result;
    }),
  ).finally(() => itemReader.close());
}

/** One source: download it (conditionally), and read its body unless it is the one last read. */
async function readOneSource(read: SourceRead<CompanyFile>, reading: SourceReading): Promise<SourceResult> {
  const location = locateSource(read.source.url, read.company.file);
  const downloaded = await downloadOnce(location, read.validators, reading);
  if (downloaded.kind === 'failed') return buildFailedResult(read, downloaded.error, downloaded.status);
  if (downloaded.kind === 'not-modified') return buildNotModifiedResult(read, downloaded.validators);
  const body: ArrivedBody = { ...(location.kind === 'http' ? { status: downloaded.status } : {}), validators: downloaded.validators, bodyDigest: computeDigest(downloaded.bytes) };
  if (isSameBodyAsLastRead(read.lastRead, body.bodyDigest, read.configDigest)) return buildSameBodyResult(read, body, read.lastRead);
  const items = await reading.itemReader.read(downloaded.bytes, downloaded.contentType, downloaded.finalUrl, buildNormalizeContext(read, downloaded.finalUrl, reading.options));
  if (!items.ok) return buildFailedResult(read, items.error, downloaded.status);
  return buildReadResult(read, body, items);
}

function downloadOnce(location: SourceLocation, known: Validators, reading: SourceReading): Promise<DownloadResult> {
  if (location.kind !== 'http') return readSource(location, known, reading.download);
  const key = `${location.url}\u0000${known.etag ?? ''}\u0000${known.lastModified ?? ''}`;
  let pending = reading.shared.get(key);
  if (!pending) reading.shared.set(key, (pending = readSource(location, known, reading.download)));
  return pending;
}

function buildNormalizeContext(read: SourceRead<CompanyFile>, feedUrl: string, options: FetchOptions): NormalizeContext {
  const context: NormalizeContext = {
    company: buildCompanyContext(read.company.slug, read.company.company),
    source: read.source,
    feedUrl,
    now: options.now,
  };
  if (options.since) context.since = options.since;
  return context;
}

// ── Stage 4: plan the writes against what is on disk ─────────────────────────────────────

/** The plan for every draft of the run, made against the files of the companies concerned. */
async function planContentWrites(results: readonly SourceResult[], options: FetchOptions, progress: Progress): Promise<WritePlan> {
  const drafts = results.flatMap((result) => result.drafts);
  // Items the rules now leave out matter only if fetch once wrote them: its ledger says so,
  // and only those companies' folders need reading for them.
  const unmatched = await keepWritten(options.contentDir, results.flatMap((result) => (result.unmatched ?? []).map((item) => ({ ...item, company: result.company }))));
  // Only companies with something new or newly left out are read from disk.
  const touched = [...new Set([...drafts.map((draft) => draft.company), ...unmatched.map((item) => item.company)])].sort();
  const existing = await readExistingContent(options.contentDir, touched);
  for (const warning of existing.warnings) progress.log(`warning: ${warning}`);
  for (const stale of findNoLongerMatching(existing.content.items, unmatched)) progress.log(`warning: ${formatNoLongerMatching(stale)}`);
  return planWrites(drafts, existing.content, options.now);
}

/** The unmatched items whose ids are in their company's ledger (written by an earlier fetch). */
async function keepWritten(contentDir: string, items: readonly UnmatchedOfCompany[]): Promise<UnmatchedOfCompany[]> {
  const ledgers = new Map<string, Set<string>>();
  for (const company of new Set(items.map((item) => item.company))) ledgers.set(company, new Set(await readLedger(contentDir, company)));
  return items.filter((item) => ledgers.get(item.company)!.has(item.id));
}

// ── Stages 5 and 6: apply the plan (or print it), record the next state ─────────────────

const NOTHING_WRITTEN: WriteOutcome = { filesWritten: 0, failed: false };

/** A dry run prints the plan instead of applying it. */
function printPlannedWrites(plan: WritePlan, progress: Progress): WriteOutcome {
  for (const line of formatPlannedWrites(plan)) progress.log(line);
  return NOTHING_WRITTEN;
}

async function applyContentWrites(plan: WritePlan, contentDir: string, progress: Progress): Promise<WriteOutcome> {
  const applied = await applyPlan(plan, contentDir);
  for (const error of applied.errors) progress.log(`write error: ${error}`);
  return { filesWritten: applied.created + applied.updated + applied.ledgers, failed: applied.errors.length > 0 };
}

/** Writes the state file when its text changed. A read-only or full disk ends as a reported error, not a crash of the whole run. */
async function recordFetchState(state: FetchState, previousText: string | null, contentDir: string, progress: Progress): Promise<WriteOutcome> {
  try {
    return { filesWritten: (await writeFetchStateFile(contentDir, state, previousText)) ? 1 : 0, failed: false };
  } catch (error) {
    progress.log(`write error: state/sources.json: ${error instanceof Error ? error.message : String(error)}`);
    return { filesWritten: 0, failed: true };
  }
}
