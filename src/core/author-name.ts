/**
 * One way to compare author names and handles, for every rule that asks "is this the same
 * person?": an official account, a listed bot, the complainant answering their own case, a
 * reply by the case's author, an @-mention of the company's account. Pure.
 */

/**
 * An author name or handle in the form names are compared in: Unicode NFKC (so full-width
 * and compatibility forms match), trimmed, every leading "@" dropped, runs of whitespace
 * collapsed to one space, lower case. "@ZephyrCares", "zephyrcares" and "ＺｅｐｈｙｒＣａｒｅｓ"
 * compare equal; "" stays "".
 */
export function normalizeAuthorName(name: string): string {
  return name.normalize('NFKC').trim().replace(/^@+/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}
