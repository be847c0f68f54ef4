/**
 * Per-company open data: `/data/<slug>/cases.json` (every case with its events and times)
 * and `/data/<slug>/cases.csv` (one row per case). Pure. Extend these, never rename a field.
 */
import { asksForAnswer, type MentionKind } from '../schemas.ts';
import type { Case, NotCountedReason } from '../types.ts';
import type { CompanyRecord } from '../watchblog.ts';
import { roundHours } from '../metrics/rounding.ts';
import { buildCsv, type CsvCell } from './csv.ts';

/**
 * Hours from a case's opening to a later moment, rounded as the scorecard rounds (2 decimals,
 * half up); a moment a maintainer dated before the opening counts as 0, as in the scorecard.
 */
function hoursBetween(fromIso: string, toIso: string | null): number | null {
  return toIso === null ? null : roundHours(Math.max(0, Date.parse(toIso) - Date.parse(fromIso)));
}

/** One timeline event as published. */
export type OpenEvent = {
  /** 'mention' (the public) or 'response' (the company). */
  kind: 'mention' | 'response';
  /** The item's stable id. */
  id: string;
  /** Published time, UTC ISO. */
  at: string;
  /** Hours since the case opened, 2 decimals. */
  elapsedHours: number;
  author: string;
  channel: string;
  title: string;
  /** The item's link as published. */
  url: string;
  /** The sanitized Markdown excerpt. */
  excerpt: string;
  /** Where an item added by hand came from (its file's `via`), when the maintainer said. */
  via?: string;
  /** Mentions only: its kind (problem, question, idea, praise, coverage): the maintainer's, else read from source and text. */
  mentionKind?: MentionKind;
  /** Mentions only: true when published after the company's first counted answer (the conversation going on). */
  followUp?: boolean;
  /** Responses only: false when the response does not count as the company answering. */
  counted?: boolean;
  /** Responses only: why it does not count, when it does not. */
  notCountedReason?: NotCountedReason;
  /** Responses only: true when it resolves the case. */
  resolves?: boolean;
};

/** One case as published. */
export type OpenCase = {
  id: string;
  title: string;
  /** 'open' (no counted answer), 'answered' or 'resolved'. */
  status: string;
  /** The case's kind: its case file's, else its opening mention's. */
  kind: MentionKind;
  /** Who decided the kind: 'case-override', 'mention' (the opening mention's front matter) or 'inferred'. */
  kindFrom: Case['kindFrom'];
  /** True when the kind asks for an answer (problem, question): only these cases are scored. */
  scored: boolean;
  /** True when the case is answered and the customer spoke after the company's last counted answer. */
  customerReplied: boolean;
  outcome: string | null;
  channel: string;
  channels: string[];
  openedAt: string;
  firstResponseAt: string | null;
  /** Hours from opening to the first counted response; null when unanswered. */
  firstResponseHours: number | null;
  resolvedAt: string | null;
  /** Hours from opening to resolution; null when unresolved. */
  resolutionHours: number | null;
  updatedAt: string;
  mentions: number;
  responses: number;
  /** The maintainer's note (Markdown), empty when none. */
  note: string;
  /** Absolute URL of the case page. */
  url: string;
  events: OpenEvent[];
};

/** The `/data/<slug>/cases.json` document. */
export type OpenCasesDocument = { company: string; name: string; asOf: string; responseTargetHours: number; cases: OpenCase[] };

/** One case as published, with `url` the absolute address of its page. */
export function buildOpenCase(kase: Case, url: string): OpenCase {
  return {
    id: kase.id,
    title: kase.title,
    status: kase.status,
    kind: kase.kind,
    kindFrom: kase.kindFrom,
    scored: asksForAnswer(kase.kind),
    customerReplied: kase.customerReplied,
    outcome: kase.outcome,
    channel: kase.channel,
    channels: kase.channels,
    openedAt: kase.openedAt,
    firstResponseAt: kase.firstResponseAt,
    firstResponseHours: hoursBetween(kase.openedAt, kase.firstResponseAt),
    resolvedAt: kase.resolvedAt,
    resolutionHours: hoursBetween(kase.openedAt, kase.resolvedAt),
    updatedAt: kase.updatedAt,
    mentions: kase.mentionCount,
    responses: kase.responseCount,
    note: kase.note,
    url,
    events: kase.events.map((event): OpenEvent => {
      const common = {
        kind: event.kind,
        id: event.item.id,
        at: event.at,
        elapsedHours: roundHours(event.elapsedMs),
        author: event.item.author,
        channel: event.item.channel,
        title: event.item.title,
        url: event.item.url,
        excerpt: event.item.excerpt,
        ...(event.item.via ? { via: event.item.via } : {}),
      };
      if (event.kind === 'mention') return { ...common, mentionKind: event.mentionKind, followUp: event.followUp === true };
      return {
        ...common,
        counted: event.notCounted === undefined,
        ...(event.notCounted ? { notCountedReason: event.notCounted } : {}),
        resolves: event.item.resolves,
      };
    }),
  };
}

/** Every case of one company, oldest first; `caseUrl` gives the absolute URL of a case page. */
export function buildCasesJson(record: CompanyRecord, asOf: string, caseUrl: (kase: Case) => string): OpenCasesDocument {
  return {
    company: record.company.slug,
    name: record.company.name,
    asOf,
    responseTargetHours: record.company.responseTargetHours,
    cases: record.cases.map((kase) => buildOpenCase(kase, caseUrl(kase))),
  };
}

/** The columns of `/data/<slug>/cases.csv`, in order. New columns are appended, so positional readers keep working. */
export const CASES_CSV_COLUMNS = [
  'id',
  'title',
  'status',
  'outcome',
  'channel',
  'channels',
  'openedAt',
  'firstResponseAt',
  'firstResponseHours',
  'resolvedAt',
  'resolutionHours',
  'updatedAt',
  'mentions',
  'responses',
  'url',
  'kind',
  'kindFrom',
  'scored',
  'customerReplied',
] as const;

/** One row per case (oldest first) in CASES_CSV_COLUMNS order; channels joined by ';', booleans as true/false. */
export function buildCasesCsv(record: CompanyRecord, caseUrl: (kase: Case) => string): string {
  const rows = record.cases.map((kase): CsvCell[] => {
    const open = buildOpenCase(kase, caseUrl(kase));
    return CASES_CSV_COLUMNS.map((column) => {
      const value = open[column];
      return Array.isArray(value) ? value.join(';') : value;
    });
  });
  return buildCsv(CASES_CSV_COLUMNS, rows);
}
