import { describe, expect, it } from 'vitest';
import { matchesCompany } from '../../src/core/ingest/match.ts';

const ALIASES = ['Zephyr Telecom', 'ZephyrTel', 'C++ Corp'];
const EXCLUDE = ['stock', 'shares'];

describe('matchesCompany', () => {
  it.each([
    ['Zephyr Telecom cut my line again', 'match'],
    ['zephyr   telecom support is slow', 'match'],
    ["ZEPHYRTEL's outage", 'match'],
    ['Thanks, ZephyrTel!', 'match'],
    ['ZephyrTelco is another company', 'no-match'],
    ['MyZephyrTel fan club', 'no-match'],
    ['I use C++ Corp tools', 'match'],
    ['Nothing to see here', 'no-match'],
    ['ZephyrTel stock fell', 'excluded'],
    ['Zephyr Telecom SHARES rose', 'excluded'],
    ['Zephyr Telecom stockholm office', 'match'],
  ] as const)('classifies %j as %s', (text, expected) => {
    expect(matchesCompany(text, ALIASES, EXCLUDE)).toBe(expected);
  });

  it('treats alias text literally, not as a regular expression', () => {
    expect(matchesCompany('a.b', ['a.b'], [])).toBe('match');
    expect(matchesCompany('axb', ['a.b'], [])).toBe('no-match');
    expect(matchesCompany('x(y', ['x(y'], [])).toBe('match');
  });

  it('uses Unicode word boundaries for non-Latin names', () => {
    expect(matchesCompany('Ärger mit Über AG heute', ['Über AG'], [])).toBe('match');
    expect(matchesCompany('ÜberAGs', ['Über AG'], [])).toBe('no-match');
    expect(matchesCompany('Проблема с Ростелеком.', ['Ростелеком'], [])).toBe('match');
    expect(matchesCompany('Ростелекомом', ['Ростелеком'], [])).toBe('no-match');
  });

  it('never matches with no aliases', () => {
    expect(matchesCompany('anything', [], [])).toBe('no-match');
  });
});
