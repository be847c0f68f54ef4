/**
 * The words around a match, for "Why this is here": a short plain-text passage cut on
 * word boundaries, with "…" where it was cut. Pure.
 */

/** Longest passage kept, in characters (UTF-16 code units, "…" included). */
export const PASSAGE_MAX_CHARS = 200;

/** Share of the room left around the match that goes before it (the rest goes after). */
const BEFORE_SHARE = 0.4;

const ELLIPSIS = '…';

/** True when the code unit at `index` is the second half of a surrogate pair (cutting there splits a character). */
function isLowSurrogateAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves a start cut forward to the next word start, without passing `limit`; else to a whole character. */
function snapStart(text: string, cut: number, limit: number): number {
  if (cut <= 0) return 0;
  if (/\s/.test(text[cut - 1] ?? '')) return cut;
  const space = text.slice(cut, limit).search(/\s/);
  if (space !== -1) return cut + space + 1;
  return isLowSurrogateAt(text, cut) ? cut + 1 : cut;
}

/** Moves an end cut back to the previous word end, without passing `limit`; else to a whole character. */
function snapEnd(text: string, cut: number, limit: number): number {
  if (cut >= text.length) return text.length;
  if (/\s/.test(text[cut] ?? '')) return cut;
  const head = text.slice(limit, cut);
  const space = head.search(/\s\S*$/);
  if (space !== -1) return limit + space;
  return isLowSurrogateAt(text, cut) ? cut - 1 : cut;
}

/**
 * The passage of `text` around the match at [`start`, `end`): at most `maxChars`
 * characters (default PASSAGE_MAX_CHARS), cut on word boundaries when there are any
 * (text without spaces, e.g. Japanese, is cut between characters), "…" where text was
 * left out, whitespace collapsed. The match itself is always kept, shortened only when
 * it alone is longer than `maxChars`. Pure; never throws.
 */
export function buildPassage(text: string, start: number, end: number, maxChars: number = PASSAGE_MAX_CHARS): string {
  const whole = text.replace(/\s+/g, ' ').trim();
  if (whole.length <= maxChars) return whole;
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  // Two characters are kept for the ellipses whenever the text does not fit.
  const room = Math.max(0, maxChars - 2 - (to - from));
  let before = Math.floor(room * BEFORE_SHARE);
  let after = room - before;
  // Room not needed on one side goes to the other.
  if (from - before < 0) {
    after += before - from;
    before = from;
  }
  if (to + after > text.length) {
    before += to + after - text.length;
    after = text.length - to;
    before = Math.min(before, from);
  }
  const cutStart = snapStart(text, from - before, from);
  const cutEnd = snapEnd(text, to + after, to);
  let passage = text.slice(cutStart, cutEnd).replace(/\s+/g, ' ').trim();
  const head = cutStart > 0 && text.slice(0, cutStart).trim() !== '' ? ELLIPSIS : '';
  let tail = cutEnd < text.length && text.slice(cutEnd).trim() !== '' ? ELLIPSIS : '';
  if (passage.length > maxChars - 2) {
    passage = passage.slice(0, Math.max(0, maxChars - 2)).replace(/[\ud800-\udbff]$/, '');
    tail = ELLIPSIS;
  }
  return `${head}${passage}${tail}`;
}
