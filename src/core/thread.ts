/**
 * Threading: mentions and responses → cases. Pure; see docs/methodology.md ("What is a case").
 *
 * 1. Mentions are grouped with a union–find: a maintainer's `caseId`, a shared source thread
 *    (threaded sources), `inReplyTo` pointing at an earlier mention, or a link to an earlier
 *    mention's canonical URL put two mentions in one case; a case override's `merge` joins cases.
 * 2. A case's id is its first mention's id (or the override that merged it), so it never changes.
 * 3. A response answers every case whose mention it names in `respondsTo`, links, replies to,
 *    or shares a source thread with. It counts as the company answering unless its author is a
 *    bot or one of the case's complainants, or it is dated before the case opened.
 */
import type { CaseStatus, Channel } from './schemas.ts';
import type { Case, CaseOverride, Mention, NotCountedReason, Response, TimelineEvent } from './types.ts';

/** The slice of a company that threading needs. */
export type ThreadingPolicy = { bots: readonly string[] };

/** Author names that look like automation even when the maintainer did not list them. */
const BOT_NAME_PATTERN = /(?:\[bot\]|\bbot|-bot|_bot|\bauto-?reply|\bno-?reply)$/i;

/** True when an author is a bot or auto-responder: listed by the maintainer, or named like one. */
export function isBotAuthor(author: string, bots: readonly string[]): boolean {
  const name = normalizeName(author);
  if (name === '') return false;
  return bots.some((bot) => normalizeName(bot) === name) || BOT_NAME_PATTERN.test(name);
}

function normalizeName(name: string): string {
  return name.trim().replace(/^@/, '').toLowerCase();
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

/** Looks mentions up by every name an item can use for them: id, URL and canonical URL. */
function indexMentions(mentions: readonly Mention[]): Map<string, Mention> {
  const byRef = new Map<string, Mention>();
  for (const mention of mentions) {
    for (const ref of [mention.url, mention.canonicalUrl, mention.id]) {
      if (ref && !byRef.has(ref)) byRef.set(ref, mention);
    }
  }
  return byRef;
}

function threadKey(item: { source: string; threadId?: string | undefined }): string | null {
  return item.threadId ? `${item.source}\u0000${item.threadId}` : null;
}

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
  const byRef = indexMentions(mentions);
  const order = new Map(mentions.map((m, index) => [m.id, index]));
  const groups = new UnionFind();
  const firstInThread = new Map<string, string>();

  for (const mention of mentions) {
    const earlier = (other: Mention | undefined) =>
      other !== undefined && other.id !== mention.id && order.get(other.id)! < order.get(mention.id)!;
    if (mention.caseId && order.has(mention.caseId)) groups.union(mention.caseId, mention.id);
    const key = threadKey(mention);
    if (key) {
      const first = firstInThread.get(key);
      if (first) groups.union(first, mention.id);
      else firstInThread.set(key, mention.id);
    }
    for (const ref of [...mention.inReplyTo, ...mention.links]) {
      const target = byRef.get(ref);
      if (earlier(target)) groups.union(target!.id, mention.id);
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

  // Updates in one company thread (a status incident, a support ticket) answer together: the
  // "resolved" update at the end of an incident belongs to the case its first update answered.
  const answeredByThread = new Map<string, Set<string>>();
  const answeredByResponse = responses.map((response) => {
    const found = findAnsweredCases(response, byRef, firstInThread, caseIdOfMention);
    const key = threadKey(response);
    if (key) answeredByThread.set(key, new Set([...(answeredByThread.get(key) ?? []), ...found]));
    return found;
  });
  const answers = new Map<string, Response[]>();
  responses.forEach((response, index) => {
    const key = threadKey(response);
    const caseIds = new Set([...answeredByResponse[index]!, ...(key ? answeredByThread.get(key) ?? [] : [])]);
    for (const caseId of caseIds) {
      const list = answers.get(caseId);
      if (list) list.push(response);
      else answers.set(caseId, [response]);
    }
  });

  const overrideById = new Map(overrides.map((o) => [o.caseId, o]));
  const cases: Case[] = [];
  for (const list of members.values()) {
    const caseId = caseIdOfMention.get(list[0]!.id)!;
    const override = overrideById.get(caseId);
    if (override?.hidden) continue;
    cases.push(assembleCase(company, caseId, list, answers.get(caseId) ?? [], override, policy));
  }
  return cases.sort((a, b) => byTimeThenId({ publishedAt: a.openedAt, id: a.id }, { publishedAt: b.openedAt, id: b.id }));
}

/** The ids of the cases one response answers (a response can answer several). */
function findAnsweredCases(
  response: Response,
  byRef: Map<string, Mention>,
  firstInThread: Map<string, string>,
  caseIdOfMention: Map<string, string>,
): Set<string> {
  const found = new Set<string>();
  for (const ref of [...response.respondsTo, ...response.inReplyTo, ...response.links]) {
    const mention = byRef.get(ref);
    if (mention) found.add(caseIdOfMention.get(mention.id)!);
  }
  const key = threadKey(response);
  const threadStarter = key ? firstInThread.get(key) : undefined;
  if (threadStarter) found.add(caseIdOfMention.get(threadStarter)!);
  return found;
}

function assembleCase(
  company: string,
  id: string,
  mentions: Mention[],
  responses: Response[],
  override: CaseOverride | undefined,
  policy: ThreadingPolicy,
): Case {
  const first = mentions.find((m) => m.id === id) ?? mentions[0]!;
  const openedAt = mentions[0]!.publishedAt;
  const openedMs = Date.parse(openedAt);
  const complainants = new Set(mentions.map((m) => normalizeName(m.author)).filter((a) => a !== ''));

  const events: TimelineEvent[] = [
    ...mentions.map((item): TimelineEvent => ({ kind: 'mention', at: item.publishedAt, elapsedMs: Date.parse(item.publishedAt) - openedMs, item })),
    ...responses.map((item): TimelineEvent => {
      const notCounted = whyNotCounted(item, openedAt, complainants, policy);
      const event: TimelineEvent = { kind: 'response', at: item.publishedAt, elapsedMs: Date.parse(item.publishedAt) - openedMs, item };
      return notCounted ? { ...event, notCounted } : event;
    }),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.kind === b.kind ? (a.item.id < b.item.id ? -1 : 1) : a.kind === 'mention' ? -1 : 1));

  const counted = events.filter((e) => e.kind === 'response' && !e.notCounted);
  const firstResponseAt = counted[0]?.at ?? null;
  const resolvingResponse = counted.find((e) => e.kind === 'response' && e.item.resolves);
  const status: CaseStatus =
    override?.status ?? (override?.resolvedAt || resolvingResponse ? 'resolved' : firstResponseAt ? 'answered' : 'open');
  // A case the maintainer marked resolved without a date is resolved at an unknown time:
  // guessing one would invent a time to resolution (docs/methodology.md).
  const resolvedAt = status === 'resolved' ? (override?.resolvedAt ?? resolvingResponse?.at ?? null) : null;
  const channels = [...new Set(mentions.map((m) => m.channel))].sort() as Channel[];

  return {
    id,
    company,
    title: override?.title ?? (first.title || 'Untitled mention'),
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
  if (complainants.has(normalizeName(response.author))) return 'complainant';
  if (response.publishedAt < openedAt) return 'predates-case';
  return undefined;
}
