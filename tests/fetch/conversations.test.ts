/**
 * Customer-support conversations end to end: five brands' support accounts, their customers
 * writing to them, the brands answering, the customers replying again — every reply carrying
 * Atom's thr:in-reply-to (RFC 4685) as public social feeds do. Fetched from a loopback server,
 * written to a temp content folder, read back and threaded: the case counts and response
 * rates must be the conversation script's truth, not 1.3–2.2× as many cases.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Watchblog } from '../../src/core/watchblog.ts';
import { startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';
import { fetchAndThread } from '../helpers/fetch-runs.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');

/** One turn: who speaks ('customer' or 'brand'), hours after the conversation opened, what is said, and which earlier turn it replies to. */
type Turn = { by: 'customer' | 'other-customer' | 'brand'; hour: number; text: string; replyTo?: number };
/** A conversation as the customer lived it; `answered` is the truth the scorecard must show. */
type Conversation = { turns: Turn[]; answered: boolean };

const CUSTOMER_LINES = ['my order never arrived and nobody answers', 'charged twice this month, please fix', 'the app keeps logging me out', 'no signal at home since Monday', 'my refund is still missing'];
const FOLLOW_UPS = ['still broken', 'thanks, DM sent', 'that did not work', 'ok, waiting for the engineer', 'same problem today'];

/** Five brands' worth of conversations, each shaped differently; deterministic. */
function scriptFor(brandIndex: number): Conversation[] {
  const line = (i: number) => CUSTOMER_LINES[(brandIndex + i) % CUSTOMER_LINES.length]!;
  const follow = (i: number) => FOLLOW_UPS[(brandIndex + i) % FOLLOW_UPS.length]!;
  return [
    // public → brand → public → brand
    { turns: [{ by: 'customer', hour: 0, text: line(0) }, { by: 'brand', hour: 1, text: 'Sorry! Please DM us.', replyTo: 0 }, { by: 'customer', hour: 2, text: follow(0), replyTo: 1 }, { by: 'brand', hour: 3, text: 'Fixed now.', replyTo: 2 }], answered: true },
    // public → brand → public (the customer has the last word)
    { turns: [{ by: 'customer', hour: 0, text: line(1) }, { by: 'brand', hour: 4, text: 'We are on it.', replyTo: 0 }, { by: 'customer', hour: 5, text: follow(1), replyTo: 1 }], answered: true },
    // branching: the customer and someone else both reply to the brand's answer
    { turns: [{ by: 'customer', hour: 0, text: line(2) }, { by: 'brand', hour: 2, text: 'Known issue, fix today.', replyTo: 0 }, { by: 'customer', hour: 3, text: follow(2), replyTo: 1 }, { by: 'other-customer', hour: 3.5, text: 'same here, still broken', replyTo: 1 }], answered: true },
    // a long chain: five turns
    { turns: [{ by: 'customer', hour: 0, text: line(3) }, { by: 'brand', hour: 1, text: 'Can you DM your account number?', replyTo: 0 }, { by: 'customer', hour: 1.5, text: 'done', replyTo: 1 }, { by: 'brand', hour: 2, text: 'Thanks, looking.', replyTo: 2 }, { by: 'customer', hour: 3, text: follow(3), replyTo: 3 }], answered: true },
    // the customer replies to their own post before the brand answers
    { turns: [{ by: 'customer', hour: 0, text: line(4) }, { by: 'customer', hour: 1, text: 'anyone? still waiting', replyTo: 0 }, { by: 'brand', hour: 6, text: 'Sorry for the wait.', replyTo: 1 }], answered: true },
    // unanswered
    { turns: [{ by: 'customer', hour: 0, text: line(5) }], answered: false },
  ];
}

const BRANDS = ['Acme Air', 'Globex Mobile', 'Initech Bank', 'Umbrella Energy', 'Hooli Mail'];
const handleOf = (brand: string) => `${brand.replace(/\s+/g, '')}Support`;
const slugOf = (brand: string) => brand.toLowerCase().replace(/\s+/g, '-');

type Entry = { id: string; url: string; author: string; at: string; text: string; parent?: { id: string; url: string } };

/** The Atom feed of a list of entries, each reply with thr:in-reply-to ref (atom:id) and href (URL). */
function atomFeed(title: string, selfUrl: string, entries: Entry[]): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
<title>${escape(title)}</title><id>${escape(selfUrl)}</id><updated>${NOW.toISOString()}</updated>
${entries
  .map(
    (e) => `<entry><id>${e.id}</id><title>${escape(e.text.slice(0, 60))}</title><link href="${escape(e.url)}"/><published>${e.at}</published><updated>${e.at}</updated>
<author><name>${escape(e.author)}</name></author>${e.parent ? `<thr:in-reply-to ref="${escape(e.parent.id)}" href="${escape(e.parent.url)}"/>` : ''}
<content type="text">${escape(e.text)}</content></entry>`,
  )
  .join('\n')}
