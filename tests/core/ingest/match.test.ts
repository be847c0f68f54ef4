import { describe, expect, it } from 'vitest';
import { matchCompany, matchesCompany } from '../../../src/core/ingest/match.ts';

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

describe('matchCompany', () => {
  const ALPHABET = { text: 'Alphabet', context: ['Google', 'GOOGL', 'Waymo', 'shareholders'] };

  it.each([
    ['a plain alias matches in any case', ['apple shipped a fix'], { aliases: ['Apple'] }, 'match'],
    ['a case-sensitive alias matches its exact case', ['Apple shipped a fix'], { aliases: [{ text: 'Apple', caseSensitive: true }] }, 'match'],
    ['a case-sensitive alias ignores other cases', ['an apple a day, APPLE pie'], { aliases: [{ text: 'Apple', caseSensitive: true }] }, 'no-match'],
    ['an alias with context counts when a context word occurs', ['Alphabet results', 'Google ad revenue grew'], { aliases: [ALPHABET] }, 'match'],
    ['an alias with context does not count without a context word', ['Snapchat lens teaches the ASL alphabet'], { aliases: [ALPHABET] }, 'no-match'],
    ['context words match in any case, as whole words', ['Alphabet and googly eyes'], { aliases: [ALPHABET] }, 'no-match'],
    ['an ignore phrase hides the alias inside it', ['Listen on Apple Podcasts or Spotify'], { aliases: ['Apple'], ignore: ['Apple Podcasts'] }, 'no-match'],
    ['an ignore phrase leaves other mentions counting', ['Listen on Apple Podcasts. Apple also fixed iOS'], { aliases: ['Apple'], ignore: ['Apple Podcasts'] }, 'match'],
    ['ignore phrases match in any case', ['a bowl of ALPHABET SOUP'], { aliases: ['Alphabet'], ignore: ['alphabet soup'] }, 'no-match'],
    ['a context word inside an ignore phrase does not count', ['Alphabet', 'Google Podcasts link'], { aliases: [ALPHABET], ignore: ['Google Podcasts'] }, 'no-match'],
    ['an exclusion term drops an item that matched', ['Acme shares fell'], { aliases: ['Acme'], exclude: ['shares fell'] }, 'excluded'],
    ['an exclusion term alone is not an exclusion: the item was never about the company', ['shares fell'], { aliases: ['Acme'], exclude: ['shares fell'] }, 'no-match'],
    ['an exclusion term inside an ignore phrase does not count', ['Acme on Apple Podcasts'], { aliases: ['Acme'], ignore: ['Apple Podcasts'], exclude: ['Apple'] }, 'match'],
    ['assumeMatch needs no alias', ['anything at all'], { aliases: [], assumeMatch: true }, 'match'],
    ['an ignore phrase with punctuation matches where HTML left a space before it', ['the PlayStation 5 , Xbox Series X and PC'], { aliases: ['Xbox'], ignore: ['PlayStation 5, Xbox'] }, 'no-match'],
    ['an alias with an apostrophe matches where HTML left a space before it', ["McDonald 's menu"], { aliases: ["McDonald's"] }, 'match'],
    ['assumeMatch still honours exclusion terms', ['stock tips'], { aliases: [], exclude: ['stock'], assumeMatch: true }, 'excluded'],
  ] as const)('%s', (_title, fields, rules, verdict) => {
    expect(matchCompany(fields, rules).verdict).toBe(verdict);
  });

  it('reports the earliest counting match across fields, as written in the text', () => {
    const match = matchCompany(['Maps update', 'New GOOGLE Maps features; Alphabet said'], { aliases: ['Alphabet', 'Google'] });
    expect(match).toMatchObject({ verdict: 'match', term: 'GOOGLE', alias: 'Google', field: 1 });
  });

  it('skips an earlier alias whose context is missing for a later one that counts', () => {
    const match = matchCompany(['the alphabet of Waymo? no', 'Microsoft shipped'], { aliases: [{ text: 'alphabet', caseSensitive: true, context: ['Azure'] }, 'Microsoft'] });
    expect(match).toMatchObject({ verdict: 'match', term: 'Microsoft' });
    expect(match.aliases[0]).toEqual({ alias: 'alphabet', caseSensitive: true, found: 'alphabet', context: ['Azure'], contextFound: [], counts: false });
  });

  it('lists the ignore phrases it removed and the exclusion term that hit', () => {
    const match = matchCompany(['Apple news on Apple Podcasts and apple podcasts', 'Apple stock price'], { aliases: ['Apple'], ignore: ['Apple Podcasts'], exclude: ['stock price'] });
    expect(match).toMatchObject({ verdict: 'excluded', term: 'Apple', excludedBy: 'stock price', ignored: ['Apple Podcasts', 'apple podcasts'] });
  });

  it('reports the context words found for each alias', () => {
    const match = matchCompany(['Alphabet told shareholders', 'Waymo grows'], { aliases: [ALPHABET] });
    expect(match.aliases).toEqual([{ alias: 'Alphabet', caseSensitive: false, found: 'Alphabet', context: ALPHABET.context, contextFound: ['Waymo', 'shareholders'], counts: true }]);
  });

  it('takes the passage from the text as written, ignore phrases included', () => {
    const match = matchCompany(['Hear it on Apple Podcasts. Apple fixed the bug.'], { aliases: ['Apple'], ignore: ['Apple Podcasts'] });
    expect(match).toMatchObject({ term: 'Apple', passage: 'Hear it on Apple Podcasts. Apple fixed the bug.' });
  });

  it('leaves term and passage unset when nothing counted', () => {
    const match = matchCompany(['nothing here'], { aliases: ['Acme'] });
    expect(match.term).toBeUndefined();
    expect(match.passage).toBeUndefined();
  });

  it('matches a case-sensitive alias on Unicode word boundaries', () => {
    expect(matchCompany(['Ärger mit Über AG'], { aliases: [{ text: 'Über AG', caseSensitive: true }] }).verdict).toBe('match');
    expect(matchCompany(['Ärger mit über ag'], { aliases: [{ text: 'Über AG', caseSensitive: true }] }).verdict).toBe('no-match');
  });
});

