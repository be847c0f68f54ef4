/**
 * Domain types that the pure core works on. Entries from files (schemas.ts) become these
 * in `src/queries` (site) or `scripts/stages` (maintainer commands).
 */
import type { CaseOverrideData, CaseStatus, Channel, Company, MentionData, MentionKind, ResponseData } from './schemas.ts';

/** A company with its slug (the file name) and the maintainer's introduction. */
export type CompanyEntry = Company & { slug: string; intro: string };

/** A mention with its sanitized excerpt (the Markdown body of its file). */
export type Mention = MentionData & { excerpt: string };

/** A response with its sanitized excerpt (the Markdown body of its file). */
export type Response = ResponseData & { excerpt: string };

/** A maintainer's case override, keyed by the case id (its file name), with its note (body). */
export type CaseOverride = CaseOverrideData & { caseId: string; company: string; note: string };

/** Why a response on a case's timeline does not count as the company answering. */
export type NotCountedReason = 'bot' | 'complainant' | 'predates-case';

/** One entry on a case's timeline. */
export type TimelineEvent =
  | {
      kind: 'mention';
      at: string;
      elapsedMs: number;
      item: Mention;
      /** What kind of mention it is: the maintainer's, else read from its source and text. */
      mentionKind: MentionKind;
      /** True when it came after the company's first counted answer: the customer replying. */
      followUp?: boolean;
    }
  | { kind: 'response'; at: string; elapsedMs: number; item: Response; notCounted?: NotCountedReason };

/** One customer problem: its mentions and the company's responses, in time order. */
export type Case = {
  /** The id of its first mention (or the maintainer's merge target): stable. */
  id: string;
  /** Company slug. */
  company: string;
  /** The case's kind: the override's, else its opening mention's. Only problem and question cases are scored. */
  kind: MentionKind;
  /** Who decided the kind: a case file, the opening mention's front matter, or the reading of source and text. */
  kindFrom: 'case-override' | 'mention' | 'inferred';
  /** True when the case is answered but the customer spoke after the company's last counted answer. */
  customerReplied: boolean;
  title: string;
  /** Channel of the first mention. */
  channel: Channel;
  /** Every channel that appears in the case's mentions. */
  channels: Channel[];
  /** When the first mention was published, UTC ISO. */
  openedAt: string;
  /** When the first counted company response was published, UTC ISO; null when none. */
  firstResponseAt: string | null;
  /** When the case was resolved (override, else first resolving response), UTC ISO; null when not resolved or resolved at an unknown time. */
  resolvedAt: string | null;
  status: CaseStatus;
  /** The maintainer's outcome, if any. */
  outcome: string | null;
  /** The maintainer's note (Markdown), empty when none. */
  note: string;
  /** Mentions then responses, merged and sorted by time. */
  events: TimelineEvent[];
  /** Number of mentions and counted responses, for lists. */
  mentionCount: number;
  responseCount: number;
  /** Time of the latest event, UTC ISO: what "recent activity" sorts by. */
  updatedAt: string;
};
