/**
 * The fetch pipeline, stage by stage: read the company files and the fetch state, read
 * every source (politely, in parallel), decode → parse → normalize, plan the writes
 * against what is on disk, then apply the plan and record source health. One failing
 * source is reported, never fatal. `scripts/fetch.ts` builds the options from argv/env.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { NO_ANSWER_CHANNEL_WARNING, watchesAnswerChannel } from '../../src/core/watchblog.ts';
import { buildCompanyContext, type NormalizeContext } from '../../src/core/ingest/normalize.ts';
import type { UnmatchedItem } from '../../src/core/ingest/read-feed.ts';
import type { FeedError, ItemDraft } from '../../src/core/ingest/types.ts';
import type { Source } from '../../src/core/schemas.ts';
import { computeDigest } from '../../src/core/write/digest.ts';
import { computeNextHealth, type FetchState, type SourceHealth, type SourceOutcome, type Validators } from '../../src/core/write/fetch-state.ts';
import { planWrites, type ExistingItem, type WritePlan } from '../../src/core/write/plan-writes.ts';
import { applyPlan } from './apply-plan.ts';
import type { DownloadOptions, DownloadResult } from './download.ts';
import { chooseWorkerCount, createInlineFeedReader, createWorkerFeedReader, type FeedReader } from './feed-readers.ts';
import { createProgress, type Progress, type ProgressStream } from './progress.ts';
import { readCompanyFiles, type CompanyFile } from './read-company-files.ts';
import { mapLimited, readExistingContent, readLedger } from './read-existing.ts';
import { locateSource, readSource, type SourceLocation } from './read-source.ts';
import { createRequestLimiter, GLOBAL_CONCURRENCY, PER_HOST_CONCURRENCY } from './request-limiter.ts';
import { readFetchStateFile, writeFetchStateFile } from './state-store.ts';

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
  /** Worker threads that decode, parse and normalize bodies; 0 reads inline. Default: one per core, at most 4, for 8+ sources. */
  workers?: number;
  /**
   * Read every source in full even when it has not changed (no conditional GET, no "same
   * body" shortcut), so a new version of the parser or the matcher reaches files already
   * written. Default false.
   */
  refresh?: boolean;
};

/** What happened to one source. */
export type SourceRunStatus = 'ok' | 'not-modified' | 'failed';

/** The run's result, for the exit status and for tests. */
export type FetchReport = {
  exitCode: number;
  sources: { ok: number; notModified: number; failed: number; failures: { company: string; source: string; error: FeedError }[] };
  items: { new: number; updated: number; unchanged: number; skipped: Record<string, number> };
  /** Files written (items, ledgers, state); 0 on a dry run. */
  filesWritten: number;
  plan?: WritePlan;
};

/** Distinct parse warnings printed per source. */
const WARNINGS_SHOWN = 3;

type SourceTask = { company: CompanyFile; source: Source };

type SourceResult = {
  task: SourceTask;
  status: SourceRunStatus;
  outcome: SourceOutcome;
  drafts: ItemDraft[];
  skipped: Record<string, number>;
  /** Items the company's rules now leave out (see readFeedItems). */
  unmatched?: UnmatchedItem[];
  line: string;
};

