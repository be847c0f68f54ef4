/**
 * Personal data out of what we publish: e-mail addresses, phone numbers, payment-card,
 * bank-account and social-security numbers in a title or an excerpt are replaced by a
 * marker such as "[email removed]", as the CFPB replaces them with "XXXX" before it publishes
 * a complaint narrative. Pure; never throws.
 *
 * A false positive destroys meaning (a price, a date, an order number, a statute), so every
 * rule needs a shape that only personal data has: an `@` between a name and a domain; a
 * phone number's international prefix, North American grouping or national trunk `0` with
 * separators, or a phone word right before it; a card number that passes the Luhn check and
 * starts like a card; an IBAN that passes its mod-97 check; an account number right after
 * the word "account". Web addresses are left alone, and so is a fediverse handle
 * (`@name@server.example`), which its owner published as a name.
 */

/** What a rule removed. */
export type PersonalDataKind = 'email' | 'phone' | 'card' | 'account' | 'id-number';

/** The marker each kind is replaced with, as a reader sees it. */
export const PERSONAL_DATA_MARKERS: Readonly<Record<PersonalDataKind, string>> = {
  email: '[email removed]',
  phone: '[phone removed]',
  card: '[card number removed]',
  account: '[account number removed]',
  'id-number': '[ID number removed]',
};

/** The result: the scrubbed text and one entry per replacement, in rule order. */
export type ScrubResult = { text: string; removed: PersonalDataKind[] };

