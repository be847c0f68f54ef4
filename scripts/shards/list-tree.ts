/** Every file under a folder, for the steps of a sharded build that list outputs or inputs. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. Throws when `dir` is missing: a missing shard output must stop the merge. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}
