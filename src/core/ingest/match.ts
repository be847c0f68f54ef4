/**
 * Is this text about the company? Alias and exclusion matching. Pure.
 */

/** Escapes a string for literal use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Compiled patterns, cached by the term list (companies are few, items many). */
const patternCache = new Map<string, RegExp | null>();

/**
 * One case-insensitive pattern matching any term as a whole word: the characters on
 * either side must not be Unicode letters, marks or digits. Whitespace inside a term
 * matches any run of whitespace. Null when there are no terms.
 */
function compileTerms(terms: readonly string[]): RegExp | null {
  const key = terms.join('\u0000');
  const cached = patternCache.get(key);
  if (cached !== undefined) return cached;
  const alternatives = terms
    .map((term) => term.normalize('NFC').trim())
    .filter((term) => term !== '')
    .sort((a, b) => b.length - a.length)
    .map((term) => term.split(/\s+/).map(escapeRegExp).join('\\s+'));
  const pattern = alternatives.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}_])`, 'iu');
  if (patternCache.size > 1000) patternCache.clear();
  patternCache.set(key, pattern);
  return pattern;
}

/**
 * Whether `text` is about the company: 'excluded' when it contains an exclusion term,
 * else 'match' when it contains an alias, else 'no-match'. Case-insensitive, on
 * Unicode word boundaries ("Acme" matches "ACME's" but not "Acmeville"), with alias
 * text taken literally (no regex syntax). Pure; never throws.
 */
export function matchesCompany(text: string, aliases: string[], exclude: string[]): 'match' | 'no-match' | 'excluded' {
  const normalized = text.normalize('NFC');
  const excludePattern = compileTerms(exclude);
  if (excludePattern?.test(normalized)) return 'excluded';
  const aliasPattern = compileTerms(aliases);
  return aliasPattern?.test(normalized) ? 'match' : 'no-match';
}
