/**
 * What a fetch run reports: the counts behind its exit status, and the lines it prints for
 * them (the summary, and the plan of a dry run). Pure.
 */
import type { FeedError } from '../ingest/types.ts';
import type { WritePlan } from '../write/plan-writes.ts';
import type { SourceResult } from './source-results.ts';

/** The run's result, for the exit status and for tests. */
export type FetchReport = {
  /** 0 normally, 1 when every source failed or a write failed, 2 for bad configuration. */
  exitCode: number;
  sources: { ok: number; notModified: number; failed: number; failures: { company: string; source: string; error: FeedError }[] };
  /** Drafts that became new files, updated files, files left as they were, and skips by reason. */
  items: { new: number; updated: number; unchanged: number; skipped: Record<string, number> };
  /** Files written (items, ledgers, state); 0 on a dry run. */
  filesWritten: number;
  plan?: WritePlan;
};

/** The report of a run that stopped before reading any source (exit code 2: bad configuration). */
export function buildConfigErrorReport(): FetchReport {
  return { exitCode: 2, sources: { ok: 0, notModified: 0, failed: 0, failures: [] }, items: { new: 0, updated: 0, unchanged: 0, skipped: {} }, filesWritten: 0 };
}

function countInto(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/** Files written by a stage of the run, and whether a write failed (then the run exits 1). */
export type WriteOutcome = { filesWritten: number; failed: boolean };

/**
 * The report of a run that read its sources: how they ended, what became of their items,
 * the plan, the files written, and the exit code (1 when a write failed or every source
 * failed, else 0).
 */
export function buildFetchReport(results: readonly SourceResult[], plan: WritePlan, written: { filesWritten: number; writeFailed: boolean }): FetchReport {
  const sources = countSources(results);
  return {
    exitCode: written.writeFailed || isEverySourceFailed(sources) ? 1 : 0,
    sources,
    items: countItems(results, plan),
    filesWritten: written.filesWritten,
    plan,
  };
}

/** How the sources ended, in result order for the failures. */
function countSources(results: readonly SourceResult[]): FetchReport['sources'] {
  const sources: FetchReport['sources'] = { ok: 0, notModified: 0, failed: 0, failures: [] };
  for (const result of results) {
    if (result.status === 'ok') sources.ok += 1;
    else if (result.status === 'not-modified') sources.notModified += 1;
    else if (result.outcome.kind === 'failed') {
      sources.failed += 1;
      sources.failures.push({ company: result.company, source: result.url, error: result.outcome.error });
    }
  }
  return sources;
}

/** What became of the items: the plan's creates and updates, and every skip (normalizing's, then the plan's keeps other than "unchanged"). */
function countItems(results: readonly SourceResult[], plan: WritePlan): FetchReport['items'] {
  const skipped: Record<string, number> = {};
  for (const result of results) for (const [reason, count] of Object.entries(result.skipped)) countInto(skipped, reason, count);
  let unchanged = 0;
  for (const keep of plan.keeps) {
    if (keep.reason === 'unchanged') unchanged += 1;
    else countInto(skipped, keep.reason);
  }
  const created = plan.writes.filter((write) => write.action === 'create').length;
  return { new: created, updated: plan.writes.length - created, unchanged, skipped };
}

/** True when there were sources and none of them could be read: the run failed (exit code 1). */
export function isEverySourceFailed(sources: FetchReport['sources']): boolean {
  return sources.failed > 0 && sources.ok === 0 && sources.notModified === 0;
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
}

/** The closing lines of a run: sources, each failure, items, files written, and "every source failed" when so. */
export function formatFetchSummary(report: FetchReport, dryRun: boolean): string[] {
  const { sources, items } = report;
  const skippedTotal = Object.values(items.skipped).reduce((sum, count) => sum + count, 0);
  return [
    `sources: ${sources.ok} ok, ${sources.notModified} not modified, ${sources.failed} failed`,
    ...sources.failures.map((failure) => `  failed ${failure.company} ${failure.source}: ${failure.error.reason}: ${failure.error.message}`),
    `items: ${items.new} new, ${items.updated} updated, ${items.unchanged} unchanged, ${skippedTotal} skipped${skippedTotal > 0 ? ` (${formatCounts(items.skipped)})` : ''}`,
    dryRun ? 'dry run: nothing written' : `${report.filesWritten} files written`,
    ...(isEverySourceFailed(sources) ? ['every source failed'] : []),
  ];
}

/** A dry run's plan: one line per file it would write, naming what would change. */
export function formatPlannedWrites(plan: WritePlan): string[] {
  return [
    ...plan.writes.map((write) =>
      write.action === 'create' ? `would create ${write.path}` : `would update ${write.path} (${[...write.changedFields, ...(write.bodyChanged && !write.changedFields.includes('excerptDigest') ? ['body'] : [])].join(', ')})`,
    ),
    ...plan.ledgers.map((ledger) => `would update ${ledger.path} (+${ledger.added} ids)`),
  ];
}
