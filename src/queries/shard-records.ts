/**
 * A shard's company records on disk, for the hub of a sharded build: one file per company,
 * JSON lines — first the company, its scorecard and statements, then one case per line — so
 * that no single string has to hold a large company's whole record (V8 caps a string at about
 * half a gigabyte), and an index written last (a folder with an index is complete).
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { RECORDS_INDEX_FILE } from '../core/shards/build-part.ts';
import type { CompanyRecord } from '../core/watchblog.ts';

/** What a shard's records folder says about itself. */
type RecordsIndex = { asOf: string; companies: string[] };
const recordsIndexFile = (dir: string) => path.join(dir, RECORDS_INDEX_FILE);

function* recordLines(record: CompanyRecord): Generator<string> {
  const { cases, ...rest } = record;
  yield `${JSON.stringify(rest)}\n`;
  for (const kase of cases) yield `${JSON.stringify(kase)}\n`;
}

/** Writes every company's record, then the index. */
export async function saveRecords(dir: string, asOf: string, records: readonly CompanyRecord[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const record of records) await writeFile(path.join(dir, `${record.company.slug}.jsonl`), recordLines(record));
  const index: RecordsIndex = { asOf, companies: records.map((record) => record.company.slug) };
  await writeFile(recordsIndexFile(dir), JSON.stringify(index));
}

async function readRecord(file: string): Promise<CompanyRecord> {
  let head: Omit<CompanyRecord, 'cases'> | undefined;
  const cases: CompanyRecord['cases'] = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line === '') continue;
    if (head === undefined) head = JSON.parse(line) as Omit<CompanyRecord, 'cases'>;
    else cases.push(JSON.parse(line) as CompanyRecord['cases'][number]);
  }
  if (head === undefined) throw new Error(`${file} is empty: build its shard again`);
  return { ...head, cases };
}

/** A shard's records and the now they were computed as of; throws, saying what to do, when the folder is incomplete. */
export async function readRecords(dir: string): Promise<{ asOf: string; records: CompanyRecord[] }> {
  const indexFile = recordsIndexFile(dir);
  const text = await readFile(indexFile, 'utf8').catch(() => {
    throw new Error(`${indexFile} is missing: build that shard first (npm run build:shards -- --shard <name>)`);
  });
  const index = JSON.parse(text) as RecordsIndex;
  const records: CompanyRecord[] = [];
  for (const slug of index.companies) records.push(await readRecord(path.join(dir, `${slug}.jsonl`)));
  return { asOf: index.asOf, records };
}
