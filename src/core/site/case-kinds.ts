/**
 * What the site says about a case's kind and state: the kind's label and who decided it, the
 * status as a reader should read it (a coverage case is never "open, waiting for an answer"),
 * and "why this is here" — the passage that made fetch keep an item, with the matched term
 * marked. Pure: plain text in, plain text and segments out; components render text only.
 */
import { formatDuration } from '../format.ts';
import { asksForAnswer, type MentionKind } from '../schemas.ts';
import type { Case } from '../types.ts';
import { formatCount, truncateText } from './text.ts';

/** The name of each kind, e.g. "Coverage". */
export const KIND_NAMES: Record<MentionKind, string> = { problem: 'Problem', question: 'Question', idea: 'Idea', praise: 'Praise', coverage: 'Coverage' };

/** The label of each kind as pages show it; kinds that are never scored say so ("Coverage — not scored"). */
export const KIND_LABELS = Object.fromEntries(
  Object.entries(KIND_NAMES).map(([kind, name]) => [kind, asksForAnswer(kind as MentionKind) ? name : `${name} — not scored`]),
) as Record<MentionKind, string>;

/** Who decided a case's kind, as a sentence fragment ("set by the maintainer"). */
export const KIND_DECIDED_BY: Record<Case['kindFrom'], string> = {
  'case-override': 'set by the maintainer in the case file',
  mention: 'recorded in the opening mention’s file (set by the maintainer; fetch never writes it)',
  inferred: 'read from its source and text',
};

/** A case's kind as the case page shows it. */
export type CaseKindView = {
  kind: MentionKind;
  /** e.g. "Problem", "Coverage — not scored". */
  label: string;
  /** True for problems and questions: the only kinds the scorecard counts. */
  scored: boolean;
  /** Who decided the kind, e.g. "read from its source and text". */
  decidedBy: string;
};

/** The kind of a case, its label, whether it is scored and who decided it. */
export function describeCaseKind(kase: Pick<Case, 'kind' | 'kindFrom'>): CaseKindView {
  return { kind: kase.kind, label: KIND_LABELS[kase.kind], scored: asksForAnswer(kase.kind), decidedBy: KIND_DECIDED_BY[kase.kindFrom] };
}

/**
 * A case's status as readers see it. `key` names the CSS class (`status-<key>`) and the search
 * filter value. Problems and questions: open / answered / answered, customer replied /
 * resolved. Coverage, praise and ideas nobody answered are "not scored", never "open".
 */
export type CaseStatusView = {
  key: 'open' | 'answered' | 'resolved' | 'not-scored';
  /** The words on the tag, e.g. "answered, customer replied". */
  label: string;
};

/** How a case's status reads on pages, tags, feeds and the search filter. */
export function describeCaseStatus(kase: Pick<Case, 'kind' | 'status' | 'customerReplied'>): CaseStatusView {
  if (kase.status === 'resolved') return { key: 'resolved', label: 'resolved' };
  if (kase.status === 'answered') return { key: 'answered', label: kase.customerReplied ? 'answered, customer replied' : 'answered' };
  return asksForAnswer(kase.kind) ? { key: 'open', label: 'open' } : { key: 'not-scored', label: 'not scored' };
}

/** One run of text in a "why this is here" passage; `marked` runs are the matched term. */
export type TextSegment = { text: string; marked: boolean };

/** Longest passage shown, in characters (fetch writes at most ~200; a hand-edited file may hold more). */
export const WHY_HERE_MAX_CHARS = 240;

/**
 * "Why this is here": the plain-text passage around the term that made fetch keep the item,
 * split into segments with every occurrence of the term (case-insensitive) marked. Null when
 * the item has no passage (old files, company-voice and all-about-the-company sources). A
 * passage without the term is shown unmarked. Text only: render each segment as text.
 */
export function buildWhyHere(item: { matchedTerm?: string | undefined; matchedPassage?: string | undefined }): TextSegment[] | null {
  const passage = truncateText(item.matchedPassage ?? '', WHY_HERE_MAX_CHARS);
  if (passage === '') return null;
  const term = (item.matchedTerm ?? '').replace(/\s+/g, ' ').trim();
  if (term === '') return [{ text: passage, marked: false }];
  const segments: TextSegment[] = [];
  const haystack = passage.toLowerCase();
  const needle = term.toLowerCase();
  let from = 0;
  // Lower-casing can change a string's length (e.g. "İ"); then index into the passage would drift.
  if (haystack.length === passage.length) {
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      if (at > from) segments.push({ text: passage.slice(from, at), marked: false });
      segments.push({ text: passage.slice(at, at + needle.length), marked: true });
      from = at + needle.length;
    }
  }
  if (from < passage.length) segments.push({ text: passage.slice(from), marked: false });
  return segments;
}

/** A "why this is here" passage as one plain-text line, e.g. for search excerpts and feeds. */
export function whyHereText(segments: readonly TextSegment[] | null): string {
  return segments === null ? '' : segments.map((segment) => segment.text).join('');
}

/** What a case list says about one case: its status tag, its kind tag (problems need none) and how it was answered. */
export type CaseListLine = {
  status: CaseStatusView;
  /** The kind's name for any kind but `problem` (the default reading), e.g. "Coverage"; null for problems. */
  kindTag: string | null;
  /** e.g. "answered in 5 h", "no public answer", "no answer expected". */
  answer: string;
  /** "1 mention", "4 mentions". */
  mentions: string;
};

/** One case as a line of a case list. */
export function describeCaseListLine(kase: Pick<Case, 'kind' | 'status' | 'customerReplied' | 'openedAt' | 'firstResponseAt' | 'mentionCount'>): CaseListLine {
  return {
    status: describeCaseStatus(kase),
    kindTag: kase.kind === 'problem' ? null : KIND_NAMES[kase.kind],
    answer: kase.firstResponseAt
      ? `answered in ${formatDuration(Date.parse(kase.firstResponseAt) - Date.parse(kase.openedAt))}`
      : asksForAnswer(kase.kind) ? 'no public answer' : 'no answer expected',
    mentions: formatCount(kase.mentionCount, 'mention'),
  };
}
