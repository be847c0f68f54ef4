/**
 * Mention or response? Decided by the source's voice and the company's official identities. Pure.
 */
import { normalizeAuthorName } from '../author-name.ts';
import type { Voice } from '../schemas.ts';
import type { ItemKind } from './types.ts';

/** What classifyItem needs to know about one item. */
export type ClassifyInput = {
  /** The source's voice: 'company' makes every item a response. */
  voice: Voice;
  /** The item's plain-text author, possibly empty. */
  author: string;
  /** The item's canonical URL. */
  url: string;
  /**
   * The URL of the feed the item came from. A public-voice feed on an official domain is a
   * community the company hosts (community.example.com): its pages are on the company's
   * domain whoever writes them, so there only the author tells the company's answers apart.
   */
  sourceUrl?: string;
  /** The company's official author names/handles and domains. */
  official: { authors: string[]; domains: string[] };
};


/** The host of a domain entry or URL, lower-case, without "www." or a trailing dot. */
function normalizeDomain(domain: string): string {
  const trimmed = domain.trim().toLowerCase();
  let host = trimmed;
  try {
    host = new URL(trimmed.includes('://') ? trimmed : `https://${trimmed}`).hostname;
  } catch {
    host = trimmed;
  }
  return host.replace(/\.$/, '').replace(/^www\./, '');
}

/** True when `host` is `domain` or one of its subdomains. */
export function isOnDomain(host: string, domain: string): boolean {
  const h = normalizeDomain(host);
  const d = normalizeDomain(domain);
  return d !== '' && (h === d || h.endsWith(`.${d}`));
}

/**
 * 'response' when the source speaks for the company (voice 'company'), when the
 * author is one of the official authors (case-insensitive, '@' optional), or when
 * the item's URL is on an official domain or a subdomain of one — unless the feed itself
 * is on an official domain (a community forum the company hosts, where customers post
 * too); else 'mention'. Pure; never throws.
 */
export function classifyItem(input: ClassifyInput): ItemKind {
  if (input.voice === 'company') return 'response';
  const author = normalizeAuthorName(input.author);
  if (author !== '' && input.official.authors.some((official) => normalizeAuthorName(official) === author)) return 'response';
  if (input.sourceUrl !== undefined && isOnOfficialDomain(input.sourceUrl, input.official.domains)) return 'mention';
  return isOnOfficialDomain(input.url, input.official.domains) ? 'response' : 'mention';
}

function isOnOfficialDomain(url: string, domains: readonly string[]): boolean {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return domains.some((domain) => isOnDomain(host, domain));
}
