/**
 * `npm run new-company -- "Acme Broadband" --site https://acme.example` — starts watching a
 * company: writes `content/companies/<slug>.md` with aliases derived from the name, the
 * company's own feeds found on its site (its voice) and public searches from presets.
 * Asks on a terminal; takes flags in CI. Never overwrites a company file.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { sniffFeedFormat } from '../src/core/ingest/parse-feed.ts';
import { buildCompanyFile, DEFAULT_PUBLIC_PRESETS, namePresetEntry } from '../src/core/new-company/company-file.ts';
import { deriveAliases, slugifyCompanyName } from '../src/core/new-company/derive-aliases.ts';
import { candidateFeedUrls, findAlternateFeeds } from '../src/core/new-company/discover-feeds.ts';
import { findPreset } from '../src/core/presets/index.ts';
import { CompanySchema, expandSourceEntry, SourceEntrySchema, type Alias } from '../src/core/schemas.ts';
import { serializeContentFile } from '../src/core/write/front-matter.ts';
import { defineCli, exitWithUsageError, parseCliCommand, resolveContentOption } from './cli-args.ts';
import { downloadFeed } from './stages/download.ts';
import { createRequestLimiter } from './stages/request-limiter.ts';

/** How long one probe of a site or feed may take: a guess that does not answer fast is skipped. */
const PROBE_TIMEOUT_MS = 5_000;
/** How many bytes of a probed page are read. */
const PROBE_MAX_BYTES = 2 * 1024 * 1024;
const USER_AGENT = 'Watchblog/0.1 (new-company)';

const CLI = defineCli({
  command: 'npm run new-company --',
  tag: 'new-company',
  summary: "Starts watching a company: writes content/companies/<slug>.md with aliases from its name, its own feeds found on its site (its voice) and public searches (presets). Asks on a terminal; in CI or with --yes it uses the flags and its suggestions.",
  positional: { name: 'name', description: 'the company\'s name, quoted, e.g. "Acme Broadband"' },
  options: {
    site: { type: 'string', value: '<url>', description: "the company's website, searched for its feeds (home page alternate links, /feed, /rss.xml, status page history…)" },
    alias: { type: 'string', value: '<text>', multiple: true, description: 'an alias, instead of the ones derived from the name' },
    context: { type: 'string', value: '<word>', multiple: true, description: 'a word that shows an item is about this company (what it sells), for ambiguous aliases' },
    preset: { type: 'string', value: '<name>', multiple: true, description: `a public search preset given the name as query (default: ${DEFAULT_PUBLIC_PRESETS.join(', ')}; "none" for none)` },
    offline: { type: 'boolean', default: false, description: 'do not check that the preset feeds answer (the site is still read)' },
    yes: { type: 'boolean', short: 'y', default: false, description: 'accept every suggestion without asking' },
    'dry-run': { type: 'boolean', default: false, description: 'print the file instead of writing it' },
    content: { type: 'string', value: '<dir>', description: 'the content folder (default $WATCHBLOG_CONTENT, else ./content)' },
  },
  env: { WATCHBLOG_CONTENT: 'the content folder when --content is not given', CI: 'when set, never ask (as --yes)' },
  exitCodes: { 0: 'written (or printed with --dry-run); unreachable sites and presets are reported, not fatal', 1: 'the company file already exists, or the result does not fit the content model', 2: 'bad options or no name' },
});

const { values, positionals } = parseCliCommand(CLI);
// Repeatable options are absent, not [], when not given.
const aliasFlags = values.alias ?? [];
const contextFlags = values.context ?? [];
const presetFlags = values.preset ?? [];
const name = (positionals[0] ?? '').trim();
if (name === '') exitWithUsageError(CLI, 'expected the company\'s name, e.g. npm run new-company -- "Acme Broadband" --site https://acme.example');
const say = (text: string) => process.stderr.write(`[new-company] ${text}\n`);
const contentDir = resolveContentOption(values.content);
const slug = slugifyCompanyName(name);
if (slug === '') exitWithUsageError(CLI, `cannot make a file name from "${name}": use letters or digits`);
const file = path.join(contentDir, 'companies', `${slug}.md`);
const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY) && !values.yes && !process.env.CI;
const prompt = interactive ? createInterface({ input: process.stdin, output: process.stderr }) : undefined;

/** Asks a question on the terminal; the default when not interactive or answered with Enter. */
async function ask(question: string, fallback: string): Promise<string> {
  if (!prompt) return fallback;
  const answer = (await prompt.question(`${question} [${fallback}] `)).trim();
  return answer === '' ? fallback : answer;
}
const askYes = async (question: string) => /^y/i.test(await ask(`${question} (y/n)`, 'y'));

const limiter = createRequestLimiter({ perHost: 2, global: 8 });
/** One GET with a short timeout and no retry: the body and type, or why it failed. */
async function probe(url: string): Promise<{ ok: true; text: string; contentType?: string } | { ok: false; reason: string }> {
  const result = await downloadFeed(url, {}, { userAgent: USER_AGENT, limiter, timeoutMs: PROBE_TIMEOUT_MS, maxBytes: PROBE_MAX_BYTES, retries: 0 });
  if (result.kind !== 'fetched') return { ok: false, reason: result.kind === 'failed' ? result.error.message : 'not modified' };
  return { ok: true, text: new TextDecoder().decode(result.bytes), ...(result.contentType ? { contentType: result.contentType } : {}) };
}
const isFeed = (text: string) => sniffFeedFormat(text).kind !== 'error';

