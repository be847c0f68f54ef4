/** What a build wrote: its HTML pages and the bytes of every file under a folder. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export async function measureOutput(dir: string): Promise<{ pages: number; bytesWritten: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let pages = 0;
  let bytesWritten = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    if (entry.name.endsWith('.html')) pages += 1;
    bytesWritten += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { pages, bytesWritten };
}
