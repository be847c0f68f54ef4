import { describe, expect, it } from 'vitest';
import { countSearchFilters } from '../../../src/core/site/search-filters.ts';

describe("the search page's filters", () => {
  it('count the pages that carry each value, a page once per value, groups in the legend order', () => {
    const groups = countSearchFilters([
      { company: 'Acme', kind: 'problem', channel: ['forum', 'forum', 'support'], voice: ['public', 'company'] },
      { company: 'Acme', kind: 'coverage', voice: 'public', channel: ['news'] },
      { company: 'Globex', voice: 'company', channel: ['blog'] },
      { zeta: 'x', company: ['Acme', 'Globex'] },
    ]);
    expect(groups).toEqual([
      { key: 'company', legend: 'Company', values: [{ value: 'Acme', count: 3 }, { value: 'Globex', count: 2 }] },
      { key: 'kind', legend: 'Kind', values: [{ value: 'coverage', count: 1 }, { value: 'problem', count: 1 }] },
      { key: 'channel', legend: 'Channel', values: [{ value: 'blog', count: 1 }, { value: 'forum', count: 1 }, { value: 'news', count: 1 }, { value: 'support', count: 1 }] },
      { key: 'voice', legend: 'Voice', values: [{ value: 'company', count: 2 }, { value: 'public', count: 2 }] },
      { key: 'zeta', legend: 'zeta', values: [{ value: 'x', count: 1 }] },
    ]);
  });

  it('leave out a group no page fills', () => {
    expect(countSearchFilters([{ channel: [] }])).toEqual([]);
  });
});
