/**
 * Astro content collections over the watch blog's data folder: `content/` by default,
 * or the folder named by WATCHBLOG_CONTENT. Schemas come from the pure core, so the fetch
 * script and the site validate the same contract; the data files are read by our own loader
 * (no Markdown rendering, the same front-matter parser as fetch), posts by Astro's glob().
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CaseOverrideSchema, CompanySchema, MentionSchema, PostSchema, ResponseSchema } from './core/schemas.ts';
import { resolveContentDir } from './queries/content-dir.ts';
import { contentFolderLoader } from './queries/content-folder-loader.ts';
import { buildPart } from './queries/build-part.ts';
import { companiesToRead } from './core/shards/build-part.ts';

const contentDir = resolveContentDir(process.env.WATCHBLOG_CONTENT);
/** Every company's files, or, in a sharded build, the shard's companies' (none for the hub). */
const companies = companiesToRead(buildPart());

/** Post ids are file paths without extension, as the data files' are (see contentFolderLoader). */
const byPath = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

export const collections = {
  companies: defineCollection({
    loader: contentFolderLoader({ base: `${contentDir}/companies`, depth: 'top', companies }),
    schema: CompanySchema,
  }),
  mentions: defineCollection({
    loader: contentFolderLoader({ base: `${contentDir}/mentions`, depth: 'any', companies }),
    schema: MentionSchema,
  }),
  responses: defineCollection({
    loader: contentFolderLoader({ base: `${contentDir}/responses`, depth: 'any', companies }),
    schema: ResponseSchema,
  }),
  cases: defineCollection({
    loader: contentFolderLoader({ base: `${contentDir}/cases`, depth: 'one-below', companies }),
    schema: CaseOverrideSchema,
  }),
  posts: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${contentDir}/posts`, generateId: byPath }),
    schema: PostSchema,
  }),
};
