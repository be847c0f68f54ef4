/**
 * Front matter and paths: titles, authors, thread ids and links holding `---`, YAML tags,
 * anchors and aliases, `: `, `#`, newlines, NUL, bidi controls, `../`, absolute paths and
 * 10,000 characters are written by the real writer (planWrites → applyPlan), read back
 * equal by `parseContentFile` and by Astro's own front-matter reader, built by Astro (the
 * page shows the text as text), and nothing is ever written outside the content folder —
 * also when the same strings arrive as guids, titles and authors of a served feed.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { toString as hastToString } from 'hast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemDraft } from '../../src/core/ingest/types.ts';
import { MentionSchema } from '../../src/core/schemas.ts';
import { parseContentFile } from '../../src/core/write/front-matter.ts';
import { planWrites } from '../../src/core/write/plan-writes.ts';
import { applyPlan } from '../../scripts/stages/apply-plan.ts';
import { buildSite, type BuildResult } from '../../scripts/harness/build-site.ts';
import { startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';
import { FRONT_MATTER_HOSTILE } from '../../scripts/harness/hostile-strings.ts';
import { createContentDir, fetchInto, HOSTILE_NOW, snapshotTree, type CompanySpec } from '../../scripts/harness/hostile-site.ts';

const COMPANY: CompanySpec = {
  slug: 'acme',
  data: { name: 'Acme', aliases: ['Acme'], sources: [{ url: 'https://forum.example/acme.rss', channel: 'forum', allAboutCompany: true }] },
};

/** One draft per hostile string, the string in every free-text field. */
function buildDraft(name: string, text: string, index: number): ItemDraft {
  const publishedAt = new Date(HOSTILE_NOW.getTime() - (index + 1) * 86_400_000).toISOString();
  return {
    kind: 'mention',
    id: `hostile${String(index).padStart(2, '0')}`,
    company: 'acme',
    source: 'https://forum.example/acme.rss',
    channel: 'forum',
    voice: 'public',
    url: `https://forum.example/t/${index}`,
    canonicalUrl: `https://forum.example/t/${index}`,
    title: `Acme ${index}: ${text}`,
    author: text,
    publishedAt,
    fetchedAt: HOSTILE_NOW.toISOString(),
    links: [`https://forum.example/l/${index}`],
    threadId: text,
    inReplyTo: [text],
    excerpt: `Excerpt for ${name}.`,
  };
}

const drafts = FRONT_MATTER_HOSTILE.map(([name, text], index) => buildDraft(name, text, index));

/** Text as a page shows it: NUL dropped (HTML cannot carry it), whitespace collapsed. */
function asShown(text: string): string {
  return text.replace(/[\u0000\ufffd]/g, '').replace(/\s+/g, ' ').trim();
}

describe('hostile strings written by the real writer', () => {
  let contentDir: string;
  let parent: string;
  let parentBefore: string[];
  let build: BuildResult;

  beforeAll(async () => {
    ({ parent, contentDir } = await createContentDir([COMPANY], 'watchblog-frontmatter-'));
    parentBefore = [...(await snapshotTree(parent)).keys()].filter((file) => !file.startsWith('content/'));
    const plan = planWrites(drafts, { items: [], occupiedPaths: new Set(), ledgers: {} });
    const applied = await applyPlan(plan, contentDir);
    expect(applied.errors).toEqual([]);
    build = await buildSite({ contentDir });
  });

  it.each(FRONT_MATTER_HOSTILE.map(([name], index) => [name, index] as const))('reads back a field holding %s equal, in our reader, in Astro’s and through the schema', async (_name, index) => {
    const draft = drafts[index]!;
    const file = path.join(contentDir, 'mentions', 'acme', `${draft.publishedAt.slice(0, 10)}-${draft.id}.md`);
    const text = await readFile(file, 'utf8');
    const parsed = parseContentFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const expected = { title: draft.title, author: draft.author, threadId: draft.threadId, inReplyTo: draft.inReplyTo };
    expect(parsed.file.data).toMatchObject(expected);
    expect(parsed.file.body).toBe(draft.excerpt);
    expect(parseFrontmatter(text).frontmatter).toEqual(parsed.file.data);
    expect(MentionSchema.parse(parsed.file.data)).toMatchObject(expected);
    // Exactly one front-matter block: the opening and closing delimiters, nothing else at column 0.
    expect(text.split('\n').filter((line) => line === '---')).toHaveLength(2);
  });

  it('builds a site from that content folder', () => {
    expect(build.code, build.output.slice(-2_000)).toBe(0);
  });

  it.each(FRONT_MATTER_HOSTILE.map(([name], index) => [name, index] as const))('shows a title holding %s on its case page as text', async (_name, index) => {
    const draft = drafts[index]!;
    const html = await readFile(path.join(build.outDir, 'cases', 'acme', draft.id, 'index.html'), 'utf8');
    const shown = asShown(hastToString(unified().use(rehypeParse).parse(html)));
    // Long titles may be cut for display: the first 200 characters must be there verbatim.
    expect(shown).toContain(asShown(draft.title).slice(0, 200));
  });

  it('writes nothing outside the content folder, not even through the build', async () => {
    const after = [...(await snapshotTree(parent)).keys()].filter((file) => !file.startsWith('content/'));
    expect(after).toEqual(parentBefore);
  });
});

describe('hostile guids, titles and authors arriving in a feed', () => {
  let server: FeedServer;
  let parent: string;
  let contentDir: string;

  beforeAll(async () => {
    server = await startFeedServer();
    const escape = (text: string) => text.replace(/\u0000/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const items = FRONT_MATTER_HOSTILE.map(
      ([, text], index) =>
        `<item><guid isPermaLink="false">${escape(text)}</guid><title>${escape(`Acme ${text}`)}</title><dc:creator>${escape(text)}</dc:creator><link>${server.origin}/t/${index}</link><pubDate>${new Date(HOSTILE_NOW.getTime() - index * 3_600_000).toUTCString()}</pubDate></item>`,
    );
    const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>${items.join('')}</channel></rss>`;
    server.route('/paths.rss', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss));
    ({ parent, contentDir } = await createContentDir([{ ...COMPANY, data: { ...COMPANY.data, sources: [{ url: server.url('/paths.rss'), channel: 'forum', allAboutCompany: true }] } }], 'watchblog-paths-'));
  });

  afterAll(async () => {
    await server?.close();
  });

  it('names every file from the date and a hash, inside the content folder, and writes nothing else', async () => {
    const before = [...(await snapshotTree(parent)).keys()];
    const { report } = await fetchInto(contentDir);
    expect(report.items.new).toBe(FRONT_MATTER_HOSTILE.length);
    const after = [...(await snapshotTree(parent)).keys()];
    const added = after.filter((file) => !before.includes(file));
    const items = added.filter((file) => file.startsWith('content/mentions/'));
    expect(items).toHaveLength(FRONT_MATTER_HOSTILE.length);
    for (const file of items) expect(file).toMatch(/^content\/mentions\/acme\/\d{4}-\d{2}-\d{2}-[0-9a-f]{16}\.md$/);
    for (const file of added) expect(file.startsWith('content/')).toBe(true);
    for (const file of items) {
      const parsed = parseContentFile(await readFile(path.join(parent, file), 'utf8'));
      expect(parsed.ok && MentionSchema.safeParse(parsed.file.data).success, file).toBe(true);
    }
  });
});
