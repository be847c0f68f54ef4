/**
 * Threading: mentions and responses → cases. Pure; see docs/methodology.md ("What is a case").
 *
 * 1. Mentions are grouped with a union–find: a maintainer's `caseId`, a shared source thread
 *    (threaded sources), `inReplyTo` pointing at an earlier mention, or a link to an earlier
 *    mention's canonical URL (except from news, blogs and episodes, whose links cite) put two
 *    mentions in one case; a case override's `merge` joins cases. A mention whose `caseId` is
 *    its own id is split off: automatic joins never put it with an earlier mention.
 * 2. A case's id is its first mention's id (or the override that merged it), so it never changes.
 * 3. A response answers every case whose mention it names in `respondsTo`, links, replies to,
 *    or shares a source thread with, and whatever the responses it replies to answer. It counts
 *    as the company answering unless its author is a bot or one of the case's complainants, or
 *    it is dated before the case opened.
 * 4. A mention that replies to or links a response joins the case that response answers: a
 *    conversation is one case whatever path its replies take (public → company → public → …).
 * 5. A case's kind is its override's, else its opening mention's (the maintainer's, else read
 *    from the source and text by inferMentionKind).
 */
import { normalizeAuthorName } from './author-name.ts';
import { computeItemId } from './ingest/identity.ts';
import type { AliasRule } from './ingest/match.ts';
import { inferMentionKind, isPublishedWriting } from './ingest/mention-kind.ts';
import type { CaseStatus, Channel, MentionKind } from './schemas.ts';
import { toPlainParagraphs, truncateText } from './site/text.ts';
import type { Case, CaseOverride, Mention, NotCountedReason, Response, TimelineEvent } from './types.ts';

/** Characters of a title made from a post's first words (a toot, a tweet, a comment has no title). */
const TITLE_FROM_TEXT_CHARS = 90;

/** A title for an untitled post: the first words of its text, cut at a word with "…"; '' when it has none. */
function titleFromText(excerpt: string): string {
  const first = toPlainParagraphs(excerpt)[0] ?? '';
  return truncateText(first, TITLE_FROM_TEXT_CHARS);
}

/**
 * The slice of a company that threading needs: its bots, its sources' kinds (by URL) so a
 * mention without a kind of its own is read as its source says, and its official accounts.
 */
export type ThreadingPolicy = {
  bots: readonly string[];
  sources?: readonly { url: string; kind?: MentionKind | undefined }[];
  /** The company's official accounts: a mention that @-mentions one speaks to the company. */
  official?: { authors: readonly string[] };
  /** The company's name and aliases: a question or praise on social media that names it is about it. */
  name?: string;
  aliases?: readonly AliasRule[];
};

/** Author names that look like automation even when the maintainer did not list them. */
const BOT_NAME_PATTERN = /(?:\[bot\]|\bbot|-bot|_bot|\bauto-?reply|\bno-?reply)$/i;

/** True when an author is a bot or auto-responder: listed by the maintainer, or named like one. */
export function isBotAuthor(author: string, bots: readonly string[]): boolean {
  const name = normalizeAuthorName(author);
  if (name === '') return false;
  return bots.some((bot) => normalizeAuthorName(bot) === name) || BOT_NAME_PATTERN.test(name);
}


