/**
 * Reads what a previous run (and the maintainer) left: the item files of the companies
 * concerned and their ledgers. Unreadable files are reported and kept out of the plan's
 * reach (their paths are never overwritten).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listMarkdownFiles } from '../content/list-markdown.ts';
import { buildLedgerPath } from '../../src/core/write/file-names.ts';
import { mapLimited } from '../../src/core/map-limited.ts';
import { parseContentFile } from '../../src/core/write/front-matter.ts';
import type { ExistingContent, ExistingItem } from '../../src/core/write/plan-writes.ts';

/** Files read at once. */
const READ_CONCURRENCY = 64;

/** A ledger file → ids (one per line). Missing file → none. */
export async function readLedger(contentDir: string, company: string): Promise<string[]> {
  try {
    const text = await readFile(path.join(contentDir, buildLedgerPath(company)), 'utf8');
    return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  } catch {
    return [];
  }
}

/** Existing items and ledgers of `companies`, plus a warning per unreadable file. */
export async function readExistingContent(contentDir: string, companies: readonly string[]): Promise<{ content: ExistingContent; warnings: string[] }> {
  const files = (
    await Promise.all(companies.flatMap((company) => ['mentions', 'responses'].map((kind) => listMarkdownFiles(path.join(contentDir, kind, company)))))
  ).flat();
  const warnings: string[] = [];
  const occupiedPaths = new Set<string>();
  const read = await mapLimited(files, READ_CONCURRENCY, async (file): Promise<ExistingItem | undefined> => {
    const relative = path.relative(contentDir, file).split(path.sep).join('/');
    occupiedPaths.add(relative);
    const parsed = parseContentFile(await readFile(file, 'utf8'));
    if (!parsed.ok) {
      warnings.push(`${relative}: ${parsed.message} (left alone)`);
      return undefined;
    }
    return { path: relative, data: parsed.file.data, body: parsed.file.body };
  });
  const ledgers: Record<string, string[]> = {};
  for (const company of companies) ledgers[company] = await readLedger(contentDir, company);
  return { content: { items: read.filter((item) => item !== undefined), occupiedPaths, ledgers }, warnings: warnings.sort() };
}
