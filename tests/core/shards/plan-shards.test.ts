/** planShards: companies split into shards of about equal work, each company in one shard. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planShards } from '../../../src/core/shards/plan-shards.ts';

describe('planShards', () => {
  it('gives the heaviest company a shard of its own and spreads the rest', () => {
    const shards = planShards(
      [
        { slug: 'big', weight: 40 },
        { slug: 'a', weight: 20 },
        { slug: 'b', weight: 15 },
        { slug: 'c', weight: 15 },
        { slug: 'd', weight: 10 },
      ],
      3,
    );
    expect(shards).toEqual([
      { name: 'shard-1', companies: ['big'], weight: 40 },
      { name: 'shard-2', companies: ['a', 'd'], weight: 30 },
      { name: 'shard-3', companies: ['b', 'c'], weight: 30 },
    ]);
  });

  it('never makes an empty shard: fewer companies than shards give one shard each', () => {
    expect(planShards([{ slug: 'a', weight: 1 }, { slug: 'b', weight: 2 }], 8).map((shard) => shard.companies)).toEqual([['b'], ['a']]);
  });

  it('refuses a shard count below one and a company listed twice', () => {
    expect(() => planShards([{ slug: 'a', weight: 1 }], 0)).toThrow(/at least 1/);
    expect(() => planShards([{ slug: 'a', weight: 1 }, { slug: 'a', weight: 2 }], 2)).toThrow(/listed twice/);
  });

  it('puts every company in exactly one shard, whatever the input order, within one heaviest company of the lightest shard', () => {
    const companies = fc.uniqueArray(fc.record({ slug: fc.stringMatching(/^[a-z]{1,6}$/), weight: fc.integer({ min: 1, max: 1000 }) }), { selector: (company) => company.slug, minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(companies, fc.integer({ min: 1, max: 10 }), (list, count) => {
        const shards = planShards(list, count);
        expect(shards.flatMap((shard) => shard.companies).sort()).toEqual(list.map((company) => company.slug).sort());
        expect(shards.every((shard) => shard.companies.length > 0)).toBe(true);
        expect(planShards([...list].reverse(), count)).toEqual(shards);
        const weights = shards.map((shard) => shard.weight);
        const heaviest = Math.max(...list.map((company) => company.weight));
        expect(Math.max(...weights) - Math.min(...weights)).toBeLessThanOrEqual(heaviest);
      }),
    );
  });
});
