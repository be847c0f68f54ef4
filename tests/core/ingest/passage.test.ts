import { describe, expect, it } from 'vitest';
import { buildPassage, PASSAGE_MAX_CHARS } from '../../../src/core/ingest/passage.ts';
import { countCodePoints } from '../../../src/core/text/truncate.ts';

/** The passage around the first `term` in `text`. */
function around(text: string, term: string, maxChars?: number): string {
  const start = text.indexOf(term);
  return buildPassage(text, start, start + term.length, maxChars);
}

const WORDS = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');

describe('buildPassage', () => {
  it.each([
    ['keeps a short text whole, without ellipses', 'Google Maps adds tolls', 'Google', 'Google Maps adds tolls'],
    ['collapses whitespace in a short text', 'Google\n  Maps', 'Maps', 'Google Maps'],
  ])('%s', (_title, text, term, expected) => {
    expect(around(text, term)).toBe(expected);
  });

  it.each([
    ['at the start', `Google ${WORDS}`],
    ['in the middle', `${WORDS} Google ${WORDS}`],
    ['at the end', `${WORDS} Google`],
  ])('cuts a long text around a match %s on word boundaries, within the cap', (_where, text) => {
    const passage = around(text, 'Google');
    expect(passage).toContain('Google');
    expect(passage.length).toBeLessThanOrEqual(PASSAGE_MAX_CHARS);
    expect(passage.length).toBeGreaterThan(PASSAGE_MAX_CHARS - 20);
    // Every word kept is whole: "word12", never "ord12" or "word1…" for word12.
    for (const word of passage.replace(/…/g, '').split(' ')) expect(word).toMatch(/^(word\d+|Google)$/);
  });

  it.each([
    ['at the start', `Google ${WORDS}`, false, true],
    ['in the middle', `${WORDS} Google ${WORDS}`, true, true],
    ['at the end', `${WORDS} Google`, true, false],
  ])('marks only the cut ends with "…" for a match %s', (_where, text, cutBefore, cutAfter) => {
    const passage = around(text, 'Google');
    expect(passage.startsWith('…')).toBe(cutBefore);
    expect(passage.endsWith('…')).toBe(cutAfter);
  });

  it('cuts text without spaces between whole characters, never inside a surrogate pair', () => {
    const text = `${'日本語'.repeat(60)}グーグル${'😀'.repeat(100)}`;
    const passage = around(text, 'グーグル', 40);
    expect(passage).toContain('グーグル');
    expect(countCodePoints(passage)).toBe(40);
    expect(passage.isWellFormed()).toBe(true);
  });

  it('counts an emoji as one character, as the other caps do', () => {
    const text = `${'😀 '.repeat(50)}Google${' 😀'.repeat(50)}`;
    expect(around(text, 'Google', 20)).toBe('…😀 😀 Google 😀 😀 😀 😀…'); // 20 code points (26 UTF-16 code units)
  });

  it('keeps accented words whole', () => {
    const text = `${'Überraschung '.repeat(30)}Ростелеком ${'Äpfel '.repeat(30)}`;
    const passage = around(text, 'Ростелеком', 60);
    expect(passage).toMatch(/^…(Überraschung )+Ростелеком( Äpfel)+…$/);
  });

  it('shortens a match longer than the cap and ends it with "…"', () => {
    const passage = buildPassage('x'.repeat(300), 0, 300, 50);
    expect(passage.length).toBeLessThanOrEqual(50);
    expect(passage.endsWith('…')).toBe(true);
  });
});
