/**
 * Precision and recall for the accuracy report. Pure.
 */
import { MENTION_KINDS, asksForAnswer, type MentionKind } from '../../src/core/schemas.ts';

/** Precision, recall and support of one class; precision/recall are null when undefined (nothing predicted / nothing labelled). */
export type Score = { precision: number | null; recall: number | null; support: number; predicted: number; truePositives: number };

/** One labelled item as the evaluation saw it. */
export type KindOutcome = { expected: MentionKind; predicted: MentionKind };

/** One (item, company) pair for the matcher: labelled about the company, and kept by normalize. */
export type MatchOutcome = { company: string; expected: boolean; kept: boolean };

/** Precision, recall and support from (expected, predicted) booleans. */
export function scoreBinary(pairs: readonly { expected: boolean; predicted: boolean }[]): Score {
  const truePositives = pairs.filter((p) => p.expected && p.predicted).length;
  const predicted = pairs.filter((p) => p.predicted).length;
  const support = pairs.filter((p) => p.expected).length;
  return { precision: predicted === 0 ? null : truePositives / predicted, recall: support === 0 ? null : truePositives / support, support, predicted, truePositives };
}

/** Per-kind scores, plus "asks for an answer" (problem ∪ question) as one class. */
export function scoreKinds(outcomes: readonly KindOutcome[]): { perKind: Record<MentionKind, Score>; asksForAnswer: Score } {
  const perKind = Object.fromEntries(MENTION_KINDS.map((kind) => [kind, scoreBinary(outcomes.map((o) => ({ expected: o.expected === kind, predicted: o.predicted === kind })))])) as Record<MentionKind, Score>;
  const asks = scoreBinary(outcomes.map((o) => ({ expected: asksForAnswer(o.expected), predicted: asksForAnswer(o.predicted) })));
  return { perKind, asksForAnswer: asks };
}

/** Per-company matcher scores: does normalize keep the item for the company the label names? */
export function scoreMatcher(outcomes: readonly MatchOutcome[], companies: readonly string[]): Record<string, Score> {
  return Object.fromEntries(companies.map((company) => [company, scoreBinary(outcomes.filter((o) => o.company === company).map((o) => ({ expected: o.expected, predicted: o.kept })))]));
}
