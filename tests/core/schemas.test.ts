import { describe, expect, it } from 'vitest';
import { CompanySchema, InstantSchema } from '../../src/core/schemas.ts';

describe('CompanySchema', () => {
  it('fills defaults for a minimal company file', () => {
    const company = CompanySchema.parse({ name: 'Zephyr Telecom' });
    expect(company.responseTargetHours).toBe(24);
    expect(company.timeZone).toBe('UTC');
    expect(company.sources).toEqual([]);
  });

  it('rejects an unknown channel with a message naming the allowed ones', () => {
    const result = CompanySchema.safeParse({ name: 'Z', sources: [{ url: 'https://x.example/f.rss', channel: 'tv' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['sources', 0, 'channel']);
    expect(result.error?.issues[0]?.message).toMatch(/forum/);
  });

  it('rejects an unknown time zone', () => {
    expect(CompanySchema.safeParse({ name: 'Z', timeZone: 'Mars/Olympus' }).success).toBe(false);
  });

  it.each([
    ['keeps a plain string alias as it is', 'Apple', 'Apple'],
    ['fills an alias object\'s defaults', { text: 'Apple' }, { text: 'Apple', caseSensitive: false, context: [] }],
    ['keeps an alias object\'s options', { text: 'Alphabet', caseSensitive: true, context: ['Google'] }, { text: 'Alphabet', caseSensitive: true, context: ['Google'] }],
  ])('%s', (_title, alias, expected) => {
    expect(CompanySchema.parse({ name: 'Z', aliases: [alias] }).aliases).toEqual([expected]);
  });

  it('names the alias and both accepted forms when an alias object has no text', () => {
    const result = CompanySchema.safeParse({ name: 'Z', aliases: [{ caseSensitive: true }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['aliases', 0]);
    expect(result.error?.issues[0]?.message).toMatch(/a name such as "Acme", or an object such as \{ text: "Alphabet"/);
  });

  it('defaults ignore to [] on the company and leaves it unset on a source', () => {
    const company = CompanySchema.parse({ name: 'Z', sources: [{ url: 'f.rss', channel: 'news' }] });
    expect(company.ignore).toEqual([]);
    expect(company.sources[0]).not.toHaveProperty('ignore');
    expect(company.sources[0]).not.toHaveProperty('exclude');
  });
});

describe('InstantSchema', () => {
  it.each([
    ['2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T10:30:00+01:00', '2026-03-01T09:30:00.000Z'],
    [new Date('2026-03-01T09:30:00Z'), '2026-03-01T09:30:00.000Z'],
  ])('normalises %s to UTC', (input, expected) => {
    expect(InstantSchema.parse(input)).toBe(expected);
  });

  it('rejects a time without a zone, because its instant would be ambiguous', () => {
    expect(InstantSchema.safeParse('2026-03-01T09:30:00').success).toBe(false);
  });
});
