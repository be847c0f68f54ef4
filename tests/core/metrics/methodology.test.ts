/**
 * docs/methodology.md states a worked example: cases and the figures they give. This test
 * runs the real scorecard on the stated cases and checks every stated figure, so the page
 * cannot drift from the code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeScorecard, type ScorecardPolicy } from '../../../src/core/metrics/index.ts';
import { buildOpenScorecard } from '../../../src/core/open-data.ts';
import { makeCase, type CaseFields } from './case-factory.ts';

const METHODOLOGY_PATH = fileURLToPath(new URL('../../../docs/methodology.md', import.meta.url));

/** The JSON of the fenced ```json block right after `<!-- worked-example:<tag> -->`. */
function readTaggedJson(markdown: string, tag: string): unknown {
  const pattern = new RegExp(`<!-- worked-example:${tag} -->\\s*\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``);
  const match = pattern.exec(markdown);
  if (match === null) throw new Error(`docs/methodology.md has no \`\`\`json block tagged <!-- worked-example:${tag} -->`);
  return JSON.parse(match[1]!);
}

type WorkedExample = { company: string; now: string; policy: ScorecardPolicy; cases: CaseFields[] };

describe('docs/methodology.md worked example', () => {
  const markdown = readFileSync(METHODOLOGY_PATH, 'utf8');
  const example = readTaggedJson(markdown, 'cases') as WorkedExample;
  const stated = readTaggedJson(markdown, 'figures') as Record<string, unknown>;
  const scorecard = computeScorecard(example.company, example.cases.map(makeCase), example.policy, new Date(example.now));

  it('states between 8 and 12 cases and a fixed now', () => {
    expect(example.cases.length).toBeGreaterThanOrEqual(8);
    expect(example.cases.length).toBeLessThanOrEqual(12);
    expect(Number.isNaN(Date.parse(example.now))).toBe(false);
  });

  it('states figures that the code computes from its cases, in the form companies.json publishes them', () => {
    expect(Object.keys(stated).length).toBeGreaterThan(0);
    // The grade as companies.json has it (grade, gradeScore, gradeReason), plus the page's ledger and trend.
    const published = { ...buildOpenScorecard(scorecard), silenceLedger: scorecard.silenceLedger, trend: scorecard.trend };
    expect(published).toMatchObject(stated);
  });

  it('describes the grade fields companies.json actually has, not the code’s internal shape', () => {
    expect(markdown).not.toMatch(/"letter"|grade: \{/);
    for (const field of ['`grade`', '`gradeScore`', '`gradeReason`', '`graded`', '`casesByKind`']) expect(markdown).toContain(field);
  });

  it("agrees with the worked example of docs/methodology.md for all time", () => {
    // docs/methodology.md: 12 cases, 9 responded, 0.75, median 6.5 h, p90 null, 0.5833, 3 resolved, 0.25, resolution median null, 9 open, grade C
    expect(scorecard.windows.all).toMatchObject({
      cases: 12, responded: 9, responseRate: 0.75, medianFirstResponseHours: 6.5, p90FirstResponseHours: null,
      withinTargetShare: 0.5833, resolved: 3, resolutionRate: 0.25, medianResolutionHours: null, open: 9,
    });
    expect(scorecard.grade.letter).toBe('C');
  });

  it("matches the page's what-if: a thirteenth case eight hours old is awaiting, not a miss", () => {
    const thirteenth = makeCase({ id: 'z13', openedAt: '2026-03-02T01:00:00Z' });
    const cases = [...example.cases.map(makeCase), thirteenth];
    const all = computeScorecard(example.company, cases, example.policy, new Date(example.now)).windows.all;
    // decided = 13 − 1 = 12 → 9/12 = 0.75; resolution has no grace: 3/13 = 0.230769… → 0.2308
    expect(all).toMatchObject({ cases: 13, awaitingTarget: 1, responseRate: 0.75, resolutionRate: 0.2308, open: 10, unanswered: 4, overdue: 3 });
  });
});
