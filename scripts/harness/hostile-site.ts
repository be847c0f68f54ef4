/**
 * Builds content the way a maintainer would get it: hostile feeds served from a loopback
 * server, a company file whose sources are those feeds, and the REAL fetch pipeline
 * (`runFetch`, the stages behind `npm run fetch`) writing into a temp content folder.
 */
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { serializeContentFile } from '../../src/core/write/front-matter.ts';
import { runFetch, type FetchOptions, type FetchReport } from '../stages/run-fetch.ts';
import type { FeedServer } from './feed-server.ts';
import type { Payload } from './hostile-strings.ts';
import { stripXmlControlChars } from '../../src/core/text/xml-chars.ts';

/** The fixed fetch time of hostile runs (the demo's now, so the build shows every item). */
export const HOSTILE_NOW = new Date('2026-11-20T12:00:00Z');

/** A slug and company front matter (CompanySchema input). */
export type CompanySpec = { slug: string; data: Record<string, unknown>; body?: string };

/** A fresh content folder inside its own temp parent (so "nothing outside" can be checked on the parent). */
export async function createContentDir(companies: readonly CompanySpec[], prefix = 'watchblog-hostile-'): Promise<{ parent: string; contentDir: string }> {
  const parent = await mkdtemp(path.join(os.tmpdir(), prefix));
  const contentDir = path.join(parent, 'content');
  await mkdir(path.join(contentDir, 'companies'), { recursive: true });
  for (const company of companies) await writeFile(path.join(contentDir, 'companies', `${company.slug}.md`), serializeContentFile(company.data, company.body ?? ''));
  return { parent, contentDir };
}

/** Runs the real fetch pipeline in-process with short test timeouts; output is collected. */
export async function fetchInto(contentDir: string, options: Partial<FetchOptions> = {}): Promise<{ report: FetchReport; output: string }> {
  let output = '';
  const report = await runFetch({
    contentDir,
    companies: [],
    dryRun: false,
    now: HOSTILE_NOW,
    userAgent: 'Watchblog-hardening-tests',
    download: { timeoutMs: 5_000, retries: 0, retryBaseDelayMs: 10 },
    out: { write: (text: string) => (output += text) },
    ...options,
  });
  return { report, output };
}

/** Every file under `dir` with its size and SHA-256, relative paths sorted; for before/after comparisons. */
export async function snapshotTree(dir: string): Promise<Map<string, { size: number; sha256: string }>> {
  const out = new Map<string, { size: number; sha256: string }>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    if (!entry.isFile()) continue;
    const bytes = await readFile(full);
    out.set(path.relative(dir, full).split(path.sep).join('/'), { size: (await stat(full)).size, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function escapeXml(text: string): string {
  return stripXmlControlChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cdata(text: string): string {
  return `<![CDATA[${stripXmlControlChars(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/** Item date for payload `index`: spread over the months before HOSTILE_NOW, so items land in the scorecard windows. */
function dateFor(index: number): Date {
  return new Date(HOSTILE_NOW.getTime() - (index + 1) * 3_600_000 * 7);
}

/**
 * RSS 2.0 with two items per payload: one with the payload in title, author, category,
 * description (escaped for even payloads, CDATA for odd) and content:encoded, under a safe
 * link; one with the payload as its link and guid (dropped when the link is not http(s),
 * else a URL that must render harmlessly).
 */
export function buildHostileRss(payloads: readonly Payload[], origin: string): string {
  const items = payloads.flatMap((payload, index) => {
    const date = dateFor(index).toUTCString();
    const description = index % 2 === 0 ? escapeXml(payload.text) : cdata(payload.text);
    return [
      `<item><title>${escapeXml(`Acme ${index} ${payload.text}`)}</title><link>${origin}/post/${index}</link><guid isPermaLink="false">${escapeXml(`fields-${index}-${payload.text}`)}</guid>` +
        `<dc:creator>${escapeXml(payload.text)}</dc:creator><category>${escapeXml(payload.text)}</category><pubDate>${date}</pubDate>` +
        `<description>${description}</description><content:encoded>${cdata(payload.text)}</content:encoded></item>`,
      `<item><title>Acme link ${index}</title><link>${escapeXml(payload.text)}</link><guid isPermaLink="true">${escapeXml(payload.text)}</guid><pubDate>${date}</pubDate><description>${escapeXml(payload.text)}</description></item>`,
    ];
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${escapeXml(payloads[0]?.text ?? 'Hostile')}</title><link>${origin}/</link>${items.join('\n')}</channel></rss>\n`;
}

/** Atom 1.0: the payload in title (type html), author, summary (html), content (html and xhtml), category and link href. */
export function buildHostileAtom(payloads: readonly Payload[], origin: string): string {
  const entries = payloads.map((payload, index) => {
    const xhtml = index % 2 === 0 ? `<content type="html">${escapeXml(payload.text)}</content>` : `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${escapeXml(payload.text)}</div></content>`;
    return `<entry><id>${escapeXml(`urn:atom:${index}:${payload.text}`)}</id><title type="html">${escapeXml(`Acme reply ${index} ${payload.text}`)}</title><link href="${origin}/reply/${index}"/><link rel="related" href="${escapeXml(payload.text)}"/>` +
      `<author><name>${escapeXml(payload.text)}</name></author><published>${dateFor(index).toISOString()}</published><summary type="html">${escapeXml(payload.text)}</summary>${xhtml}<category term="${escapeXml(payload.text)}"/></entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Acme support</title><id>urn:acme</id><updated>${HOSTILE_NOW.toISOString()}</updated>${entries.join('\n')}</feed>\n`;
}

/** JSON Feed 1.1: the payload in title, author, summary, content_html, tags and external_url. */
export function buildHostileJsonFeed(payloads: readonly Payload[], origin: string): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Acme mentions (JSON)',
    items: payloads.map((payload, index) => ({
      id: `json-${index}-${payload.text}`,
      url: `${origin}/json/${index}`,
      external_url: payload.text,
      title: `Acme json ${index} ${payload.text}`,
      authors: [{ name: payload.text, url: payload.text }],
      date_published: dateFor(index).toISOString(),
      summary: payload.text,
      content_html: payload.text,
      tags: [payload.text],
    })),
  });
}

/** Routes the three hostile feeds on `server` and returns the company whose sources they are (public RSS + JSON, company-voice Atom). */
export function serveHostileFeeds(server: FeedServer, payloads: readonly Payload[]): CompanySpec {
  const rss = buildHostileRss(payloads, server.origin);
  const atom = buildHostileAtom(payloads, server.origin);
  const json = buildHostileJsonFeed(payloads, server.origin);
  server.route('/hostile.rss', (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss));
  server.route('/hostile.atom', (_req, res) => void res.writeHead(200, { 'content-type': 'application/atom+xml; charset=utf-8' }).end(atom));
  server.route('/hostile.json', (_req, res) => void res.writeHead(200, { 'content-type': 'application/feed+json' }).end(json));
  return {
    slug: 'acme',
    data: {
      name: 'Acme',
      aliases: ['Acme'],
      official: { authors: [], domains: [] },
      sources: [
        { url: server.url('/hostile.rss'), name: 'Hostile forum <script>alert("name")</script>', channel: 'forum', allAboutCompany: true },
        { url: server.url('/hostile.json'), name: 'Hostile JSON', channel: 'social', allAboutCompany: true },
        { url: server.url('/hostile.atom'), name: 'Acme support', channel: 'support', voice: 'company', allAboutCompany: true },
      ],
    },
    body: 'Acme is a fictional company whose feeds carry every XSS payload of the corpora.',
  };
}
