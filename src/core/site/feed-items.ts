/**
 * The items of every RSS feed, built from the watch blog. Pure: URLs come in as functions
 * (absolute), and every text is stripped of XML-forbidden characters on the way out.
 *
 * GUIDs change when an item's state changes: a case's guid is its id + status + number of
 * events, so a reader shows the case again when it is answered, resolved or gets a new event.
 */
import { formatDuration } from '../format.ts';
import { asksForAnswer } from '../schemas.ts';
import type { Case } from '../types.ts';
import type { CompanyRecord, Post, Watchblog } from '../watchblog.ts';
import { escapeXml } from './badge.ts';
import { buildWhyHere, describeCaseStatus, KIND_NAMES, whyHereText } from './case-kinds.ts';
import { listCompanySaid, type SaidItem } from './company-said.ts';
import { listCasesOfKinds, listPostsAbout, sortCasesByActivity } from './lists.ts';
import { isHttpUrl } from './paths.ts';
import { toPlainParagraphs, truncateText } from './text.ts';
import { stripXmlControlChars } from '../text/xml-chars.ts';

/** Most items any feed carries. */
export const FEED_ITEM_LIMIT = 50;

/** Longest excerpt quoted in a feed item, in characters. */
const FEED_EXCERPT_CHARS = 400;

/** One feed item before serialisation. `link` is absolute. */
export type FeedItem = { title: string; link: string; guid: string; pubDate: Date; description: string; categories: string[] };

/** URL builders the feeds need: absolute URLs of a case page, a post page and a company's "what it said" page. */
export type FeedUrls = { caseUrl: (kase: Case) => string; postUrl: (post: Post) => string; saidUrl: (companySlug: string) => string };

/** The bracketed word in a case item's title: its status, or its kind when it is not scored and unanswered. */
function statusWord(kase: Case): string {
  const status = describeCaseStatus(kase);
  if (status.key === 'not-scored') return KIND_NAMES[kase.kind];
  return status.key.charAt(0).toUpperCase() + status.key.slice(1);
}

function excerptOf(markdown: string): string {
  return truncateText(toPlainParagraphs(markdown).join(' '), FEED_EXCERPT_CHARS);
}

/** The guid of a case in its current state: id, status and number of events. */
export function buildCaseGuid(kase: Case): string {
  return `case:${kase.company}:${kase.id}:${kase.status}:${kase.events.length}`;
}

/**
 * A sentence on where a case stands, e.g. "Answered in 5 h 12 min; resolved in 2 d 3 h (refunded)."
 * Coverage, praise and ideas ask for no answer, so an unanswered one reads "Coverage, not
 * scored: no answer expected." rather than as a silence.
 */
export function describeCaseState(kase: Case): string {
  const opened = Date.parse(kase.openedAt);
  const parts: string[] = [];
  if (kase.firstResponseAt) parts.push(`Answered in ${formatDuration(Date.parse(kase.firstResponseAt) - opened)}`);
  else if (asksForAnswer(kase.kind)) parts.push('No public answer yet');
  else parts.push(`${KIND_NAMES[kase.kind]}, not scored: no answer expected`);
  if (kase.status === 'answered' && kase.customerReplied) parts.push('the customer replied since');
  if (kase.resolvedAt) parts.push(`resolved in ${formatDuration(Date.parse(kase.resolvedAt) - opened)}`);
  else if (kase.status === 'resolved') parts.push('resolved');
  return `${parts.join('; ')}${kase.outcome ? ` (${kase.outcome})` : ''}.`;
}

/** One case as an item: its state, counts and its latest event. */
export function buildCaseItem(kase: Case, companyName: string, link: string): FeedItem {
  const latest = kase.events[kase.events.length - 1];
  const latestText = latest ? ` Latest: ${latest.item.author || 'someone'} (${latest.kind === 'response' ? companyName : 'public'}, ${latest.item.channel}): ${excerptOf(latest.item.excerpt)}` : '';
  return {
    title: `[${statusWord(kase)}] ${companyName}: ${kase.title}`,
    link,
    guid: buildCaseGuid(kase),
    pubDate: new Date(kase.updatedAt),
    description: `${describeCaseState(kase)} ${kase.mentionCount} mention(s), ${kase.responseCount} counted response(s).${latestText}`,
    categories: [companyName, describeCaseStatus(kase).key, kase.kind, kase.channel],
  };
}

/** A maintainer's post as an item. */
export function buildPostItem(post: Post, link: string): FeedItem {
  return {
    title: post.title,
    link,
    guid: `post:${post.slug}`,
    pubDate: new Date(post.date),
    description: post.summary || excerptOf(post.body),
    categories: ['post'],
  };
}

function newestFirst(items: FeedItem[], limit: number): FeedItem[] {
  return items.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.guid.localeCompare(b.guid)).slice(0, limit);
}

