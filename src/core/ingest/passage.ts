/**
 * The words around a match, for "Why this is here": a short plain-text passage cut on
 * word boundaries, with "…" where it was cut. Pure.
 */

import { countCodePoints, ELLIPSIS, sliceCodePoints } from '../text/truncate.ts';

/** Longest passage kept, in characters (code points, "…" included). */
export const PASSAGE_MAX_CHARS = 200;

/** Share of the room left around the match that goes before it (the rest goes after). */
const BEFORE_SHARE = 0.4;

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

/** Moves a start cut forward to the next word start, without passing `limit`. Indexes are code points. */
function snapStart(chars: readonly string[], cut: number, limit: number): number {
  if (cut <= 0) return 0;
  if (isSpace(chars[cut - 1])) return cut;
  const space = chars.slice(cut, limit).findIndex(isSpace);
  return space === -1 ? cut : cut + space + 1;
}

/** Moves an end cut back to the previous word end, without passing `limit`. Indexes are code points. */
function snapEnd(chars: readonly string[], cut: number, limit: number): number {
  if (cut >= chars.length) return chars.length;
  if (isSpace(chars[cut])) return cut;
  const space = chars.slice(limit, cut).findLastIndex(isSpace);
  return space === -1 ? cut : limit + space;
}

/**
 * The passage of `text` around the match at [`start`, `end`) (UTF-16 indexes, as
 * String.prototype.search gives them): at most `maxChars` characters (code points, default
 * PASSAGE_MAX_CHARS), cut on word boundaries when there are any (text without spaces, e.g.
 * Japanese, is cut between characters, never inside a surrogate pair), "…" where text was
 * left out, whitespace collapsed. The match itself is always kept, shortened only when it
 * alone is longer than `maxChars`. Pure; never throws.
 */
export function buildPassage(text: string, start: number, end: number, maxChars: number = PASSAGE_MAX_CHARS): string {
  const whole = text.replace(/\s+/g, ' ').trim();
  if (countCodePoints(whole) <= maxChars) return whole;
  const chars = Array.from(text);
  const fromUnit = Math.max(0, Math.min(start, text.length));
  const from = countCodePoints(text.slice(0, fromUnit));
  const to = from + countCodePoints(text.slice(fromUnit, Math.max(fromUnit, Math.min(end, text.length))));
  // Two characters are kept for the ellipses whenever the text does not fit.
  const room = Math.max(0, maxChars - 2 - (to - from));
  let before = Math.floor(room * BEFORE_SHARE);
  let after = room - before;
  // Room not needed on one side goes to the other.
  if (from - before < 0) {
    after += before - from;
    before = from;
  }
  if (to + after > chars.length) {
    before += to + after - chars.length;
    after = chars.length - to;
    before = Math.min(before, from);
  }
  const cutStart = snapStart(chars, from - before, from);
  const cutEnd = snapEnd(chars, to + after, to);
  let passage = chars.slice(cutStart, cutEnd).join('').replace(/\s+/g, ' ').trim();
  const head = cutStart > 0 && chars.slice(0, cutStart).join('').trim() !== '' ? ELLIPSIS : '';
  let tail = cutEnd < chars.length && chars.slice(cutEnd).join('').trim() !== '' ? ELLIPSIS : '';
  if (countCodePoints(passage) > maxChars - 2) {
    passage = sliceCodePoints(passage, Math.max(0, maxChars - 2));
    tail = ELLIPSIS;
  }
  return `${head}${passage}${tail}`;
}
