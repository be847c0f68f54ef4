/**
 * What kind of mention is this: problem, question, idea, praise or coverage? Pure.
 *
 * Order of evidence: the maintainer (a source's `kind`), then the source's channel (news and
 * blogs talk *about* a company: coverage), then who the item addresses (a reply to the
 * company's own post asks for an answer), then the text: a complaint or a question counts only
 * when the writer speaks for themselves ("I", "my", "me") or the source is a support channel,
 * because third-person text about trouble is a report, not a request. The labelled set and the
 * measured precision and recall are in tests/accuracy/ (`npm run accuracy`).
 */
import { normalizeAuthorName } from '../author-name.ts';
import type { Channel, MentionKind } from '../schemas.ts';
import { matchCompany, type AliasRule } from './match.ts';

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
  /** True when the item is a published audio or video episode (a podcast, a channel's video): coverage. */
  isEpisode?: boolean | undefined;
  /** True when the item replies to the company (to one of its responses or official accounts). */
  repliesToCompany?: boolean | undefined;
  /** The company's own handles (official authors): a post that @-mentions one speaks to the company. */
  companyHandles?: readonly string[] | undefined;
  /**
   * The company's name and aliases: on social media and forums, a question, idea or praise
   * that names the company is about it ("Does Zephyr offer a student discount?") even in the
   * third person.
   */
  companyNames?: readonly AliasRule[] | undefined;
};

/** True when the text names the company by one of its aliases, as the matcher reads them (see matchCompany). */
function namesCompany(text: string, names: readonly AliasRule[] | undefined): boolean {
  return names !== undefined && names.length > 0 && matchCompany([text], { aliases: names }).verdict === 'match';
}

/** True when the text @-mentions one of the company's handles ("@ZephyrCares my line is down"). */
function addressesCompany(text: string, handles: readonly string[] | undefined): boolean {
  if (!handles || handles.length === 0) return false;
  const mentioned = new Set([...text.matchAll(/(?<![\p{L}\p{N}_])@([\p{L}\p{N}_.-]+)/gu)].map((m) => normalizeAuthorName(m[1]!.replace(/[.-]+$/, ''))));
  // A handle has no spaces: "Zephyr Support" is @-mentioned as "@ZephyrSupport".
  return handles.some((handle) => mentioned.has(normalizeAuthorName(handle).replace(/ /g, '')));
}

/** Channels whose items talk about a company rather than to it, unless they reply to it. */
const COVERAGE_CHANNELS: ReadonlySet<Channel> = new Set(['news', 'blog']);

/**
 * True for writing published for an audience: a news story, a blog post, or an episode (a
 * podcast, a channel's video) from any channel. It talks about a company (coverage unless it
 * replies to it), and its links cite sources rather than reply to them.
 */
export function isPublishedWriting(item: { channel: Channel; isEpisode?: boolean | undefined }): boolean {
  return COVERAGE_CHANNELS.has(item.channel) || item.isEpisode === true;
}
/** Channels where people come to ask: text that is neither praise, idea nor question is a problem. */
const ASKING_CHANNELS: ReadonlySet<Channel> = new Set(['support', 'reviews']);

/** Channels of public conversation, where complaint words alone make a complaint. */
const CONVERSATION_CHANNELS: ReadonlySet<Channel> = new Set(['social', 'forum']);

/** The pronoun "I" (upper case only, so "i.e." never counts; not inside "I/O" or a word). */
const FIRST_PERSON_I = /(?<![\p{L}\p{N}_'’./])I(?:['’](?:m|ve|d|ll))?(?![\p{L}\p{N}_/])/u;
/** The other first-person singular words, in any case. */
const FIRST_PERSON_OTHER = /\b(?:my|me|mine|myself)\b/i;
/** A question opener: a wh-word followed by an auxiliary, or an auxiliary followed by a subject. */
const QUESTION_OPENING =
  /^(?:(?:how|why|what|when|where|who|which)\s+(?:do|does|did|can|could|is|are|was|were|should|would|will|to|much|many|long)\b|(?:can|could|does|do|did|is|are|will|would|should|has|have|may)\s+(?:i|you|we|anyone|someone|somebody|it|this|there|my)\b|(?:anyone|any\s+way|is\s+there\s+a\s+way)\b)/i;
