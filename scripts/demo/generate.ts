/**
 * Plays the demo scenario out into content files: about 18 months of mentions, answers,
 * silences and resolutions for three fictional companies. Pure and seeded: the same seed
 * and end date always give the same files.
 */
import { createHash } from 'node:crypto';
import type { Channel } from '../../src/core/schemas.ts';
import { createRandom } from './random.ts';
import { ANSWERS, DEMO_COMPANIES, FIRST_NAMES, PROBLEMS, RESOLUTIONS, type DemoCompany } from './scenario.ts';

/** One file to write: a path relative to the content folder, front matter and body. */
export type DemoFile = { path: string; data: Record<string, unknown>; body: string };

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

/** Everything the generator writes for one company. */
function generateCompany(company: DemoCompany, seed: number, end: Date): DemoFile[] {
  const random = createRandomTools(seed);
  const files: DemoFile[] = [];
  const endMs = end.getTime();
  const startMs = endMs - DEMO_MONTHS * 30.4 * 24 * HOUR_MS;
  const monthMs = (endMs - startMs) / DEMO_MONTHS;
  let counter = 0;
  const firstMentions: FirstMention[] = [];

  const write = (folder: 'mentions' | 'responses', data: Record<string, unknown> & Item, body: string) =>
    files.push({ path: itemPath(folder, company.slug, data.publishedAt, data.id), data, body });

  for (let month = 0; month < DEMO_MONTHS; month += 1) {
    const count = Math.round(company.casesPerMonth * (0.6 + 0.8 * random.next()));
    for (let n = 0; n < count; n += 1) {
      counter += 1;
      const openedMs = startMs + (month + random.next()) * monthMs;
      if (openedMs > endMs - HOUR_MS) continue;
      const source = random.pick(company.publicSources);
      const problem = random.pick(PROBLEMS);
      const alias = random.pick(company.aliases);
      const author = `${random.pick(FIRST_NAMES)}${Math.floor(random.next() * 900 + 100)}`;
      const id = shortId(company.slug, 'mention', counter);
      const base = source.url.replace(/\/[^/]*$/, '');
      const url = `${base}/${source.threaded ? 't' : 'p'}/${id}`;
      const threadId = source.threaded ? `topic-${counter}` : undefined;
      const first = { id, url, publishedAt: iso(openedMs) };
      firstMentions.push({ ...first, title: problem.title });
      write('mentions', mentionData(company, source, first, fill(problem.title, alias), author, threadId, []), fill(problem.body, alias));

      // Other people chime in: on a forum in the same topic, elsewhere by linking the first post.
      let lastMs = openedMs;
      if (random.chance(0.35)) {
        lastMs = openedMs + random.logNormal(10, 1) * HOUR_MS;
        if (lastMs < endMs) {
          const sameAuthor = random.chance(0.5);
          const followUp = { id: shortId(company.slug, 'follow-up', counter), url: `${base}/p/${shortId('u', counter)}`, publishedAt: iso(lastMs) };
          const followSource = source.threaded ? source : random.pick(company.publicSources);
          write(
            'mentions',
            mentionData(company, followSource, followUp, sameAuthor ? `Re: ${fill(problem.title, alias)}` : `Same here: ${fill(problem.title, alias)}`, sameAuthor ? author : `${random.pick(FIRST_NAMES)}${counter % 97}`, followSource === source ? threadId : undefined, followSource === source && threadId ? [] : [url]),
            sameAuthor ? fill(problem.followUp, alias) : `Same problem here. ${fill(problem.followUp, alias)}`,
          );
        }
      }

      if (!random.chance(company.answerChance(month))) {
        // Silence, sometimes with an auto-reply that must not count as an answer.
        if (company.slug === 'zephyr-telecom' && random.chance(0.3)) {
          const auto = { id: shortId(company.slug, 'auto', counter), url: `https://social.example/@ZephyrAutoReply/${counter}`, publishedAt: iso(openedMs + 2 * 60_000) };
          write('responses', responseData(company, company.companySources[0]!, auto, 'Automatic reply', 'ZephyrAutoReply', [url], false), 'Thanks for your message! Our team will get back to you as soon as possible.');
        }
        continue;
      }
      const answerMs = openedMs + Math.max(0.1, random.logNormal(company.medianAnswerHours, 1.1)) * HOUR_MS;
      if (answerMs > endMs) continue;
      const onForum = source.threaded && random.chance(0.6);
      const answerSource = onForum ? source : random.pick(company.companySources);
      const incident = answerSource.channel === 'status' ? `incident-${counter}` : undefined;
      const answer = { id: shortId(company.slug, 'answer', counter), url: `https://${company.domain}/r/${shortId('a', counter)}`, publishedAt: iso(answerMs) };
      write(
        'responses',
        responseData(company, answerSource, answer, incident ? `Investigating: ${fill(problem.title, company.name)}` : `Re: ${fill(problem.title, alias)}`, random.pick(company.officialAuthors), onForum ? [] : [url], false, onForum ? threadId : incident),
        random.pick(ANSWERS),
      );

      if (!random.chance(company.resolveChance)) continue;
      const resolveMs = answerMs + random.logNormal(company.medianAnswerHours * 6, 1) * HOUR_MS;
      if (resolveMs > endMs) continue;
      const resolution = { id: shortId(company.slug, 'resolution', counter), url: `https://${company.domain}/r/${shortId('z', counter)}`, publishedAt: iso(resolveMs) };
      write(
        'responses',
        responseData(company, answerSource, resolution, incident ? `Resolved: ${fill(problem.title, company.name)}` : `Fixed: ${fill(problem.title, alias)}`, random.pick(company.officialAuthors), onForum || incident ? [] : [url], true, onForum ? threadId : incident),
        random.pick(RESOLUTIONS),
      );
    }
  }
  files.push(...maintainerOverrides(company, firstMentions));
  return files;
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

/** The demo content: company files, mentions, responses, a case override and a post. */
export function generateDemo(seed: number, end: Date): DemoFile[] {
  const files: DemoFile[] = [];
  DEMO_COMPANIES.forEach((company, index) => {
    files.push({
      path: `companies/${company.slug}.md`,
      data: {
        name: company.name,
        fictional: true,
        aliases: company.aliases,
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
      body: `${company.intro}\n\n*${company.name} is fictional: this demo's people, posts and timings are generated by \`npm run demo\`.*`,
    });
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
