/**
 * `/data/<slug>/cases.json` and `.csv` publish durations by the methodology's rules, so a
 * reader recomputing the scorecard from them gets the site's figures.
 */
import { describe, expect, it } from 'vitest';
import { buildOpenCase } from '../../src/core/site/open-data-cases.ts';
import { buildCases } from '../../src/core/thread.ts';
import { mention, override, response } from '../helpers/items.ts';

const OPENED = '2026-03-01T09:00:00.000Z';
const policy = { bots: [] };

function openCaseOf(responseAt: string | null, resolvedAt?: string) {
  const [kase] = buildCases(
    'acme',
    [mention('a', OPENED)],
    responseAt === null ? [] : [response('r', responseAt, { respondsTo: ['a'] })],
    resolvedAt === undefined ? [] : [override('a', { resolvedAt })],
    policy,
  );
  return buildOpenCase(kase!, 'https://w.example/cases/acme/a/');
}

describe('cases.json durations', () => {
  it.each([
    ['0.145 h (8 min 42 s) rounds half up to 0.15', '2026-03-01T09:08:42.000Z', 0.15],
    ['1.005 h (1 h 0 min 18 s) rounds half up to 1.01', '2026-03-01T10:00:18.000Z', 1.01],
    ['exactly 5 h stays 5', '2026-03-01T14:00:00.000Z', 5],
  ])('publishes a response after %s, as the methodology rounds', (_, at, hours) => {
    const open = openCaseOf(at);
    expect(open.firstResponseHours).toBe(hours);
    expect(open.events.find((e) => e.kind === 'response')?.elapsedHours).toBe(hours);
  });

  it('publishes a resolution a maintainer dated before the case opened as 0 hours, as the scorecard counts it', () => {
    const open = openCaseOf(null, '2026-02-28T09:00:00.000Z');
    expect([open.status, open.resolvedAt, open.resolutionHours]).toEqual(['resolved', '2026-02-28T09:00:00.000Z', 0]);
  });
});
