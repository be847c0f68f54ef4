/**
 * Every correction of docs/maintainers.md, made as a maintainer makes it (an edit to the
 * Markdown of a small content tree, as fetch wrote it), checked in the built site and its open
 * data. The tree is built once with every correction applied; the same tree without the
 * corrections is threaded in-process, to show each edit is what changed the result.
 */
import { writeContentTree } from '../helpers/content-tree.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFolder } from '../../scripts/content/read-content.ts';
import { readContentFiles } from '../../src/core/content-entries.ts';
import type { OpenCase, OpenCasesDocument } from '../../src/core/site/open-data-cases.ts';
import type { Case } from '../../src/core/types.ts';
import { buildWatchblog } from '../../src/core/watchblog.ts';
import { serializeContentFile } from '../../src/core/write/front-matter.ts';
import { buildSite, type BuildResult } from '../../scripts/harness/build-site.ts';
import { readDist } from './dist-helpers.ts';

const NOW = '2026-06-01T00:00:00Z';
const FORUM = 'https://forum.example/c/acme.rss';
const SUPPORT = 'https://acme.example/support.atom';
const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 4, day, hour)).toISOString();

function mention(id: string, publishedAt: string, title: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const url = `https://forum.example/t/${id}`;
  return { id, company: 'acme', source: FORUM, channel: 'forum', url, canonicalUrl: url, title, author: `customer-${id}`, publishedAt, fetchedAt: publishedAt, links: [], inReplyTo: [], hidden: false, ...fields };
}

function response(id: string, publishedAt: string, title: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const url = `https://acme.example/support/${id}`;
  return { id, company: 'acme', source: SUPPORT, channel: 'support', url, canonicalUrl: url, title, author: 'AcmeCares', publishedAt, fetchedAt: publishedAt, links: [], inReplyTo: [], hidden: false, respondsTo: [], resolves: false, ...fields };
}

/** The content as fetch wrote it: Markdown files by path. */
const FETCHED: Record<string, string> = {
  'companies/acme.md': serializeContentFile(
    {
      name: 'Acme',
      fictional: true,
      official: { authors: ['AcmeCares'] },
      sources: [
        { url: FORUM, name: 'Forum', channel: 'forum', voice: 'public', threaded: true, kind: 'problem' },
        { url: SUPPORT, name: 'Support', channel: 'support', voice: 'company' },
      ],
    },
    'A company for the corrections test.\n',
  ),
  'mentions/acme/2026-05-01-link-q.md': serializeContentFile(mention('link-q', at(1), 'Acme charged me twice in May'), 'I was charged twice for May.'),
  'responses/acme/2026-05-01-r-link.md': serializeContentFile(response('r-link', at(1, 14), 'A refund is on its way'), 'We have refunded the second charge.'),
  'mentions/acme/2026-05-02-merge-a.md': serializeContentFile(mention('merge-a', at(2), 'Acme app crashes on login'), 'The app crashes as soon as I log in.'),
  'mentions/acme/2026-05-03-merge-b.md': serializeContentFile(mention('merge-b', at(3), "Acme app won't open since the update"), 'Since 5.2 the app closes itself.'),
  'mentions/acme/2026-05-04-split-a.md': serializeContentFile(mention('split-a', at(4), 'Router drops Wi-Fi every night', { threadId: 'topic-9' }), 'My router drops Wi-Fi every night.'),
  'mentions/acme/2026-05-04-split-b.md': serializeContentFile(mention('split-b', at(4, 15), 'Re: Router drops Wi-Fi every night', { threadId: 'topic-9' }), 'Different problem: I cannot change my billing address.'),
  'mentions/acme/2026-05-05-resolve-q.md': serializeContentFile(mention('resolve-q', at(5), 'Acme firmware bricked my router'), 'The update bricked my router.'),
  'responses/acme/2026-05-05-r-resolve.md': serializeContentFile(response('r-resolve', at(5, 12), 'We are sending a replacement', { respondsTo: ['resolve-q'] }), 'A replacement router is on its way.'),
  'mentions/acme/2026-05-06-spam.md': serializeContentFile(mention('spam', at(6), 'Cheap Acme coupons, click here'), 'Best coupons!!!'),
  'mentions/acme/2026-05-07-kind-q.md': serializeContentFile(mention('kind-q', at(7), 'Acme X3 router: not working for me'), 'My Acme X3 router review, a week in: the app is not working.'),
  'mentions/acme/2026-05-10-move-q.md': serializeContentFile(mention('move-q', at(10), 'Still charged twice, new thread', { threadId: 'topic-12' }), 'Same double charge as before, now in June.'),
  'mentions/acme/2026-05-08-email-q.md': serializeContentFile(mention('email-q', at(8), 'Acme never answered my cancellation request'), 'I asked Acme to cancel my contract.'),
};

