/**
 * The demo watch blog is deterministic and shows every behaviour a reader should see:
 * prompt answers, slow answers, silence, resolutions, several mentions in one case and a
 * maintainer's override — for companies marked as fictional.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../../src/core/content-entries.ts';
import { buildWatchblog } from '../../src/core/watchblog.ts';
import { generateDemo } from '../../scripts/demo/generate.ts';
import { parseItemFile, serializeItemFile } from '../../src/core/write/front-matter.ts';
import { DEMO_COMPANIES } from '../../scripts/demo/scenario.ts';
import { DEMO_NOW, PROJECT_ROOT } from '../helpers/build-site.ts';

const END = new Date('2026-11-20T18:00:00Z');
const HOUR_MS = 3_600_000;

function demoWatchblog() {
  // Through the real file format, as `npm run demo` writes it and the site reads it.
  const files = generateDemo(2026, END).map((file) => {
    const parsed = parseItemFile(serializeItemFile(file.data, file.body));
    if (!parsed.ok) throw new Error(`${file.path}: ${parsed.message}`);
    return { path: file.path, data: parsed.file.data, body: parsed.file.body };
  });
  const { input, problems } = readContentFiles(files);
  return { watchblog: buildWatchblog(input, new Date(DEMO_NOW)), problems, files };
}

describe('the demo generator', () => {
  it('gives the same files for the same seed and end date, and other files for another seed', () => {
    expect(generateDemo(2026, END)).toEqual(generateDemo(2026, END));
    expect(generateDemo(2027, END)).not.toEqual(generateDemo(2026, END));
  });

  const { watchblog, problems } = demoWatchblog();
  const allCases = watchblog.companies.flatMap((c) => c.cases.map((kase) => ({ kase, target: c.company.responseTargetHours })));

  it('is what is committed in content/ (run `npm run demo` after changing the scenario)', () => {
    const generated = new Map(generateDemo(2026, END).map((file) => [file.path, serializeItemFile(file.data, file.body)]));
    const committed = ['mentions', 'responses', 'cases'].flatMap((kind) =>
      DEMO_COMPANIES.flatMap(({ slug }) =>
        readdirSync(path.join(PROJECT_ROOT, 'content', kind), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && entry.parentPath.endsWith(`/${slug}`))
          .map((entry) => `${kind}/${slug}/${entry.name}`),
      ),
    );
    for (const file of committed) {
      expect(readFileSync(path.join(PROJECT_ROOT, 'content', file), 'utf8'), file).toBe(generated.get(file));
    }
    expect(committed.length).toBe([...generated.keys()].filter((file) => /^(mentions|responses|cases)\//.test(file)).length);
  });

  it('writes only files that fit the content model', () => {
    expect(problems).toEqual([]);
  });

  it('has at least three companies, all marked fictional', () => {
    expect(watchblog.companies.length).toBeGreaterThanOrEqual(3);
    expect(watchblog.companies.every((c) => c.company.fictional)).toBe(true);
  });

  it('covers about 18 months of activity', () => {
    const opened = allCases.map(({ kase }) => Date.parse(kase.openedAt));
    const months = (Math.max(...opened) - Math.min(...opened)) / (30.4 * 24 * HOUR_MS);
    expect(months).toBeGreaterThan(17);
    expect(months).toBeLessThan(19);
  });

  it('includes prompt answers, slow answers, silence and resolutions', () => {
    const hoursToAnswer = ({ kase }: (typeof allCases)[number]) =>
      kase.firstResponseAt ? (Date.parse(kase.firstResponseAt) - Date.parse(kase.openedAt)) / HOUR_MS : null;
    expect(allCases.some((c) => (hoursToAnswer(c) ?? Infinity) <= c.target)).toBe(true);
    expect(allCases.some((c) => (hoursToAnswer(c) ?? 0) > c.target)).toBe(true);
    expect(allCases.some(({ kase }) => kase.status === 'open')).toBe(true);
    expect(allCases.some(({ kase }) => kase.status === 'resolved')).toBe(true);
  });

  it('includes cases with several mentions and auto-replies that do not count', () => {
    expect(allCases.some(({ kase }) => kase.mentionCount > 1)).toBe(true);
    expect(allCases.some(({ kase }) => kase.events.some((e) => e.kind === 'response' && e.notCounted === 'bot'))).toBe(true);
  });

  it('includes a maintainer override that merges, retitles and resolves a case', () => {
    const merged = allCases.find(({ kase }) => kase.note !== '');
    expect(merged?.kase).toMatchObject({ status: 'resolved', outcome: expect.any(String), mentionCount: expect.any(Number) });
    expect(merged!.kase.mentionCount).toBeGreaterThanOrEqual(2);
    expect(merged!.kase.title).toMatch(/merged/);
  });
});
