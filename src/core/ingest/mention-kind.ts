/**
 * What kind of mention is this: problem, question, idea, praise or coverage? Pure.
 *
 * Order of evidence: the maintainer (a source's `kind`), then the source's channel (news and
 * blogs talk *about* a company: coverage), then who the item addresses (a reply to the
 * company's own post asks for an answer), then the text (question form, complaint, idea and
 * praise words). The rules and their measured precision are in tests/accuracy/.
 */
import type { Channel, MentionKind } from '../schemas.ts';

/** What inferMentionKind reads about one mention. */
export type MentionKindInput = {
  /** Plain-text title. */
  title: string;
  /** Plain text of what the reader sees (the excerpt). */
  text: string;
  /** The source's channel. */
  channel: Channel;
  /** The source's kind, when the maintainer set one: it wins. */
  sourceKind?: MentionKind | undefined;
  /** True when the item replies to the company (to one of its responses or official accounts). */
  repliesToCompany?: boolean | undefined;
};

/** Channels whose items talk about a company rather than to it, unless they reply to it. */
const COVERAGE_CHANNELS: ReadonlySet<Channel> = new Set(['news', 'blog']);

const QUESTION_START = /^(?:how|why|what|when|where|who|which|can|could|does|do|did|is|are|will|would|should|has|have|anyone|any\s+way)\b/i;
const PROBLEM_WORDS =
  /\b(?:not\s+working|doesn'?t\s+work|does\s+not\s+work|broken|outage|down\s+again|is\s+down|error|fail(?:ed|s|ing|ure)?|crash(?:ed|es|ing)?|bug|refund|charged|overcharged|scam|fraud|complain(?:t|ed|ing)?|terrible|awful|worst|unacceptable|frustrat(?:ed|ing)|disappointed|cancel(?:led|ed)?|lost|missing|still\s+waiting|no\s+response|never\s+(?:received|arrived|got)|stopped|can'?t|cannot|unable|won'?t|locked\s+out|hacked|dispute|denied|late|delay(?:ed)?)\b/i;
const IDEA_WORDS = /\b(?:feature\s+request|suggestion|would\s+be\s+(?:nice|great)|please\s+add|wish\s+(?:it|you|there)|it\s+would\s+help|idea)\b/i;
const PRAISE_WORDS = /\b(?:thank(?:s|\s+you)|love|great\s+(?:job|service|support)|awesome|amazing|excellent|kudos|impressed|well\s+done|fantastic|props\s+to)\b/i;

/** True when the text reads as a question: a question mark, or a title that opens like one. */
function readsAsQuestion(title: string, text: string): boolean {
  return /\?/.test(title) || QUESTION_START.test(title.trim()) || /\?\s*$/.test(text.trim().split(/\n/)[0] ?? '');
}

/**
 * The kind of one mention. A source's `kind` wins; news and blog sources give coverage unless
 * the item replies to the company; otherwise the text decides: complaint words → problem,
 * question form → question, idea words → idea, praise words (and no complaint) → praise; an
 * item that says none of these is a problem when it replies to the company or sits in a
 * support, forum or reviews channel, and coverage elsewhere. Pure; never throws.
 */
export function inferMentionKind(input: MentionKindInput): MentionKind {
  if (input.sourceKind) return input.sourceKind;
  if (COVERAGE_CHANNELS.has(input.channel) && !input.repliesToCompany) return 'coverage';
  const all = `${input.title}\n${input.text}`;
  if (PROBLEM_WORDS.test(all)) return 'problem';
  if (readsAsQuestion(input.title, input.text)) return 'question';
  if (IDEA_WORDS.test(all)) return 'idea';
  if (PRAISE_WORDS.test(all)) return 'praise';
  if (input.repliesToCompany || input.channel === 'support' || input.channel === 'forum' || input.channel === 'reviews') return 'problem';
  return 'coverage';
}
