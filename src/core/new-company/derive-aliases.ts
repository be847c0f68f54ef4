/**
 * A new company's aliases from its name, following the matcher's rules (whole words, case-
 * insensitive unless an alias says otherwise, context words for ambiguous names). Pure.
 *
 * - The full name always counts ("Acme Broadband").
 * - A multi-word name also counts written as one word ("AcmeBroadband": handles, hashtags).
 * - Its distinctive first word ("Acme") is how people shorten it, but alone it is ambiguous:
 *   it counts only capitalised as in the name and next to one of the other words or the
 *   context words ("broadband", "router"…).
 * - A one-word name is ambiguous in the same way: capitalised, with context.
 */
import type { Alias } from '../schemas.ts';

/** First words too common to stand for a company on their own. */
const GENERIC_FIRST_WORDS = new Set(['the', 'a', 'an', 'first', 'general', 'national', 'american', 'united', 'international', 'global', 'new', 'best', 'big', 'my', 'your', 'our', 'royal', 'standard', 'central', 'western', 'eastern', 'northern', 'southern']);
/** Legal suffixes left out of short forms ("Acme Inc." → "Acme"). */
const LEGAL_SUFFIXES = new Set(['inc', 'inc.', 'ltd', 'ltd.', 'llc', 'plc', 'corp', 'corp.', 'co', 'co.', 'gmbh', 'sa', 's.a.', 'ag', 'bv', 'nv', 'limited', 'corporation', 'company']);

/** The name's words, without legal suffixes. */
function nameWords(name: string): string[] {
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  const kept = words.filter((word, index) => index === 0 || !LEGAL_SUFFIXES.has(word.toLowerCase()));
  return kept.length > 0 ? kept : words;
}

/** Unique, case-insensitively, in order. */
function uniqueWords(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = word.toLowerCase();
    if (word === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Aliases for a company called `name`. `context` lists words that show an item is about
 * it (what it sells, its products); an ambiguous alias needs one of them (or another word
 * of the name) nearby. Returns the aliases and, when an ambiguous alias has no context at
 * all, a warning saying what to add.
 */
export function deriveAliases(name: string, context: readonly string[] = []): { aliases: Alias[]; warnings: string[] } {
  const words = nameWords(name);
  const full = words.join(' ');
  const warnings: string[] = [];
  if (words.length === 1) {
    const contextWords = uniqueWords(context.map((word) => word.trim()));
    if (contextWords.length === 0) warnings.push(`"${full}" is one word, so it also names other things: add context words (what it sells, its products) with --context, or the alias matches "${full}" anywhere it is capitalised`);
    return { aliases: [{ text: full, caseSensitive: true, context: contextWords }], warnings };
  }
  const aliases: Alias[] = [full];
  const joined = words.join('');
  if (/^[\p{L}\p{N}]+$/u.test(joined)) aliases.push(joined);
  const [first = '', ...rest] = words;
  if (first.length >= 3 && !GENERIC_FIRST_WORDS.has(first.toLowerCase())) {
    aliases.push({ text: first, caseSensitive: true, context: uniqueWords([...rest.map((word) => word.toLowerCase()), ...context.map((word) => word.trim())]) });
  }
  return { aliases, warnings };
}

/** A slug for a company name: "Acme Broadband, Inc." → "acme-broadband-inc". */
export function slugifyCompanyName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
