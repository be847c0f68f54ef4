/**
 * Reads every Markdown file of a content folder into ContentFiles (front matter + body),
 * for maintainer commands that work without Astro. Unreadable files are reported, not thrown.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_KINDS, type ContentFile, type ContentProblem } from '../../src/core/content-entries.ts';
import { parseContentFile } from '../../src/core/write/front-matter.ts';

async function listMarkdown(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => path.join(e.parentPath, e.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Every content file under `contentDir`, with problems for files whose front matter cannot be read. */
export async function readContentFolder(contentDir: string): Promise<{ files: ContentFile[]; problems: ContentProblem[] }> {
  const files: ContentFile[] = [];
  const problems: ContentProblem[] = [];
  for (const kind of CONTENT_KINDS) {
    for (const file of await listMarkdown(path.join(contentDir, kind))) {
      const relative = path.relative(contentDir, file).split(path.sep).join('/');
      const parsed = parseContentFile(await readFile(file, 'utf8'));
      if (parsed.ok) files.push({ path: relative, data: parsed.file.data, body: parsed.file.body });
      else problems.push({ path: relative, field: '(front matter)', message: parsed.message });
    }
  }
  return { files, problems };
}