/** Sort key shared by every ordering in threading: time, then id, so input order never matters. */
function byTimeThenId(a: { publishedAt: string; id: string }, b: { publishedAt: string; id: string }): number {
  return a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(id: string): string {
    let root = id;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * Items by every name another item can use for them: id, URL and canonical URL. A reference
 * that is none of these may be the item's guid (Atom's thr:in-reply-to ref, JSON Feed's
 * in_reply_to): `get` also tries the id that guid gives (see computeItemId).
 */
class ItemIndex<T extends { id: string; url: string; canonicalUrl: string }> {
  private readonly byRef = new Map<string, T>();
  constructor(items: readonly T[]) {
    for (const item of items) {
      for (const ref of [item.url, item.canonicalUrl, item.id]) {
        if (ref && !this.byRef.has(ref)) this.byRef.set(ref, item);
      }
    }
  }
  /** The item named exactly by this id or URL (links). */
  get(ref: string): T | undefined {
    return this.byRef.get(ref);
  }
  /** The item a reply reference names: by id or URL, else by the guid the reference may be. */
  getReplied(ref: string): T | undefined {
    const exact = this.byRef.get(ref);
    if (exact !== undefined || ref.trim() === '') return exact;
    let id = this.guidIds.get(ref);
    if (id === undefined) this.guidIds.set(ref, (id = computeItemId(ref, '')));
    return this.byRef.get(id);
  }
  private readonly guidIds = new Map<string, string>();
}

/**
 * Groups of mentions that respect a maintainer's split: a mention whose `caseId` is its own
 * id starts a case of its own. `joinAutomatically` (threads, links, replies) never puts it
 * with a mention published before it, nor two such mentions in one case; `union` (a
 * maintainer's `caseId` or `merge`) always joins.
 */
class CaseGroups extends UnionFind {
  /** Per group root: the earliest position of its mentions, and the position of the split that starts it. */
  private readonly earliest = new Map<string, number>();
  private readonly start = new Map<string, number>();
  constructor(order: ReadonlyMap<string, number>, splits: ReadonlySet<string>) {
    super();
    for (const [id, position] of order) {
      this.earliest.set(id, position);
      if (splits.has(id)) this.start.set(id, position);
    }
  }
  override union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    super.union(a, b);
    const root = this.find(a);
    const other = root === ra ? rb : ra;
    this.earliest.set(root, Math.min(this.earliest.get(root) ?? Infinity, this.earliest.get(other) ?? Infinity));
    const starts = [this.start.get(root), this.start.get(other)].filter((n) => n !== undefined);
    if (starts.length > 0) this.start.set(root, Math.min(...starts));
  }
  /** Joins two groups unless that would put a split with an earlier mention or with another split. */
  joinAutomatically(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    const [sa, sb] = [this.start.get(ra), this.start.get(rb)];
    if (sa !== undefined && sb !== undefined) return;
    if (sa !== undefined && (this.earliest.get(rb) ?? Infinity) < sa) return;
    if (sb !== undefined && (this.earliest.get(ra) ?? Infinity) < sb) return;
    this.union(a, b);
  }
}

function threadKey(item: { source: string; threadId?: string | undefined }): string | null {
  return item.threadId ? `${item.source}\u0000${item.threadId}` : null;
}

/** Most passes over a conversation before threading stops looking for new joins (chains settle in one or two). */
const MAX_THREADING_PASSES = 50;

/**
 * Groups a company's mentions and responses into cases.
 * Hidden items and hidden cases are left out. Output is sorted by openedAt, then id.
 */
