/**
 * Writing a generated watch blog to disk, and growing one as a fetch would: shared by
 * `npm run generate`, `npm run bench` and the incremental-build test.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseContentFile, serializeContentFile } from '../../src/core/write/front-matter.ts';
import type { DemoFile } from '../demo/generate.ts';

/** Writes the files under `dir`, a few hundred at a time: fast, without opening 100,000 files at once. */
export async function writeGeneratedFiles(dir: string, files: readonly DemoFile[]): Promise<void> {
  for (const folder of new Set(files.map((file) => path.dirname(path.join(dir, file.path))))) await mkdir(folder, { recursive: true });
  for (let start = 0; start < files.length; start += 256) {
    await Promise.all(files.slice(start, start + 256).map((file) => writeFile(path.join(dir, file.path), serializeContentFile(file.data, file.body))));
  }
}

/**
 * Ten new mentions for the company with the most, as an hourly fetch would add them: copies
 * of its latest ten with new ids, links and times (`at`, default the day the generator ends).
 */
export async function addTenMentions(contentDir: string, at = '2026-11-20T12:00:00.000Z'): Promise<void> {
  const folders = await readdir(path.join(contentDir, 'mentions'));
  const sizes = await Promise.all(folders.map(async (folder) => ({ folder, files: (await readdir(path.join(contentDir, 'mentions', folder))).sort() })));
  const largest = sizes.sort((a, b) => b.files.length - a.files.length)[0]!;
  const fetchedAt = new Date(Date.parse(at) + 30 * 60_000).toISOString();
  for (const [index, file] of largest.files.slice(-10).entries()) {
    const parsed = parseContentFile(await readFile(path.join(contentDir, 'mentions', largest.folder, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file}: ${parsed.message}`);
    const id = `beef${String(index).padStart(12, '0')}`;
    const data = { ...parsed.file.data, id, url: `https://forum.example/p/${id}`, canonicalUrl: `https://forum.example/p/${id}`, publishedAt: at, fetchedAt };
    await writeFile(path.join(contentDir, 'mentions', largest.folder, `${at.slice(0, 10)}-${id}.md`), serializeContentFile(data, parsed.file.body));
  }
}
