/**
 * The search page's test for Pagefind's stand-ins (public/search/stand-ins.js): a bundle with no
 * word beginning with a query word answers it with a shorter word the query word begins with;
 * a real match begins like the query word, or like it without an ending the stemmer removes.
 */
import { describe, expect, it } from 'vitest';
import { beginnings, matchesEveryWord, wordsAt } from '../../public/search/stand-ins.js';

describe('beginnings', () => {
  it('is the query word itself when it has no ending the stemmer removes, and without a final e', () => {
    expect(beginnings('refund')).toEqual(['refund']);
    expect(beginnings('acme')).toEqual(['acme', 'acm']);
  });

  it('also takes off endings, undoes a doubled consonant, and restores e and y', () => {
    expect(beginnings('refunds')).toContain('refund');
    expect(beginnings('cancellation')).toContain('cancel');
    expect(beginnings('running')).toContain('run');
    expect(beginnings('hoping')).toContain('hope');
    expect(beginnings('replies')).toContain('reply');
    expect(beginnings('invoice')).toContain('invoic');
  });
});

describe('matchesEveryWord', () => {
  it('accepts the words a real match has: the query word, longer forms, shorter stems', () => {
    expect(matchesEveryWord(['refund'], 'refund')).toBe(true);
    expect(matchesEveryWord(['refunded'], 'Refund')).toBe(true);
    expect(matchesEveryWord(['refund'], 'refunds')).toBe(true);
    expect(matchesEveryWord(['invoicing'], 'invoice')).toBe(true);
    expect(matchesEveryWord(['reply'], 'replies')).toBe(true);
  });

  it('refuses a stand-in: a shorter word that the query word begins with', () => {
    expect(matchesEveryWord(['re'], 'refund')).toBe(false);
    expect(matchesEveryWord(['ac'], 'acme')).toBe(false);
    expect(matchesEveryWord(['out'], 'outage')).toBe(false);
  });

  it('needs every query word matched: one stand-in is enough to refuse', () => {
    expect(matchesEveryWord(['refund', 'invoice'], 'refund invoice')).toBe(true);
    expect(matchesEveryWord(['refund', 'in'], 'refund invoice')).toBe(false);
  });
});

describe('wordsAt', () => {
  it('finds the words at Pagefind’s positions, bare and in their parts', () => {
    expect(wordsAt('Still no refund. Two-factor sign-in fails', [2, 3])).toEqual(['refund', 'refund', 'twofactor', 'two', 'factor']);
    expect(wordsAt('a\u200Bb\u200BRe:', [2])).toEqual(['re', 're']);
  });
});
