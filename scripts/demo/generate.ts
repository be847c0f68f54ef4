/**
 * Plays the demo scenario out into content files: about 18 months of mentions, answers,
 * silences and resolutions for three fictional companies. Customers post problems,
 * questions, praise and ideas, and sometimes answer the company's answer; the press writes
 * coverage on news and blog searches. Pure and seeded: the same seed and end date always give
 * the same files.
 */
import { matchCompany } from '../../src/core/ingest/match.ts';
import { createHash } from 'node:crypto';
import type { Channel, MentionKind } from '../../src/core/schemas.ts';
import { createRandom } from './random.ts';
import {
  ANSWERS,
  COVERAGE,
  CUSTOMER_REPLIES,
  DEMO_COMPANIES,
  FIRST_NAMES,
  IDEA_ANSWERS,
  IDEAS,
  PRAISE,
  PROBLEMS,
  QUESTION_ANSWERS,
  QUESTIONS,
  RESOLUTIONS,
  SECOND_ANSWERS,
  SURNAMES,
  THANKS_REPLIES,
  type DemoCompany,
} from './scenario.ts';

/**
 * One file to write: a path relative to the content folder, front matter and body. A mention
 * also says the kind the scenario meant it to be (`meant`, never written: the site reads the
 * kind from the source and text, and the demo's tests check it reads what was meant).
 */
export type DemoFile = { path: string; data: Record<string, unknown>; body: string; meant?: MentionKind };

const HOUR_MS = 3_600_000;
const DEMO_MONTHS = 18;

type Random = {
  next: () => number;
  pick: <T>(list: readonly T[]) => T;
  chance: (p: number) => boolean;
  /** A log-normal draw with this median and spread (sigma of the underlying normal). */
  logNormal: (median: number, sigma: number) => number;
};

function createRandomTools(seed: number): Random {
  const next = createRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next,
    pick: (list) => list[Math.floor(next() * list.length)]!,
    chance: (p) => next() < p,
    logNormal: (median, sigma) => median * Math.exp(sigma * normal()),
  };
}

