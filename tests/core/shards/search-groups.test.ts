/** planSearchGroups: a shard's searchable pages split into search bundles by the year their case opened. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSearchGroups, type SearchablePage } from '../../../src/core/shards/search-groups.ts';

const casePages = (year: string, count: number): SearchablePage[] => Array.from({ length: count }, (_, i) => ({ file: `cases/acme/${year}-${String(i).padStart(4, '0')}/index.html`, year }));
const listPages = (count: number): SearchablePage[] => Array.from({ length: count }, (_, i) => ({ file: `companies/acme/said/${i + 1}/index.html`, year: null }));

describe('planSearchGroups', () => {
  it('keeps a shard within the limit in one bundle named after the shard', () => {
    const groups = planSearchGroups('shard-2', [...casePages('2025', 3), ...listPages(2)], 10);
    expect(groups.map((group) => group.bundle)).toEqual(['pagefind-shard-2']);
    expect(groups[0]!.files).toHaveLength(5);
  });

  it('splits a larger shard by opening year, packing consecutive years, with the lists in the newest group', () => {
    const groups = planSearchGroups('shard-1', [...casePages('2026', 8), ...casePages('2024', 2), ...casePages('2025', 7), ...listPages(3)], 10);
    expect(groups.map((group) => [group.bundle, group.files.length])).toEqual([
      ['pagefind-shard-1-2024', 9],
      ['pagefind-shard-1-2026', 11],
    ]);
    expect(groups[1]!.files.filter((file) => file.includes('/said/'))).toHaveLength(3);
  });

  it('gives a year larger than the limit a group of its own', () => {
    const groups = planSearchGroups('shard-1', [...casePages('2024', 3), ...casePages('2025', 30), ...casePages('2026', 4)], 10);
    expect(groups.map((group) => [group.bundle, group.files.length])).toEqual([
      ['pagefind-shard-1-2024', 3],
      ['pagefind-shard-1-2025', 30],
      ['pagefind-shard-1-2026', 4],
    ]);
  });

  it('has no group for a shard without searchable pages', () => {
    expect(planSearchGroups('shard-3', [], 10)).toEqual([]);
  });

  const pagesArbitrary = fc.array(fc.record({ year: fc.option(fc.constantFrom('2023', '2024', '2025', '2026'), { nil: null }), n: fc.nat(10_000) }), { maxLength: 200 }).map((pages) => {
    const files = new Set<string>();
    return pages.flatMap(({ year, n }) => {
      const file = `${year ?? 'list'}/${n}.html`;
      if (files.has(file)) return [];
      files.add(file);
      return [{ file, year }];
    });
  });

  it('puts every searchable page in exactly one group, whatever the limit', () => {
    fc.assert(
      fc.property(pagesArbitrary, fc.integer({ min: 1, max: 60 }), (pages, limit) => {
        const grouped = planSearchGroups('shard-1', pages, limit).flatMap((group) => group.files);
        expect(grouped.sort()).toEqual(pages.map((page) => page.file).sort());
      }),
    );
  });

  it('leaves the older groups as they were when pages of the newest year are added', () => {
    fc.assert(
      fc.property(pagesArbitrary, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 10 }), (pages, limit, added) => {
        const before = planSearchGroups('shard-1', pages, limit);
        const after = planSearchGroups('shard-1', [...pages, ...Array.from({ length: added }, (_, i) => ({ file: `new/${i}.html`, year: '2026' }))], limit);
        // Once the shard was split and a newer year already had a group, the groups before it are untouched.
        if (before.length < 2 || !before.at(-1)!.bundle.endsWith('-2026')) return;
        expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
      }),
    );
  });
});
