/**
 * What the site reads besides the watch blog itself: the sources' health written by fetch
 * (`content/state/sources.json`) and a post's rendered body. Both are read once per build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getEntry, render } from 'astro:content';
import { parseFetchState, type SourceHealth } from '../core/write/fetch-state.ts';
import { resolveContentDir } from './content-dir.ts';

/** Health per company slug and source url; `status` says whether the file was there and valid. */
export type SourceHealthReading = {
  status: 'ok' | 'missing' | 'invalid';
  /** Why the file was rejected, when invalid. */
  message?: string;
  sources: Record<string, Record<string, SourceHealth>>;
};

let healthMemo: Promise<SourceHealthReading> | undefined;

/** The sources' health from `<content>/state/sources.json`; missing or invalid files read as empty, with the reason. */
export function loadSourceHealth(): Promise<SourceHealthReading> {
  healthMemo ??= readSourceHealth();
  return healthMemo;
}

async function readSourceHealth(): Promise<SourceHealthReading> {
  const file = path.join(resolveContentDir(process.env.WATCHBLOG_CONTENT), 'state', 'sources.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { status: 'missing', sources: {} };
  }
  const parsed = parseFetchState(text);
  return parsed.ok ? { status: 'ok', sources: parsed.state.sources } : { status: 'invalid', message: parsed.message, sources: {} };
}

/** A post's body rendered by Astro's Markdown pipeline (trusted: the maintainer wrote it), or null when there is no such post. */
export async function renderPostBody(slug: string) {
  const entry = await getEntry('posts', slug);
  if (!entry) return null;
  const { Content } = await render(entry);
  return Content;
}
