/**
 * `npm run fetch -- [--company <slug>]... [--dry-run] [--since <date>] [--concurrency <n>]
 *                   [--content <dir>] [--contact <email or url>] [--explain <item url>]`
 *
 * Pulls every company's sources into `content/` (or $WATCHBLOG_CONTENT). The only file that
 * reads argv and env; the stages live in scripts/stages/run-fetch.ts:
 *   read company files + state → read sources → decode → parse → normalize
 *   → plan writes against what is on disk → apply atomically → record source health.
 * `--explain <url>` reads the sources, finds the item with that link and prints why fetch
 * keeps or skips it (scripts/stages/explain-item.ts); it writes nothing, and exits 1 when
 * no source has the item.
 * Exit status: 0 normally (a failing source is reported, not fatal), 2 for bad
 * configuration, 1 when every source failed or a write failed.
 */
import { defineCli, exitWithUsageError, parseCliArgs, resolveContentOption } from './cli-args.ts';
import { explainUrl } from './stages/explain-item.ts';
import { GLOBAL_CONCURRENCY } from './stages/request-limiter.ts';
import { runFetch } from './stages/run-fetch.ts';

/** The product token of our User-Agent. */
const USER_AGENT_PRODUCT = 'Watchblog/0.1';

const CLI = defineCli({
  command: 'npm run fetch --',
  tag: 'fetch',
  summary: "Pulls every company's sources into the content folder: new and changed items become Markdown files, and each source's health goes to state/sources.json.",
  options: {
    company: { type: 'string', multiple: true, default: [], value: '<slug>', description: 'fetch only this company (default: all)' },
    'dry-run': { type: 'boolean', default: false, description: 'print the planned writes; write nothing, not even state' },
    refresh: { type: 'boolean', default: false, description: 'read every source in full even if unchanged, so a newer Watchblog rewrites what it reads differently (machine fields only; your edits stay)' },
    since: { type: 'string', value: '<date>', description: 'skip items published before this date, e.g. 2026-03-01 or 2026-03-01T09:30:00Z' },
    concurrency: { type: 'string', value: '<n>', description: `sources read and requests in flight at once, 1-256 (default ${GLOBAL_CONCURRENCY})` },
    content: { type: 'string', value: '<dir>', description: 'the content folder (default $WATCHBLOG_CONTENT, else ./content)' },
    contact: { type: 'string', value: '<email or url>', description: 'how feed owners can reach you, sent in the User-Agent (default $WATCHBLOG_CONTACT)' },
    explain: { type: 'string', value: '<item url>', description: 'say why the item at this URL is kept or skipped (the alias and passage that matched, ignore and exclude terms, its date); writes nothing' },
  },
  env: {
    WATCHBLOG_CONTENT: 'the content folder when --content is not given',
    WATCHBLOG_CONTACT: 'the User-Agent contact when --contact is not given',
  },
  exitCodes: {
    0: 'done (a failing source is reported, not fatal); also after --help',
    1: 'every source failed, or a write failed',
    2: 'bad options or bad configuration (company files, state file)',
  },
});

function usageError(message: string): never {
  return exitWithUsageError(CLI, message);
}

async function main(): Promise<void> {
  const values = parseCliArgs(CLI);
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime())) usageError(`--since: expected a date such as 2026-03-01 or 2026-03-01T09:30:00Z; got "${values.since}"`);
  const concurrency = values.concurrency === undefined ? GLOBAL_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) usageError(`--concurrency: expected a whole number from 1 to 256; got "${values.concurrency}"`);

  const contentDir = resolveContentOption(values.content);
  const contact = (values.contact ?? process.env.WATCHBLOG_CONTACT ?? '').trim();
  if (contact === '') {
    process.stderr.write('[fetch] warning: no contact for the User-Agent; set WATCHBLOG_CONTACT (or --contact) to an email or URL so feed owners can reach you\n');
  }
  const userAgent = contact === '' ? USER_AGENT_PRODUCT : `${USER_AGENT_PRODUCT} (+${contact})`;

  if (values.explain !== undefined) {
    if (values.explain.trim() === '') usageError('--explain: expected the URL of an item, e.g. https://news.example/story');
    const explained = await explainUrl({ url: values.explain, contentDir, companies: values.company, ...(since ? { since } : {}), now: new Date(), userAgent, out: process.stdout });
    process.exitCode = explained.exitCode;
    return;
  }

  const report = await runFetch({
    contentDir,
    companies: values.company,
    dryRun: values['dry-run'],
    refresh: values.refresh,
    ...(since ? { since } : {}),
    concurrency,
    now: new Date(),
    userAgent,
    out: process.stdout,
  });
  process.exitCode = report.exitCode;
}

await main();
