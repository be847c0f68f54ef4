/**
 * docs/methodology.md prints the demo's counts per kind and grades. This test runs the real
 * `npm run scorecard` on the committed demo content and checks the table against its output,
 * so the page cannot drift from the data; and checks that the demo's content gives no warning.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenCompany } from '../../src/core/open-data.ts';
import { DEMO_NOW, PROJECT_ROOT } from '../../scripts/harness/build-site.ts';

/** The rows the methodology's demo table should have, from companies.json as the scorecard prints it. */
function buildKindsTable(companies: readonly OpenCompany[]): string {
  const gradeCell = (c: OpenCompany) =>
    c.grade !== null ? `${c.grade} (${c.gradeScore})` : c.gradeReason === 'no-answer-channel' ? 'not graded' : 'not enough data';
  const rows = companies.map((c) => {
    const k = c.windows.all.casesByKind;
    return `| ${c.name} | ${k.problem} | ${k.question} | ${k.idea} | ${k.praise} | ${k.coverage} | ${c.windows.all.cases} | ${gradeCell(c)} |`;
  });
  return ['| Company | problem | question | idea | praise | coverage | Scored cases | Grade (365 days) |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

describe("docs/methodology.md's demo counts per kind", () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scorecard.ts', '--now', DEMO_NOW, '--content', 'content'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });

  it('come from a scorecard run that finds no problem and no warning in the demo content', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('equal what `npm run scorecard` prints for the demo as of its asOf', () => {
    const markdown = readFileSync(path.join(PROJECT_ROOT, 'docs/methodology.md'), 'utf8');
    const stated = /<!-- demo:kinds -->\n([\s\S]*?)\n\n/.exec(markdown)?.[1];
    expect(stated, 'docs/methodology.md has no table after <!-- demo:kinds -->').toBeDefined();
    // On failure, the expected table is what to paste into the page.
    expect(stated).toBe(buildKindsTable(JSON.parse(run.stdout) as OpenCompany[]));
  });
});