/** Adds front-matter lines to a Markdown file, as a maintainer types them. */
function addFrontMatter(markdown: string, lines: string): string {
  const end = markdown.indexOf('\n---', 3);
  return `${markdown.slice(0, end)}\n${lines}${markdown.slice(end)}`;
}

/** Each correction of docs/maintainers.md as the edit a maintainer makes. */
const CORRECTIONS: ReadonlyArray<{ name: string; edit: (files: Record<string, string>) => void }> = [
  { name: 'link an answer to a complaint', edit: (f) => (f['responses/acme/2026-05-01-r-link.md'] = addFrontMatter(f['responses/acme/2026-05-01-r-link.md']!.replace('respondsTo: []\n', ''), 'respondsTo: ["https://forum.example/t/link-q"]')) },
  { name: 'merge two cases', edit: (f) => (f['cases/acme/merge-a.md'] = '---\ntitle: "App crashes after the 5.2 update"\nmerge: [merge-b]\n---\nTwo customers, one bug.\n') },
  { name: 'split a wrongly joined case', edit: (f) => (f['mentions/acme/2026-05-04-split-b.md'] = addFrontMatter(f['mentions/acme/2026-05-04-split-b.md']!, 'caseId: split-b')) },
  { name: 'move a mention to another case', edit: (f) => (f['mentions/acme/2026-05-10-move-q.md'] = addFrontMatter(f['mentions/acme/2026-05-10-move-q.md']!, 'caseId: link-q')) },
  { name: 'mark resolved with an outcome', edit: (f) => (f['cases/acme/resolve-q.md'] = `---\nresolvedAt: "${at(9)}"\noutcome: "replaced the router"\n---\n`) },
  { name: 'hide spam', edit: (f) => (f['mentions/acme/2026-05-06-spam.md'] = f['mentions/acme/2026-05-06-spam.md']!.replace('hidden: false', 'hidden: true')) },
  { name: "change an item's kind", edit: (f) => (f['mentions/acme/2026-05-07-kind-q.md'] = addFrontMatter(f['mentions/acme/2026-05-07-kind-q.md']!, 'kind: coverage')) },
  {
    name: 'add a response by hand',
    edit: (f) =>
      (f['responses/acme/2026-05-09-email-answer.md'] = [
        '---',
        'id: email-answer',
        'company: acme',
        'source: e-mail',
        'channel: support',
        'url: "email:acme-support/2026-05-09"',
        'canonicalUrl: "email:acme-support/2026-05-09"',
        'title: "Re: your cancellation"',
        'author: Acme Support',
        `publishedAt: "${at(9, 16)}"`,
        `fetchedAt: "${at(10)}"`,
        'respondsTo: [email-q]',
        'via: "E-mail from Acme Support to the customer, forwarded with her permission in pull request #12"',
        '---',
        'Your contract ends on 31 May. We are sorry for the delay.',
        '',
      ].join('\n')),
  },
];

async function threadInProcess(dir: string): Promise<Case[]> {
  const read = await readContentFolder(dir);
  const { input, problems } = readContentFiles(read.files);
  expect([...read.problems, ...problems]).toEqual([]);
  return buildWatchblog(input, new Date(NOW)).companies[0]!.cases;
}

