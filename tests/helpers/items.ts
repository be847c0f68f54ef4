/** Small factories for core tests: a mention, a response and an override with sensible defaults. */
import type { CaseOverride, Mention, Response } from '../../src/core/types.ts';

export function mention(id: string, publishedAt: string, extra: Partial<Mention> = {}): Mention {
  const url = extra.url ?? `https://forum.example/t/${id}`;
  return {
    id,
    company: 'acme',
    source: 'https://forum.example/latest.rss',
    channel: 'forum',
    url,
    canonicalUrl: extra.canonicalUrl ?? url,
    title: `Problem ${id}`,
    author: `customer-${id}`,
    publishedAt,
    fetchedAt: publishedAt,
    links: [],
    inReplyTo: [],
    hidden: false,
    excerpt: '',
    ...extra,
  };
}

export function response(id: string, publishedAt: string, extra: Partial<Response> = {}): Response {
  const url = extra.url ?? `https://acme.example/support/${id}`;
  return {
    id,
    company: 'acme',
    source: 'https://acme.example/support.atom',
    channel: 'support',
    url,
    canonicalUrl: extra.canonicalUrl ?? url,
    title: `Answer ${id}`,
    author: 'AcmeCares',
    publishedAt,
    fetchedAt: publishedAt,
    links: [],
    inReplyTo: [],
    hidden: false,
    respondsTo: [],
    resolves: false,
    excerpt: '',
    ...extra,
  };
}

export function override(caseId: string, extra: Partial<CaseOverride> = {}): CaseOverride {
  return { caseId, company: 'acme', merge: [], hidden: false, note: '', ...extra };
}