function shortId(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

function iso(ms: number): string {
  return new Date(Math.round(ms / 60_000) * 60_000).toISOString();
}

function itemPath(folder: 'mentions' | 'responses', company: string, publishedAt: string, id: string): string {
  return `${folder}/${company}/${publishedAt.slice(0, 10)}-${id}.md`;
}

function fill(template: string, name: string): string {
  return template.replaceAll('{name}', name);
}

type Item = { id: string; url: string; publishedAt: string };
type FirstMention = Item & { title: string };
type PublicSource = DemoCompany['publicSources'][number];

/** Channels whose items are press and blog coverage; customers post everywhere else. */
const COVERAGE_CHANNELS: ReadonlySet<Channel> = new Set(['news', 'blog']);

/** The mix of what customers post, by kind: mostly problems, some questions, a little praise and a few ideas. */
const CUSTOMER_KINDS: readonly { kind: Exclude<MentionKind, 'coverage'>; share: number }[] = [
  { kind: 'problem', share: 0.72 },
  { kind: 'question', share: 0.14 },
  { kind: 'praise', share: 0.08 },
  { kind: 'idea', share: 0.06 },
];

/** Chance that a customer answers the company's answer to a problem (a follow-up in the same case). */
const CUSTOMER_REPLY_CHANCE = 0.2;
/** Chance that the company answers that follow-up; otherwise the customer has the last word. */
const SECOND_ANSWER_CHANCE = 0.6;
/** Chance that a customer thanks the company for a fix, in reply to it. */
const THANKS_CHANCE = 0.25;
/** Chance that the company thanks a customer for an idea. */
const IDEA_ANSWER_CHANCE = 0.4;

/**
 * How a company's history is played beyond its own rates: how many months, an outage week
 * (extra problems packed into seven days), and how many cases a maintainer edited by hand
 * (merges and resolutions). The demo uses the defaults; `npm run generate` varies them.
 */
export type HistoryShape = {
  months: number;
  outageWeek?: { month: number; extraCases: number };
  /** Hand edits beyond the demo's own: this many merges and as many resolutions with an outcome. */
  maintainerEdits?: number;
};

const DEMO_SHAPE: HistoryShape = { months: DEMO_MONTHS };

/** Everything the generator writes for one company. */
export function generateCompany(company: DemoCompany, seed: number, end: Date, shape: HistoryShape = DEMO_SHAPE): DemoFile[] {
  const random = createRandomTools(seed);
  const files: DemoFile[] = [];
  const endMs = end.getTime();
  const startMs = endMs - shape.months * 30.4 * 24 * HOUR_MS;
  const monthMs = (endMs - startMs) / shape.months;
  let counter = 0;
  const firstMentions: FirstMention[] = [];
  const customerSources = company.publicSources.filter((s) => !COVERAGE_CHANNELS.has(s.channel));
  const pressSources = company.publicSources.filter((s) => COVERAGE_CHANNELS.has(s.channel));
  const fillAll = (template: string, alias: string) => fill(template, alias).replaceAll('{handle}', company.handle);

  // A mention says why it is about the company, as fetch would store it: the alias and its passage.
  const withMatch = (data: Record<string, unknown> & Item, body: string) => {
    const match = matchCompany([String(data.title ?? ''), body], { aliases: companyAliases(company) });
    return match.term !== undefined && match.passage !== undefined ? { ...data, matchedTerm: match.term, matchedPassage: match.passage } : data;
  };
  const write = (folder: 'mentions' | 'responses', data: Record<string, unknown> & Item, body: string, meant?: MentionKind) =>
    files.push({ path: itemPath(folder, company.slug, data.publishedAt, data.id), data: folder === 'mentions' ? withMatch(data, body) : data, body, ...(meant ? { meant } : {}) });
  const author = () => `${random.pick(FIRST_NAMES)}${Math.floor(random.next() * 900 + 100)}`;
  /** A post's URL on a source: the source's folder, then /t/ (a topic) or /p/ (a post) and an id. */
  const postUrl = (source: PublicSource, id: string, topic = source.threaded === true) => `${source.url.replace(/\/[^/]*$/, '')}/${topic ? 't' : 'p'}/${id}`;
  const answerItem = (tag: string, n: number, ms: number): Item => ({ id: shortId(company.slug, tag, n), url: `https://${company.domain}/r/${shortId(tag, n)}`, publishedAt: iso(ms) });

  /** One customer post opening a case, and what follows it: others chiming in, answers, replies, a fix. */
  const playCase = (openedMs: number, kind: Exclude<MentionKind, 'coverage'>, answerChance: number) => {
    counter += 1;
    // Questions and ideas are asked where a conversation happens; praise and problems go anywhere.
    const candidates = kind === 'question' || kind === 'idea' ? customerSources.filter((s) => s.channel !== 'reviews') : customerSources;
    const source = random.pick(candidates);
    const alias = random.pick(company.aliases);
    const who = author();
    const id = shortId(company.slug, 'mention', counter);
    const url = postUrl(source, id);
    const threadId = source.threaded ? `topic-${counter}` : undefined;
    const first = { id, url, publishedAt: iso(openedMs) };
    const text = kind === 'problem' ? random.pick(PROBLEMS) : random.pick(kind === 'question' ? QUESTIONS : kind === 'idea' ? IDEAS : PRAISE);
    if (kind === 'problem') firstMentions.push({ ...first, title: text.title });
    write('mentions', mentionData(company, source, first, fillAll(text.title, alias), who, threadId, []), fillAll(text.body, alias), kind);
    if (kind === 'praise') return;

    // Other people chime in on a problem: on a forum in the same topic, elsewhere by linking the first post.
    if (kind === 'problem' && random.chance(0.35)) {
      const problem = text as (typeof PROBLEMS)[number];
      const chimeMs = openedMs + random.logNormal(10, 1) * HOUR_MS;
      if (chimeMs < endMs) {
        const sameAuthor = random.chance(0.5);
        const chime = { id: shortId(company.slug, 'follow-up', counter), url: postUrl(source, shortId('u', counter), false), publishedAt: iso(chimeMs) };
        const chimeSource = source.threaded ? source : random.pick(customerSources);
        write(
          'mentions',
          mentionData(company, chimeSource, chime, sameAuthor ? `Re: ${fill(problem.title, alias)}` : `Same here: ${fill(problem.title, alias)}`, sameAuthor ? who : `${random.pick(FIRST_NAMES)}${counter % 97}`, chimeSource === source ? threadId : undefined, chimeSource === source && threadId ? [] : [url]),
          sameAuthor ? fill(problem.followUp, alias) : `Same problem here. ${fill(problem.followUp, alias)}`,
          'problem',
        );
      }
    }

    if (!random.chance(kind === 'idea' ? IDEA_ANSWER_CHANCE : answerChance)) {
      // Silence, sometimes with an auto-reply that must not count as an answer.
      if (company.slug === 'zephyr-telecom' && kind === 'problem' && random.chance(0.3)) {
        const auto = { id: shortId(company.slug, 'auto', counter), url: `https://social.example/@ZephyrAutoReply/${counter}`, publishedAt: iso(openedMs + 2 * 60_000) };
        write('responses', responseData(company, company.companySources[0]!, auto, 'Automatic reply', 'ZephyrAutoReply', [url], false), 'Thanks for your message! Our team will get back to you as soon as possible.');
      }
      return;
    }
    const answerMs = openedMs + Math.max(0.1, random.logNormal(company.medianAnswerHours, 1.1)) * HOUR_MS;
    if (answerMs > endMs) return;
    const onForum = source.threaded === true && random.chance(0.6);
    const answerSource = onForum ? source : random.pick(company.companySources);
    const incident = kind === 'problem' && answerSource.channel === 'status' ? `incident-${counter}` : undefined;
    const answer = answerItem('answer', counter, answerMs);
    const settles = kind === 'question' && random.chance(company.resolveChance);
    const answerText = kind === 'problem' ? random.pick(ANSWERS) : random.pick(kind === 'question' ? QUESTION_ANSWERS : IDEA_ANSWERS);
    write(
      'responses',
      responseData(company, answerSource, answer, incident ? `Investigating: ${fill(text.title, company.name)}` : `Re: ${fill(text.title, alias)}`, random.pick(company.officialAuthors), onForum ? [] : [url], settles, onForum ? threadId : incident),
      answerText,
    );
    if (kind !== 'problem') return;

    // The conversation goes on: the customer answers the answer, and the company may answer again.
    let lastAnswer = answer;
    let lastMs = answerMs;
    if (random.chance(CUSTOMER_REPLY_CHANCE)) {
      const replyMs = answerMs + random.logNormal(8, 1) * HOUR_MS;
      if (replyMs > endMs) return;
      const reply = { id: shortId(company.slug, 'reply', counter), url: postUrl(source, shortId('c', counter), false), publishedAt: iso(replyMs) };
      write(
        'mentions',
        { ...mentionData(company, source, reply, `Re: ${fill(text.title, alias)}`, who, threadId, []), inReplyTo: [answer.url] },
        fillAll(random.pick(CUSTOMER_REPLIES), alias),
        'problem',
      );
      if (!random.chance(SECOND_ANSWER_CHANCE)) return; // the customer has the last word: answered, customer replied
      const secondMs = replyMs + Math.max(0.1, random.logNormal(company.medianAnswerHours, 1)) * HOUR_MS;
      if (secondMs > endMs) return;
      lastAnswer = answerItem('second-answer', counter, secondMs);
      lastMs = secondMs;
      write(
        'responses',
        { ...responseData(company, answerSource, lastAnswer, `Re: ${fill(text.title, alias)}`, random.pick(company.officialAuthors), [], false, onForum ? threadId : incident), inReplyTo: [reply.url] },
        random.pick(SECOND_ANSWERS),
      );
    }

    if (!random.chance(company.resolveChance)) return;
    const resolveMs = lastMs + random.logNormal(company.medianAnswerHours * 6, 1) * HOUR_MS;
    if (resolveMs > endMs) return;
    const resolution = answerItem('resolution', counter, resolveMs);
    write(
      'responses',
      { ...responseData(company, answerSource, resolution, incident ? `Resolved: ${fill(text.title, company.name)}` : `Fixed: ${fill(text.title, alias)}`, random.pick(company.officialAuthors), onForum || incident ? [] : [url], true, onForum ? threadId : incident), ...(lastAnswer === answer ? {} : { inReplyTo: [lastAnswer.url] }) },
      random.pick(RESOLUTIONS),
    );
    if (!random.chance(THANKS_CHANCE)) return;
    const thanksMs = resolveMs + random.logNormal(4, 1) * HOUR_MS;
    if (thanksMs > endMs) return;
    const thanks = { id: shortId(company.slug, 'thanks', counter), url: postUrl(source, shortId('t', counter), false), publishedAt: iso(thanksMs) };
    write('mentions', { ...mentionData(company, source, thanks, 'All sorted, thanks', who, threadId, []), inReplyTo: [resolution.url] }, fillAll(random.pick(THANKS_REPLIES), alias), 'praise');
  };

  /** One article about the company on a news or blog search: coverage, which nobody answers. */
  const playCoverage = (publishedMs: number) => {
    counter += 1;
    const source = random.pick(pressSources);
    const story = random.pick(COVERAGE[source.channel === 'news' ? 'news' : 'blog']);
    const id = shortId(company.slug, 'coverage', counter);
    const item = { id, url: postUrl(source, id), publishedAt: iso(publishedMs) };
    const byline = source.channel === 'news' ? `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}` : author();
    write('mentions', mentionData(company, source, item, fill(story.title, company.name), byline, undefined, []), fill(story.body, company.name), 'coverage');
  };

  for (let month = 0; month < shape.months; month += 1) {
    const count = Math.round(company.casesPerMonth * (0.6 + 0.8 * random.next()));
    for (let n = 0; n < count; n += 1) {
      const openedMs = startMs + (month + random.next()) * monthMs;
      const kind = pickKind(random.next());
      if (openedMs > endMs - HOUR_MS) continue;
      playCase(openedMs, kind, company.answerChance(month));
    }
    const articles = pressSources.length === 0 ? 0 : Math.round(company.coveragePerMonth * (0.5 + random.next()));
    for (let n = 0; n < articles; n += 1) {
      const publishedMs = startMs + (month + random.next()) * monthMs;
      if (publishedMs <= endMs - HOUR_MS) playCoverage(publishedMs);
    }
  }
  // The last hours before the end: a customer still inside the response target, not yet
  // answered, so the demo shows the grace rule (not yet counted as a miss).
  if (company.freshCase) playCase(endMs - company.freshCase.hoursBeforeEnd * HOUR_MS, company.freshCase.kind, 0);
  if (shape.outageWeek) {
    // An outage: a week in which problems pour in on top of the usual traffic.
    const weekStartMs = startMs + (shape.outageWeek.month + random.next() * 0.75) * monthMs;
    for (let n = 0; n < shape.outageWeek.extraCases; n += 1) {
      const openedMs = weekStartMs + random.next() * 7 * 24 * HOUR_MS;
      if (openedMs <= endMs - HOUR_MS) playCase(openedMs, 'problem', company.answerChance(shape.outageWeek.month));
    }
  }
  files.push(...maintainerOverrides(company, firstMentions));
  if (shape.maintainerEdits) files.push(...maintainerEdits(company, firstMentions, shape.maintainerEdits));
  return files;
}

/** The kind of a customer post for a uniform draw in [0, 1). */
function pickKind(draw: number): Exclude<MentionKind, 'coverage'> {
  let sum = 0;
  for (const { kind, share } of CUSTOMER_KINDS) {
    sum += share;
    if (draw < sum) return kind;
  }
  return 'problem';
}

function mentionData(
  company: DemoCompany,
  source: { url: string; channel: Channel },
  item: Item,
  title: string,
  author: string,
  threadId: string | undefined,
  links: string[],
): Record<string, unknown> & Item {
  return {
    id: item.id,
    company: company.slug,
    source: source.url,
    channel: source.channel,
    url: item.url,
    canonicalUrl: item.url,
    title,
    author,
    publishedAt: item.publishedAt,
    fetchedAt: iso(Date.parse(item.publishedAt) + 45 * 60_000),
    links,
    ...(threadId ? { threadId } : {}),
  };
}

function responseData(
  company: DemoCompany,
  source: { url: string; channel: Channel },
  item: Item,
  title: string,
  author: string,
  links: string[],
  resolves: boolean,
  threadId?: string,
): Record<string, unknown> & Item {
  return { ...mentionData(company, source, item, title, author, threadId, links), ...(resolves ? { resolves: true } : {}) };
}

/** The maintainer's hand: one merge with a note and an outcome per company, as a real maintainer would. */
function maintainerOverrides(company: DemoCompany, firstMentions: FirstMention[]): DemoFile[] {
  if (company.slug !== 'zephyr-telecom') return [];
  // Two customers, two threads, one problem: the merge a maintainer makes by hand.
  const index = firstMentions.findIndex((m, i) => i >= 20 && firstMentions[i + 1]?.title === m.title);
  if (index < 0) return [];
  const target = firstMentions[index]!;
  const duplicate = firstMentions[index + 1]!;
  return [
    {
      path: `cases/${company.slug}/${target.id}.md`,
      data: {
        title: `${fill(target.title, company.name)} (two reports, merged)`,
        merge: [duplicate.id],
        resolvedAt: iso(Date.parse(duplicate.publishedAt) + 9 * 24 * HOUR_MS),
        outcome: 'refunded after escalation',
      },
      body:
        'Two separate threads described the same problem, so we merged them into one case. Zephyr fixed it ' +
        'for both customers; one confirmed it to us by email, which is why this case counts as resolved ' +
        'on the date shown although no public answer says so.',
    },
  ];
}

/**
 * More of the maintainer's hand, for generated watch blogs: `count` merges of two reports of
 * the same problem, and `count` cases marked resolved with an outcome, spread over the history.
 */
function maintainerEdits(company: DemoCompany, firstMentions: FirstMention[], count: number): DemoFile[] {
  const files: DemoFile[] = [];
  const used = new Set<string>();
  const step = Math.max(1, Math.floor(firstMentions.length / (count + 1)));
  for (let index = step; index + 1 < firstMentions.length && files.length < count; index += step) {
    const target = firstMentions[index]!;
    const duplicate = firstMentions[index + 1]!;
    if (used.has(target.id) || used.has(duplicate.id)) continue;
    used.add(target.id).add(duplicate.id);
    files.push({
      path: `cases/${company.slug}/${target.id}.md`,
      data: { title: `${fill(target.title, company.name)} (two reports, merged)`, merge: [duplicate.id] },
      body: 'Two reports of the same problem, merged by the maintainer.',
    });
  }
  for (let index = Math.floor(step / 2); index < firstMentions.length && files.length < 2 * count; index += step) {
    const target = firstMentions[index]!;
    if (used.has(target.id)) continue;
    used.add(target.id);
    files.push({
      path: `cases/${company.slug}/${target.id}.md`,
      data: { resolvedAt: iso(Date.parse(target.publishedAt) + 5 * 24 * HOUR_MS), outcome: 'fixed, confirmed by the customer by email' },
      body: `The customer told us by email that ${company.name} fixed it.`,
    });
  }
  return files;
}

/** A company's file: its names, official identities, target, sources and an introduction. */
export function buildCompanyFile(company: DemoCompany, body: string): DemoFile {
  return {
    path: `companies/${company.slug}.md`,
    data: {
      name: company.name,
      fictional: true,
      aliases: companyAliases(company),
      exclude: company.exclude,
      official: { authors: company.officialAuthors, domains: [company.domain] },
      ...(company.slug === 'zephyr-telecom' ? { bots: ['ZephyrAutoReply'] } : {}),
      responseTargetHours: company.responseTargetHours,
      site: `https://${company.domain}/`,
      timeZone: company.timeZone,
      sources: [
        ...company.publicSources.map((s) => ({ url: s.url, name: s.name, channel: s.channel, voice: 'public', ...(s.threaded ? { threaded: true } : {}) })),
        ...company.companySources.map((s) => ({ url: s.url, name: s.name, channel: s.channel, voice: 'company', ...(s.threaded ? { threaded: true } : {}) })),
      ],
    },
    body,
  };
}

/** The names a maintainer would match the company by: its aliases and its official handles ("@BrightpathHelp"). */
export function companyAliases(company: DemoCompany): string[] {
  return [...company.aliases, ...company.officialAuthors];
}

/** The demo content: company files, mentions, responses, a case override and a post. */
export function generateDemo(seed: number, end: Date): DemoFile[] {
  const files: DemoFile[] = [];
  DEMO_COMPANIES.forEach((company, index) => {
    files.push(buildCompanyFile(company, `${company.intro}\n\n*${company.name} is fictional: this demo's people, posts and timings are generated by \`npm run demo\`.*`));
    files.push(...generateCompany(company, seed + index * 7919, end));
  });
  const zephyrOverride = files.find((f) => f.path.startsWith('cases/zephyr-telecom/'));
  files.push({
    path: 'posts/zephyr-one-day-promise.md',
    data: {
      title: 'Zephyr promised to answer within a day. Eighteen months on, does it?',
      date: iso(end.getTime() - 20 * 24 * HOUR_MS),
      summary: 'What the numbers say about Zephyr Telecom’s one-day answer promise, and what they cannot say.',
      companies: ['zephyr-telecom'],
      cases: zephyrOverride ? [zephyrOverride.path.replace(/^.*\/(.*)\.md$/, '$1')] : [],
    },
    body:
      'In spring 2025 Zephyr Telecom said it would answer every public complaint within 24 hours. We have ' +
      'followed its public answers since. The scorecard shows the share of cases answered within that target ' +
      'and how long the slowest tenth of customers waited.\n\n' +
      'A missing public answer is not proof that nobody was helped in private: a direct message does not ' +
      'show up in any feed. What the record does show is how often a customer who asked in public was left ' +
      'without a public word.',
  });
  return files;
}
