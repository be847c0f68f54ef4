/**
 * Reads every Markdown file of a content folder into ContentFiles (front matter + body),
 * for maintainer commands that work without Astro. Unreadable files are reported, not thrown.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listMarkdownFiles } from './list-markdown.ts';
import { CONTENT_KINDS, type ContentFile, type ContentProblem } from '../../src/core/content-entries.ts';
import { parseContentFile } from '../../src/core/write/front-matter.ts';

/** Every content file under `contentDir`, with problems for files whose front matter cannot be read. */
export async function readContentFolder(contentDir: string): Promise<{ files: ContentFile[]; problems: ContentProblem[] }> {
  const files: ContentFile[] = [];
  const problems: ContentProblem[] = [];
  for (const kind of CONTENT_KINDS) {
    for (const file of await listMarkdownFiles(path.join(contentDir, kind))) {
      const relative = path.relative(contentDir, file).split(path.sep).join('/');
      const parsed = parseContentFile(await readFile(file, 'utf8'));
      if (parsed.ok) files.push({ path: relative, data: parsed.file.data, body: parsed.file.body });
      else problems.push({ path: relative, field: '(front matter)', message: parsed.message });
    }
  }
  return { files, problems };
}
