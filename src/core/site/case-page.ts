/**
 * The page model of a case page: its kind and who decided it, its status as readers read it,
 * the search filters, and the timeline with what each entry needs (first answer, follow-up,
 * "why this is here"). Pure: the case page renders what this returns.
 */
import type { Case, TimelineEvent } from '../types.ts';
import { buildWhyHere, describeCaseKind, describeCaseStatus, whyHereText, type CaseKindView, type CaseStatusView, type TextSegment } from './case-kinds.ts';
import { describeCaseState } from './feed-items.ts';

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
  kind: CaseKindView;
  status: CaseStatusView;
  /** One sentence on where the case stands, e.g. "Coverage, not scored: no answer expected." */
  state: string;
  /** Why the case is here: the opening mention's matched passage, marked; null when unknown. */
  whyHere: TextSegment[] | null;
  /** The same passage as plain text ('' when unknown), e.g. for the page description. */
  whyHereText: string;
  filters: CaseSearchFilters;
  timeline: CaseTimelineEntry[];
};

/** The case page's model for one case of the company named `companyName`. */
export function buildCasePage(kase: Case, companyName: string): CasePageModel {
  const firstAnswer = kase.events.find((event) => event.kind === 'response' && !event.notCounted);
  const opener = kase.events.find((event) => event.kind === 'mention');
  const whyHere = opener ? buildWhyHere(opener.item) : null;
  const status = describeCaseStatus(kase);
  const hasCompanyVoice = kase.events.some((event) => event.kind === 'response');
  return {
    kind: describeCaseKind(kase),
    status,
    state: describeCaseState(kase),
    whyHere,
    whyHereText: whyHereText(whyHere),
    filters: {
      company: companyName,
      status: status.key === 'not-scored' ? 'not scored' : kase.status,
      kind: kase.kind,
      channel: [...new Set(kase.events.map((event) => event.item.channel))],
      voice: hasCompanyVoice ? ['public', 'company'] : ['public'],
    },
    timeline: kase.events.map((event) => ({
      event,
      isCompany: event.kind === 'response',
      isFirstAnswer: event === firstAnswer,
      followUp: event.kind === 'mention' && event.followUp === true,
      whyHere: event.kind === 'mention' && event !== opener ? buildWhyHere(event.item) : null,
    })),
  };
}
