/**
 * `npm run generate`: a synthetic watch blog with the shape the scale benchmark relies on —
 * deterministic, about the size asked for, one company with 40 % of the mentions, an outage
 * week, answers, silences and the maintainer's hand — in content the real reader accepts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/core/content-entries.ts';
import { buildWatchblog } from '../../src/core/watchblog.ts';
import { parseItemFile } from '../../src/core/write/front-matter.ts';
import { generateSyntheticWatchblog } from '../../scripts/generate/synthetic.ts';
import { PROJECT_ROOT } from '../helpers/build-site.ts';

const END = new Date('2026-11-20T18:00:00Z');
const OPTIONS = { companies: 6, mentions: 3_000, seed: 7, end: END };
const files = generateSyntheticWatchblog(OPTIONS);
const mentionsOf = (slug?: string) => files.filter((file) => file.path.startsWith(slug ? `mentions/${slug}/` : 'mentions/'));

describe('a generated watch blog', () => {
  it('is the same for the same options, and different for another seed', () => {
    expect(generateSyntheticWatchblog(OPTIONS)).toEqual(files);
    expect(generateSyntheticWatchblog({ ...OPTIONS, seed: 8 })).not.toEqual(files);
  });

  it('has about the number of mentions asked for (within 5 %)', () => {
    expect(Math.abs(mentionsOf().length / OPTIONS.mentions - 1)).toBeLessThan(0.05);
  });

  it('has companies of very different sizes: the largest holds about 40 % of the mentions', () => {
    const sizes = files.filter((file) => file.path.startsWith('companies/')).map((file) => mentionsOf(path.basename(file.path, '.md')).length);
    expect(sizes).toHaveLength(OPTIONS.companies);
    expect(sizes[0]! / mentionsOf().length).toBeGreaterThan(0.35);
    expect(sizes[0]! / mentionsOf().length).toBeLessThan(0.45);
    expect(Math.min(...sizes)).toBeLessThan(sizes[0]! / 5);
  });

  it('has an outage week: a day with at least three times the usual number of new posts', () => {
    const largest = files.find((file) => file.path.startsWith('companies/'))!;
    const perDay = new Map<string, number>();
    for (const file of mentionsOf(path.basename(largest.path, '.md'))) {
      const day = String(file.data.publishedAt).slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const counts = [...perDay.values()].sort((a, b) => a - b);
    expect(counts.at(-1)!).toBeGreaterThanOrEqual(3 * counts[Math.floor(counts.length / 2)]!);
  });

  it('reads without a problem, and makes answered, silent, resolved and merged cases', () => {
    const { input, problems } = readContentFiles(files);
    expect(problems).toEqual([]);
    const watchblog = buildWatchblog(input, END);
    const cases = watchblog.companies.flatMap((company) => company.cases);
    expect(cases.filter((c) => c.status === 'answered').length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.status === 'open' && (c.kind === 'problem' || c.kind === 'question')).length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.status === 'resolved').length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.mentionCount > 1).length).toBeGreaterThan(0);
    expect(files.filter((file) => file.path.startsWith('cases/') && Array.isArray(file.data.merge)).length).toBeGreaterThan(0);
    // Every company answers in its own way: response rates differ.
    const rates = new Set(watchblog.companies.map((company) => company.scorecard.windows['365d']?.responseRate?.toFixed(2)));
    expect(rates.size).toBeGreaterThan(2);
  });
});

describe('npm run generate', () => {
  it('writes the files into a new folder, and refuses a folder that is not empty', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'watchblog-generate-')), 'content');
    const run = (...args: string[]) => spawnSync('npx', ['tsx', 'scripts/generate.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
    const first = run('--companies', '2', '--mentions', '300', '--out', out);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/2 companies, \d+ mentions, \d+ responses/);
    const company = readdirSync(path.join(out, 'companies'))[0]!;
    const parsed = parseItemFile(readFileSync(path.join(out, 'companies', company), 'utf8'));
    expect(parsed.ok).toBe(true);
    const again = run('--companies', '2', '--mentions', '300', '--out', out);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/not empty/);
  }, 60_000);
});
