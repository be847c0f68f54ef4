/**
 * A content folder for a test build, written from a map of relative path → text. The folder
 * is named by a hash of its files, so every worker of a test run gets the same path (and so
 * the same shared build, see scripts/harness/build-site.ts); files are written whole, then
 * renamed, so a build reading the folder never sees half a file. The folders the content
 * model expects (mentions, cases, posts) exist even when no file lands in them.
 */
import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function writeContentTree(files: Readonly<Record<string, string>>, label: string): Promise<string> {
  const digest = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `watchblog-${label}-${digest}`);
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, file);
  }
  for (const folder of ['mentions', 'cases', 'posts']) await mkdir(path.join(dir, folder), { recursive: true });
  return dir;
}
