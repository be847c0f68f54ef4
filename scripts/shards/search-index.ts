/**
 * The search index of one part of a sharded build: Pagefind over that part's output, into its
 * own bundle. Only when the part has a page marked for search (`data-pagefind-body`): over a
 * folder without one, Pagefind would index every page's whole body instead.
 */
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import { runStep } from './run-step.ts';

/** How much of each page to read looking for the mark: it sits on the page's <article>, after the header. */
const HEAD_BYTES = 64 * 1024;

/** True when some page under `dist` is marked for search; stops at the first. */
export async function hasSearchablePage(dist: string): Promise<boolean> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const pages = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
  // Case pages are the likeliest to carry the mark: look at them first.
  pages.sort((a, b) => Number(!a.includes(`${path.sep}cases${path.sep}`)) - Number(!b.includes(`${path.sep}cases${path.sep}`)));
  const buffer = Buffer.alloc(HEAD_BYTES);
  for (const page of pages) {
    const file = await open(page, 'r');
    try {
      const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
      if (buffer.subarray(0, bytesRead).includes('data-pagefind-body')) return true;
    } finally {
      await file.close();
    }
  }
  return false;
}

/** Indexes `dist` into `<dist>/<bundle>/` when it has a searchable page; returns whether it did. */
export async function indexPartForSearch(dist: string, bundle: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (!(await hasSearchablePage(dist))) return false;
  await runStep(`pagefind over ${dist}`, path.join(PROJECT_ROOT, 'node_modules', '.bin', 'pagefind'), ['--site', dist, '--output-subdir', bundle], env);
  return true;
}
