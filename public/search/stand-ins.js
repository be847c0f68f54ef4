// @ts-check
// Telling Pagefind's stand-ins from real matches, for the search page (search.js). Pure: words
// in, a yes or no out; unit-tested in tests/core/search-stand-ins.test.ts.
//
// Where a bundle has no word that begins with a query word, Pagefind matches the longest
// indexed word that begins the query word instead ("re" for "refund", "ac" for "acme";
// find_word_extensions in Pagefind's search.rs). A site split into bundles (npm run
// build:shards) would otherwise answer a company's name with every page of the other bundles
// that has the word "ac". Pagefind's stemmer stays inside its WebAssembly, so a real match is
// recognised by how it begins, with the endings that stemmer removes.

/** A word as the index compares it: lower case, letters and digits only. */
export const bare = (/** @type {string} */ word) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** English endings Pagefind's stemmer takes off, longest first (see beginnings). */
const ENDINGS = ['ational', 'ization', 'fulness', 'ousness', 'iveness', 'ations', 'izing', 'ising', 'ation', 'ments', 'ized', 'ised', 'ment', 'ness', 'ings', 'able', 'ible', 'ance', 'ence', 'ally', 'ists', 'ing', 'ers', 'ies', 'ied', 'ity', 'ive', 'ize', 'ise', 'ful', 'ous', 'ism', 'ist', 'ed', 'er', 'es', 'ly', 'al', 's'];

/**
 * How a word Pagefind really matched for `queryWord` may begin: the query word, and the query
 * word without an ending its stemmer removes (refund·s, cancel·l·ation, hop·ing → hope,
 * repl·ies → reply, invoic·e). A stand-in never begins like that: it is a shorter word that
 * the query word begins with ("re" for "refund", "out" for "outage").
 * @param {string} queryWord
 * @returns {string[]}
 */
export function beginnings(queryWord) {
  const found = new Set([queryWord]);
  if (queryWord.endsWith('e') && queryWord.length > 3) found.add(queryWord.slice(0, -1));
  for (const ending of ENDINGS) {
    if (!queryWord.endsWith(ending)) continue;
    const base = queryWord.slice(0, -ending.length);
    if (base.length >= 3) found.add(base);
    if (base.length >= 3 && base.at(-1) === base.at(-2)) found.add(base.slice(0, -1));
    if (base.length >= 2) found.add(`${base}e`);
    if (base.endsWith('i')) found.add(`${base.slice(0, -1)}y`);
  }
  return [...found];
}

/**
 * The words at Pagefind's match positions in a result's text, as its excerpts count words
 * (split at zero-width spaces when the text has them, else at white space), each bare and in
 * its parts ("two-factor": twofactor, two, factor).
 * @param {string} text
 * @param {readonly number[]} locations
 * @returns {string[]}
 */
export function wordsAt(text, locations) {
  const words = text.includes('\u200B') ? text.split('\u200B') : text.split(/[\r\n\s]+/g);
  return locations.flatMap((at) => {
    const word = (words[at] ?? '').toLowerCase();
    return [bare(word), ...word.split(/[^\p{L}\p{N}]+/u)].filter(Boolean);
  });
}

/**
 * True when, for each word of `term`, one of the `matched` words begins like it (beginnings):
 * the result is a real match, not a stand-in's.
 * @param {readonly string[]} matched
 * @param {string} term
 */
export function matchesEveryWord(matched, term) {
  return term
    .split(/\s+/)
    .map(bare)
    .filter(Boolean)
    .every((queryWord) => {
      const starts = beginnings(queryWord);
      return matched.some((word) => starts.some((start) => word.startsWith(start)));
    });
}
