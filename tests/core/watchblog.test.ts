/** buildWatchblog: every company's cases, scorecard and unattached statements, whatever the input order. */
import { describe, expect, it } from 'vitest';
import { CompanySchema } from '../../src/core/schemas.ts';
import { buildWatchblog, type WatchblogInput } from '../../src/core/watchblog.ts';
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
