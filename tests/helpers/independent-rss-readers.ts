/**
 * Independent RSS readers, to check the site's own feeds with code that is not ours: feed
 * discovery over a built `dist/`, and Debian's python3-feedparser (plus Python's own XML
 * parser for the element tree) in ONE child process for all feeds (feeds-independent.test.ts
 * adds rss-parser). Tests skip the feedparser part with `FEEDPARSER_MISSING` as the reason
 * when `/usr/bin/python3 -c 'import feedparser'` fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Debian's Python, the one that has python3-feedparser (not the python3 first on PATH). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** Why feedparser tests skip on this machine, or null when they can run. */
export const FEEDPARSER_MISSING: string | null =
  spawnSync(SYSTEM_PYTHON, ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0
    ? null
    : `feedparser tests skipped: ${SYSTEM_PYTHON} cannot import feedparser (install Debian's python3-feedparser)`;

/** One entry as feedparser read it. */
export type FeedparserEntry = { id: string | null; link: string | null; title: string | null; dateParsed: boolean };

/** One item as Python's XML parser read it: the text of its title and description, entities decoded. */
export type XmlItem = { title: string; description: string };

/** A feed as the independent readers saw it. */
export type FeedparserReport = {
  path: string;
  /** feedparser's "this feed is broken" flag: 0 for a well-formed feed. */
  bozo: number;
  bozoException: string | null;
  /** feedparser's guess of the format, e.g. "rss20". */
  version: string;
  feedLink: string | null;
  selfLinks: string[];
  entries: FeedparserEntry[];
  /** Whether xml.etree parsed the file; its element names ({namespace}local) and items when it did. */
  wellFormed: boolean;
  parseError: string | null;
  elements: string[];
  items: XmlItem[];
};

const FEEDPARSER_SCRIPT = String.raw`
import json, sys
import feedparser
import xml.etree.ElementTree as ET

reports = []
for path in json.load(sys.stdin):
    with open(path, 'rb') as handle:
        data = handle.read()
    parsed = feedparser.parse(data)
    report = {
        'path': path,
        'bozo': int(parsed.bozo),
        'bozoException': repr(parsed.get('bozo_exception')) if parsed.bozo else None,
        'version': parsed.version or '',
        'feedLink': parsed.feed.get('link'),
        'selfLinks': [link.get('href') for link in parsed.feed.get('links', []) if link.get('rel') == 'self'],
        'entries': [{'id': entry.get('id'), 'link': entry.get('link'), 'title': entry.get('title'),
                     'dateParsed': entry.get('published_parsed') is not None} for entry in parsed.entries],
        'wellFormed': True, 'parseError': None, 'elements': [], 'items': [],
    }
    try:
        root = ET.fromstring(data)
        report['elements'] = sorted({element.tag for element in root.iter() if isinstance(element.tag, str)})
        report['items'] = [{'title': item.findtext('title') or '', 'description': item.findtext('description') or ''}
                           for item in root.iter('item')]
    except ET.ParseError as error:
        report['wellFormed'] = False
        report['parseError'] = str(error)
    reports.append(report)
json.dump(reports, sys.stdout, ensure_ascii=True)
`;

/** Reads every feed file with feedparser and xml.etree in one Python process. */
export async function readFeedsWithFeedparser(files: string[]): Promise<FeedparserReport[]> {
  const child = spawn(SYSTEM_PYTHON, ['-c', FEEDPARSER_SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(JSON.stringify(files));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  if (code !== 0) throw new Error(`feedparser exited with ${code}: ${stderr}`);
  return JSON.parse(stdout) as FeedparserReport[];
}

/** The RSS feeds of a built site and the feed links its pages advertise. */
export type DiscoveredFeeds = {
  /** Absolute paths of every `*.xml` file in dist whose root element is <rss>. */
  files: string[];
  /** Every `<link rel="alternate" type="application/rss+xml">` href, with the pages that carry it. */
  alternates: Map<string, string[]>;
};

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function readAttribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '').replace(/&amp;/g, '&') : null;
}

/** Scans dist for RSS files and for the alternate links in its HTML pages. */
export async function discoverFeeds(outDir: string): Promise<DiscoveredFeeds> {
  const files = await listFiles(outDir);
  const feeds: string[] = [];
  const alternates = new Map<string, string[]>();
  for (const file of files) {
    if (file.endsWith('.xml')) {
      const head = (await readFile(file, 'utf8')).slice(0, 2000);
      if (/<rss[\s>]/.test(head)) feeds.push(file);
    } else if (file.endsWith('.html')) {
      const html = await readFile(file, 'utf8');
      for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
        if (readAttribute(tag, 'rel')?.toLowerCase().split(/\s+/).includes('alternate') && readAttribute(tag, 'type')?.toLowerCase() === 'application/rss+xml') {
          const href = readAttribute(tag, 'href') ?? '';
          alternates.set(href, [...(alternates.get(href) ?? []), path.relative(outDir, file)]);
        }
      }
    }
  }
  return { files: feeds.sort(), alternates };
}

/** How many <item> elements the raw XML holds, counted without any feed library. */
export function countXmlItems(xml: string): number {
  return xml.match(/<item[\s>]/g)?.length ?? 0;
}