</feed>`;
}

/** Every brand's public search feed (customers) and account feed (the brand's replies). */
function buildFeeds(base: string) {
  const feeds = new Map<string, string>();
  const truth = new Map<string, { cases: number; answered: number }>();
  BRANDS.forEach((brand, brandIndex) => {
    const handle = handleOf(brand);
    const publicEntries: Entry[] = [];
    const brandEntries: Entry[] = [];
    const script = scriptFor(brandIndex);
    script.forEach((conversation, c) => {
      const opened = Date.parse('2026-11-01T08:00:00.000Z') + (brandIndex * 10 + c) * 7 * 3_600_000;
      const entries: Entry[] = conversation.turns.map((turn, t) => {
        const author = turn.by === 'brand' ? handle : turn.by === 'customer' ? `customer${brandIndex}${c}` : `bystander${brandIndex}${c}`;
        const id = `tag:social.example,2026:${slugOf(brand)}-${c}-${t}`;
        return { id, url: `${base}/@${author}/${slugOf(brand)}-${c}-${t}`, author, at: new Date(opened + turn.hour * 3_600_000).toISOString(), text: turn.by === 'brand' ? turn.text : `@${handle} ${turn.text}` };
      });
      conversation.turns.forEach((turn, t) => {
        const entry = entries[t]!;
        if (turn.replyTo !== undefined) entry.parent = { id: entries[turn.replyTo]!.id, url: entries[turn.replyTo]!.url };
        (turn.by === 'brand' ? brandEntries : publicEntries).push(entry);
      });
    });
    // A reply to a post that was never fetched, and a reply to another brand's post naming ours: each its own unanswered case.
    publicEntries.push({ id: `tag:social.example,2026:${slugOf(brand)}-orphan`, url: `${base}/@late/${slugOf(brand)}-orphan`, author: 'late', at: '2026-11-15T10:00:00.000Z', text: `@${handle} my bill is wrong again`, parent: { id: 'tag:social.example,2026:deleted', url: `${base}/@gone/deleted` } });
    publicEntries.push({ id: `tag:social.example,2026:${slugOf(brand)}-cross`, url: `${base}/@switcher/${slugOf(brand)}-cross`, author: 'switcher', at: '2026-11-15T11:00:00.000Z', text: `@OtherCoSupport @${handle} is no better, my line is down too`, parent: { id: 'tag:social.example,2026:otherco-1', url: `${base}/@OtherCoSupport/1` } });
    feeds.set(`/search/${slugOf(brand)}.atom`, atomFeed(`Posts mentioning @${handle}`, `${base}/search/${slugOf(brand)}.atom`, publicEntries));
    feeds.set(`/@${handle}.atom`, atomFeed(`@${handle}`, `${base}/@${handle}.atom`, brandEntries));
    truth.set(slugOf(brand), { cases: script.length + 2, answered: script.filter((c) => c.answered).length });
  });
  return { feeds, truth };
}

let server: FeedServer;
let contentDir: string;
let watchblog: Watchblog;
let truth: Map<string, { cases: number; answered: number }>;
let fetchOutput = '';

beforeAll(async () => {
  server = await startFeedServer();
  const built = buildFeeds(server.url(''));
  truth = built.truth;
  for (const [route, body] of built.feeds) server.route(route, (_req, res) => void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(body));
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-conversations-'));
  await mkdir(path.join(contentDir, 'companies'), { recursive: true });
  for (const brand of BRANDS) {
    const handle = handleOf(brand);
    const lines = ['---', `name: ${brand}`, `aliases: ["${brand}", "${handle}"]`, 'official:', `  authors: [${handle}]`, 'responseTargetHours: 24', 'sources:',
      `  - url: "${server.url(`/search/${slugOf(brand)}.atom`)}"`, '    channel: social',
      `  - url: "${server.url(`/@${handle}.atom`)}"`, '    channel: social', '    voice: company', '---', ''];
    await writeFile(path.join(contentDir, 'companies', `${slugOf(brand)}.md`), lines.join('\n'));
  }
  // A company followed only through the news: nothing where it answers is watched.
  await writeFile(path.join(contentDir, 'companies', 'newsonly.md'), ['---', 'name: Newsonly', 'sources:', `  - url: "${server.url('/search/acme-air.atom')}"`, '    channel: news', '---', ''].join('\n'));
  ({ watchblog, output: fetchOutput } = await fetchAndThread(contentDir, NOW));
});

afterAll(async () => {
  await server?.close();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

describe('real-shaped support conversations', () => {
  it.each(BRANDS.map((brand) => [brand, slugOf(brand)]))('%s: one case per conversation, and the true response rate', (_, slug) => {
    const record = watchblog.companies.find((r) => r.company.slug === slug)!;
    const expected = truth.get(slug)!;
    const all = record.scorecard.windows.all;
    expect(all.cases).toBe(expected.cases);
    expect(all.responded).toBe(expected.answered);
    expect(all.responseRate).toBe(Math.round((expected.answered / expected.cases) * 10_000) / 10_000);
  });

  it('keeps the customer’s reply after an answer in its case, as a follow-up, with the first response time unchanged', () => {
    const record = watchblog.companies.find((r) => r.company.slug === 'acme-air')!;
    const lastWord = record.cases.find((c) => c.events.some((e) => e.kind === 'mention' && e.followUp) && c.customerReplied);
    expect(lastWord).toBeDefined();
    expect(Date.parse(lastWord!.firstResponseAt!) - Date.parse(lastWord!.openedAt)).toBe(4 * 3_600_000);
  });

  it('does not count the bystander’s reply as a case of its own', () => {
    const record = watchblog.companies.find((r) => r.company.slug === 'acme-air')!;
    expect(record.cases.filter((c) => c.events.some((e) => e.kind === 'mention' && e.item.author.startsWith('bystander')))).toHaveLength(1);
    expect(record.cases.every((c) => !c.title.startsWith('@AcmeAirSupport same here'))).toBe(true);
  });

  it('does not grade a company whose answers nobody watches, and fetch says so', () => {
    const record = watchblog.companies.find((r) => r.company.slug === 'newsonly')!;
    expect(record.scorecard.graded).toBe(false);
    expect(record.scorecard.silenceLedger).toEqual([]);
    expect(fetchOutput).toMatch(/newsonly\.md: no channel where the company answers is watched/);
  });
});