function countInto(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** What the body was read with: a change of aliases or source settings re-reads unchanged bodies. */
function computeConfigDigest(task: SourceTask): string {
  const { company } = task.company;
  return computeDigest(JSON.stringify([company.name, company.aliases, company.exclude, company.ignore, company.official, task.source]));
}

function buildNormalizeContext(task: SourceTask, feedUrl: string, options: FetchOptions): NormalizeContext {
  const { company } = task.company;
  const context: NormalizeContext = {
    company: buildCompanyContext(task.company.slug, company),
    source: task.source,
    feedUrl,
    now: options.now,
  };
  if (options.since) context.since = options.since;
  return context;
}

/** A source's parse warnings for its progress line: each once, at most WARNINGS_SHOWN of them. */
function formatWarnings(warnings: readonly string[]): string {
  const unique = [...new Set(warnings)];
  if (unique.length === 0) return '';
  const more = unique.length > WARNINGS_SHOWN ? ` (+${unique.length - WARNINGS_SHOWN} more)` : '';
  return `; warning: ${unique.slice(0, WARNINGS_SHOWN).join('; ')}${more}`;
}

/**
 * Downloads of this run, by URL and the validators sent: companies that follow the same feed
 * (three companies in one news site's feed) share one request instead of a burst of
 * identical ones. A file source is read per company (no network cost).
 */
type SharedDownloads = Map<string, Promise<DownloadResult>>;

function readSourceOnce(location: SourceLocation, known: Validators, download: DownloadOptions, shared: SharedDownloads): Promise<DownloadResult> {
  if (location.kind !== 'http') return readSource(location, known, download);
  const key = `${location.url}\u0000${known.etag ?? ''}\u0000${known.lastModified ?? ''}`;
  let pending = shared.get(key);
  if (!pending) shared.set(key, (pending = readSource(location, known, download)));
  return pending;
}

async function processSource(task: SourceTask, previous: SourceHealth | undefined, options: FetchOptions, download: DownloadOptions, reader: FeedReader, shared: SharedDownloads): Promise<SourceResult> {
  const label = `${task.company.slug} ${task.source.url}`;
  const configDigest = computeConfigDigest(task);
  const failed = (error: FeedError, status?: number): SourceResult => ({
    task,
    status: 'failed',
    outcome: status === undefined ? { kind: 'failed', error } : { kind: 'failed', status, error },
    drafts: [],
    skipped: {},
    line: `${label}: failed (${error.reason}) ${error.message}`,
  });
  // Validators are only worth sending when the body would be read with the same settings,
  // and once the feed's title is on record (state written before titles were kept reads
  // each source in full once).
  const reuse = options.refresh ? undefined : previous;
  const known = reuse && reuse.configDigest === configDigest && reuse.feedTitle !== undefined ? { ...(reuse.etag ? { etag: reuse.etag } : {}), ...(reuse.lastModified ? { lastModified: reuse.lastModified } : {}) } : {};
  const location = locateSource(task.source.url, task.company.file);
  const result = await readSourceOnce(location, known, download, shared);
  if (result.kind === 'failed') return failed(result.error, result.status);
  if (result.kind === 'not-modified') {
    return { task, status: 'not-modified', outcome: { kind: 'not-modified', status: 304, validators: result.validators }, drafts: [], skipped: {}, line: `${label}: not modified (304)` };
  }
  const bodyDigest = computeDigest(result.bytes);
  const fetched = { kind: 'fetched' as const, ...(location.kind === 'http' ? { status: result.status } : {}), validators: result.validators, bodyDigest, configDigest };
  if (reuse && previous && previous.bodyDigest === bodyDigest && previous.configDigest === configDigest && previous.consecutiveFailures === 0 && previous.feedTitle !== undefined) {
    return {
      task,
      status: 'not-modified',
      outcome: { ...fetched, itemsSeen: previous.itemsSeen, itemsNew: previous.itemsLastRun },
      drafts: [],
      skipped: {},
      line: `${label}: not modified (same body)`,
    };
  }
  const read = await reader.read(result.bytes, result.contentType, result.finalUrl, buildNormalizeContext(task, result.finalUrl, options));
  if (!read.ok) return failed(read.error, result.status);
  return {
    task,
    status: 'ok',
    outcome: { ...fetched, itemsSeen: read.itemsSeen, itemsNew: 0, feedTitle: read.feedTitle },
    drafts: read.drafts,
    skipped: read.skipped,
    unmatched: read.unmatched,
    line: `${label}: ok${location.kind === 'http' ? ` ${result.status}` : ''}, ${read.itemsSeen} items${formatWarnings(read.warnings)}`,
  };
}

function printPlan(plan: WritePlan, progress: Progress): void {
  for (const write of plan.writes) {
    progress.log(write.action === 'create' ? `would create ${write.path}` : `would update ${write.path} (${[...write.changedFields, ...(write.bodyChanged && !write.changedFields.includes('excerptDigest') ? ['body'] : [])].join(', ')})`);
  }
  for (const ledger of plan.ledgers) progress.log(`would update ${ledger.path} (+${ledger.added} ids)`);
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
}

/** True when `<content>/<kind>/<slug>/` holds a Markdown file (answers a maintainer added by hand count as a channel). */
async function hasItemFiles(contentDir: string, kind: 'responses', slug: string): Promise<boolean> {
  try {
    return (await readdir(path.join(contentDir, kind, slug))).some((name) => name.endsWith('.md'));
  } catch {
    return false;
  }
}

/** The unmatched items whose ids are in their company's ledger (written by an earlier fetch). */
async function keepWritten<T extends { company: string; id: string }>(contentDir: string, items: readonly T[]): Promise<T[]> {
  const ledgers = new Map<string, Set<string>>();
  for (const company of new Set(items.map((item) => item.company))) ledgers.set(company, new Set(await readLedger(contentDir, company)));
  return items.filter((item) => ledgers.get(item.company)!.has(item.id));
}

/**
 * The visible item files on disk that the company's rules now leave out (a maintainer
 * tightened `ignore` or `exclude`): fetch keeps them, and says so, once per file.
 */
function findNoLongerMatching(items: readonly ExistingItem[], unmatched: readonly (UnmatchedItem & { company: string })[]): (UnmatchedItem & { path: string })[] {
  const byKey = new Map(unmatched.map((item) => [`${item.company}\u0000${item.id}`, item]));
  const found = new Map<string, UnmatchedItem & { path: string }>();
  for (const file of items) {
    if (file.data.hidden === true || !file.path.startsWith('mentions/')) continue;
    const item = byKey.get(`${String(file.data.company)}\u0000${String(file.data.id)}`);
    if (item && !found.has(file.path)) found.set(file.path, { ...item, path: file.path });
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Runs one fetch. Never throws for a bad source; config problems give exit code 2. */
export async function runFetch(options: FetchOptions): Promise<FetchReport> {
  const report: FetchReport = {
    exitCode: 0,
    sources: { ok: 0, notModified: 0, failed: 0, failures: [] },
    items: { new: 0, updated: 0, unchanged: 0, skipped: {} },
    filesWritten: 0,
  };
  const problemOut = createProgress({ write: (text) => options.out.write(text) }, 0);

  // 1. Configuration: company files and the state file.
  const { companies, problems } = await readCompanyFiles(options.contentDir, options.companies);
  const stored = await readFetchStateFile(options.contentDir);
  if (!stored.ok) problems.push({ file: stored.file, field: '(state)', message: `${stored.message}; fix it or delete the file to start afresh` });
  if (problems.length > 0) {
    for (const problem of problems) problemOut.log(`config error: ${problem.file}: ${problem.field}: ${problem.message}`);
    return { ...report, exitCode: 2 };
  }
  const state: FetchState = stored.ok ? stored.state : { version: 1, sources: {} };

  // 2. Read every source (each company's sources once, in file order).
  const tasks: SourceTask[] = [];
  for (const company of companies) {
    if (!watchesAnswerChannel(company.company, []) && !(await hasItemFiles(options.contentDir, 'responses', company.slug))) problemOut.log(`warning: ${company.file}: ${NO_ANSWER_CHANNEL_WARNING}`);
    const seen = new Set<string>();
    for (const source of company.company.sources) {
      if (seen.has(source.url)) {
        problemOut.log(`warning: ${company.file}: source ${source.url} is listed twice; reading it once`);
        continue;
      }
      seen.add(source.url);
      tasks.push({ company, source });
    }
  }
  const progress = createProgress(options.out, tasks.length);
  const concurrency = Math.max(1, options.concurrency ?? GLOBAL_CONCURRENCY);
  const download: DownloadOptions = {
    ...options.download,
    userAgent: options.userAgent,
    limiter: createRequestLimiter({ perHost: options.perHost ?? PER_HOST_CONCURRENCY, global: concurrency }),
  };
  // Every source starts at once; the limiter decides who is on the wire (global and per
  // host), so sources of one busy host never hold up the other hosts' slots.
  const workers = options.workers ?? chooseWorkerCount(tasks.length);
  const reader = workers > 0 ? createWorkerFeedReader(workers) : createInlineFeedReader();
  const shared: SharedDownloads = new Map();
  const results = await Promise.all(tasks.map(async (task) => {
    const result = await processSource(task, state.sources[task.company.slug]?.[task.source.url], options, download, reader, shared);
    progress.sourceDone(result.line, result.status === 'failed');
    return result;
  })).finally(() => reader.close());

  // 3. Plan the writes against what is on disk (only companies with something new are read).
  const drafts = results.flatMap((result) => result.drafts);
  // Items the rules now leave out matter only if fetch once wrote them: its ledger says so,
  // and only those companies' folders need reading for them.
  const unmatched = await keepWritten(options.contentDir, results.flatMap((result) => (result.unmatched ?? []).map((item) => ({ ...item, company: result.task.company.slug }))));
  const touched = [...new Set([...drafts.map((draft) => draft.company), ...unmatched.map((item) => item.company)])].sort();
  const existing = await readExistingContent(options.contentDir, touched);
  for (const warning of existing.warnings) progress.log(`warning: ${warning}`);
  for (const stale of findNoLongerMatching(existing.content.items, unmatched)) {
    progress.log(`warning: ${stale.path}: no longer about the company by its rules (${stale.reason}${stale.detail ? `: ${stale.detail}` : ''}); fetch never deletes: set hidden: true or delete the file`);
  }
  const plan = planWrites(drafts, existing.content);
  report.plan = plan;

  // 4. Source health.
  const sourceOf = new Map(drafts.map((draft) => [`${draft.company}\u0000${draft.id}`, draft.source]));
  const created = new Map<string, number>();
  for (const write of plan.writes) {
    if (write.action !== 'create') continue;
    const key = `${write.company}\u0000${sourceOf.get(`${write.company}\u0000${write.id}`) ?? ''}`;
    created.set(key, (created.get(key) ?? 0) + 1);
  }
  const nextState: FetchState = { version: 1, sources: { ...state.sources } };
  for (const company of companies) nextState.sources[company.slug] = {};
  for (const result of results) {
    const { slug } = result.task.company;
    const { url } = result.task.source;
    const outcome = result.outcome.kind === 'fetched' && result.status === 'ok' ? { ...result.outcome, itemsNew: created.get(`${slug}\u0000${url}`) ?? 0 } : result.outcome;
    nextState.sources[slug]![url] = computeNextHealth(state.sources[slug]?.[url], outcome, options.now);
    if (result.status === 'ok') report.sources.ok += 1;
    else if (result.status === 'not-modified') report.sources.notModified += 1;
    else if (result.outcome.kind === 'failed') {
      report.sources.failed += 1;
      report.sources.failures.push({ company: slug, source: url, error: result.outcome.error });
    }
    for (const [reason, count] of Object.entries(result.skipped)) countInto(report.items.skipped, reason, count);
  }
  for (const company of companies) if (Object.keys(nextState.sources[company.slug]!).length === 0) delete nextState.sources[company.slug];
  for (const keep of plan.keeps) {
    if (keep.reason === 'unchanged') report.items.unchanged += 1;
    else countInto(report.items.skipped, keep.reason);
  }
  report.items.new = plan.writes.filter((write) => write.action === 'create').length;
  report.items.updated = plan.writes.length - report.items.new;

  // 5. Apply (or print) the plan, then the state.
  if (options.dryRun) {
    printPlan(plan, progress);
  } else {
    const applied = await applyPlan(plan, options.contentDir);
    for (const error of applied.errors) progress.log(`write error: ${error}`);
    report.filesWritten = applied.created + applied.updated + applied.ledgers;
    if (applied.errors.length > 0) report.exitCode = 1;
    // A read-only or full disk must end as a reported error, not a crash of the whole run.
    try {
      if (await writeFetchStateFile(options.contentDir, nextState, stored.ok ? stored.text : null)) report.filesWritten += 1;
    } catch (error) {
      progress.log(`write error: state/sources.json: ${error instanceof Error ? error.message : String(error)}`);
      report.exitCode = 1;
    }
  }

  // 6. Summary.
  progress.finish();
  const { sources, items } = report;
  problemOut.log(`sources: ${sources.ok} ok, ${sources.notModified} not modified, ${sources.failed} failed`);
  for (const failure of sources.failures) problemOut.log(`  failed ${failure.company} ${failure.source}: ${failure.error.reason}: ${failure.error.message}`);
  const skippedTotal = Object.values(items.skipped).reduce((sum, count) => sum + count, 0);
  problemOut.log(`items: ${items.new} new, ${items.updated} updated, ${items.unchanged} unchanged, ${skippedTotal} skipped${skippedTotal > 0 ? ` (${formatCounts(items.skipped)})` : ''}`);
  problemOut.log(options.dryRun ? 'dry run: nothing written' : `${report.filesWritten} files written`);
  if (tasks.length > 0 && sources.failed === tasks.length) {
    problemOut.log('every source failed');
    report.exitCode = 1;
  }
  return report;
}
