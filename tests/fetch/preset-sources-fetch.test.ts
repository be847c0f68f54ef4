/**
 * Presets through the real fetch: a company file that lists only presets (a Discourse topic,
 * a Statuspage history, a Mastodon hashtag) pointed at a loopback server serving feeds in
 * each platform's format; fetched into a temp content folder, read back and threaded as the
 * site does. The topic is one case answered by the staff member in `official.authors`, each
 * incident is a company statement, each hashtag post a case of its own.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyRecord } from '../../src/core/watchblog.ts';
import { PROJECT_ROOT } from '../../scripts/project-root.ts';
import { startFeedServer, type FeedServer } from '../../scripts/harness/feed-server.ts';
import { fetchAndThread } from '../helpers/fetch-runs.ts';

const NOW = new Date('2026-03-15T00:00:00Z');
const fixture = (name: string) => readFileSync(path.join(PROJECT_ROOT, 'tests/fixtures/presets', name), 'utf8');
const serve = (body: string, type: string) => (_req: unknown, res: { writeHead(status: number, headers: Record<string, string>): { end(body: string): void } }) => res.writeHead(200, { 'content-type': type }).end(body);

let server: FeedServer;
let contentDir: string;
let record: CompanyRecord;
let output = '';

beforeAll(async () => {
  server = await startFeedServer({
    '/t/wifi-drops-every-evening/123.rss': serve(fixture('discourse-topic.rss'), 'application/rss+xml; charset=utf-8'),
    '/history.atom': serve(fixture('statuspage-history.atom'), 'application/atom+xml; charset=utf-8'),
    '/tags/AcmeBroadband.rss': serve(fixture('mastodon-tag.rss'), 'application/rss+xml; charset=utf-8'),
  });
  contentDir = await mkdtemp(path.join(os.tmpdir(), 'watchblog-presets-'));
  await mkdir(path.join(contentDir, 'companies'));
  await writeFile(
    path.join(contentDir, 'companies/acme-broadband.md'),
    [
      '---',
      'name: Acme Broadband',
      'aliases: ["Acme Broadband"]',
      'official:',
      '  authors: [acme_dana]',
      'sources:',
      '  - preset: discourse-topic',
      `    site: ${server.origin}`,
      '    topic: wifi-drops-every-evening',
      '    id: 123',
      '  - preset: statuspage',
      `    site: ${server.origin}`,
      '  - preset: mastodon-tag',
      `    instance: ${server.origin}`,
      '    tag: AcmeBroadband',
      '---',
      'We watch Acme Broadband.',
      '',
    ].join('\n'),
  );
  const fetched = await fetchAndThread(contentDir, NOW);
  output = fetched.output;
  record = fetched.watchblog.companies[0]!;
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (contentDir) await rm(contentDir, { recursive: true, force: true });
});

describe('preset sources through the real fetch', () => {
  it('fetches each expanded feed from the preset fields', () => {
    expect(server.requests.map((request) => request.path).sort()).toEqual(['/history.atom', '/t/wifi-drops-every-evening/123.rss', '/tags/AcmeBroadband.rss']);
  });

  it('threads the Discourse topic into one case answered by the staff member in official.authors', () => {
    const topic = record.cases.find((kase) => kase.title.startsWith('Wi-Fi drops'));
    expect(topic, output).toBeDefined();
    expect({ mentions: topic!.mentionCount, responses: topic!.responseCount, firstResponseAt: topic!.firstResponseAt }).toEqual({ mentions: 2, responses: 1, firstResponseAt: '2026-03-10T09:15:00.000Z' });
  });

  it('reads each hashtag post as a case of its own', () => {
    expect(record.cases.filter((kase) => kase.channel === 'social')).toHaveLength(2);
    expect(record.cases).toHaveLength(3);
  });

  it("keeps the status page's incidents as the company's statements", () => {
    expect(record.statements.map((statement) => [statement.channel, statement.title]).sort()).toEqual([
      ['status', 'Evening slowdowns in the north exchanges'],
      ['status', 'Scheduled maintenance: core router replacement'],
    ]);
  });

  it('grades the company: its status page and staff are watched', () => {
    expect(record.scorecard.graded).toBe(true);
  });
});