/** Web addresses and Markdown link targets: never scrubbed (digits in a path are not a phone). */
const PROTECTED = /\b(?:https?:\/\/|www\.)[^\s<>"]+|\]\((?!mailto:)[^)\s]*\)/giu;

const EMAIL_LOCAL = String.raw`[A-Za-z0-9](?:[A-Za-z0-9._%+\\-]*[A-Za-z0-9_])?`;
const EMAIL_DOMAIN = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}`;
const EMAIL = `${EMAIL_LOCAL}@${EMAIL_DOMAIN}`;

/** Digits of a match, as a string. */
function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** The Luhn check every payment card number passes (and 9 in 10 random digit runs fail). */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** 13–19 digits that start like a payment card (2–6: Mastercard, Amex, Visa, Discover…) and pass Luhn. */
function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && passesLuhn(digits);
}

/** The ISO 13616 check: the IBAN, its first four characters moved to the end, letters as 10–35, is 1 mod 97. */
function passesIbanCheck(iban: string): boolean {
  const compact = iban.replace(/ /g, '');
  if (compact.length < 15 || compact.length > 34) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** A year or a span of years ("2019", "2019-2020"): what follows "account" or "call" most often that is not a number to remove. */
const YEARS = /^(?:19|20)\d\d(?:[ -]+(?:19|20)?\d\d)?$/;
/** A date written with dashes or spaces (2026-03-01, 01-03-2026): never a phone. */
const DATE_SHAPE = /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}-\d{1,2}-\d{2,4}\b/;

type Rule = {
  kind: PersonalDataKind;
  pattern: RegExp;
  /** The replacement for one match, or null to keep it. `groups` are the capture groups. */
  replace: (match: string, marker: string, groups: (string | undefined)[]) => string | null;
};

/** After a number: not more of a word, a decimal part or a per cent sign (then it is not a whole number). */
const NUMBER_END = String.raw`(?![\w-]|[.,]\d|%)`;

const RULES: readonly Rule[] = [
  {
    // A Markdown link to an address: keep the words, drop the address.
    kind: 'email',
    pattern: /\[([^\]]*)\]\(mailto:[^)]*\)/giu,
    replace: (_match, marker, [label]) => (label && !new RegExp(EMAIL).test(label) ? label : marker),
  },
  {
    // An autolink (<jo@example.com>), a mailto: address or a bare address; not @name@server (a fediverse handle).
    kind: 'email',
    pattern: new RegExp(`<(?:mailto:)?${EMAIL}>|(?:mailto:)?(?<![@\\w.%+\\\\-])${EMAIL}`, 'giu'),
    replace: (_match, marker) => marker,
  },
  {
    kind: 'account',
    pattern: /(?<![\w-])[A-Z]{2}\d\d(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\w-])/gu,
    replace: (match, marker) => (passesIbanCheck(match) ? marker : null),
  },
  {
    // 4-4-4-4 (or 4-4-4-4-3), Amex's 4-6-5, or 13–19 digits in one run; it must start like a card (2–6) and pass Luhn.
    kind: 'card',
    pattern: new RegExp(String.raw`(?<![\w.,$€£#/-])(?:\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?|\d{4}([ -])\d{6}\2\d{4,5}|\d{13,19})${NUMBER_END}`, 'gu'),
    replace: (match, marker) => {
      if (isCardNumber(digitsOf(match))) return marker;
      // "1) 4111 1111 1111 1111 2) …": the list's next number is not part of the card.
      const sixteen = match.slice(0, 19);
      return match.length > 19 && isCardNumber(digitsOf(sixteen)) ? `${marker}${match.slice(19)}` : null;
    },
  },
  {
    // The US social security number's 3-2-4 with dashes.
    kind: 'id-number',
    pattern: /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])/gu,
    replace: (_match, marker) => marker,
  },
  {
    // "account number 123456789", "acct # 1234-5678": the words stay, the number goes.
    kind: 'account',
    pattern: /\b((?:account|acct\.?|a\/c|routing|sort code|loan|member(?:ship)?)(?: (?:number|no\.?|num\.?|#))?:?#? ?)(\d[\d -]{4,22}\d)(?![\w-]|[.,]\d)/giu,
    replace: (match, marker, [words, number]) => {
      const digits = digitsOf(number ?? '');
      return digits.length >= 6 && digits.length <= 17 && !YEARS.test(number ?? '') ? `${words}${marker}` : null;
    },
  },
  {
    // A phone word right before a number: "call me on 5551234567", "tel: 0041 44 668 18 00".
    kind: 'phone',
    pattern: /\b((?:phone|tel|telephone|mobile|cell(?:phone)?|whats[aA]pp|fax|call(?:ed)?(?: me| us)?(?: at| on)?)(?: (?:number|no\.?|#))?:? ?)(\+?\(?\d[\d ()-]{5,20}\d)(?![\w-]|[.,]\d|%)/giu,
    replace: (_match, marker, [words, number]) => {
      const digits = digitsOf(number ?? '');
      return digits.length >= 7 && digits.length <= 15 && !DATE_SHAPE.test(number ?? '') && !YEARS.test(number ?? '') ? `${words}${marker}` : null;
    },
  },
  {
    // International: +44 20 7946 0958, +1 (555) 123-4567, +33 1 23 45 67 89.
    kind: 'phone',
    pattern: new RegExp(String.raw`(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}${NUMBER_END}`, 'gu'),
    replace: (match, marker) => {
      const digits = digitsOf(match).length;
      return digits >= 8 && digits <= 15 ? marker : null;
    },
  },
  {
    // North American: 555-123-4567, (555) 123-4567, 555.123.4567, 1-800-555-0199.
    kind: 'phone',
    pattern: new RegExp(String.raw`(?<![\w+.\/-])(?:1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}${NUMBER_END}`, 'gu'),
    replace: (_match, marker) => marker,
  },
  {
    // National with the trunk 0 and separators: 020 7946 0958, 01 23 45 67 89, 07911 123456.
    kind: 'phone',
    pattern: new RegExp(String.raw`(?<![\w+.\/-])0\d{1,4}(?:[ -]\d{2,7}){1,4}${NUMBER_END}`, 'gu'),
    replace: (match, marker) => {
      const digits = digitsOf(match).length;
      return digits >= 9 && digits <= 12 && !DATE_SHAPE.test(match) ? marker : null;
    },
  },
];

/** Applies every rule to text that holds no protected span. */
function scrubSegment(text: string, format: 'plain' | 'markdown', removed: PersonalDataKind[]): string {
  let out = text;
  for (const rule of RULES) {
    const marker = format === 'markdown' ? PERSONAL_DATA_MARKERS[rule.kind].replace(/[[\]]/g, '\\$&') : PERSONAL_DATA_MARKERS[rule.kind];
    out = out.replace(rule.pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const offset = args[args.length - 2] as number;
      const whole = args[args.length - 1] as string;
      const groups = args.slice(1, -2) as (string | undefined)[];
      const replacement = rule.replace(match, marker, groups);
      if (replacement === null) return match;
      removed.push(rule.kind);
      // A marker right before "(" would read as a link ("[email removed](home)") to a simple Markdown reader.
      return format === 'markdown' && whole.charAt(offset + match.length) === '(' ? `${replacement} ` : replacement;
    });
  }
  return out;
}

/**
 * Replaces e-mail addresses, phone numbers, card, account and social-security numbers in
 * `text` with markers (PERSONAL_DATA_MARKERS); web addresses are kept whole. `format`
 * 'markdown' escapes the markers' brackets so they stay text, 'plain' (the default) does not.
 */
export function scrubPersonalData(text: string, format: 'plain' | 'markdown' = 'plain'): ScrubResult {
  const removed: PersonalDataKind[] = [];
  let out = '';
  let last = 0;
  for (const span of text.matchAll(PROTECTED)) {
    out += scrubSegment(text.slice(last, span.index), format, removed) + span[0];
    last = span.index + span[0].length;
  }
  out += scrubSegment(text.slice(last), format, removed);
  return { text: out, removed };
}