/** `/rss.xml`: the most recently updated cases across companies and the posts, newest first. */
export function buildActivityFeedItems(watchblog: Watchblog, urls: FeedUrls, limit = FEED_ITEM_LIMIT): FeedItem[] {
  const items = watchblog.companies.flatMap((record) =>
    sortCasesByActivity(record.cases).slice(0, limit).map((kase) => buildCaseItem(kase, record.company.name, urls.caseUrl(kase))),
  );
  items.push(...watchblog.posts.slice(0, limit).map((post) => buildPostItem(post, urls.postUrl(post))));
  return newestFirst(items, limit);
}

/** A company's feed: its most recently updated cases and the posts about it. */
export function buildCompanyFeedItems(record: CompanyRecord, posts: readonly Post[], urls: FeedUrls, limit = FEED_ITEM_LIMIT): FeedItem[] {
  const items = sortCasesByActivity(record.cases).slice(0, limit).map((kase) => buildCaseItem(kase, record.company.name, urls.caseUrl(kase)));
  items.push(...listPostsAbout(posts, record.company.slug).slice(0, limit).map((post) => buildPostItem(post, urls.postUrl(post))));
  return newestFirst(items, limit);
}

/** One thing the company said as an item: an answer links its (first) case, a statement its original or the said page. */
function buildSaidItem(said: SaidItem, record: CompanyRecord, casesById: ReadonlyMap<string, Case>, urls: FeedUrls): FeedItem {
  const companyName = record.company.name;
  const item = said.response;
  const who = item.author || companyName;
  const kase = said.cases[0] ? casesById.get(said.cases[0].id) : undefined;
  if (said.kind === 'answer' && kase) {
    const counted = said.cases.some((ref) => ref.notCounted === undefined);
    const elapsedMs = Date.parse(item.publishedAt) - Date.parse(kase.openedAt);
    const when = elapsedMs >= 0 ? `${formatDuration(elapsedMs)} after the case opened` : `dated ${formatDuration(-elapsedMs)} before the case opened`;
    return {
      title: `${companyName} answered: ${kase.title}`,
      link: urls.caseUrl(kase),
      guid: `response:${item.id}`,
      pubDate: new Date(item.publishedAt),
      description: `${who} on ${item.channel}, ${when}${counted ? '' : ' (not counted in the scorecard)'}. ${excerptOf(item.excerpt)}`,
      categories: [companyName, 'response', item.channel],
    };
  }
  return {
    title: `${companyName} said: ${item.title || 'a statement'}`,
    link: isHttpUrl(item.url) ? item.url : urls.saidUrl(record.company.slug),
    guid: `response:${item.id}`,
    pubDate: new Date(item.publishedAt),
    description: `${who} on ${item.channel}, a statement that answers no case. ${excerptOf(item.excerpt)}`,
    categories: [companyName, 'statement', item.channel],
  };
}

/**
 * `/companies/<slug>/responses.xml` and `said.xml`: everything the company said that the site
 * shows — answers on its cases and statements that answer no case — newest first.
 */
export function buildResponseFeedItems(record: CompanyRecord, urls: FeedUrls, limit = FEED_ITEM_LIMIT): FeedItem[] {
  const casesById = new Map(record.cases.map((kase) => [kase.id, kase]));
  // Newest first already: only the first `limit` can make the feed.
  const items = listCompanySaid(record).slice(0, limit).map((said) => buildSaidItem(said, record, casesById, urls));
  return newestFirst(items, limit);
}

/** `/responses.xml`: every company's answers and statements, newest first. */
export function buildAllResponsesFeedItems(watchblog: Watchblog, urls: FeedUrls, limit = FEED_ITEM_LIMIT): FeedItem[] {
  return newestFirst(watchblog.companies.flatMap((record) => buildResponseFeedItems(record, urls, limit)), limit);
}

/** A company's resolved cases, most recently resolved first (dated by resolution, else last activity). */
export function buildResolvedFeedItems(record: CompanyRecord, urls: FeedUrls, limit = FEED_ITEM_LIMIT): FeedItem[] {
  const items = record.cases
    .filter((kase) => kase.status === 'resolved')
    .map((kase) => ({ ...buildCaseItem(kase, record.company.name, urls.caseUrl(kase)), pubDate: new Date(kase.resolvedAt ?? kase.updatedAt) }));
  return newestFirst(items, limit);
}

/**
 * A company's overdue cases: open, unanswered and older than the response target, dated by
 * the moment they became overdue, newest first. The guid carries the number of events, so
 * a new mention on a still-silent case shows again. Only problems and questions can be
 * overdue: coverage, praise and ideas never are (the silence ledger holds none, and a
 * not-graded company's ledger is empty).
 */
