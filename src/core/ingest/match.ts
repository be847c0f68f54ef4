/**
 * Is this text about the company? Alias, context, ignore and exclusion matching, with
 * the trace `explainItem` prints. Pure.
 *
 * Order: ignore phrases are blanked out of the text first (the item is kept, the phrase
 * just stops counting), and so are web addresses written out as text ("trailers.apple.com",
 * "https://www.facebook.com/…": a link is not a mention); then aliases are looked for,
 * each with its own case rule and context words; only an item that matched an alias can
 * then be excluded.
 */
import { buildPassage } from './passage.ts';

/**
 * An alias as configured: a plain string (case-insensitive, whole words), or an object
 * with options. Mirrors `AliasSchema` in `src/core/schemas.ts` (the core takes no Zod types).
 */
export type AliasRule = string | { text: string; caseSensitive?: boolean; context?: readonly string[] };

/** The matching configuration of one company and one source, merged. */
export type MatchRules = {
  /** Names that identify the company. */
  aliases: readonly AliasRule[];
  /** Phrases removed from the text before matching (e.g. "Apple Podcasts"); the item is not dropped. */
  ignore?: readonly string[];
  /** Terms that drop an item that matched an alias (e.g. "stock price"). */
  exclude?: readonly string[];
  /** True for sources where every item is about the company: no alias needed, exclusions still apply. Default false. */
  assumeMatch?: boolean;
  /**
   * When set, a passing mention is not enough: the item counts only when an alias occurs in
   * one of these fields (by index: the title, the categories) or at least
   * PROMINENT_MENTIONS times in all. News and blogs name companies in passing ("earbuds like
   * the AirPods Pro", "Google I/O will go ahead"); stories about them name them in the title
   * or again and again. Unset: one mention anywhere counts.
   */
  prominentFields?: readonly number[];
};

/** How many mentions of the company make an item about it when none is in a prominent field. */
export const PROMINENT_MENTIONS = 2;

/** What one alias found, for explanations. */
export type AliasCheck = {
  /** The alias text as configured. */
  alias: string;
  /** Whether it had to match in exactly this case. */
  caseSensitive: boolean;
  /** The exact text of its first match in the item, if any. */
  found?: string;
  /** Its context words (empty: none required). */
  context: string[];
  /** The context words that occur in the item. */
  contextFound: string[];
  /** True when it matched and its context (if any) was found: it makes the item about the company. */
  counts: boolean;
};

/** The verdict, the first counting match and its passage, and the trace behind them. */
export type CompanyMatch = {
  /** 'match': about the company; 'no-match': no alias counted; 'excluded': matched, then hit an exclusion term. */
  verdict: 'match' | 'no-match' | 'excluded';
  /** The exact text that matched first (e.g. "Google"), unset when no alias counted. */
  term?: string;
  /** The configured alias behind `term`. */
  alias?: string;
  /** The words around `term` (see buildPassage), unset when no alias counted. */
  passage?: string;
  /** Index of the text field (in the order given) where `term` was found. */
  field?: number;
  /** The exact text of the first exclusion term found, when the verdict is 'excluded'. */
  excludedBy?: string;
  /** True when an alias counted but only in passing (see MatchRules.prominentFields): the verdict is 'no-match'. */
  inPassing?: boolean;
  /** The ignore phrases found in the text (exact text, each once), all blanked out before matching. */
  ignored: string[];
  /** One entry per alias, in configured order. */
  aliases: AliasCheck[];
};

