/**
 * The Markdown files under a content folder, for every command that reads `content/`
 * without Astro (fetch, scorecard, demo checks).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every `.md` file under `dir`, in subfolders too, as paths joined onto `dir`. A folder
 * that does not exist (a company with no responses yet) has none; any other error, such as
 * a folder that cannot be read, is thrown: reading it as empty could plan writes over files.
 */
export async function listMarkdownFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md')).map((entry) => path.join(entry.parentPath, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
