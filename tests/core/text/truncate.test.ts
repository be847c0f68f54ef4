import { describe, expect, it } from 'vitest';
import { countCodePoints, sliceCodePoints, truncateAtWord, withEllipsis } from '../../../src/core/text/truncate.ts';

const FAMILY = '👨‍👩‍👧'; // man, ZWJ, woman, ZWJ, girl: 5 code points, 8 UTF-16 code units, one character
const FLAG = '🇫🇷'; // two regional indicators, one flag
const E_ACUTE = 'e\u0301'; // e + combining acute accent: two code points, one character

describe('countCodePoints: a character outside the BMP counts once', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['😀', 1],
    ['𝐀𝐁', 2],
    [E_ACUTE, 2],
    [FAMILY, 5],
  ])('%j has %i code points', (text, count) => {
    expect(countCodePoints(text)).toBe(count);
  });
});

describe('sliceCodePoints: the start of a text, never half a character', () => {
  it.each([
    ['text that fits is returned as it is', 'abc', 5, 'abc'],
    ['an emoji counts as one', '😀😀😀', 2, '😀😀'],
    ['an astral letter is never split from its other half', 'a𝐀b', 2, 'a𝐀'],
    ['a letter is not cut from its combining accent', `caf${E_ACUTE}s`, 4, 'caf'],
    ['an emoji sequence is kept whole or left out', `ab${FAMILY}c`, 4, 'ab'],
    ['a flag is never half a flag', `a${FLAG}`, 2, 'a'],
    ['zero leaves nothing', 'abc', 0, ''],
  ])('%s', (_rule, text, max, expected) => {
    expect(sliceCodePoints(text, max)).toBe(expected);
  });

  it('cuts through a cluster built to be longer than any character (and still keeps surrogate pairs whole)', () => {
    const zalgo = `a${'\u0301'.repeat(200)}`;
    expect(countCodePoints(sliceCodePoints(zalgo, 100))).toBe(100);
    const skinTones = `a${'🏽'.repeat(100)}`;
    const cut = sliceCodePoints(skinTones, 50);
    expect(cut.isWellFormed()).toBe(true);
  });
});

describe('truncateAtWord: one cap for titles, names, excerpts and passages', () => {
  it.each([
    ['text that fits is unchanged', 'short text', 10, 'short text'],
    ['one long word is cut between characters', 'abcdefghijklmnop', 5, 'abcd…'],
    ['the cut falls at the last word boundary', 'one two three four', 12, 'one two…'],
    ['a word that ends exactly at the cut is kept', 'one two three', 8, 'one two…'],
    ['punctuation before the ellipsis is dropped', 'one, two, three, four', 10, 'one, two…'],
    ['a cut that would keep too little cuts inside the word instead', 'a bcdefghijklmnop', 8, 'a bcdef…'],
    ['text without spaces (Japanese) is cut between characters', '東京の回線がまた落ちました', 6, '東京の回線…'],
    ['emoji count once, so an emoji text keeps as many emoji as the cap', '😀😀😀😀😀😀', 4, '😀😀😀…'],
    ['an astral character at the cut is left out whole, never halved', 'abc𝐀def', 4, 'abc…'],
    ['a combining accent at the cut takes its letter with it', `caf${E_ACUTE} au lait`, 5, 'caf…'],
    ['an emoji sequence at the cut is left out whole', `hi ${FAMILY}!`, 5, 'hi…'],
    ['a cap of 1 is just the ellipsis', 'abc', 1, '…'],
    ['a cap of 0 is empty', 'abc', 0, ''],
  ])('%s', (_rule, text, max, expected) => {
    const cut = truncateAtWord(text, max);
    expect(cut).toBe(expected);
    expect(countCodePoints(cut)).toBeLessThanOrEqual(Math.max(0, max));
    expect(cut.isWellFormed()).toBe(true);
  });

  it('never returns a lone surrogate, wherever the cut falls', () => {
    const text = 'ab😀cd😀 ef😀😀 g𝐀h 😀';
    for (let max = 0; max <= countCodePoints(text); max += 1) expect(truncateAtWord(text, max).isWellFormed(), `cap ${max}`).toBe(true);
  });
});

describe('withEllipsis: how a cut made elsewhere is marked', () => {
  it.each([
    ['one two', 'one two…'],
    ['one, two, ', 'one, two…'],
    ['so it ends - ', 'so it ends…'],
    ['😀', '😀…'],
  ])('%j → %j', (text, expected) => {
    expect(withEllipsis(text)).toBe(expected);
  });
});
