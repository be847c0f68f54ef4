/**
 * Process faults: the real `npm run fetch` (scripts/fetch.ts, as one Node process so the
 * signal reaches it) runs against a loopback server with a few hundred items and is killed
 * with SIGKILL at seeded random moments. The feed changes every round (new titles, a few new
 * items), so every run both updates and creates files: the riskiest moment for a file that
 * already exists. After each kill the content folder is checked; at the end one full run
 * must leave the same content as a clean run in a fresh folder.
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { MentionSchema } from '../../src/core/schemas.ts';
import { parseContentFile } from '../../src/core/write/front-matter.ts';
import { PROJECT_ROOT } from './build-site.ts';
import { startFeedServer } from './feed-server.ts';
import { createContentDir, snapshotTree } from './hostile-site.ts';
import { createRandom } from '../demo/random.ts';

/** What one kill round found. */
export type KillRound = { round: number; killAtMs: number; exitedBeforeKill: boolean; problems: string[] };

/** What the whole scenario found. */
export type SigkillResult = { rounds: KillRound[]; filesLost: number; unreadableFiles: number; strayTempFiles: number; finalMatchesClean: boolean; finalProblems: string[]; cleanRunMs: number };

const SOURCES = 3;

/** RSS for source `s` in round `version`: `base + version * grow` items whose titles carry the version. */
function buildFeed(source: number, version: number, base: number, grow: number): string {
  const count = base + version * grow;
  const items = Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(2026, 9, 1) + (i * SOURCES + source) * 3_600_000).toUTCString();
    return `<item><title>Acme issue ${source}-${i} (revision ${version})</title><link>https://kill${source}.example/t/${i}</link><guid>https://kill${source}.example/t/${i}</guid><pubDate>${date}</pubDate><description>Acme did not answer ticket ${i}, revision ${version}. ${'Details. '.repeat(20)}</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Source ${source}</title>${items.join('')}</channel></rss>`;
}

/** Runs scripts/fetch.ts on `contentDir`; kills it with SIGKILL after `killAtMs` (never, when undefined). */
function runFetchProcess(contentDir: string, killAtMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'scripts/fetch.ts'), '--content', contentDir], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, WATCHBLOG_CONTACT: 'hardening@example.org', CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const timer = killAtMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAtMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started, output });
    });
  });
}

/** Problems with the content folder: unreadable item files, lost or damaged files that were there before. */
async function checkContent(contentDir: string, before: Map<string, { size: number; sha256: string }>): Promise<{ problems: string[]; lost: number; unreadable: number; after: Map<string, { size: number; sha256: string }> }> {
  const after = await snapshotTree(contentDir);
  const problems: string[] = [];
  let lost = 0;
  let unreadable = 0;
  for (const file of before.keys()) {
    if (!after.has(file)) {
      lost += 1;
      problems.push(`lost: ${file}`);
    }
  }
  for (const file of after.keys()) {
    if (!file.endsWith('.md')) continue;
    const parsed = parseContentFile(await readFile(path.join(contentDir, file), 'utf8'));
    const ok = file.startsWith('companies/') ? parsed.ok : parsed.ok && MentionSchema.safeParse(parsed.file.data).success;
    if (!ok) {
      unreadable += 1;
      problems.push(`unreadable: ${file}`);
    }
  }
  const state = after.has('state/sources.json') ? await readFile(path.join(contentDir, 'state/sources.json'), 'utf8') : '{}';
  try {
    JSON.parse(state);
  } catch {
    unreadable += 1;
    problems.push('unreadable: state/sources.json');
  }
  return { problems, lost, unreadable, after };
}

