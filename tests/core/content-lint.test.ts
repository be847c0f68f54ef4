import { describe, expect, it } from 'vitest';
import { lintContent } from '../../src/core/content-lint.ts';
import { CompanySchema, type Alias } from '../../src/core/schemas.ts';
import { buildWatchblog, type WatchblogInput } from '../../src/core/watchblog.ts';
import { mention, override, response } from '../helpers/items.ts';

const NOW = new Date('2026-03-10T00:00:00.000Z');
const company = { ...CompanySchema.parse({ name: 'Acme', official: { authors: ['AcmeCares'] } }), slug: 'acme', intro: '' };
/** The same company with its own blog watched, so no warning is about its sources. */
const withSources = { ...company, sources: [{ url: 'https://acme.example/blog.atom', channel: 'blog' as const, voice: 'company' as const, threaded: false, allAboutCompany: false, excerptChars: 600 }] };
const base: WatchblogInput = { companies: [company], mentions: [mention('a', '2026-03-01T09:00:00.000Z')], responses: [], overrides: [], posts: [] };

function lint(extra: Partial<WatchblogInput>) {
  const input = { ...base, ...extra };
  return lintContent(input, buildWatchblog(input, NOW)).map((w) => `${w.file}: ${w.message}`);
}

describe('lintContent', () => {
  it('is silent on consistent content', () => {
    expect(lint({ companies: [withSources], overrides: [override('a', { title: 'Better title' })] })).toEqual([]);
  });

  it.each([
    ['an override for a case that does not exist', { overrides: [override('nope')] }, /cases\/acme\/nope\.md: no mention has the id "nope"/],
    ['a merge naming no mention', { overrides: [override('a', { merge: ['ghost'] })] }, /merge: no mention has the id "ghost"/],
    ['status answered without an answer', { overrides: [override('a', { status: 'answered' })] }, /still counts it as unanswered/],
    ['status open with a resolvedAt', { overrides: [override('a', { status: 'open', resolvedAt: '2026-03-02T00:00:00.000Z' })] }, /the date is ignored/],
    ['a mention of a company without a file', { mentions: [...base.mentions, mention('b', '2026-03-01T10:00:00.000Z', { company: 'ghost-co' })] }, /company "ghost-co" has no file/],
    ['a post naming an unknown case and company', { posts: [{ slug: 'p', title: 'P', date: '2026-03-05T00:00:00.000Z', summary: '', companies: ['ghost-co'], cases: ['zzz'], draft: false, body: '' }] }, /posts\/p\.md: (companies: no company "ghost-co"|cases: no case "zzz")/],
    ['a company whose answers no channel watches', { companies: [{ ...company, official: { authors: [], domains: [] } }] }, /companies\/acme\.md: no channel where the company answers is watched/],
  ])('warns about %s', (_, extra, pattern) => {
    expect(lint(extra as Partial<WatchblogInput>).join('\n')).toMatch(pattern);
  });

  it('does not warn about a company whose only answers were added by hand', () => {
    const handAdded = { companies: [{ ...company, official: { authors: [], domains: [] } }], responses: [{ ...mention('r', '2026-03-02T00:00:00.000Z'), respondsTo: ['a'], resolves: false }] };
    expect(lint(handAdded).join('\n')).not.toMatch(/no channel where the company answers/);
  });

  it('warns about a company whose only answer a maintainer hid', () => {
    const hidden = { companies: [{ ...company, official: { authors: [], domains: [] } }], responses: [{ ...mention('r', '2026-03-02T00:00:00.000Z', { hidden: true }), respondsTo: ['a'], resolves: false }] };
    expect(lint(hidden).join('\n')).toMatch(/no channel where the company answers/);
  });
});

describe('lintContent for npm run check: references, sources and aliases', () => {
  const findings = (extra: Partial<WatchblogInput>) => {
    const input = { ...base, ...extra };
    return lintContent(input, buildWatchblog(input, NOW), new Map([['responses/acme/r', 'responses/acme/2026-03-02-r.md']]));
  };

  it('makes a respondsTo naming no mention an error on the response file, accepting an id, URL or canonical URL', () => {
    const answer = (respondsTo: string[]) => response('r', '2026-03-02T00:00:00.000Z', { respondsTo });
    expect(findings({ companies: [withSources], responses: [answer(['a', 'https://forum.example/t/a'])] })).toEqual([]);
    expect(findings({ companies: [withSources], responses: [answer(['nope'])] })).toEqual([
      expect.objectContaining({ file: 'responses/acme/2026-03-02-r.md', field: 'respondsTo', severity: 'error', fix: expect.stringContaining('mentions/acme/') }),
    ]);
  });

  it('makes a caseId naming no mention an error', () => {
    expect(findings({ companies: [withSources], mentions: [mention('a', '2026-03-01T09:00:00.000Z', { caseId: 'zzz' })] })).toEqual([expect.objectContaining({ field: 'caseId', severity: 'error' })]);
  });

  it('warns about a company with no sources, and one with none in its own voice', () => {
    expect(findings({})).toEqual([expect.objectContaining({ file: 'companies/acme.md', field: 'sources', message: expect.stringMatching(/^no sources/) })]);
    const publicOnly = { ...withSources, sources: [{ ...withSources.sources[0]!, voice: 'public' as const }] };
    expect(findings({ companies: [publicOnly] })).toEqual([expect.objectContaining({ field: 'sources', message: expect.stringMatching(/own voice/) })]);
  });

  it.each<[string, Alias[], Alias[], boolean]>([
    ['the same plain alias', ['Acme'], ['ACME'], true],
    ['a name used as the alias', [], ['acme'], true],
    ['two case-sensitive aliases written differently', [{ text: 'Acme', caseSensitive: true, context: [] }], [{ text: 'ACME', caseSensitive: true, context: [] }], false],
    ['an alias disambiguated by context words', ['Acme'], [{ text: 'Acme', caseSensitive: false, context: ['rockets'] }], false],
  ])('warns about an alias on two companies: %s → %s', (_name, first, second, warns) => {
    const one = { ...withSources, aliases: first };
    const two = { ...withSources, slug: 'zeta', name: 'Zeta', aliases: second };
    const shared = findings({ companies: [one, two] }).filter((finding) => finding.field === 'aliases');
    expect(shared).toHaveLength(warns ? 1 : 0);
    if (warns) expect(shared[0]).toMatchObject({ file: 'companies/zeta.md', message: expect.stringContaining('companies/acme.md') });
  });
});