/** The page's text without tags, entities decoded, whitespace squeezed. */
function textOf(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe('corrections by pull request, in the built site', () => {
  let before: Case[];
  let build: BuildResult;
  let cases: OpenCasesDocument;
  const caseOf = (id: string): OpenCase | undefined => cases.cases.find((c) => c.id === id);
  const beforeCase = (id: string) => before.find((c) => c.id === id);
  const page = (id: string) => path.join(build.outDir, 'cases', 'acme', id, 'index.html');

  beforeAll(async () => {
    const fetched = { ...FETCHED };
    before = await threadInProcess(await writeContentTree(fetched, 'corrections-before'));
    const corrected = { ...FETCHED };
    for (const correction of CORRECTIONS) correction.edit(corrected);
    build = await buildSite({ contentDir: await writeContentTree(corrected, 'corrections-after'), now: NOW });
    expect(build.code, build.output).toBe(0);
    cases = JSON.parse(readDist(build.outDir, 'data/acme/cases.json')) as OpenCasesDocument;
  });

  it('link an answer to a complaint: respondsTo names the mention (by URL), and the case is answered by it', () => {
    expect(beforeCase('link-q')?.status).toBe('open');
    expect(caseOf('link-q')).toMatchObject({ firstResponseAt: at(1, 14), firstResponseHours: 5 });
    expect(textOf(readDist(build.outDir, 'cases/acme/link-q/index.html'))).toContain('A refund is on its way');
  });

  it('merge two cases: a case file with merge joins the second case into the first, under its title', () => {
    expect([beforeCase('merge-a')?.mentionCount, beforeCase('merge-b')?.mentionCount]).toEqual([1, 1]);
    expect(caseOf('merge-a')).toMatchObject({ title: 'App crashes after the 5.2 update', mentions: 2, note: 'Two customers, one bug.' });
    expect(caseOf('merge-b')).toBeUndefined();
    expect(existsSync(page('merge-b'))).toBe(false);
    expect(textOf(readDist(build.outDir, 'cases/acme/merge-a/index.html'))).toContain("Acme app won't open since the update");
  });

  it('split a wrongly joined case: caseId set to the mention\u2019s own id takes it out of the thread into a case of its own', () => {
    expect(beforeCase('split-a')?.mentionCount).toBe(2);
    expect(beforeCase('split-b')).toBeUndefined();
    expect(caseOf('split-a')?.mentions).toBe(1);
    expect(caseOf('split-b')).toMatchObject({ mentions: 1, title: 'Re: Router drops Wi-Fi every night' });
    expect(existsSync(page('split-b'))).toBe(true);
  });

  it('move a mention to another case: caseId names the case it belongs to', () => {
    expect(beforeCase('move-q')).toBeDefined();
    expect(caseOf('move-q')).toBeUndefined();
    expect(caseOf('link-q')?.events.filter((e) => e.kind === 'mention').map((e) => e.id)).toEqual(['link-q', 'move-q']);
  });

  it('mark a case resolved, with an outcome: resolvedAt and outcome in a case file', () => {
    expect(beforeCase('resolve-q')?.status).toBe('answered');
    expect(caseOf('resolve-q')).toMatchObject({ status: 'resolved', resolvedAt: at(9), resolutionHours: 96, outcome: 'replaced the router' });
    expect(textOf(readDist(build.outDir, 'cases/acme/resolve-q/index.html'))).toMatch(/Resolved 4 d(?:ays)? after the case opened: replaced the router/);
  });

  it('hide spam: hidden: true leaves it out of the pages, the open data and the figures', () => {
    expect(beforeCase('spam')).toBeDefined();
    expect(caseOf('spam')).toBeUndefined();
    expect(existsSync(page('spam'))).toBe(false);
    expect(readDist(build.outDir, 'data/acme/cases.json')).not.toContain('coupons');
  });

  it("change an item's kind: kind: coverage in the mention's file takes the case out of the scored ones", () => {
    expect(beforeCase('kind-q')?.kind).toBe('problem');
    expect(caseOf('kind-q')).toMatchObject({ kind: 'coverage', kindFrom: 'mention', scored: false });
  });

  it('add a response by hand: an e-mail answer with where it came from (via) answers the case, and the page says where it came from', () => {
    expect(beforeCase('email-q')?.status).toBe('open');
    const kase = caseOf('email-q');
    expect(kase).toMatchObject({ status: 'answered', firstResponseAt: at(9, 16) });
    expect(kase?.events.find((e) => e.id === 'email-answer')).toMatchObject({ counted: true, via: 'E-mail from Acme Support to the customer, forwarded with her permission in pull request #12', url: 'email:acme-support/2026-05-09' });
    const text = textOf(readDist(build.outDir, 'cases/acme/email-q/index.html'));
    expect(text).toContain('Source: E-mail from Acme Support to the customer, forwarded with her permission in pull request #12');
    expect(text).toContain('Your contract ends on 31 May.');
  });

  it('counts the corrected cases in the published figures', () => {
    const companies = JSON.parse(readDist(build.outDir, 'data/companies.json')) as Array<{ slug: string; windows: { all: { cases: number; responded: number; resolved: number } } }>;
    // Scored: link-q, merge-a, split-a, split-b, resolve-q, email-q (spam hidden, kind-q coverage).
    expect(companies.find((c) => c.slug === 'acme')?.windows.all).toMatchObject({ cases: 6, responded: 3, resolved: 1 });
  });
});
