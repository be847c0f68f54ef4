/**
 * The page model of a case page: its kind and who decided it, its status as readers read it,
 * the search filters, and the timeline with what each entry needs (first answer, follow-up,
 * "why this is here", the words under each entry) and the resolution at its end. Pure: the
 * case page renders what this returns.
 */
import { formatDuration } from '../format.ts';
import type { Case, NotCountedReason, TimelineEvent } from '../types.ts';
import { buildWhyHere, describeCaseKind, describeCaseStatus, whyHereText, type CaseKindView, type CaseStatusView, type TextSegment } from './case-kinds.ts';
import { describeCaseState } from './feed-items.ts';
import { isHttpUrl } from './paths.ts';
import { formatCount, truncateText } from './text.ts';

/** Why a company item on a case's timeline does not count as its answer, as the case page says it. */
export const NOT_COUNTED_TEXT: Record<NotCountedReason, string> = {
  bot: 'An automatic reply: it does not count as an answer.',
  complainant: 'Posted by the person who raised the case, so it does not count as the company answering.',
  'predates-case': 'Dated before the case opened, so it cannot be an answer to it.',
};

/** Longest page description, in characters. */
export const CASE_DESCRIPTION_CHARS = 200;

/** One timeline entry as the case page shows it. */
export type CaseTimelineEntry = {
  event: TimelineEvent;
  /** True for the company's voice. */
  isCompany: boolean;
  /** True for the first counted company answer. */
  isFirstAnswer: boolean;
  /** True for a mention that came after the company's first counted answer: the customer replying. */
  followUp: boolean;
  /** Why a mention is here (its matched passage), marked; null for responses, for the opening mention (shown at the top) and when unknown. */
  whyHere: TextSegment[] | null;
  /** Whose voice: "<company> (company)" or "Public". */
  voice: string;
  /** The item's author, "Unknown author" when missing. */
  author: string;
  /** When it came relative to the opening, e.g. "Answered 2 h after the case opened"; `strong` for the first answer. */
  elapsed: { text: string; strong: boolean };
  /** " · marked as resolving the case" for a company item that resolves it, else ''. */
  elapsedNote: string;
  /** Why a company item does not count as an answer (NOT_COUNTED_TEXT); null when it counts or is a mention. */
  notCounted: string | null;
  /** The item's link when it is http(s), with its host for the link text; null otherwise. */
  link: { url: string; host: string } | null;
  /** What stands in for a missing link: where a hand-written item came from (`via`), else a note that there is none. */
  withoutLink: string;
};

/** The end of a resolved case's timeline. */
export type CaseResolution = {
  /** When it was resolved, UTC ISO; null when the maintainer marked it resolved without a time. */
  at: string | null;
  /** "Resolved 3 d after the case opened: refund issued." or "Marked resolved by the maintainer." */
  text: string;
};

/** The Pagefind filters of a case page: one value per key, or several. */
export type CaseSearchFilters = {
  company: string;
  /** open / answered / resolved, or "not scored" for coverage, praise and ideas nobody answered. */
  status: string;
  /** The case's kind: problem, question, idea, praise or coverage. */
  kind: string;
  channel: string[];
  voice: string[];
};

export type CasePageModel = {
  /** The document title: "<case title> (<company>)". */
  title: string;
  /** One sentence for search engines and previews: company, kind, status, state and title, cut to CASE_DESCRIPTION_CHARS. */
  description: string;
  /** The title of the case's own feed. */
  feedTitle: string;
  kind: CaseKindView;
  /** After the kind: "· kind <who decided it>." and, for a kind the scorecard leaves out, why it does not count. */
  kindNote: string;
  status: CaseStatusView;
  /** One sentence on where the case stands, e.g. "Coverage, not scored: no answer expected." */
  state: string;
  /** Why the case is here: the opening mention's matched passage, marked; null when unknown. */
  whyHere: TextSegment[] | null;
  /** The same passage as plain text ('' when unknown), e.g. for the page description. */
  whyHereText: string;
  filters: CaseSearchFilters;
  timeline: CaseTimelineEntry[];
  /** The resolution closing the timeline; null unless the case is resolved. */
  resolution: CaseResolution | null;
};