export function buildCases(
  company: string,
  mentionsIn: readonly Mention[],
  responsesIn: readonly Response[],
  overridesIn: readonly CaseOverride[],
  policy: ThreadingPolicy,
): Case[] {
  const mentions = mentionsIn.filter((m) => !m.hidden).sort(byTimeThenId);
  const responses = responsesIn.filter((r) => !r.hidden).sort(byTimeThenId);
  const overrides = [...overridesIn].sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  const byRef = new ItemIndex(mentions);
  const responseByRef = new ItemIndex(responses);
  const order = new Map(mentions.map((m, index) => [m.id, index]));
  const groups = new CaseGroups(order, new Set(mentions.filter((m) => m.caseId === m.id).map((m) => m.id)));
  const firstInThread = new Map<string, string>();

  for (const mention of mentions) {
    const earlier = (other: Mention | undefined) =>
      other !== undefined && other.id !== mention.id && order.get(other.id)! < order.get(mention.id)!;
    if (mention.caseId && order.has(mention.caseId)) groups.union(mention.caseId, mention.id);
    const key = threadKey(mention);
    if (key) {
      const first = firstInThread.get(key);
      if (first) groups.joinAutomatically(first, mention.id);
      else firstInThread.set(key, mention.id);
    }
    // A news story or blog post links other stories as sources, not as replies: its links never
    // merge separate articles into one case (a reply to one still does).
    const targets = citesRatherThanReplies(mention) ? referencedItems({ inReplyTo: mention.inReplyTo, links: [] }, byRef) : referencedItems(mention, byRef);
    for (const target of targets) {
      if (earlier(target)) groups.joinAutomatically(target.id, mention.id);
    }
  }

  // A maintainer's merge names the surviving case: its id wins as the case id. Targets are
  // picked after every union, so chained merges (c into b, then b into a) keep the case that
  // was not itself merged away, whatever the ids; a merge naming no visible case changes nothing.
  const mergers = overrides.filter((o) => order.has(o.caseId) && o.merge.some((id) => id !== o.caseId && order.has(id)));
  const mergedAway = new Set<string>();
  for (const override of mergers) {
    for (const merged of override.merge) {
      if (merged !== override.caseId && order.has(merged)) {
        groups.union(override.caseId, merged);
        mergedAway.add(merged);
      }
    }
  }

  const answered = followConversations(mentions, responses, { byRef, responseByRef, firstInThread, groups });

  const mergeTarget = new Map<string, string>();
  for (const override of mergers.sort((a, b) => order.get(a.caseId)! - order.get(b.caseId)!)) {
    const root = groups.find(override.caseId);
    if (!mergedAway.has(override.caseId) && !mergeTarget.has(root)) mergeTarget.set(root, override.caseId);
  }

  const members = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const root = groups.find(mention.id);
    const list = members.get(root);
    if (list) list.push(mention);
    else members.set(root, [mention]);
  }

  const caseIdOfMention = new Map<string, string>();
  for (const [root, list] of members) {
    const caseId = mergeTarget.get(root) ?? list[0]!.id;
    for (const mention of list) caseIdOfMention.set(mention.id, caseId);
  }

  const answers = new Map<string, Response[]>();
  for (const response of responses) {
    const caseIds = new Set([...answered.get(response.id)!].map((mentionId) => caseIdOfMention.get(mentionId)!));
    for (const caseId of caseIds) {
      const list = answers.get(caseId);
      if (list) list.push(response);
      else answers.set(caseId, [response]);
    }
  }

  const repliesToCompany = (mention: Mention) => mention.inReplyTo.some((ref) => responseByRef.getReplied(ref) !== undefined);
  const kindOf = (mention: Mention): MentionKind => readMentionKind(mention, policy, repliesToCompany(mention));
  const overrideById = new Map(overrides.map((o) => [o.caseId, o]));
  const cases: Case[] = [];
  for (const list of members.values()) {
    const caseId = caseIdOfMention.get(list[0]!.id)!;
    const override = overrideById.get(caseId);
    if (override?.hidden) continue;
    cases.push(assembleCase(company, caseId, list, answers.get(caseId) ?? [], override, policy, kindOf));
  }
  return cases.sort((a, b) => byTimeThenId({ publishedAt: a.openedAt, id: a.id }, { publishedAt: b.openedAt, id: b.id }));
}

/** The lookups conversation-following shares with buildCases; `groups` is joined in place. */
type ConversationIndex = {
  byRef: ItemIndex<Mention>;
  responseByRef: ItemIndex<Response>;
  firstInThread: Map<string, string>;
  groups: CaseGroups;
};

/**
 * Follows every conversation to its root, whatever mix of mentions and responses it passes
 * through, and returns, per response id, the ids of the mentions it answers.
 *
 * A response answers the mentions it names (`respondsTo`), replies to or links, the first
 * mention of its source thread, and whatever the responses it replies to or links answer;
 * responses of one thread (a status incident) answer together. A mention that replies to or
 * links a response joins the case that response answers (the one its own author opened, if
 * the response answers several, else the earliest), so a customer's "still broken" after the
 * company's answer stays in its case. What responses answer is settled first (the passes
 * repeat until nothing changes); then each reply joins its case once. A news story, blog
 * post or episode joins only by replying, never by linking (its links cite).
 */
