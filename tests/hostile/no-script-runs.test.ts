/**
 * No script runs: XSS payloads (a deterministic sample of DOMPurify's and OWASP's lists; the
 * full set runs in `npm run test:hostile`) are served from a loopback server in every field
 * of RSS, Atom and JSON Feed items, fetched by the real pipeline into a temp content folder,
 * built by the real `npm run build`, and then (1) every written file is checked, (2) every
 * built page and feed is audited statically, (3) every page is opened in Chromium with
 * alert/confirm/prompt/print stubbed and CSP violations recorded.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MentionSchema, ResponseSchema } from '../../src/core/schemas.ts';
import { parseContentFile } from '../../src/core/write/front-matter.ts';
import { buildSite, type BuildResult } from '../../scripts/harness/build-site.ts';
import { startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';
import { findUnsafeMarkdown, findUnsafePlainText } from '../../scripts/harness/unsafe-output.ts';
import { sweepPagesInChromium, type BrowserSweepResult } from '../../scripts/harness/browser-sweep.ts';
import { BUILTIN_XSS, loadXssPayloads, samplePayloads, type Payload } from '../../scripts/harness/hostile-strings.ts';
import { createContentDir, fetchInto, serveHostileFeeds, snapshotTree } from '../../scripts/harness/hostile-site.ts';
import { auditBuiltSite, auditFeed, auditHtml, isScriptRelevantViolation, listSiteFiles, type AuditResult } from '../../scripts/harness/html-audit.ts';
import { CHROMIUM, skipWithout } from '../helpers/requirements.ts';

/** Payloads in `npm test` (every k-th of the corpus list, so each family is represented). */
const SAMPLE_SIZE = 24;

const corpus = loadXssPayloads();
const payloads: Payload[] = corpus.length > 0 ? samplePayloads(corpus, SAMPLE_SIZE) : BUILTIN_XSS.map((text, index) => ({ origin: `builtin#${index}`, text }));

let server: FeedServer;
let parent: string;
let contentDir: string;
let parentBefore: Map<string, unknown>;
let fetchReport: Awaited<ReturnType<typeof fetchInto>>;
let build: BuildResult;

beforeAll(async () => {
  server = await startFeedServer();
  const company = serveHostileFeeds(server, payloads);
  ({ parent, contentDir } = await createContentDir([company]));
  parentBefore = new Map([...(await snapshotTree(parent))].filter(([file]) => !file.startsWith('content/')));
  fetchReport = await fetchInto(contentDir);
  build = await buildSite({ contentDir });
});

afterAll(async () => {
  await server?.close();
});

