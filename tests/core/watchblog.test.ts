/** buildWatchblog: every company's cases, scorecard and unattached statements, whatever the input order. */
import { describe, expect, it } from 'vitest';
import { CompanySchema, PostSchema } from '../../src/core/schemas.ts';
import { assembleWatchblog, buildWatchblog, type WatchblogInput } from '../../src/core/watchblog.ts';
import { mention, response } from '../helpers/items.ts';

const NOW = new Date('2026-03-10T00:00:00.000Z');
const T0 = '2026-03-01T09:00:00.000Z';
const T1 = '2026-03-02T09:00:00.000Z';
const company = { ...CompanySchema.parse({ name: 'Acme' }), slug: 'acme', intro: '' };

function input(responses: WatchblogInput['responses']): WatchblogInput {
  return { companies: [company], mentions: [mention('a', T0)], responses, overrides: [], posts: [] };
}

describe('buildWatchblog: statements', () => {
  it('lists statements that answer no case newest first, ties by id, whatever the input order', () => {
    const statements = [response('s2', T1), response('s1', T1), response('s3', T0), response('s0', T1)];
    const orders = [statements, [...statements].reverse(), [statements[2]!, statements[0]!, statements[3]!, statements[1]!]];
    for (const order of orders) {
      expect(buildWatchblog(input(order), NOW).companies[0]?.statements.map((s) => s.id)).toEqual(['s0', 's1', 's2', 's3']);
    }
  });
});

describe('buildWatchblog: as of now', () => {
  it('does not count a resolution the maintainer dated after now, on the page or in the scorecard', () => {
    const later = '2026-04-01T00:00:00.000Z';
    for (const extra of [{}, { status: 'resolved' as const }]) {
      const built = buildWatchblog({ ...input([]), overrides: [{ caseId: 'a', company: 'acme', merge: [], hidden: false, note: '', resolvedAt: later, ...extra }] }, NOW);
      const record = built.companies[0]!;
      expect([record.cases[0]?.status, record.cases[0]?.resolvedAt]).toEqual(['open', null]);
      expect(record.scorecard.windows.all.resolved).toBe(0);
      // The same file, built after that date, resolves the case.
      expect(buildWatchblog({ ...input([]), overrides: [{ caseId: 'a', company: 'acme', merge: [], hidden: false, note: '', resolvedAt: later, ...extra }] }, new Date('2026-05-01T00:00:00Z')).companies[0]?.cases[0]?.status).toBe('resolved');
    }
  });
});

describe('buildWatchblog: statements and hidden content', () => {
  it('does not list a reply to a hidden mention as a statement', () => {
    const built = buildWatchblog(
      { ...input([response('r', T1, { respondsTo: ['h'] }), response('s', T1)]), mentions: [mention('a', T0), mention('h', T0, { hidden: true })] },
      NOW,
    );
    expect(built.companies[0]?.statements.map((s) => s.id)).toEqual(['s']);
  });
});

describe('assembleWatchblog: the hub of a sharded build', () => {
  const globex = { ...CompanySchema.parse({ name: 'Globex' }), slug: 'globex', intro: '' };
  const items: WatchblogInput = {
    companies: [globex, company],
    mentions: [mention('a', T0), { ...mention('g', T0), company: 'globex' }, { ...mention('g2', T1), company: 'globex' }],
    responses: [response('r', T1)],
    overrides: [],
    posts: [{ ...PostSchema.parse({ title: 'A post', date: T1, companies: ['acme'] }), slug: 'p', body: 'Text.' }],
  };
  /** What one shard computes for one company, saved as JSON and read back by the hub. */
  const recordThroughJson = (slug: string) => {
    const only = { ...items, companies: items.companies.filter((c) => c.slug === slug), mentions: items.mentions.filter((m) => m.company === slug), responses: items.responses.filter((r) => r.company === slug) };
    return JSON.parse(JSON.stringify(buildWatchblog(only, NOW).companies[0]));
  };

  it('gives the watch blog a whole build gives, from records computed apart and read back from JSON', () => {
    expect(assembleWatchblog([recordThroughJson('globex'), recordThroughJson('acme')], items.posts, NOW.toISOString())).toEqual(buildWatchblog(items, NOW));
  });

  it('refuses a company from two shards and a record computed as of another now', () => {
    expect(() => assembleWatchblog([recordThroughJson('acme'), recordThroughJson('acme')], [], NOW.toISOString())).toThrow(/two shards/);
    expect(() => assembleWatchblog([recordThroughJson('acme')], [], '2026-03-11T00:00:00.000Z')).toThrow(/same WATCHBLOG_NOW/);
  });
});
