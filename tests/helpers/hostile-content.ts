/**
 * A content folder a hostile public would produce: mention titles, authors and excerpts that
 * are XSS payloads with XML-forbidden control characters, written with the project's own
 * front-matter writer. Used by the feed round trip and the search page's hostile test.
 */
import { writeContentTree } from './content-tree.ts';
import path from 'node:path';
import { serializeContentFile } from '../../src/core/write/front-matter.ts';

/** The fixed now of the hostile build. */
export const HOSTILE_NOW = '2026-11-21T00:00:00Z';
/** Characters XML 1.0 forbids (and DEL, non-characters), appended to titles, authors and excerpts. */
export const CONTROL_CHARS = '\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u001f\u007f\ufffe\uffff';
/** A mention title that is markup, CDATA and comment terminators: it must come back as text. */
export const TITLE_PAYLOAD = `<script>alert("title")</script> & <b>bold</b> ]]> --> <!-- x`;
/** An author name that would run code if it were ever parsed as HTML. */
export const AUTHOR_PAYLOAD = `<img src=x onerror="document.title='pwned'">`;
/** An excerpt with a script, an iframe and a CDATA terminator. */
export const EXCERPT_PAYLOAD = `Before <script>alert('body')</script> after ]]> & <iframe src="javascript:alert(2)"></iframe>`;

/**
 * Writes a content folder with one company and a hostile thread (two mentions and an answer)
 * and returns its path. The folder is named by a hash of its files, so every worker of a test
 * run gets the same path (and so the same shared build); files are written whole, then
 * renamed, so a build reading the folder never sees half a file.
 */
export async function writeHostileContent(): Promise<string> {
  const files = planHostileFiles();
  return writeContentTree(files, 'hostile');
}

/** The hostile folder's files: relative path → text. */
function planHostileFiles(): Record<string, string> {
  const forum = 'https://forum.example/c/hostile.rss';
  const support = 'https://hostile.example/support.atom';
  const files: Record<string, string> = {};
  files['companies/hostile-co.md'] = serializeContentFile(
    {
      name: 'Hostile Co',
      fictional: true,
      responseTargetHours: 24,
      timeZone: 'UTC',
      sources: [
        { url: forum, name: 'Forum', channel: 'forum', voice: 'public', threaded: true },
        { url: support, name: 'Support', channel: 'support', voice: 'company', threaded: true },
      ],
    },
    'A company whose public is hostile to feed readers.\n',
  );
  const item = (id: string, publishedAt: string, extra: Record<string, unknown>) => ({
    id,
    company: 'hostile-co',
    source: forum,
    channel: 'forum',
    url: `https://forum.example/t/${id}?a=1&b=2`,
    canonicalUrl: `https://forum.example/t/${id}?a=1&b=2`,
    title: `${TITLE_PAYLOAD}${CONTROL_CHARS} #${id}`,
    author: `${AUTHOR_PAYLOAD}${CONTROL_CHARS}`,
    publishedAt,
    fetchedAt: publishedAt,
    links: [],
    threadId: `thread-${id.slice(0, 1)}`,
    ...extra,
  });
  files['mentions/hostile-co/2026-11-10-a1.md'] = serializeContentFile(item('a1', '2026-11-10T10:00:00.000Z', {}), `${EXCERPT_PAYLOAD}${CONTROL_CHARS}\n`);
  files['mentions/hostile-co/2026-11-12-b1.md'] = serializeContentFile(item('b1', '2026-11-12T10:00:00.000Z', {}), `${EXCERPT_PAYLOAD}\n`);
  files['responses/hostile-co/2026-11-10-a2.md'] = serializeContentFile(
    item('a2', '2026-11-10T14:00:00.000Z', { source: support, channel: 'support', url: 'https://hostile.example/r/a2', canonicalUrl: 'https://hostile.example/r/a2', author: 'Hostile Support', respondsTo: [], resolves: false }),
    `${EXCERPT_PAYLOAD}${CONTROL_CHARS}\n`,
  );
  return files;
}