function followConversations(mentions: readonly Mention[], responses: readonly Response[], index: ConversationIndex): Map<string, Set<string>> {
  const { byRef, responseByRef, firstInThread, groups } = index;
  const answered = new Map(responses.map((r) => [r.id, new Set<string>()]));
  const order = new Map(mentions.map((m, i) => [m.id, i]));
  const addAll = (target: Set<string>, from: Iterable<string>) => {
    let grew = false;
    for (const id of from) {
      if (!target.has(id)) {
        target.add(id);
        grew = true;
      }
    }
    return grew;
  };

  for (let pass = 0; pass < MAX_THREADING_PASSES; pass += 1) {
    let changed = false;
    for (const response of responses) {
      const own = answered.get(response.id)!;
      for (const mention of [...response.respondsTo.map((ref) => byRef.get(ref)), ...referencedItems(response, byRef)]) {
        if (mention) changed = addAll(own, [mention.id]) || changed;
      }
      for (const parent of referencedItems(response, responseByRef)) {
        if (parent.id !== response.id) changed = addAll(own, answered.get(parent.id)!) || changed;
      }
      const key = threadKey(response);
      const threadStarter = key ? firstInThread.get(key) : undefined;
      if (threadStarter) changed = addAll(own, [threadStarter]) || changed;
    }
    const byThread = new Map<string, Set<string>>();
    for (const response of responses) {
      const key = threadKey(response);
      if (key) addAll(byThread.get(key) ?? byThread.set(key, new Set()).get(key)!, answered.get(response.id)!);
    }
    for (const response of responses) {
      const key = threadKey(response);
      if (key) changed = addAll(answered.get(response.id)!, byThread.get(key)!) || changed;
    }
    if (!changed) break;
  }
  // What each response answers depends on responses and mentions, never on how mentions are
  // grouped: with it settled, each reply to a response joins exactly one case, once.
  for (const mention of mentions) {
    const refs = citesRatherThanReplies(mention) ? { inReplyTo: mention.inReplyTo, links: [] } : mention;
    for (const parent of referencedItems(refs, responseByRef)) {
      const target = pickConversationCase(mention, [...answered.get(parent.id)!], byRef, order);
      if (target) groups.joinAutomatically(target, mention.id);
    }
  }
  return answered;
}

/** True when a mention's links cite rather than reply (see isPublishedWriting). */
function citesRatherThanReplies(mention: Mention): boolean {
  return isPublishedWriting({ channel: mention.channel, isEpisode: mention.episode !== undefined });
}

/** The items of `index` that `item` replies to (by id, URL or guid) or links (by URL). */
function referencedItems<T extends { id: string; url: string; canonicalUrl: string }>(item: { inReplyTo: readonly string[]; links: readonly string[] }, index: ItemIndex<T>): T[] {
  const found: T[] = [];
  for (const ref of item.inReplyTo) {
    const target = index.getReplied(ref);
    if (target) found.push(target);
  }
  for (const ref of item.links) {
    const target = index.get(ref);
    if (target) found.push(target);
  }
  return found;
}

/** Of the mentions a response answers, the one a reply to it joins: its author's own, else the earliest. */
function pickConversationCase(reply: Mention, answeredIds: string[], byRef: ItemIndex<Mention>, order: Map<string, number>): string | undefined {
  const candidates = answeredIds.filter((id) => id !== reply.id).sort((a, b) => order.get(a)! - order.get(b)!);
  const author = normalizeAuthorName(reply.author);
  const own = author === '' ? undefined : candidates.find((id) => normalizeAuthorName(byRef.get(id)?.author ?? '') === author);
  return own ?? candidates[0];
}

/**
 * A mention's kind: the maintainer's (its front matter) if set, else read from its source
 * (a source `kind`), its channel, whether it replies to the company, and its text.
 */
function readMentionKind(mention: Mention, policy: ThreadingPolicy, repliesToCompany: boolean): MentionKind {
  if (mention.kind) return mention.kind;
  const source = policy.sources?.find((s) => s.url === mention.source);
  return inferMentionKind({
    title: mention.title,
    text: toPlainParagraphs(mention.excerpt).join('\n'),
    channel: mention.channel,
    sourceKind: source?.kind,
    isEpisode: mention.episode !== undefined,
    repliesToCompany,
    companyHandles: policy.official?.authors,
    companyNames: [...(policy.name ? [policy.name] : []), ...(policy.aliases ?? [])],
  });
}