/** Escapes a string for literal use inside a regular expression. */
function escapeRegExp(text: string): string {
  // Only the syntax characters: in a /u pattern an escaped "-" or other letter is an error,
  // so an alias such as "T-Mobile" would throw.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Compiled patterns, cached by flags and term list (companies are few, items many). */
const patternCache = new Map<string, RegExp | null>();

/**
 * One pattern matching any term as a whole word: the characters on either side must not
 * be Unicode letters, marks, digits or "_". Whitespace inside a term matches any run of
 * whitespace, and punctuation in it may follow whitespace ("PS5, Xbox" matches
 * "PS5 , Xbox"); longer terms win over their prefixes. Null when there are no terms.
 */
function compileTerms(terms: readonly string[], flags: 'iu' | 'u' | 'giu' | 'gu'): RegExp | null {
  const key = `${flags}\u0000${terms.join('\u0000')}`;
  const cached = patternCache.get(key);
  if (cached !== undefined) return cached;
  const alternatives = terms
    .map((term) => term.normalize('NFC').trim())
    .filter((term) => term !== '')
    .sort((a, b) => b.length - a.length)
    // Plain text made from HTML has a space where an inline element closed ("<a>PS5</a>, Xbox"
    // reads "PS5 , Xbox"), so punctuation in a term may follow some whitespace.
    .map((term) => term.split(/\s+/).map((word) => word.split(/(?=[,;:!?.)\]'’])/).map(escapeRegExp).join('\\s*')).join('\\s+'));
  const pattern = alternatives.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}_])`, flags);
  if (patternCache.size > 1000) patternCache.clear();
  patternCache.set(key, pattern);
  return pattern;
}

/** The first match of `pattern` across the fields, in field order. */
function findFirst(fields: readonly string[], pattern: RegExp | null): { field: number; index: number; length: number } | undefined {
  if (pattern === null) return undefined;
  for (let field = 0; field < fields.length; field += 1) {
    const found = pattern.exec(fields[field]!);
    if (found) return { field, index: found.index, length: found[0].length };
  }
  return undefined;
}

/** Stands in for an ignored phrase: not a letter (so words around it stay words), not whitespace (so it never joins a multi-word alias), and never in plain text. */
const MASK_CHAR = '\u0000';

/** Top-level domains that make a bare "name.tld" a host name rather than words (the common ones; a full list would mask "Node.js"). */
const COMMON_TLDS = ['com', 'net', 'org', 'edu', 'gov', 'mil', 'int', 'io', 'co', 'ai', 'app', 'dev', 'me', 'tv', 'ly', 'fm', 'gg', 'info', 'biz', 'social', 'uk', 'de', 'fr', 'nl', 'eu', 'us', 'ca', 'au', 'jp', 'in', 'es', 'it', 'se', 'ch'];

/**
 * Web addresses written out as text: anything after a scheme ("https://…"), "www.…", and
 * bare host names ending in a common top-level domain ("trailers.apple.com/…",
 * "press@apple.com"), each with its path. Words inside them are not mentions.
 */
const WEB_ADDRESS = new RegExp(['[a-z][a-z0-9+.-]*:\\/\\/[^\\s<>"\']+', '(?<![\\p{L}\\p{N}_.-])www\\.[^\\s<>"\']+'].join('|'), 'giu');
/**
 * A bare host name: its top-level domain in lower case, as addresses are written, so a name
 * that runs into the next sentence ("I switched to Acme.It works") is still a name.
 */
const BARE_HOST = new RegExp(`(?<![\\p{L}\\p{N}_.-])(?:[\\p{L}\\p{N}-]+\\.)+(?:${COMMON_TLDS.join('|')})(?![\\p{L}\\p{N}_-])(?:\\/[^\\s<>"']*)?`, 'gu');

/** True for alias and exclusion texts that look like an address themselves ("Booking.com"): those are matched inside addresses too. */
function looksLikeAddress(term: string): boolean {
  return /[./:]\p{L}/u.test(term);
}

/** `text` with every web address written in it blanked out (see WEB_ADDRESS). */
function maskWebAddresses(text: string): string {
  const mask = (address: string) => MASK_CHAR.repeat(address.length);
  return text.replace(WEB_ADDRESS, mask).replace(BARE_HOST, mask);
}

/** The alias in its object form, with defaults. */
function readAlias(rule: AliasRule): { text: string; caseSensitive: boolean; context: string[] } {
  return typeof rule === 'string' ? { text: rule, caseSensitive: false, context: [] } : { text: rule.text, caseSensitive: rule.caseSensitive ?? false, context: [...(rule.context ?? [])] };
}

/**
 * Matches the company's rules against the item's text fields (title, excerpt text,
 * categories…; a match never spans two fields). Ignore phrases are blanked out first,
 * then web addresses written as text (URLs, "www.…", "name.com/…"), except for aliases
 * and exclusion terms that look like an address themselves ("Booking.com"); an alias counts when it occurs as a whole word (case-insensitive unless
 * `caseSensitive`) and, if it has context words, one of them occurs too (case-insensitive,
 * anywhere in the fields); the earliest counting match gives `term` and `passage`
 * (from the field as given, ignore phrases included). Exclusion terms are tested only
 * when an alias counted (or `assumeMatch`). Pure; never throws.
 */
export function matchCompany(fields: readonly string[], rules: MatchRules): CompanyMatch {
  const texts = fields.map((field) => field.normalize('NFC'));
  const ignored = new Set<string>();
  const ignorePattern = compileTerms(rules.ignore ?? [], 'giu');
  const masked = ignorePattern === null
    ? texts
    : texts.map((text) =>
        text.replace(ignorePattern, (phrase) => {
          ignored.add(phrase);
          return MASK_CHAR.repeat(phrase.length);
        }),
      );
  const words = masked.map(maskWebAddresses);
  const textsFor = (term: string) => (looksLikeAddress(term) ? masked : words);

  const aliases: AliasCheck[] = [];
  let best: { field: number; index: number; length: number; alias: string } | undefined;
  for (const rule of rules.aliases) {
    const alias = readAlias(rule);
    const hit = findFirst(textsFor(alias.text), compileTerms([alias.text], alias.caseSensitive ? 'u' : 'iu'));
    const contextFound = hit && alias.context.length > 0 ? alias.context.filter((word) => findFirst(textsFor(word), compileTerms([word], 'iu')) !== undefined) : [];
    const counts = hit !== undefined && (alias.context.length === 0 || contextFound.length > 0);
    aliases.push({ alias: alias.text, caseSensitive: alias.caseSensitive, ...(hit ? { found: texts[hit.field]!.slice(hit.index, hit.index + hit.length) } : {}), context: alias.context, contextFound, counts });
    if (!counts || !hit) continue;
    const earlier = !best || hit.field < best.field || (hit.field === best.field && (hit.index < best.index || (hit.index === best.index && hit.length > best.length)));
    if (earlier) best = { ...hit, alias: alias.text };
  }

  const result: CompanyMatch = { verdict: 'no-match', ignored: [...ignored], aliases };
  if (best && rules.prominentFields && !isProminent(rules.aliases.filter((_, i) => aliases[i]!.counts), rules.prominentFields, textsFor, best.field)) {
    result.inPassing = true;
    best = undefined;
  }
  if (best) {
    const text = texts[best.field]!;
    result.term = text.slice(best.index, best.index + best.length);
    result.alias = best.alias;
    result.passage = buildPassage(text, best.index, best.index + best.length);
    result.field = best.field;
  }
  if (!best && !rules.assumeMatch) return result;
  const exclude = rules.exclude ?? [];
  const excluded = findFirst(words, compileTerms(exclude.filter((term) => !looksLikeAddress(term)), 'iu')) ?? findFirst(masked, compileTerms(exclude.filter(looksLikeAddress), 'iu'));
  if (excluded) {
    result.verdict = 'excluded';
    result.excludedBy = texts[excluded.field]!.slice(excluded.index, excluded.index + excluded.length);
  } else result.verdict = 'match';
  return result;
}

/**
 * Whether the counting aliases name the company prominently: one occurrence in a prominent
 * field (the first match is the earliest, so checking its field and then every field is
 * enough), or PROMINENT_MENTIONS occurrences in all.
 */
function isProminent(countingAliases: readonly AliasRule[], prominentFields: readonly number[], textsFor: (term: string) => readonly string[], firstField: number): boolean {
  const prominent = new Set(prominentFields);
  if (prominent.has(firstField)) return true;
  // Spans, not hits per alias: "Acme Bank" is one mention even when "Acme" is an alias too.
  const spans = new Map<number, [number, number][]>();
  for (const rule of countingAliases) {
    const alias = readAlias(rule);
    const texts = textsFor(alias.text);
    const pattern = compileTerms([alias.text], alias.caseSensitive ? 'gu' : 'giu');
    if (pattern === null) continue;
    for (let field = 0; field < texts.length; field += 1) {
      for (const hit of texts[field]!.matchAll(pattern)) {
        if (prominent.has(field)) return true;
        (spans.get(field) ?? spans.set(field, []).get(field)!).push([hit.index, hit.index + hit[0].length]);
      }
    }
  }
  let occurrences = 0;
  for (const list of spans.values()) {
    let end = -1;
    for (const [start, stop] of list.sort((a, b) => a[0] - b[0])) {
      if (start >= end) occurrences += 1;
      end = Math.max(end, stop);
    }
  }
  return occurrences >= PROMINENT_MENTIONS;
}

/**
 * Whether `text` is about the company: 'match' when it contains an alias, 'excluded'
 * when it also contains an exclusion term, else 'no-match'. Case-insensitive, on Unicode
 * word boundaries ("Acme" matches "ACME's" but not "Acmeville"), with alias text taken
 * literally (no regex syntax). A shorthand for `matchCompany([text], { aliases, exclude })`.
 * Pure; never throws.
 */
export function matchesCompany(text: string, aliases: readonly AliasRule[], exclude: readonly string[]): 'match' | 'no-match' | 'excluded' {
  return matchCompany([text], { aliases, exclude }).verdict;
}
