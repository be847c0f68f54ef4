/**
 * Golden site outputs: a tiny watch blog (one company, six mentions, three responses, one
 * case file; `site/content/`) built with the real `npm run build`, and every machine-read
 * file it publishes — the RSS feeds, the open data in JSON and CSV — compared with the copy
 * committed in `site/expected/`. A change to threading, scoring or any output format shows
 * as a reviewable diff; `UPDATE_GOLDEN=1` rewrites the files.
 *
 * Beside the byte comparison, the CSV is read by an independent parser (csv-parse) and
 * checked against the JSON, so the golden files themselves are known to say the same thing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildResult } from '../helpers/build-site.ts';
import { expectGolden } from '../helpers/golden.ts';

const SITE_DIR = path.join(import.meta.dirname, 'site');
const NOW = '2026-10-20T00:00:00Z';
const SLUG = 'acme-broadband';

const PUBLISHED_FILES = [
  'rss.xml',
  'responses.xml',
  ...['rss.xml', 'said.xml', 'news.xml', 'overdue.xml', 'resolved.xml', 'responses.xml'].map((feed) => `companies/${SLUG}/${feed}`),
  'data/companies.json',
  ...['cases.json', 'cases.csv', 'said.json'].map((file) => `data/${SLUG}/${file}`),
];

let build: BuildResult;
const published = (file: string) => readFileSync(path.join(build.outDir, file), 'utf8');

beforeAll(async () => {
  build = await buildSite({ contentDir: path.join(SITE_DIR, 'content'), now: NOW });
  if (build.code !== 0) throw new Error(`the golden watch blog did not build:\n${build.output}`);
});

describe('the golden watch blog publishes exactly the committed files', () => {
  it.each(PUBLISHED_FILES)('%s', (file) => {
    expectGolden(path.join(SITE_DIR, 'expected', file), published(file));
  });
});

describe('its open data agrees with itself, read by an independent CSV parser', () => {
  type CaseRow = Record<string, string>;

  it('has one CSV row per case of cases.json, with the same ids and statuses', () => {
    const json = JSON.parse(published(`data/${SLUG}/cases.json`)) as { cases: { id: string; status: string }[] };
    const rows = parseCsv(published(`data/${SLUG}/cases.csv`), { columns: true, bom: true }) as CaseRow[];
    expect(rows.map((row) => row.id)).toEqual(json.cases.map((c) => c.id));
    expect(rows.map((row) => row.status)).toEqual(json.cases.map((c) => c.status));
  });

  it('keeps a title with quotes and a comma in one field, and neutralises a formula', () => {
    const rows = parseCsv(published(`data/${SLUG}/cases.csv`), { columns: true, bom: true }) as CaseRow[];
    const twice = rows.find((row) => Object.values(row).some((value) => value.includes('charged me twice')));
    expect(twice, 'the "charged me twice" case').toBeDefined();
    expect(Object.values(twice!).some((value) => value.includes('"refund pending"'))).toBe(true);
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@]/);
  });
});