/** Complaint words: something failed, cost money, or went unanswered. */
const PROBLEM_WORDS =
  /\b(?:not\s+working|doesn'?t\s+work|does\s+not\s+work|stopped\s+working|broken|outage|down\s+again|is\s+down|error|fail(?:ed|s|ing|ure)?|crash(?:ed|es|ing)?|bug|refund|charged|overcharged|fees?|scam(?:med)?|fraud(?:ulent)?|complain(?:t|ed|ing)?|terrible|awful|worst|unacceptable|frustrat(?:ed|ing)|disappointed|still\s+waiting|no\s+response|never\s+(?:received|arrived|got)|haven'?t\s+received|can'?t|cannot|unable|locked\s+out|hacked|disput(?:e|ed|ing)|denied|delay(?:ed)?|problem|inaccurate|incorrect(?:ly)?|unauthori[sz]ed|identity\s+theft|not\s+mine|refused|violat(?:e|ed|ion|ing)|billed|billing|invoice|wrong|missing|still\s+(?:no|not|being|down|broken|waiting|locked|charged|can'?t|cannot|unable|having|getting|seeing)|nobody|no\s+one|(?:did|has|have|had)\s*n[o']t|never|won'?t|keeps?\s+\w+ing|(?:logs?|logging|signs?|signing|kicks?|kicking)\s+me\s+out|came\s+back|went\s+up|without\s+(?:notice|warning)|waited|lost|stuck|slow|useless|ridiculous|ripped\s+off|cancel(?:led|ed)?|leak(?:s|ed|ing)?|broke|melt(?:s|ed|ing)?|burn(?:t|ed|s|ing)|damaged|defective|faulty|died|dead|overheat(?:s|ed|ing)?|cracked|recall(?:ed)?|unsafe|dangerous)\b/i;
/** Complaint words that praise borrows ("can't recommend enough", "never had better", "no problem at all", "lost count"). */
const MILD_PROBLEM_WORD = /^(?:can'?t|cannot|never|lost|problems?|won'?t|unable|no\s+one|nobody)$/i;

/** True when the text has a complaint word that praise does not borrow (see MILD_PROBLEM_WORD). */
function hasStrongComplaint(text: string): boolean {
  const every = new RegExp(PROBLEM_WORDS.source, 'gi');
  for (const match of text.matchAll(every)) if (!MILD_PROBLEM_WORD.test(match[0])) return true;
  return false;
}
const IDEA_WORDS = /\b(?:feature\s+request|suggestion|would\s+be\s+(?:nice|great)|please\s+add|wish\s+(?:it|you|there)|it\s+would\s+help)\b/i;
const PRAISE_WORDS = /\b(?:thank(?:s|\s+you)|love|great\s+(?:job|service|support)|awesome|amazing|excellent|kudos|impressed|well\s+done|fantastic|props\s+to)\b/i;

/** True when the writer speaks in the first person singular. */
function speaksForSelf(text: string): boolean {
  return FIRST_PERSON_I.test(text) || FIRST_PERSON_OTHER.test(text);
}

/** The first sentence (or line) of a text. */
function openingOf(text: string): string {
  return /^[^\n.!?]*[.!?]?/.exec(text.trim())?.[0] ?? '';
}

/** True when the title, or the text's first sentence, asks: a question mark, or a question opener. */
function readsAsQuestion(title: string, text: string): boolean {
  const opening = openingOf(text);
  return /\?/.test(title) || QUESTION_OPENING.test(title.trim()) || /\?\s*$/.test(opening) || QUESTION_OPENING.test(opening);
}

/**
 * The kind of one mention:
 * 1. a source's `kind` wins;
 * 2. news and blog sources, and published episodes (a podcast, a channel's video), give
 *    coverage unless the item replies to the company;
 * 3. a complaint or question counts when the writer speaks for themselves ("I", "my", "me"),
 *    replies to the company or @-mentions one of its accounts, or writes in a support or
 *    reviews channel; on social media and forums complaint words alone are enough, and
 *    naming the company is enough for a question, an idea or praise;
 * 4. then complaint words → problem, question form (a "?" or an opener such as "how do",
 *    "can I" in the title or first sentence) → question, idea words → idea, praise words → praise;
 * 5. otherwise an item addressed to the company or a support or reviews item is a problem, and anything
 *    else (forum chatter, social posts, third-person reports) is coverage.
 * Pure; never throws.
 */
export function inferMentionKind(input: MentionKindInput): MentionKind {
  if (input.sourceKind) return input.sourceKind;
  if (isPublishedWriting(input) && !input.repliesToCompany) return 'coverage';
  const all = `${input.title}\n${input.text}`;
  const asking = input.repliesToCompany === true || ASKING_CHANNELS.has(input.channel) || addressesCompany(all, input.companyHandles);
  const personal = asking || speaksForSelf(all) || (CONVERSATION_CHANNELS.has(input.channel) && namesCompany(all, input.companyNames));
  // On social media and forums, complaint words make a complaint even in the third person
  // ("Engineer did not turn up. Nobody called."); other text there needs the first person.
  const complains = PROBLEM_WORDS.test(all);
  // Thanks that only borrow a complaint word ("Can't recommend Acme enough, thank you!",
  // "no problem at all since switching") are praise, not a problem to answer.
  if (personal && PRAISE_WORDS.test(all) && !hasStrongComplaint(all)) return 'praise';
  if (complains && (personal || CONVERSATION_CHANNELS.has(input.channel))) return 'problem';
  if (personal && readsAsQuestion(input.title, input.text)) return 'question';
  if (personal && IDEA_WORDS.test(all)) return 'idea';
  if (personal && PRAISE_WORDS.test(all)) return 'praise';
  return asking ? 'problem' : 'coverage';
}
