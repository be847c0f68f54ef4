/**
 * Astro content collections over the watch blog's data folder: `content/` by default,
 * or the folder named by WATCHBLOG_CONTENT. Schemas come from the pure core, so the fetch
 * script and the site validate the same contract.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { CaseOverrideSchema, CompanySchema, MentionSchema, PostSchema, ResponseSchema } from './core/schemas.ts';
import { resolveContentDir } from './queries/content-dir.ts';

const contentDir = resolveContentDir(process.env.WATCHBLOG_CONTENT);

/** Entry ids are file paths without extension, so `acme/2026-01-02-ab12cd` stays unique. */
const byPath = ({ entry }: { entry: string }) => entry.replace(/\.md$/, '');

export const collections = {
  companies: defineCollection({
    loader: glob({ pattern: '*.md', base: `${contentDir}/companies`, generateId: byPath }),
    schema: CompanySchema,
  }),
  mentions: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${contentDir}/mentions`, generateId: byPath }),
    schema: MentionSchema,
  }),
  responses: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${contentDir}/responses`, generateId: byPath }),
    schema: ResponseSchema,
  }),
  cases: defineCollection({
    loader: glob({ pattern: '*/*.md', base: `${contentDir}/cases`, generateId: byPath }),
    schema: CaseOverrideSchema,
  }),
  posts: defineCollection({
    loader: glob({ pattern: '**/*.md', base: `${contentDir}/posts`, generateId: byPath }),
    schema: PostSchema,
  }),
};
