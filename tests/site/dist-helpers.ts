/**
 * Reading a built site in tests: list its files, find internal links, resolve them to files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file under the built site, as paths relative to it with forward slashes. */
export function listDistFiles(outDir: string, extension?: string): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && (!extension || entry.name.endsWith(extension)))
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** A built file's text. */
export function readDist(outDir: string, file: string): string {
  return readFileSync(path.join(outDir, file), 'utf8');
}

/** The href and src values of a page, HTML entities for & decoded. */
export function listLinks(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/**
 * The file a site URL path serves, or null when nothing does: `/a/` → a/index.html,
 * `/a/b.xml` → a/b.xml, `/a/b` → a/b or a/b/index.html. `base` is stripped first.
 */
export function resolveToFile(outDir: string, urlPath: string, base: string): string | null {
  if (!urlPath.startsWith(base)) return null;
  const rel = decodeURIComponent(urlPath.slice(base.length).split('#')[0]!.split('?')[0]!);
  const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
  for (const candidate of candidates) {
    const full = path.join(outDir, candidate);
    if (existsSync(full) && statSync(full).isFile()) return candidate;
  }
  return null;
}

/** Every file under `dir` (relative path → bytes), to compare two builds byte for byte. */
export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name)));
  }
  return files;
}
