/**
 * An Astro content loader for the watch blog's data files (companies, mentions, responses,
 * case files): Markdown files with YAML front matter whose body the site only ever shows as
 * text. Unlike `glob()`, it never renders that Markdown to HTML during sync (nothing reads
 * the HTML, and at 100,000 items rendering was a large share of the sync and of the content
 * store), it reads the front matter with the same parser as fetch, `npm run check` and
 * `npm run scorecard` (src/core/write/front-matter.ts), and it skips parsing and validating a
 * file whose bytes are unchanged since the last sync (the digest kept in Astro's content store).
 *
 * Entry ids are paths without `.md` (`acme/2026-01-02-ab12cd`); the body is trimmed, as
 * Astro's Markdown entries are. Posts, which the site renders, keep Astro's `glob()`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { mapLimited } from '../core/map-limited.ts';
import { parseContentFile } from '../core/write/front-matter.ts';
// The one rule for which files of a content folder are Markdown, shared with the maintainer commands.
import { listMarkdownFiles } from '../../scripts/content/list-markdown.ts';

/** How many files are read at once: enough to keep the disk busy, few enough not to run out of handles. */
const READS_IN_FLIGHT = 64;

/** `*.md` directly in `base`, or one folder below it (`<company>/*.md`), or at any depth. */
export type FolderDepth = 'top' | 'one-below' | 'any';

/**
 * The company a file belongs to by where it is: `<slug>.md` directly in `base`, or the first
 * folder below it (`<slug>/…`). A sharded build reads only its companies' files by this rule.
 */
function companyOfFile(relative: string, depth: FolderDepth): string {
  return depth === 'top' ? relative.replace(/\.md$/, '') : relative.split('/')[0]!;
}

/** The Markdown files of `base` at `depth`, as `/`-separated paths relative to it, sorted; only those of `companies` when given. */
async function listFolder(base: string, depth: FolderDepth, companies: ReadonlySet<string> | null): Promise<string[]> {
  // A shard lists only its companies' folders, not the whole tree.
  const roots = companies === null || depth === 'top' ? [base] : [...companies].map((slug) => path.join(base, slug));
  const files = (await Promise.all(roots.map(listMarkdownFiles))).flat();
  return files
    .map((file) => path.relative(base, file).split(path.sep).join('/'))
    .filter((relative) => (depth === 'top' ? !relative.includes('/') : depth === 'one-below' ? relative.split('/').length === 2 : true))
    .filter((relative) => companies === null || companies.has(companyOfFile(relative, depth)))
    .sort();
}

/**
 * `companies`: read only these companies' files (a shard of a sharded build), each of which
 * must then say it is about the company whose folder it is in; null or absent reads every file.
 */
export function contentFolderLoader(options: { base: string; depth: FolderDepth; companies?: ReadonlySet<string> | null }): Loader {
  const base = path.resolve(options.base);
  const companies = options.companies ?? null;
  return {
    name: 'watchblog-content-folder',
    load: async (context: LoaderContext) => {
      const { store, config, logger } = context;
      const root = fileURLToPath(config.root);

      /** The file as a maintainer finds it: relative to the project, or absolute when the content lives elsewhere. */
      const shown = (filePath: string) => {
        const relative = path.relative(root, filePath);
        return relative.startsWith('..') ? filePath : relative;
      };

      /** Reads one file into the store; returns its id. Throws, naming the file, when it does not fit. */
      async function syncFile(relative: string): Promise<string> {
        const id = relative.replace(/\.md$/, '');
        const filePath = path.join(base, relative);
        const text = await readFile(filePath, 'utf8');
        const digest = context.generateDigest(text);
        if (store.get(id)?.digest === digest) return id;
        const parsed = parseContentFile(text);
        if (!parsed.ok) throw new Error(`${shown(filePath)}: ${parsed.message}`);
        if (companies !== null) {
          // A file in another company's folder would be built by the wrong shard, or by none.
          const declared = options.depth === 'top' ? null : parsed.file.data.company;
          if (declared !== null && declared !== undefined && declared !== companyOfFile(relative, options.depth)) {
            throw new Error(`${shown(filePath)}: it says company "${String(declared)}" but is in the folder of "${companyOfFile(relative, options.depth)}"; a sharded build reads files by folder: move it to the folder of its company`);
          }
        }
        const data = await context.parseData({ id, data: parsed.file.data, filePath });
        store.set({ id, data, body: parsed.file.body.trim(), filePath: path.relative(root, filePath).split(path.sep).join('/'), digest });
        return id;
      }

      const files = await listFolder(base, options.depth, companies);
      if (files.length === 0) logger.debug(`no files in ${base}`);
      const present = new Set<string>();
      for (const id of await mapLimited(files, READS_IN_FLIGHT, syncFile)) present.add(id);
      for (const id of store.keys()) if (!present.has(id)) store.delete(id);

      // `astro dev`: follow edits to the folder as glob() does.
      context.watcher?.add(base);
      const onChange = async (changed: string) => {
        const relative = path.relative(base, changed).split(path.sep).join('/');
        if (relative.startsWith('..') || !relative.endsWith('.md') || (options.depth === 'top' && relative.includes('/'))) return;
        if (companies !== null && !companies.has(companyOfFile(relative, options.depth))) return;
        try {
          await syncFile(relative);
        } catch (error) {
          logger.error(error instanceof Error ? error.message : String(error));
        }
      };
      context.watcher?.on('add', onChange);
      context.watcher?.on('change', onChange);
      context.watcher?.on('unlink', (removed) => {
        const relative = path.relative(base, removed).split(path.sep).join('/');
        if (!relative.startsWith('..') && relative.endsWith('.md')) store.delete(relative.replace(/\.md$/, ''));
      });
    },
  };
}
