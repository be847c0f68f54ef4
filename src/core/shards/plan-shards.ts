/**
 * Splits a watch blog's companies into shards of about equal work. A company is never split
 * (its cases and scorecard need all its items), so the largest company bounds the largest
 * shard. Deterministic: the same companies and weights give the same shards, so a shard's
 * name keeps naming mostly the same companies from run to run (and its build cache stays useful).
 */

export type CompanyWeight = { slug: string; /** Work to build it, e.g. its number of content files. */ weight: number };
export type PlannedShard = { name: string; companies: string[]; weight: number };

/**
 * At most `shardCount` shards, never an empty one: companies heaviest first, each to the
 * lightest shard so far (longest-processing-time first), ties by slug and shard order.
 */
export function planShards(companies: readonly CompanyWeight[], shardCount: number): PlannedShard[] {
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new RangeError(`planShards: shard count must be a whole number of at least 1, got ${shardCount}`);
  const slugs = new Set<string>();
  for (const company of companies) {
    if (slugs.has(company.slug)) throw new RangeError(`planShards: company "${company.slug}" is listed twice`);
    slugs.add(company.slug);
  }
  const count = Math.min(shardCount, companies.length);
  const shards: PlannedShard[] = Array.from({ length: count }, (_, index) => ({ name: `shard-${index + 1}`, companies: [], weight: 0 }));
  const heaviestFirst = [...companies].sort((a, b) => b.weight - a.weight || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const company of heaviestFirst) {
    const lightest = shards.reduce((best, shard) => (shard.weight < best.weight ? shard : best));
    lightest.companies.push(company.slug);
    lightest.weight += company.weight;
  }
  for (const shard of shards) shard.companies.sort();
  return shards;
}