function assembleCase(
  company: string,
  id: string,
  mentions: Mention[],
  responses: Response[],
  override: CaseOverride | undefined,
  policy: ThreadingPolicy,
  kindOf: (mention: Mention) => MentionKind,
): Case {
  const first = mentions.find((m) => m.id === id) ?? mentions[0]!;
  const openedAt = mentions[0]!.publishedAt;
  const openedMs = Date.parse(openedAt);
  const complainants = new Set(mentions.map((m) => normalizeAuthorName(m.author)).filter((a) => a !== ''));

  const events: TimelineEvent[] = [
    ...mentions.map((item): TimelineEvent => ({ kind: 'mention', at: item.publishedAt, elapsedMs: Date.parse(item.publishedAt) - openedMs, item, mentionKind: kindOf(item) })),
    ...responses.map((item): TimelineEvent => {
      const notCounted = whyNotCounted(item, openedAt, complainants, policy);
      const event: TimelineEvent = { kind: 'response', at: item.publishedAt, elapsedMs: Date.parse(item.publishedAt) - openedMs, item };
      return notCounted ? { ...event, notCounted } : event;
    }),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind === b.kind ? (a.item.id < b.item.id ? -1 : 1) : a.kind === 'mention' ? -1 : 1));

  const counted = events.filter((e) => e.kind === 'response' && !e.notCounted);
  const firstResponseAt = counted[0]?.at ?? null;
  // A mention after the company's first answer is the conversation going on, not a new case.
  if (firstResponseAt !== null) {
    for (const event of events) if (event.kind === 'mention' && event.at > firstResponseAt) event.followUp = true;
  }
  const lastCounted = counted[counted.length - 1]?.at ?? null;
  const lastFollowUp = [...events].reverse().find((e) => e.kind === 'mention' && e.followUp)?.at ?? null;
  const resolvingResponse = counted.find((e) => e.kind === 'response' && e.item.resolves);
  const status: CaseStatus =
    override?.status ?? (override?.resolvedAt || resolvingResponse ? 'resolved' : firstResponseAt ? 'answered' : 'open');
  // A case the maintainer marked resolved without a date is resolved at an unknown time:
  // guessing one would invent a time to resolution (docs/methodology.md).
  const resolvedAt = status === 'resolved' ? (override?.resolvedAt ?? resolvingResponse?.at ?? null) : null;
  const channels = [...new Set(mentions.map((m) => m.channel))].sort() as Channel[];

  const opener = events.find((e) => e.kind === 'mention');
  const kind = override?.kind ?? (opener?.kind === 'mention' ? opener.mentionKind : kindOf(mentions[0]!));

  return {
    id,
    company,
    kind,
    kindFrom: override?.kind ? 'case-override' : mentions[0]!.kind ? 'mention' : 'inferred',
    customerReplied: status === 'answered' && lastFollowUp !== null && lastCounted !== null && lastFollowUp > lastCounted,
    title: override?.title ?? (first.title || titleFromText(first.excerpt) || 'Untitled mention'),
    channel: mentions[0]!.channel,
    channels,
    openedAt,
    firstResponseAt,
    resolvedAt,
    status,
    outcome: override?.outcome ?? null,
    note: override?.note ?? '',
    events,
    mentionCount: mentions.length,
    responseCount: counted.length,
    updatedAt: events[events.length - 1]!.at,
  };
}

function whyNotCounted(
  response: Response,
  openedAt: string,
  complainants: Set<string>,
  policy: ThreadingPolicy,
): NotCountedReason | undefined {
  if (isBotAuthor(response.author, policy.bots)) return 'bot';
  if (complainants.has(normalizeAuthorName(response.author))) return 'complainant';
  if (response.publishedAt < openedAt) return 'predates-case';
  return undefined;
}
