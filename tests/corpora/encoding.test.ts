import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeedBytes } from '../../src/core/ingest/decode.ts';
import { parseFeed } from '../../src/core/ingest/parse-feed.ts';
import { HAS_CORPORA, corpusPath } from '../../scripts/harness/corpora.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

const FEED_URL = 'http://corpus.example/feed/';

/** The Header: Content-type line and the expected charset of a feedparser case, read as bytes. */
function readExpectations(bytes: Uint8Array): { contentType?: string; charset?: string } {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2000)).replace(/\u0000/g, '');
  return {
    contentType: /Header:\s*Content-type:\s*([^\n]+)/i.exec(head)?.[1]?.trim(),
    charset: /encoding == '([^']+)'/.exec(head)?.[1],
  };
}

/** Charset labels that name the same encoding (feedparser reports Python codec names). */
function sameCharset(ours: string, theirs: string): boolean {
  const key = (label: string): string => {
    const lower = label.toLowerCase().replace(/_/g, '-');
    try {
      return new TextDecoder(lower).encoding;
    } catch {
      return lower;
    }
  };
  return ours.toLowerCase() === theirs.toLowerCase() || key(ours) === key(theirs);
}

describe.skipIf(skipWithout(CORPORA))('feedparser/encoding: charsets and titles', () => {
  const dir = corpusPath('feedparser', 'tests', 'encoding');
  const cases = HAS_CORPORA
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.xml'))
        .map((name) => {
          const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
          return { name, bytes, ...readExpectations(bytes) };
        })
    : [];

  it.each(cases.filter((c) => c.charset !== undefined).map((c) => [c.name, c] as const))('detects the charset feedparser expects for %s', (_name, c) => {
    const result = decodeFeedBytes(c.bytes, c.contentType);
    expect(result.ok).toBe(true);
    if (result.ok) expect(sameCharset(result.feed.charset, c.charset ?? ''), `${result.feed.charset} vs ${c.charset}`).toBe(true);
  });

  it('decodes every encoding case to text without U+FFFD, and parses it as a feed', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const decoded = decodeFeedBytes(c.bytes, c.contentType);
      if (!decoded.ok) {
        failures.push(`${c.name}: ${decoded.error.message}`);
        continue;
      }
      const parsed = await parseFeed(decoded.feed.text, FEED_URL);
      if (!parsed.ok) failures.push(`${c.name}: ${parsed.error.message}`);
      if (decoded.feed.text.includes('\ufffd') && !c.name.startsWith('bozo')) failures.push(`${c.name}: replacement characters`);
    }
    expect(failures).toEqual([]);
  });
});

describe.skipIf(skipWithout(CORPORA))('titles decode right in UTF-16 and latin-1 feeds', () => {
  it.each([
    ['simplepie/tests/data/feed-utf16be.xml', undefined, 'Test feed', 'Test feed title 1'],
    ['simplepie/tests/data/feed-utf16le.xml', undefined, 'Test feed', 'Test feed title 1'],
    ['rss-parser/test/input/encoding.rss', 'text/xml; charset=latin1', 'Jornal de Notícias - Últimas Notícias', 'Mãe de utente é a nova presidente da Raríssimas'],
    ['rss-parser/test/input/encoding.rss', undefined, 'Jornal de Notícias - Últimas Notícias', 'Mãe de utente é a nova presidente da Raríssimas'],
  ])('%s (Content-Type %s)', async (file, contentType, feedTitle, firstTitle) => {
    const decoded = decodeFeedBytes(new Uint8Array(readFileSync(corpusPath(file))), contentType);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const parsed = await parseFeed(decoded.feed.text, FEED_URL);
    expect(parsed).toMatchObject({ ok: true, feed: { title: feedTitle } });
    if (parsed.ok) expect(parsed.feed.items[0]?.title).toBe(firstTitle);
  });
});