describe(`hostile feeds (${payloads.length} payloads${corpus.length > 0 ? ` sampled from ${corpus.length}` : ', built-in list: corpora absent'}) through fetch and build`, () => {
  it('fetches every hostile source without a failure and writes items from each', () => {
    expect(fetchReport.report.sources).toMatchObject({ ok: 3, failed: 0 });
    expect(fetchReport.report.items.new).toBeGreaterThanOrEqual(payloads.length * 2);
  });

  it('writes only files that parse, pass the schema, and hold plain titles and safe Markdown', async () => {
    const files = [...(await snapshotTree(contentDir)).keys()].filter((file) => /^(mentions|responses)\/.*\.md$/.test(file));
    expect(files.length).toBe(fetchReport.report.items.new);
    for (const file of files) {
      const parsed = parseContentFile(await readFile(path.join(contentDir, file), 'utf8'));
      expect(parsed.ok, file).toBe(true);
      if (!parsed.ok) continue;
      const schema = (file.startsWith('responses/') ? ResponseSchema : MentionSchema).safeParse(parsed.file.data);
      expect(schema.success, `${file}: ${JSON.stringify(schema.error?.issues)}`).toBe(true);
      if (!schema.success) continue;
      expect(findUnsafePlainText(schema.data.title), `${file} title`).toEqual([]);
      expect(findUnsafePlainText(schema.data.author), `${file} author`).toEqual([]);
      expect(findUnsafeMarkdown(parsed.file.body), `${file} body`).toEqual([]);
      for (const url of [schema.data.url, schema.data.canonicalUrl, ...schema.data.links]) expect(url, file).toMatch(/^https?:\/\//);
    }
  });

  it('writes nothing outside the content folder', async () => {
    const after = new Map([...(await snapshotTree(parent))].filter(([file]) => !file.startsWith('content/')));
    expect([...after.keys()]).toEqual([...parentBefore.keys()]);
  });

  it('builds the site', () => {
    expect(build.code, build.output.slice(-2_000)).toBe(0);
  });

  describe('the built pages and feeds, statically', () => {
    let audit: AuditResult;
    beforeAll(() => {
      audit = auditBuiltSite(build.outDir);
    });

    it('audits a page for every case and a feed for every list', () => {
      expect(audit.htmlFiles).toBeGreaterThan(payloads.length);
      expect(audit.feedFiles).toBeGreaterThan(payloads.length);
    });

    it('has no javascript:/vbscript:/data: URL, no on* attribute, no foreign <script>, no active element, and a strict CSP meta on every page', () => {
      expect(audit.problems.slice(0, 20)).toEqual([]);
    });
  });

  describe.skipIf(skipWithout(CHROMIUM))('every built page in Chromium', () => {
    let sweep: BrowserSweepResult;
    beforeAll(async () => {
      const pages = listSiteFiles(build.outDir).filter((file) => file.endsWith('.html'));
      sweep = await sweepPagesInChromium(build.outDir, pages);
    }, 180_000);

    it('opens every page', () => {
      expect(sweep.pagesOpened).toBeGreaterThan(payloads.length);
    });

    it('calls no alert, confirm, prompt or print and opens no dialog', () => {
      expect(sweep.events.filter((event) => event.kind === 'call' || event.kind === 'dialog')).toEqual([]);
    });

    it('blocks no script, frame, object, base or form by CSP, because none was there to block', () => {
      expect(sweep.events.filter((event) => event.kind === 'csp-violation' && isScriptRelevantViolation(event.detail))).toEqual([]);
    });

    it('throws no uncaught error on any page', () => {
      expect(sweep.events.filter((event) => event.kind === 'page-error')).toEqual([]);
    });
  });
});

/** The audit must be able to fail: each of these pages has exactly one problem of this kind. */
const CSP_META = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'">`;
const BAD_PAGES: [string, string, string][] = [
  ['a javascript: link hidden by entities and a tab', `<a href="jav&#x09;ascript&colon;alert(1)">x</a>`, 'unsafe-url'],
  ['a vbscript: image', `<img src=" vbscript:msgbox(1)">`, 'unsafe-url'],
  ['a data: iframe source', `<iframe src="data:text/html,x"></iframe>`, 'unsafe-url'],
  ['a data: link dressed as an image', `<a href="data:image/svg+xml,<svg onload=alert(1)>">x</a>`, 'unsafe-url'],
  ['an onerror attribute', `<img src="/a.png" onerror="alert(1)">`, 'event-handler'],
  ['an inline script', `<script>alert(1)</script>`, 'script'],
  ['a foreign script', `<script src="https://evil.example/x.js"></script>`, 'script'],
  ['an embed', `<embed src="/x.swf">`, 'active-element'],
  ['a meta refresh', `<meta http-equiv="refresh" content="0;url=/x">`, 'active-element'],
];

describe('the static audit itself', () => {
  it.each(BAD_PAGES)('finds %s', (_name, html, kind) => {
    const { problems } = auditHtml(`<!doctype html><html><head>${CSP_META}</head><body>${html}</body></html>`, 'page.html');
    expect(problems.map((problem) => problem.kind)).toContain(kind);
  });

  it('accepts the site’s own module script, a data: favicon and a strict policy', () => {
    const { problems } = auditHtml(`<!doctype html><html><head>${CSP_META}<link rel="icon" href="data:image/svg+xml,%3Csvg%3E%3C/svg%3E"><script type="module" src="/search/search.js"></script></head><body><a href="https://ok.example/">ok</a></body></html>`, 'page.html');
    expect(problems).toEqual([]);
  });

  it.each([
    ['no CSP meta', '', 'missing-csp'],
    ['a CSP allowing inline scripts', `<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'unsafe-inline'">`, 'weak-csp'],
  ])('finds a page with %s', (_name, meta, kind) => {
    expect(auditHtml(`<html><head>${meta}</head><body></body></html>`, 'page.html').problems.map((problem) => problem.kind)).toEqual([kind]);
  });

  it('finds markup that a feed reader would render from an escaped RSS description', () => {
    const rss = '<rss version="2.0"><channel><item><title>x</title><description>&lt;img src=x onerror=alert(1)&gt;</description></item></channel></rss>';
    expect(auditFeed(rss, 'rss.xml').problems.map((problem) => problem.kind)).toEqual(['event-handler']);
    const safe = '<rss version="2.0"><channel><item><title>&lt;b&gt;</title><description>&amp;lt;img src=x onerror=alert(1)&amp;gt;</description></item></channel></rss>';
    expect(auditFeed(safe, 'rss.xml').problems).toEqual([]);
  });
});
