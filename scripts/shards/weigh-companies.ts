/**
 * What each company costs to build, for planning shards: the number of its content files
 * (mentions, responses, case files), which the build time and memory follow.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CompanyWeight } from '../../src/core/shards/plan-shards.ts';
import { listMarkdownFiles } from '../content/list-markdown.ts';

/** Every company of the content folder (a file in companies/) with its number of content files. */
export async function weighCompanies(contentDir: string): Promise<CompanyWeight[]> {
  const companyFiles = await readdir(path.join(contentDir, 'companies')).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const slugs = companyFiles.filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -'.md'.length)).sort();
  return Promise.all(
    slugs.map(async (slug) => {
      const counts = await Promise.all(['mentions', 'responses', 'cases'].map(async (folder) => (await listMarkdownFiles(path.join(contentDir, folder, slug))).length));
      // The company file itself counts one: a company with no items still builds its pages.
      return { slug, weight: 1 + counts.reduce((sum, count) => sum + count, 0) };
    }),
  );
}