/** When an event came, relative to the case's opening, as the timeline says it. */
function describeElapsed(event: TimelineEvent, isFirstAnswer: boolean): { text: string; strong: boolean } {
  const ms = event.elapsedMs;
  if (ms < 0) return { text: `Dated ${formatDuration(-ms)} before the case opened`, strong: false };
  if (event.kind === 'response') {
    return isFirstAnswer ? { text: `First answer, ${formatDuration(ms)} after the case opened`, strong: true } : { text: `Answered ${formatDuration(ms)} after the case opened`, strong: false };
  }
  return { text: ms === 0 ? 'Case opened' : `${formatDuration(ms)} after the case opened`, strong: false };
}

/** The resolution at the end of the timeline, null for a case that is not resolved. */
function describeResolution(kase: Case): CaseResolution | null {
  if (kase.status !== 'resolved') return null;
  const when = kase.resolvedAt ? `Resolved ${formatDuration(Date.parse(kase.resolvedAt) - Date.parse(kase.openedAt))} after the case opened` : 'Marked resolved by the maintainer';
  return { at: kase.resolvedAt, text: `${when}${kase.outcome ? `: ${kase.outcome}` : ''}.` };
}

/** The Pagefind filters of a case's page (also counted for the search page's filter list). */
export function buildCaseSearchFilters(kase: Case, companyName: string): CaseSearchFilters {
  return {
    company: companyName,
    status: describeCaseStatus(kase).key === 'not-scored' ? 'not scored' : kase.status,
    kind: kase.kind,
    channel: [...new Set(kase.events.map((event) => event.item.channel))],
    voice: kase.events.some((event) => event.kind === 'response') ? ['public', 'company'] : ['public'],
  };
}

/** The case page's model for one case of the company named `companyName`. */
export function buildCasePage(kase: Case, companyName: string): CasePageModel {
  const firstAnswer = kase.events.find((event) => event.kind === 'response' && !event.notCounted);
  const opener = kase.events.find((event) => event.kind === 'mention');
  const whyHere = opener ? buildWhyHere(opener.item) : null;
  const status = describeCaseStatus(kase);
  const kind = describeCaseKind(kase);
  const state = describeCaseState(kase);
  return {
    title: `${kase.title} (${companyName})`,
    description: truncateText(`${companyName}, ${kind.label}, ${status.label}: ${state} ${kase.title}`, CASE_DESCRIPTION_CHARS),
    feedTitle: `Follow this case: ${kase.title}`,
    kind,
    kindNote: `· kind ${kind.decidedBy}.${kind.scored ? '' : ' The scorecard counts problems and questions only.'}`,
    status,
    state,
    whyHere,
    whyHereText: whyHereText(whyHere),
    filters: buildCaseSearchFilters(kase, companyName),
    timeline: kase.events.map((event) => {
      const isCompany = event.kind === 'response';
      const isFirstAnswer = event === firstAnswer;
      return {
        event,
        isCompany,
        isFirstAnswer,
        followUp: event.kind === 'mention' && event.followUp === true,
        whyHere: event.kind === 'mention' && event !== opener ? buildWhyHere(event.item) : null,
        voice: isCompany ? `${companyName} (company)` : 'Public',
        author: event.item.author || 'Unknown author',
        elapsed: describeElapsed(event, isFirstAnswer),
        elapsedNote: event.kind === 'response' && event.item.resolves ? ' · marked as resolving the case' : '',
        notCounted: event.kind === 'response' && event.notCounted ? NOT_COUNTED_TEXT[event.notCounted] : null,
        link: isHttpUrl(event.item.url) ? { url: event.item.url, host: new URL(event.item.url).host } : null,
        withoutLink: event.item.via ? `Source: ${event.item.via}` : 'No web link for this item.',
      };
    }),
    resolution: describeResolution(kase),
  };
}

/** A case as a post cites it: its status and kind, and where it stands with its counts. */
export type CaseCardModel = {
  status: CaseStatusView;
  kind: CaseKindView;
  /** "Answered in 5 h. 3 mentions, 1 counted response." */
  summary: string;
};

/** The card of a case cited in a post. */
export function buildCaseCard(kase: Case): CaseCardModel {
  return {
    status: describeCaseStatus(kase),
    kind: describeCaseKind(kase),
    summary: `${describeCaseState(kase)} ${formatCount(kase.mentionCount, 'mention')}, ${formatCount(kase.responseCount, 'counted response')}.`,
  };
}

/** The channel title and description of a case's own feed. */
export function describeCaseFeed(kase: Case, companyName: string): { title: string; description: string } {
  return { title: `${kase.title} (${companyName}) — Watchblog`, description: `Every mention and answer of one ${companyName} case, and its resolution.` };
}
