/**
 * `fetch --explain <url>`: reads the configured sources (no validators, no state), finds
 * the item with that link or canonical URL, and prints why fetch would keep or skip it.
 * Writes nothing. The reasons come from the core (`explainItem`); this file reads and prints.
 */
import { decodeFeedBytes } from '../../src/core/ingest/decode.ts';
import { explainItem, isItemAt, type ItemExplanation } from '../../src/core/ingest/explain.ts';
import { buildCompanyContext, type NormalizeContext } from '../../src/core/ingest/normalize.ts';
import { parseFeed } from '../../src/core/ingest/parse-feed.ts';
import type { DownloadOptions } from './download.ts';
import type { ProgressStream } from './progress.ts';
import { readCompanyFiles } from './read-company-files.ts';
import { locateSource, readSource } from './read-source.ts';
import { createRequestLimiter, GLOBAL_CONCURRENCY, PER_HOST_CONCURRENCY } from './request-limiter.ts';

/** What an explain run needs; the entry fills it from flags and env, tests directly. */
export type ExplainOptions = {
  /** The item's link or canonical URL. */
  url: string;
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Company slugs whose sources are searched; empty = all. */
  companies: readonly string[];
  /** As for fetch: items published before this would be skipped. */
  since?: Date;
  /** The clock reading. */
  now: Date;
  /** Full User-Agent header. */
  userAgent: string;
  /** Download tuning; tests shrink these. */
  download?: Omit<DownloadOptions, 'limiter' | 'userAgent'>;
  /** Where the explanation goes. */
  out: ProgressStream;
};

/** The run's result: 0 when the item was found, 1 when not, 2 for bad configuration. */
export type ExplainReport = { exitCode: number; explanations: ItemExplanation[] };

const quote = (text: string): string => `"${text}"`;
const list = (items: readonly string[]): string => (items.length === 0 ? '(none)' : items.map(quote).join(', '));

/** One explanation as indented lines for a person. */
export function formatExplanation(explanation: ItemExplanation): string[] {
  const { source, outcome, date, matching } = explanation;
  const lines = [
    `${explanation.company} ${source.url}${source.name ? ` (${source.name})` : ''}: ${source.channel}, ${source.voice} voice${source.allAboutCompany ? ', allAboutCompany' : ''}`,
    `  item: ${quote(explanation.title)}`,
    `  link: ${explanation.link ?? '(none)'}${explanation.canonicalUrl && explanation.canonicalUrl !== explanation.link ? ` (canonical ${explanation.canonicalUrl})` : ''}`,
    `  verdict: ${outcome.kept ? `kept as a ${outcome.kind}` : `skipped (${outcome.reason})${outcome.detail ? `: ${outcome.detail}` : ''}`}`,
    `  date: ${date.raw === undefined ? '(none)' : quote(date.raw)} → ${date.publishedAt}${date.dateFallback ? ` (fetch time: date ${date.dateFallback})` : ''}${date.since ? `; --since ${date.since}` : ''}`,
  ];
  if (!matching.applied) {
    lines.push(`  matching: not needed (${matching.why === 'company-voice' ? 'the source speaks for the company' : 'every item of the source is about the company, and there are no exclusion terms'})`);
    return lines;
  }
  lines.push(`  text read for matching: ${matching.fields.map((field) => `${field.label} (${field.chars} chars)`).join(', ')}`);
  lines.push(`  ignore phrases: ${list(matching.ignore)}; removed from this item: ${list(matching.ignored)}`);
  if (matching.assumeMatch) lines.push('  aliases: not needed (allAboutCompany)');
  for (const alias of matching.aliases) {
    const found = alias.found === undefined ? 'not found' : `found ${quote(alias.found)}`;
    const context = alias.context.length === 0 ? '' : `; context words required: ${list(alias.context)}${alias.found === undefined ? '' : `, found: ${list(alias.contextFound)}`}`;
    lines.push(`  alias ${quote(alias.alias)}${alias.caseSensitive ? ' (case-sensitive)' : ''}: ${found}${context}${alias.counts ? ' → counts' : ''}`);
  }
  if (matching.matched) {
    lines.push(`  matched: ${quote(matching.matched.term)} (alias ${quote(matching.matched.alias)}) in the ${matching.matched.field}`);
    lines.push(`  passage: ${quote(matching.matched.passage)}`);
  }
  lines.push(`  exclusion terms: ${list(matching.exclude)}${matching.excludedBy ? `; hit: ${quote(matching.excludedBy)}` : matching.matched || matching.assumeMatch ? '; none in this item' : '; not tested (no alias counted)'}`);
  return lines;
}

/** Finds the item in the configured sources and prints why it is kept or skipped. Never writes. */
export async function explainUrl(options: ExplainOptions): Promise<ExplainReport> {
  const print = (line: string) => void options.out.write(`${line}\n`);
  const { companies, problems } = await readCompanyFiles(options.contentDir, options.companies);
  if (problems.length > 0) {
    for (const problem of problems) print(`[explain] config error: ${problem.file}: ${problem.field}: ${problem.message}`);
    return { exitCode: 2, explanations: [] };
  }
  const download: DownloadOptions = {
    ...options.download,
    userAgent: options.userAgent,
    limiter: createRequestLimiter({ perHost: PER_HOST_CONCURRENCY, global: GLOBAL_CONCURRENCY }),
  };
  const tasks = companies.flatMap((company) => company.company.sources.map((source) => ({ company, source })));
  const failures: string[] = [];
  const found = await Promise.all(
    tasks.map(async ({ company, source }): Promise<ItemExplanation[]> => {
      const label = `${company.slug} ${source.url}`;
      const read = await readSource(locateSource(source.url, company.file), {}, download);
      if (read.kind !== 'fetched') {
        failures.push(`${label}: ${read.kind === 'failed' ? `${read.error.reason}: ${read.error.message}` : 'not modified'}`);
        return [];
      }
      const decoded = decodeFeedBytes(read.bytes, read.contentType);
      const parsed = decoded.ok ? await parseFeed(decoded.feed.text, read.finalUrl) : undefined;
      if (!decoded.ok || !parsed?.ok) {
        failures.push(`${label}: ${!decoded.ok ? decoded.error.message : parsed && !parsed.ok ? parsed.error.message : 'unreadable'}`);
        return [];
      }
      const context: NormalizeContext = {
        company: buildCompanyContext(company.slug, company.company),
        source,
        feedUrl: read.finalUrl,
        now: options.now,
        ...(options.since ? { since: options.since } : {}),
      };
      return parsed.feed.items.filter((item) => isItemAt(item, options.url, read.finalUrl)).map((item) => explainItem(item, context));
    }),
  );
  const explanations = found.flat();
  for (const explanation of explanations) for (const line of formatExplanation(explanation)) print(line);
  for (const failure of failures.sort()) print(`[explain] could not read ${failure}`);
  if (explanations.length === 0) {
    print(`[explain] ${options.url} is not an item of the ${tasks.length} configured source${tasks.length === 1 ? '' : 's'}${failures.length > 0 ? ` (${failures.length} could not be read)` : ''}`);
    return { exitCode: 1, explanations };
  }
  print('[explain] nothing written');
  return { exitCode: 0, explanations };
}
