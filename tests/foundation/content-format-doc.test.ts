/**
 * The two contracts the README points to cannot drift from the code: every field of the
 * content schemas is a row of docs/content-format.md, and every key of the open data the site
 * publishes is a row of docs/open-data.md (and no row names a field that is gone).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { readContentFolder } from '../../scripts/content/read-content.ts';
import { readContentFiles } from '../../src/core/content-entries.ts';
import { buildCompaniesJson } from '../../src/core/open-data.ts';
import { AliasSchema, CaseOverrideSchema, CompanySchema, MentionSchema, OfficialSchema, PostSchema, ResponseSchema, SourceSchema } from '../../src/core/schemas.ts';
import { buildSaidJson } from '../../src/core/site/company-said.ts';
import { CASES_CSV_COLUMNS, buildCasesJson } from '../../src/core/site/open-data-cases.ts';
import { buildWatchblog } from '../../src/core/watchblog.ts';
import { SourceHealthSchema } from '../../src/core/write/fetch-state.ts';
import { DEMO_NOW, PROJECT_ROOT } from '../helpers/build-site.ts';

/** The text of each `## ` or `### ` section of a Markdown document, by heading. */
function sectionsOf(file: string): Map<string, string> {
  const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  const sections = new Map<string, string>();
  for (const part of text.split(/^#{2,3} /m).slice(1)) {
    const newline = part.indexOf('\n');
    sections.set(part.slice(0, newline).trim(), part.slice(newline + 1));
  }
  return sections;
}

/** The first-column `names` of each table in a section, table by table. */
function tableFields(section: string | undefined): string[][] {
  const tables: string[][] = [];
  let current: string[] | null = null;
  for (const line of (section ?? '').split('\n')) {
    if (!line.startsWith('|')) {
      current = null;
      continue;
    }
    if (!current) tables.push((current = []));
    const name = /^\|\s*`([^`]+)`\s*\|/.exec(line)?.[1];
    if (name) current.push(name);
  }
  return tables;
}

/** The keys of an object schema, or of every object in a union of schemas (Zod 4). */
function schemaKeys(schema: z.ZodType): string[] {
  const anySchema = schema as unknown as { shape?: Record<string, unknown>; options?: z.ZodType[] };
  if (anySchema.shape) return Object.keys(anySchema.shape);
  return [...new Set((anySchema.options ?? []).flatMap((option) => schemaKeys(option)))];
}

const sorted = (keys: Iterable<string>) => [...new Set(keys)].sort();

describe('docs/content-format.md', () => {
  const doc = sectionsOf('docs/content-format.md');
  const only = (heading: string) => tableFields(doc.get(heading))[0] ?? [];

  it.each([
    ['Company file', CompanySchema],
    ['Aliases', AliasSchema],
    ['Official', OfficialSchema],
    ['Sources', SourceSchema],
    ['Case file', CaseOverrideSchema],
    ['Post', PostSchema],
  ] as const)('documents every field of the %s, and no other', (heading, schema) => {
    expect(sorted(only(heading)), `the table under "${heading}" must list exactly the schema's fields`).toEqual(sorted(schemaKeys(schema)));
  });

  it('documents every field of mentions and responses: the shared table plus each one\u2019s own', () => {
    const shared = only('Mentions and responses');
    expect(sorted([...shared, ...only('Mention only')])).toEqual(sorted(schemaKeys(MentionSchema)));
    expect(sorted([...shared, ...only('Response only')])).toEqual(sorted(schemaKeys(ResponseSchema)));
  });

  it('documents every field of the fetch state', () => {
    expect(sorted(only('Fetch state'))).toEqual(sorted(schemaKeys(SourceHealthSchema)));
  });

  it('says who owns every item field', () => {
    const owners = (doc.get('Mentions and responses') ?? '').split('\n').filter((line) => line.startsWith('| `')).map((line) => line.split('|')[4]!.trim());
    expect(owners.filter((owner) => !['maintainer', 'fetch', 'fetch, once', 'editor'].includes(owner))).toEqual([]);
  });
});

describe('docs/open-data.md', () => {
  const doc = sectionsOf('docs/open-data.md');
  const keys = { company: new Set<string>(), window: new Set<string>(), casesDoc: new Set<string>(), case: new Set<string>(), event: new Set<string>(), saidDoc: new Set<string>(), saidItem: new Set<string>() };

  beforeAll(async () => {
    const read = await readContentFolder(path.join(PROJECT_ROOT, 'content'));
    const { input } = readContentFiles(read.files);
    // An answer added by hand, with where it came from: the one optional event key the demo lacks.
    const handmade = input.responses.find((r) => r.respondsTo.length > 0) ?? input.responses[0]!;
    input.responses = input.responses.map((r) => (r === handmade ? { ...r, via: 'E-mail, forwarded with permission' } : r));
    const watchblog = buildWatchblog(input, new Date(DEMO_NOW));
    for (const company of buildCompaniesJson(watchblog)) {
      Object.keys(company).forEach((k) => keys.company.add(k));
      for (const figures of Object.values(company.windows)) Object.keys(figures).forEach((k) => keys.window.add(k));
    }
    for (const record of watchblog.companies) {
      const cases = buildCasesJson(record, watchblog.asOf, (kase) => `https://example.org/cases/${kase.id}/`);
      Object.keys(cases).forEach((k) => keys.casesDoc.add(k));
      for (const kase of cases.cases) {
        Object.keys(kase).forEach((k) => keys.case.add(k));
        for (const event of kase.events) Object.keys(event).forEach((k) => keys.event.add(k));
      }
      const said = buildSaidJson(record, watchblog.asOf);
      Object.keys(said).forEach((k) => keys.saidDoc.add(k));
      for (const item of said.items) Object.keys(item).forEach((k) => keys.saidItem.add(k));
    }
    expect(keys.event.has('via')).toBe(true);
  });

  it('documents every field of /data/companies.json and of each window', () => {
    expect(sorted(tableFields(doc.get('`/data/companies.json`'))[0]!)).toEqual(sorted(keys.company));
    expect(sorted(tableFields(doc.get('Window figures'))[0]!)).toEqual(sorted(keys.window));
  });

  it('documents every field of /data/<slug>/cases.json: the document, each case, each event', () => {
    const [document, kase, event] = tableFields(doc.get('`/data/<slug>/cases.json`'));
    expect(sorted(document!)).toEqual(sorted(keys.casesDoc));
    expect(sorted(kase!)).toEqual(sorted(keys.case));
    expect(sorted(event!)).toEqual(sorted(keys.event));
  });

  it('lists the columns of /data/<slug>/cases.csv in their order', () => {
    const named = [...(doc.get('`/data/<slug>/cases.csv`') ?? '').matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]!);
    expect(named.slice(0, CASES_CSV_COLUMNS.length)).toEqual([...CASES_CSV_COLUMNS]);
  });

  it('documents every field of /data/<slug>/said.json', () => {
    const section = doc.get('`/data/<slug>/said.json`') ?? '';
    for (const key of keys.saidDoc) expect(section).toContain(`\`${key}\``);
    expect(sorted(tableFields(section)[1]!)).toEqual(sorted(keys.saidItem));
  });
});
