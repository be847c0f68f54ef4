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
import { parseContentFile, serializeContentFile } from '../../src/core/write/front-matter.ts';
import { DEMO_COMPANIES } from '../../scripts/demo/scenario.ts';
import { MENTION_KINDS } from '../../src/core/schemas.ts';
import { DEMO_NOW, PROJECT_ROOT } from '../../scripts/harness/build-site.ts';

const END = new Date('2026-11-20T18:00:00Z');
const HOUR_MS = 3_600_000;

function demoWatchblog() {
  // Through the real file format, as `npm run demo` writes it and the site reads it.
  const files = generateDemo(2026, END).map((file) => {
    const parsed = parseContentFile(serializeContentFile(file.data, file.body));
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
    const generated = new Map(generateDemo(2026, END).map((file) => [file.path, serializeContentFile(file.data, file.body)]));
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

describe('the demo’s kinds and conversations', () => {
  const { watchblog, files } = demoWatchblog();
  const meant = new Map(generateDemo(2026, END).filter((f) => f.meant).map((f) => [String(f.data.id), f.meant!]));
  const cases = watchblog.companies.flatMap((c) => c.cases);
  const mentionEvents = cases.flatMap((kase) => kase.events.flatMap((e) => (e.kind === 'mention' ? [e] : [])));

  it('says what kind every generated mention is meant to be, and writes none of them in front matter', () => {
    const mentionFiles = files.filter((f) => f.path.startsWith('mentions/'));
    expect(meant.size).toBe(mentionFiles.length);
    expect(mentionFiles.filter((f) => 'kind' in f.data)).toEqual([]);
  });

  it('says why every mention is there: its passage holds the alias that matched', () => {
    for (const event of mentionEvents) expect(event.item.matchedPassage, event.item.id).toContain(event.item.matchedTerm);
  });

  it('is read by inferMentionKind as the kind the generator meant, for every mention', () => {
    const misread = mentionEvents.filter((e) => e.mentionKind !== meant.get(e.item.id)).map((e) => `${e.item.id} ${e.item.title}: meant ${meant.get(e.item.id)}, read ${e.mentionKind}`);
    expect(misread).toEqual([]);
    expect(mentionEvents.length).toBe(meant.size);
  });

  it('has every kind of case at every company, coverage only on news and blog sources', () => {
    for (const record of watchblog.companies) {
      const kinds = new Set(record.cases.map((kase) => kase.kind));
      expect([...kinds].sort(), record.company.slug).toEqual([...MENTION_KINDS].sort());
    }
    for (const event of mentionEvents) expect(event.mentionKind === 'coverage', event.item.id).toBe(['news', 'blog'].includes(event.item.channel));
  });

  it('has a conversation where the customer replies to the answer and the company answers again', () => {
    const conversation = cases.find((kase) => {
      const reply = kase.events.findIndex((e) => e.kind === 'mention' && e.followUp && e.item.inReplyTo.length > 0 && e.mentionKind === 'problem');
      return reply > 0 && kase.events.slice(reply + 1).some((e) => e.kind === 'response' && !e.notCounted);
    });
    expect(conversation).toBeDefined();
  });

  it('has a case where the customer’s reply is the last word: answered, customer replied', () => {
    const replied = cases.filter((kase) => kase.customerReplied);
    expect(replied.length).toBeGreaterThan(0);
    for (const kase of replied) expect(kase.status).toBe('answered');
  });

  it('shows the grace rule: an unanswered case still inside its response target at the demo’s asOf', () => {
    expect(watchblog.companies.some((c) => c.scorecard.windows['30d'].awaitingTarget > 0)).toBe(true);
  });

  it('grades every company over 365 days, and Nimbus’s last 30 days are not enough data', () => {
    for (const record of watchblog.companies) expect(record.scorecard.grade.letter, record.company.slug).toMatch(/^[A-F]$/);
    expect(watchblog.companies.find((c) => c.company.slug === 'nimbus-cloud')?.scorecard.windows['30d'].grade.reason).toBe('not-enough-data');
  });
});