/** The company's own feeds: those its home page announces, else the common paths that answer with a feed. */
async function findOwnFeeds(site: string): Promise<{ url: string; title?: string }[]> {
  const home = await probe(site);
  if (!home.ok) {
    say(`could not reach the site ${site} (${home.reason}): no feeds of its own added; add them by hand as sources with voice: company`);
    return [];
  }
  const announced = findAlternateFeeds(home.text, site);
  if (announced.length > 0) say(`${site} announces ${announced.length} feed(s): ${announced.map((feed) => feed.url).join(', ')}`);
  const candidates = candidateFeedUrls(site).filter((url) => !announced.some((feed) => feed.url === url));
  const probed = await Promise.all(candidates.map(async (url) => ({ url, result: await probe(url) })));
  const found = probed.filter(({ result }) => result.ok && isFeed(result.text)).map(({ url }) => ({ url }));
  // A guess on the site that fails is just not there; another host (the status page) that fails is said once.
  const failedHosts = new Set<string>();
  for (const { url, result } of probed) {
    const host = new URL(url).host;
    if (result.ok || host === new URL(site).host || /HTTP 404/.test(result.reason) || failedHosts.has(host)) continue;
    failedHosts.add(host);
    say(`could not reach ${url}: ${result.reason}`);
  }
  if (found.length > 0) say(`found feed(s) at ${found.map((feed) => feed.url).join(', ')}`);
  if (announced.length === 0 && found.length === 0) say(`no feed found on ${site} (looked for alternate links and ${candidates.length} common paths)`);
  return [...announced, ...found];
}

// Refuse before asking anything: the file is the maintainer's once written.
const exists = await access(file).then(() => true, () => false);
if (exists) {
  say(`${path.relative(process.cwd(), file) || file} already exists: not overwriting it (edit it, or delete it first)`);
  process.exit(1);
}

const siteAnswer = values.site ?? (await ask('Company website (Enter to skip)', ''));
let site: string | undefined;
if (siteAnswer.trim() !== '') {
  try {
    site = new URL(/^https?:\/\//i.test(siteAnswer.trim()) ? siteAnswer.trim() : `https://${siteAnswer.trim()}`).href;
  } catch {
    exitWithUsageError(CLI, `--site: expected a web address such as https://acme.example, got "${siteAnswer}"`);
  }
}

const derived = deriveAliases(name, contextFlags);
let aliases: Alias[] = aliasFlags.length > 0 ? aliasFlags : derived.aliases;
if (aliasFlags.length === 0) for (const warning of derived.warnings) say(`note: ${warning}`);
const aliasText = (alias: Alias) => (typeof alias === 'string' ? alias : `${alias.text} (case-sensitive${alias.context.length > 0 ? `, with ${alias.context.join('/')}` : ''})`);
if (prompt) {
  say(`aliases: ${aliases.map(aliasText).join('; ')}`);
  const typed = await ask('Aliases, comma-separated (Enter keeps these)', 'keep');
  if (typed !== 'keep') aliases = typed.split(',').map((alias) => alias.trim()).filter((alias) => alias !== '');
}

const ownFeeds = [];
for (const feed of site ? await findOwnFeeds(site) : []) {
  if (await askYes(`Read ${feed.url} as the company's own voice?`)) ownFeeds.push(feed);
}

const presetNames = presetFlags.length > 0 ? presetFlags : (await ask('Public searches (presets), comma-separated', DEFAULT_PUBLIC_PRESETS.join(','))).split(',').map((preset) => preset.trim());
const presets: Record<string, unknown>[] = [];
for (const presetName of presetNames.filter((preset) => preset !== '' && preset !== 'none')) {
  const preset = findPreset(presetName);
  const entry = namePresetEntry(presetName, name);
  const parsed = preset ? SourceEntrySchema.safeParse(entry) : undefined;
  if (!parsed?.success) {
    say(`skipped preset "${presetName}": only presets that search for the name can be added here (${DEFAULT_PUBLIC_PRESETS.join(', ')}, reddit-search…); add others by hand, see docs/presets.md`);
    continue;
  }
  if (!values.offline) {
    for (const source of expandSourceEntry(parsed.data)) {
      const answer = await probe(source.url);
      if (!answer.ok) say(`could not reach ${presetName} (${source.url}): ${answer.reason}; kept in the file, fetch will try again`);
    }
  }
  presets.push(entry);
}

const { data, body } = buildCompanyFile({ name, aliases, ...(site ? { site } : {}), ownFeeds, presets });
const checked = CompanySchema.safeParse(data);
if (!checked.success) {
  for (const issue of checked.error.issues) say(`${issue.path.join('.') || '(front matter)'}: ${issue.message}`);
  process.exit(1);
}
const text = serializeContentFile(data, body);
prompt?.close();
if (values['dry-run']) {
  process.stdout.write(text);
  say(`dry run: ${path.relative(process.cwd(), file) || file} not written`);
} else {
  await mkdir(path.dirname(file), { recursive: true });
  try {
    // 'wx': fails if the file appeared meanwhile, so a company file is never overwritten.
    await writeFile(file, text, { flag: 'wx' });
  } catch (error) {
    say(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  say(`wrote ${path.relative(process.cwd(), file) || file}: ${aliases.length} alias(es), ${ownFeeds.length} feed(s) of its own, ${presets.length} preset(s)`);
  say(`next: npm run sources -- --company ${slug}   then   npm run fetch -- --company ${slug}`);
}