describe('matchCompany and web addresses written as text', () => {
  it.each([
    ['a word inside a URL is not a mention', ['watch the trailer here: http://trailers.apple.com/trailers/x/'], { aliases: ['Apple'] }, 'no-match'],
    ['a word inside a "www." address is not a mention', ['My page: www.facebook.com/someone'], { aliases: ['Facebook'] }, 'no-match'],
    ['a word inside a bare host name is not a mention', ['see trailers.apple.com or apple.com/tv for more'], { aliases: ['Apple'] }, 'no-match'],
    ['a word inside an e-mail address is not a mention', ['write to press@microsoft.com'], { aliases: ['Microsoft'] }, 'no-match'],
    ['the name next to an address still counts', ['Apple posted it at https://apple.com/newsroom'], { aliases: ['Apple'] }, 'match'],
    ['a name followed by a full stop and the next sentence is still a word', ['They sued Apple. Then they lost.'], { aliases: ['Apple'] }, 'match'],
    ['a dotted name that is not a host name is still a word', ['Microsoft.Extensions ships with .NET'], { aliases: ['Microsoft'] }, 'match'],
    ['an alias that is itself an address matches inside addresses', ['book at https://www.booking.com/hotel'], { aliases: ['Booking.com'] }, 'match'],
    ['a context word inside an address does not count', ['Alphabet soup recipes on google.com/search'], { aliases: [{ text: 'Alphabet', context: ['Google'] }] }, 'no-match'],
    ['an exclusion term inside an address does not count', ['Acme news: https://example.com/stock/acme'], { aliases: ['Acme'], exclude: ['stock'] }, 'match'],
    ['an exclusion term that is an address matches inside addresses', ['Acme deal via https://www.amazon.com/deal'], { aliases: ['Acme'], exclude: ['amazon.com'] }, 'excluded'],
  ] as const)('%s', (_title, fields, rules, verdict) => {
    expect(matchCompany(fields, rules).verdict).toBe(verdict);
  });

  it('reports the name as written next to the address it skipped', () => {
    const result = matchCompany(['trailers.apple.com has it, says Apple'], { aliases: ['Apple'] });
    expect(result.term).toBe('Apple');
    expect(result.aliases[0]?.found).toBe('Apple');
  });
});

