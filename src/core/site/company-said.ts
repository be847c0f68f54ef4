/**
 * "What <company> said": every company item the site shows, in one list — the responses on
 * its cases' timelines and the statements that answer no case — newest first. The page
 * model of /companies/<slug>/said/, and the items of the "responses only" feeds. Pure.
 *
 * Visible means what the site shows elsewhere: not hidden, published at or before now (as
 * buildWatchblog already filters), on a visible case or a statement. A reply to a hidden
 * mention or a hidden case is neither, and stays out here too.
 */
import type { NotCountedReason, Response } from '../types.ts';
import type { CompanyRecord } from '../watchblog.ts';

/** A case a company item appears on, with whether it counts as the company answering it. */
export type SaidCaseRef = {
  id: string;
  title: string;
  /** Why it does not count as an answer on this case; undefined when it counts. */
  notCounted?: NotCountedReason;
};

/** One thing the company said. */
export type SaidItem = {
  /** `answer`: on the timeline of at least one case; `statement`: answers no case. */
  kind: 'answer' | 'statement';
  response: Response;
  /** The cases it appears on, in the record's case order; empty for a statement. */
  cases: SaidCaseRef[];
};

/** Newest first, then id, so the order never depends on the input's. */
function byNewest(a: SaidItem, b: SaidItem): number {
  const x = a.response;
  const y = b.response;
  return x.publishedAt < y.publishedAt ? 1 : x.publishedAt > y.publishedAt ? -1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/**
 * Every visible company item of one company, newest first (ties by id): each response on a
 * case timeline once, with every case it appears on, and every statement.
 */
export function listCompanySaid(record: CompanyRecord): SaidItem[] {
  const byId = new Map<string, SaidItem>();
  for (const kase of record.cases) {
    for (const event of kase.events) {
      if (event.kind !== 'response') continue;
      const ref: SaidCaseRef = event.notCounted === undefined ? { id: kase.id, title: kase.title } : { id: kase.id, title: kase.title, notCounted: event.notCounted };
      const known = byId.get(event.item.id);
      if (known) {
        if (!known.cases.some((c) => c.id === kase.id)) known.cases.push(ref);
      } else {
        byId.set(event.item.id, { kind: 'answer', response: event.item, cases: [ref] });
      }
    }
  }
  for (const statement of record.statements) {
    if (!byId.has(statement.id)) byId.set(statement.id, { kind: 'statement', response: statement, cases: [] });
  }
  return [...byId.values()].sort(byNewest);
}

/** How many answers and statements a list holds, for headings and links. */
export function countSaid(items: readonly SaidItem[]): { answers: number; statements: number; total: number } {
  const answers = items.filter((item) => item.kind === 'answer').length;
  return { answers, statements: items.length - answers, total: items.length };
}

/** `/data/<slug>/said.json`: what the company said, as open data. */
export type OpenSaidDocument = {
  company: string;
  name: string;
  /** The instant the list was built at, UTC ISO. */
  asOf: string;
  /** Newest first, as on the page. */
  items: {
    id: string;
    kind: SaidItem['kind'];
    publishedAt: string;
    author: string;
    channel: string;
    title: string;
    url: string;
    /** The sanitized Markdown excerpt, as in cases.json. */
    excerpt: string;
    /** The cases it appears on; `counted` false when it does not count as answering that case. */
    cases: { id: string; counted: boolean; notCountedReason?: NotCountedReason }[];
  }[];
};

/** Every visible company item of one company as open data, newest first. */
export function buildSaidJson(record: CompanyRecord, asOf: string): OpenSaidDocument {
  return {
    company: record.company.slug,
    name: record.company.name,
    asOf,
    items: listCompanySaid(record).map(({ kind, response: r, cases }) => ({
      id: r.id,
      kind,
      publishedAt: r.publishedAt,
      author: r.author,
      channel: r.channel,
      title: r.title,
      url: r.url,
      excerpt: r.excerpt,
      cases: cases.map((c) => (c.notCounted ? { id: c.id, counted: false, notCountedReason: c.notCounted } : { id: c.id, counted: true })),
    })),
  };
}