/** Item files as data without the per-run fetch time, for comparing two folders. */
async function readComparable(contentDir: string): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const file of (await snapshotTree(contentDir)).keys()) {
    if (file.startsWith('state/sources.json') || file.endsWith('.tmp')) continue;
    const text = await readFile(path.join(contentDir, file), 'utf8');
    if (!file.endsWith('.md')) {
      out.set(file, text);
      continue;
    }
    const parsed = parseContentFile(text);
    if (!parsed.ok) {
      out.set(file, `unreadable: ${parsed.message}`);
      continue;
    }
    const { fetchedAt: _fetchedAt, ...data } = parsed.file.data;
    out.set(file, { data, body: parsed.file.body });
  }
  return out;
}

/**
 * The scenario: `kills` rounds, each serving a new revision of the feeds and killing a fetch
 * at a seeded moment in [0, clean run time); then a full run; compared with a clean run.
 */
export async function runSigkillScenario(options: { kills: number; seed: number; itemsPerSource: number }): Promise<SigkillResult> {
  const random = createRandom(options.seed);
  let version = 0;
  const grow = 2;
  const server = await startFeedServer();
  for (let source = 0; source < SOURCES; source += 1) {
    server.route(`/kill-${source}.rss`, (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(buildFeed(source, version, options.itemsPerSource, grow)));
  }
  const company = { slug: 'acme', data: { name: 'Acme', sources: Array.from({ length: SOURCES }, (_, source) => ({ url: server.url(`/kill-${source}.rss`), channel: 'forum', allAboutCompany: true })) } };
  const folders: string[] = [];
  try {
    // Measure a clean run (the kill window), in a folder of its own.
    const timing = await createContentDir([company], 'watchblog-kill-timing-');
    folders.push(timing.parent);
    const clean = await runFetchProcess(timing.contentDir);
    if (clean.code !== 0) throw new Error(`a clean fetch failed (${clean.code}):\n${clean.output}`);
    const cleanRunMs = clean.ms;

    const { parent, contentDir } = await createContentDir([company], 'watchblog-kill-');
    folders.push(parent);
    const rounds: KillRound[] = [];
    let filesLost = 0;
    let unreadableFiles = 0;
    for (let round = 1; round <= options.kills; round += 1) {
      version = round;
      const before = await snapshotTree(contentDir);
      const killAtMs = Math.round(random() * cleanRunMs);
      const run = await runFetchProcess(contentDir, killAtMs);
      const check = await checkContent(contentDir, new Map([...before].filter(([file]) => !file.endsWith('.tmp'))));
      filesLost += check.lost;
      unreadableFiles += check.unreadable;
      rounds.push({ round, killAtMs, exitedBeforeKill: run.signal !== 'SIGKILL', problems: check.problems });
    }
    // The recovery run, then a clean run of the same revision in a fresh folder.
    const recovery = await runFetchProcess(contentDir);
    const fresh = await createContentDir([company], 'watchblog-kill-fresh-');
    folders.push(fresh.parent);
    const reference = await runFetchProcess(fresh.contentDir);
    const finalProblems: string[] = [];
    if (recovery.code !== 0) finalProblems.push(`the run after the kills failed (${recovery.code}): ${recovery.output.slice(-500)}`);
    if (reference.code !== 0) finalProblems.push(`the clean reference run failed (${reference.code})`);
    const strayTempFiles = [...(await snapshotTree(contentDir)).keys()].filter((file) => file.endsWith('.tmp'));
    for (const file of strayTempFiles) finalProblems.push(`temp file left after the next run: ${file}`);
    const recovered = await readComparable(contentDir);
    const expected = await readComparable(fresh.contentDir);
    const differing = [...new Set([...recovered.keys(), ...expected.keys()])].filter((file) => JSON.stringify(recovered.get(file)) !== JSON.stringify(expected.get(file)));
    for (const file of differing.slice(0, 10)) finalProblems.push(`differs from a clean run: ${file}`);
    return { rounds, filesLost, unreadableFiles, strayTempFiles: strayTempFiles.length, finalMatchesClean: differing.length === 0, finalProblems, cleanRunMs };
  } finally {
    await server.close();
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  }
}
