import { describe, expect, it } from 'vitest';
import { hasXmlForbiddenChars, stripXmlControlChars } from '../../../src/core/text/xml-chars.ts';

describe('the characters XML 1.0 forbids, one definition for feeds in and out', () => {
  it.each([
    ['C0 controls other than tab, LF and CR', 'a\u0000b\u0008c\u000Bd\u000Ce\u001Ff', 'abcdef'],
    ['tab, LF and CR are allowed', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['U+FFFE and U+FFFF', 'a\uFFFEb\uFFFFc', 'abc'],
    ['a lone high surrogate', 'a\uD800b', 'ab'],
    ['a lone low surrogate', 'a\uDC00b', 'ab'],
    ['a high surrogate at the very end (a string cut in half)', 'ab\uD83D', 'ab'],
    ['a surrogate pair is one astral character and stays', 'a😀b𝐀c', 'a😀b𝐀c'],
    ['DEL and C1 controls are allowed in XML 1.0', 'a\u007Fb\u0085c', 'a\u007Fb\u0085c'],
    ['combining marks and ZWJ sequences stay', 'e\u0301 👨‍👩‍👧', 'e\u0301 👨‍👩‍👧'],
  ])('%s', (_rule, text, expected) => {
    expect(stripXmlControlChars(text)).toBe(expected);
    expect(hasXmlForbiddenChars(text)).toBe(text !== expected);
    expect(hasXmlForbiddenChars(stripXmlControlChars(text))).toBe(false);
  });

  it('answers the same when asked twice (no state left in the pattern)', () => {
    expect(hasXmlForbiddenChars('a\u0000')).toBe(true);
    expect(hasXmlForbiddenChars('a\u0000')).toBe(true);
  });
});
