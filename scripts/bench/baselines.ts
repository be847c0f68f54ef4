/**
 * The two baselines `npm run bench` compares our build with, over the very same Markdown
 * files (every mention and response): a plain Astro project (one glob collection, one
 * template, one page per file, no search index) and Hugo (Debian's `hugo`, one template).
 * Each is written into its own temp folder; nothing of the project is changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A plain Astro 7 project over `contentDir`'s mentions and responses, using our node_modules. */
export async function writePlainAstroProject(dir: string, contentDir: string, projectRoot: string): Promise<void> {
  await mkdir(path.join(dir, 'src', 'pages'), { recursive: true });
  await symlink(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'plain-astro-baseline', private: true, type: 'module' }));
  await writeFile(path.join(dir, 'astro.config.mjs'), `export default { outDir: './dist', cacheDir: './.cache', logLevel: 'info' };\n`);
  await writeFile(
    path.join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
export const collections = { items: defineCollection({ loader: glob({ pattern: '{mentions,responses}/**/*.md', base: ${JSON.stringify(contentDir)} }) }) };
`,
  );
  await writeFile(
    path.join(dir, 'src', 'pages', '[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('items')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en"><head><meta charset="utf-8"><title>{String(entry.data.title ?? entry.id)}</title></head>
<body><h1>{String(entry.data.title ?? entry.id)}</h1><p>{String(entry.data.author ?? '')}</p><Content /></body></html>
`,
  );
}

/**
 * A Hugo site over the same files, copied into its own content folder with one change: Hugo
 * takes a `url:` key as the page's own address, so it is renamed `link:`. Companies and cases
 * are left out, as in the plain Astro baseline.
 */
export async function writeHugoSite(dir: string, sourceDir: string): Promise<void> {
  const contentDir = path.join(dir, 'content');
  for (const folder of ['mentions', 'responses']) {
    const files = (await readdir(path.join(sourceDir, folder), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const entry of files) {
      const target = path.join(contentDir, folder, path.relative(path.join(sourceDir, folder), entry.parentPath), entry.name);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, (await readFile(path.join(entry.parentPath, entry.name), 'utf8')).replace(/^url:/m, 'link:'));
    }
  }
  await mkdir(path.join(dir, 'layouts', '_default'), { recursive: true });
  await writeFile(
    path.join(dir, 'hugo.toml'),
    `baseURL = "https://bench.example/"
publishDir = "public"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
`,
  );
  await writeFile(path.join(dir, 'layouts', '_default', 'single.html'), '<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><p>{{ .Params.author }}</p>{{ .Content }}</body></html>\n');
  await writeFile(path.join(dir, 'layouts', '_default', 'list.html'), '<html lang="en"><body><h1>{{ .Title }}</h1></body></html>\n');
}

/** Hugo's version line, or null when `hugo` is not installed. */
export function hugoVersion(): string | null {
  const run = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : null;
}
