import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { formatFieldIssues, formatIssuePath, listFieldIssues } from '../../src/core/schema-issues.ts';
import { CompanySchema } from '../../src/core/schemas.ts';

describe('Zod issues as the maintainer reads them, one wording everywhere', () => {
  it.each([
    [[], ''],
    [['name'], 'name'],
    [['sources', 0, 'channel'], 'sources[0].channel'],
    [['official', 'authors', 2], 'official.authors[2]'],
    [[0, 'a'], '[0].a'],
  ] as const)('the path %j reads %j', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected);
  });

  it('names the field as it is written in the file, and the whole by the name the caller gives it', () => {
    const result = z.object({ sources: z.array(z.object({ channel: z.enum(['forum', 'news']) })) }).safeParse({ sources: [{ channel: 'fax' }] });
    expect(result.success).toBe(false);
    expect(listFieldIssues(result.error!, '(front matter)')).toEqual([{ field: 'sources[0].channel', message: expect.stringMatching(/forum/) }]);
    const root = z.object({}).safeParse('text');
    expect(listFieldIssues(root.error!, '(front matter)')[0]?.field).toBe('(front matter)');
  });

  it('puts every issue on one line, so no problem is hidden behind the first', () => {
    const result = CompanySchema.safeParse({ sources: [{ url: 'https://x.example/feed', channel: 'fax', voice: 'public' }] });
    const line = formatFieldIssues(result.error!, '(root)');
    expect(line).toMatch(/^name: .+; sources\[0\]\.channel: .+/);
    expect(line).not.toContain('\n');
  });
});
