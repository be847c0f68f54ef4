/**
 * Applies a WritePlan: every file is written atomically (temp file in the same folder,
 * fsync, rename), and only to a path that resolves inside the content folder — also after
 * following symbolic links of the folders on the way.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { WritePlan } from '../../src/core/write/plan-writes.ts';
import { mapLimited } from '../../src/core/map-limited.ts';

/** Files written at once (fsync latency overlaps). */
const WRITE_CONCURRENCY = 16;

/** `relative` resolved under `root`, or an error when it would leave it. */
export function resolveInside(root: string, relative: string): string {
  const base = path.resolve(root);
  const target = path.resolve(base, relative);
  if (path.isAbsolute(relative) || !target.startsWith(base + path.sep)) {
    throw new Error(`refusing to write outside the content folder: ${relative}`);
  }
  return target;
}

/** How one atomic write is made durable: its own fsync, or a later flush of the whole file system (see applyPlan). */
export type WriteOptions = { realRoot?: string; fsync?: boolean; checkedDirs?: Set<string> };

/**
 * Writes `text` to `root/relative` atomically (temp file + rename): a killed process leaves
 * either the old file or the new one, never half of one. With `fsync` (the default) the
 * data is also on disk before the rename. Creates folders as needed.
 */
export async function writeFileAtomic(root: string, relative: string, text: string, options: WriteOptions = {}): Promise<void> {
  const target = resolveInside(root, relative);
  const dir = path.dirname(target);
  if (!options.checkedDirs?.has(dir)) {
    await mkdir(dir, { recursive: true });
    const realDir = await realpath(dir);
    const rootReal = options.realRoot ?? (await realpath(root));
    if (realDir !== rootReal && !realDir.startsWith(rootReal + path.sep)) {
      throw new Error(`refusing to write through a link that leaves the content folder: ${relative}`);
    }
    options.checkedDirs?.add(dir);
  }
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(text, 'utf8');
    if (options.fsync ?? true) await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The name writeFileAtomic gives its temp files: `.<target>.<pid>.<8 hex>.tmp`. */
const TEMP_FILE_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function isProcessAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * Removes temp files that a killed run (SIGKILL, power loss) left behind in the folders fetch
 * writes to. Only files whose writer process is gone are removed, so a run in progress is never
 * disturbed. The site never reads them (they do not end in .md); this keeps the folder clean.
 * Returns how many were removed; never throws.
 */
export async function removeStaleTempFiles(contentDir: string): Promise<number> {
  let removed = 0;
  for (const folder of ['mentions', 'responses', 'state']) {
    const entries = await readdir(path.join(contentDir, folder), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const pid = entry.isFile() ? TEMP_FILE_NAME.exec(entry.name)?.[1] : undefined;
      if (pid === undefined || isProcessAlive(Number(pid))) continue;
      await rm(path.join(entry.parentPath, entry.name), { force: true }).then(() => (removed += 1), () => undefined);
    }
  }
  return removed;
}

/**
 * Puts every written file on disk: one `sync --file-system` (Linux syncfs) where coreutils
 * has it, else an fsync of each file. Never throws; a file that vanished is skipped.
 */
async function flushFileSystem(contentDir: string, relativePaths: readonly string[]): Promise<void> {
  const synced = await new Promise<boolean>((resolve) => {
    execFile('sync', ['--file-system', contentDir], (error) => resolve(error === null));
  });
  if (synced) return;
  await mapLimited(relativePaths, WRITE_CONCURRENCY, async (relative) => {
    const handle = await open(path.join(contentDir, relative), 'r').catch(() => null);
    if (!handle) return;
    await handle.sync().catch(() => undefined);
    await handle.close();
  });
}

/** Counts of what applyPlan wrote. */
export type ApplyResult = { created: number; updated: number; ledgers: number; errors: string[] };

/** Clears temp files of killed runs, writes every file of the plan, then the ledgers (so an interrupted run never records an id it did not write). */
export async function applyPlan(plan: WritePlan, contentDir: string): Promise<ApplyResult> {
  const errors: string[] = [];
  let created = 0;
  let updated = 0;
  await mkdir(contentDir, { recursive: true });
  await removeStaleTempFiles(contentDir);
  const realRoot = await realpath(contentDir);
  const checkedDirs = new Set<string>();
  const failedIds = new Set<string>();
  // 25,000 fsyncs cost most of a cold run; one flush of the file system before the ledgers
  // gives the same guarantee where it matters: a ledger never names an id whose file could
  // still be lost (which would read as "deleted by the maintainer" and never come back).
  await mapLimited(plan.writes, WRITE_CONCURRENCY, async (write) => {
    try {
      await writeFileAtomic(contentDir, write.path, write.text, { realRoot, checkedDirs, fsync: false });
      if (write.action === 'create') created += 1;
      else updated += 1;
    } catch (error) {
      failedIds.add(`${write.company}\u0000${write.id}`);
      errors.push(`${write.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  if (plan.writes.length > 0) await flushFileSystem(contentDir, plan.writes.map((write) => write.path));
  let ledgers = 0;
  for (const ledger of plan.ledgers) {
    const text = failedIds.size === 0
      ? ledger.text
      : ledger.text.split('\n').filter((id) => !failedIds.has(`${ledger.company}\u0000${id}`)).join('\n');
    try {
      await writeFileAtomic(contentDir, ledger.path, text, { realRoot, checkedDirs });
      ledgers += 1;
    } catch (error) {
      errors.push(`${ledger.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { created, updated, ledgers, errors };
}