describe('matchCompany: mentions in passing', () => {
  const rules = { aliases: ['Apple'], prominentFields: [0] };
  it.each([
    ['a mention in the title counts', ['Apple raises AirPods prices', 'Prices go up in India.'], 'match'],
    ['two mentions in the text count', ['AirPods prices rise', 'Apple said on Monday that Apple would raise prices.'], 'match'],
    ['one mention in the text is only in passing', ['New earbuds reviewed', 'They sound like the Apple ones, but cost less.'], 'no-match'],
    ['a mention in a prominent category counts', ['New earbuds reviewed', 'They sound like the Apple ones.', 'Apple'], 'match'],
  ])('%s', (_, fields, verdict) => {
    const result = matchCompany(fields, fields.length > 2 ? { ...rules, prominentFields: [0, 2] } : rules);
    expect(result.verdict).toBe(verdict);
    expect(result.inPassing ?? false).toBe(verdict === 'no-match');
  });

  it('counts one mention anywhere when no field is prominent', () => {
    expect(matchCompany(['New earbuds reviewed', 'They sound like the Apple ones.'], { aliases: ['Apple'] }).verdict).toBe('match');
  });

  it('does not count occurrences of an alias whose context words are missing', () => {
    const result = matchCompany(['Alphabet soup for kids', 'The alphabet song, then Apple pie.'], { aliases: [{ text: 'Alphabet', context: ['Google'] }, 'Apple'], prominentFields: [0] });
    expect([result.verdict, result.inPassing]).toEqual(['no-match', true]);
  });
});

describe('matchCompany: aliases with punctuation', () => {
  it.each([
    ['T-Mobile', 'My T-Mobile bill doubled', 'T-Mobile'],
    ['nimbus-eng', 'Thanks @nimbus-eng for the fix', 'nimbus-eng'],
    ['AT&T', 'AT&T dropped my call', 'AT&T'],
    ['Booking.com', 'Booking.com lost my reservation', 'Booking.com'],
    ['C#', 'Microsoft C# compiler crash', 'C#'],
    ['Yahoo!', 'Yahoo! Mail is down', 'Yahoo!'],
  ])('matches the alias %s literally, and never throws', (alias, text, term) => {
    expect(matchCompany([text], { aliases: [alias] }).term).toBe(term);
    expect(matchCompany([text], { aliases: [{ text: alias, caseSensitive: true, context: [alias] }], ignore: [`${alias}-x`], exclude: [`${alias}+`] }).verdict).toBe('match');
  });
});

describe('matchCompany: found in review', () => {
  it('counts "Acme Bank" once when both "Acme" and "Acme Bank" are aliases', () => {
    const fields = ['Banks raise fees', 'Customers of Acme Bank and others saw fees rise.'];
    expect(matchCompany(fields, { aliases: ['Acme', 'Acme Bank'], prominentFields: [0] }).verdict).toBe('no-match');
    expect(matchCompany(fields, { aliases: ['Acme Bank'], prominentFields: [0] }).verdict).toBe('no-match');
  });

  it.each(['I switched to Acme.It works great now', 'Thanks Acme.Me and my family are back online'])('keeps a name that runs into the next sentence: %s', (text) => {
    expect(matchCompany([text], { aliases: ['Acme'] }).verdict).toBe('match');
  });

  it('still reads a lower-case host name as an address', () => {
    expect(matchCompany(['see trailers.acme.com/new for details'], { aliases: ['Acme'] }).verdict).toBe('no-match');
  });
});