export function buildOverdueFeedItems(record: CompanyRecord, urls: FeedUrls, limit = FEED_ITEM_LIMIT): FeedItem[] {
  const targetMs = record.company.responseTargetHours * 3_600_000;
  const byId = new Map(record.cases.map((kase) => [kase.id, kase]));
  const items: FeedItem[] = [];
  for (const entry of record.scorecard.silenceLedger) {
    const kase = byId.get(entry.caseId);
    if (!entry.overdue || !kase || !asksForAnswer(kase.kind)) continue;
    const item = buildCaseItem(kase, record.company.name, urls.caseUrl(kase));
    items.push({
      ...item,
      title: `Overdue: ${record.company.name}: ${kase.title}`,
      guid: `overdue:${buildCaseGuid(kase)}`,
      pubDate: new Date(Date.parse(kase.openedAt) + targetMs),
      description: `No public answer after ${formatDuration(entry.ageHours * 3_600_000)} (target ${record.company.responseTargetHours} h). ${item.description}`,
    });
  }
  return newestFirst(items, limit);
}

/**
 * `/companies/<slug>/news.xml`: the company's coverage cases (news, press reviews, blog posts
 * about it), newest opened first, each with why it is here. Never scored, never overdue.
 */
export function buildNewsFeedItems(record: CompanyRecord, urls: FeedUrls, limit = FEED_ITEM_LIMIT): FeedItem[] {
  const companyName = record.company.name;
  return listCasesOfKinds(record.cases, ['coverage']).slice(0, limit).map((kase): FeedItem => {
    const opener = kase.events.find((event) => event.kind === 'mention');
    const who = opener ? `${opener.item.author || 'Someone'} on ${opener.item.channel}` : kase.channel;
    const why = whyHereText(opener ? buildWhyHere(opener.item) : null);
    return {
      title: `${companyName} in the news: ${kase.title}`,
      link: urls.caseUrl(kase),
      guid: `news:${kase.company}:${kase.id}`,
      pubDate: new Date(kase.openedAt),
      description: `${who}.${why ? ` Why this is here: “${why}”` : ''}${opener ? ` ${excerptOf(opener.item.excerpt)}` : ''}`.trim(),
      categories: [companyName, 'coverage', kase.channel],
    };
  });
}

/** One case's feed: each event, and the resolution when there is one, newest first. */
export function buildCaseFeedItems(kase: Case, companyName: string, link: string, limit = FEED_ITEM_LIMIT): FeedItem[] {
  const items = kase.events.map((event): FeedItem => {
    const who = event.item.author || (event.kind === 'response' ? companyName : 'someone');
    const when = event.elapsedMs > 0 ? `, ${formatDuration(event.elapsedMs)} after the case opened` : '';
    const title =
      event.kind === 'response'
        ? `${companyName} answered${event.notCounted ? ' (not counted)' : ''}: ${who}`
        : event.elapsedMs === 0 ? `Case opened by ${who}` : `New mention by ${who}`;
    return {
      title,
      link,
      guid: `event:${kase.id}:${event.kind}:${event.item.id}`,
      pubDate: new Date(event.at),
      description: `${who} on ${event.item.channel}${when}. ${excerptOf(event.item.excerpt)}`,
      categories: [event.kind, event.item.channel],
    };
  });
  if (kase.status === 'resolved') {
    items.push({
      title: `Resolved${kase.outcome ? `: ${kase.outcome}` : ''}`,
      link,
      guid: `resolved:${kase.id}:${kase.resolvedAt ?? kase.updatedAt}`,
      pubDate: new Date(kase.resolvedAt ?? kase.updatedAt),
      description: describeCaseState(kase),
      categories: ['resolved'],
    });
  }
  return newestFirst(items, limit);
}

/** The shape @astrojs/rss takes for an item. */
export type RssItemInput = { title: string; link: string; pubDate: Date; description: string; categories: string[]; customData: string };

/**
 * Feed items → @astrojs/rss items: texts stripped of XML-forbidden characters, the guid as a
 * non-permalink. RSS 2.0 readers render `<description>` as HTML, and ours is plain text from
 * strangers' feeds, so it is HTML-escaped here (and XML-escaped again by @astrojs/rss): a
 * mention saying `<form onsubmit=alert(1)>` reaches the reader as text, never as markup.
 */
export function toRssItems(items: readonly FeedItem[]): RssItemInput[] {
  return items.map((item) => ({
    title: stripXmlControlChars(item.title),
    link: item.link,
    pubDate: item.pubDate,
    description: escapeXml(item.description),
    categories: item.categories.map(stripXmlControlChars),
    customData: `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>`,
  }));
}

/** Channel-level extras: the atom:link rel="self" and the language. Pair with `xmlns: { atom: ATOM_NS }`. */
export function buildFeedChannelData(selfUrl: string, lastBuildDate: Date): string {
  return `<atom:link href="${escapeXml(selfUrl)}" rel="self" type="application/rss+xml"/><language>en</language><lastBuildDate>${lastBuildDate.toUTCString()}</lastBuildDate>`;
}

/** The Atom namespace, for `atom:link`. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
