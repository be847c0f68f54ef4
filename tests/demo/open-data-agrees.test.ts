/**
 * The published figures are the methodology's figures: /data/companies.json from a real
 * build equals what the core computes from the same content files without Astro.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/core/content-entries.ts';
import { buildCompaniesJson, type OpenCompany } from '../../src/core/open-data.ts';
import { MENTION_KINDS } from '../../src/core/schemas.ts';
import { buildWatchblog } from '../../src/core/watchblog.ts';
import { readContentFolder } from '../../scripts/content/read-content.ts';
import { buildSite, DEMO_NOW, PROJECT_ROOT, type BuildResult } from '../../scripts/harness/build-site.ts';

let build: BuildResult;
let published: OpenCompany[];

beforeAll(async () => {
  build = await buildSite();
  expect(build.code, build.output).toBe(0);
  published = JSON.parse(await readFile(path.join(build.outDir, 'data/companies.json'), 'utf8'));
});

describe('/data/companies.json of the demo', () => {
  it('states the instant its figures were computed at', () => {
    expect(published.map((c) => c.asOf)).toEqual(published.map(() => new Date(DEMO_NOW).toISOString()));
  });

  it('equals the figures recomputed from the content files', async () => {
    const read = await readContentFolder(path.join(PROJECT_ROOT, 'content'));
    const { input, problems } = readContentFiles(read.files);
    expect([...read.problems, ...problems]).toEqual([]);
    expect(published).toEqual(buildCompaniesJson(buildWatchblog(input, new Date(DEMO_NOW))));
  });

  it('publishes every window of the contract with its sample size', () => {
    for (const company of published) {
      expect(Object.keys(company.windows).sort()).toEqual(['30d', '365d', '90d', 'all']);
      expect(company.windows.all).toMatchObject({ cases: expect.any(Number), responded: expect.any(Number), open: expect.any(Number) });
    }
  });

  it('says whether each company is graded and why not, and counts every window’s cases by kind', () => {
    for (const company of published) {
      expect(company).toMatchObject({ graded: true, gradeReason: company.grade === null ? expect.any(String) : null });
      for (const figures of Object.values(company.windows)) {
        expect(figures.gradeReason).toBe(figures.grade === null ? 'not-enough-data' : null);
        expect(Object.keys(figures.casesByKind).sort()).toEqual([...MENTION_KINDS].sort());
        // Only problems and questions are scored: `cases` counts those.
        expect(figures.casesByKind.problem + figures.casesByKind.question).toBe(figures.cases);
      }
      expect(company.windows.all.casesByKind.coverage).toBeGreaterThan(0);
    }
  });

  it('shows each company’s headline grade on its page', async () => {
    for (const company of published) {
      const html = await readFile(path.join(build.outDir, 'companies', company.slug, 'index.html'), 'utf8');
      expect(html).toContain(company.name);
      expect(html).toContain(company.grade ?? 'not enough data');
    }
  });
});
