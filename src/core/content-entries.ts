/**
 * Content files → core types, validated by the same schemas Astro uses, for maintainer
 * commands that read `content/` without Astro. Pure: the caller reads the files.
 */
import type { z } from 'astro/zod';
import {
  CaseOverrideSchema,
  CompanySchema,
  MentionSchema,
  PostSchema,
  ResponseSchema,
  type CaseOverrideData,
  type Company,
  type PostData,
} from './schemas.ts';
import { listFieldIssues } from './schema-issues.ts';
import type { CaseOverride, CompanyEntry, Mention, Response } from './types.ts';
import type { Post, WatchblogInput } from './watchblog.ts';

/** The content folders, each one collection. */
export const CONTENT_KINDS = ['companies', 'mentions', 'responses', 'cases', 'posts'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** One file as read: its path relative to the content folder (forward slashes), front matter and body. */
export type ContentFile = { path: string; data: Record<string, unknown>; body: string };

/** A file that does not fit its schema: the file, the field and what was expected. */
export type ContentProblem = { path: string; field: string; message: string };

function describeProblems(file: ContentFile, error: z.ZodError): ContentProblem[] {
  return listFieldIssues(error, '(front matter)').map((issue) => ({ path: file.path, ...issue }));
}

/** A problem as one line: `companies/acme.md: sources[0].channel: Invalid option: expected one of ...`. */
export function formatContentProblem(problem: ContentProblem): string {
  return `${problem.path}: ${problem.field}: ${problem.message}`;
}

/** The entry id Astro's glob loader uses: the path inside the kind's folder, without ".md". */
function entryId(file: ContentFile): string {
  return file.path.replace(/^[^/]+\//, '').replace(/\.md$/, '');
}

/** A company file's entry: its id (file name) is the slug, its body the introduction. */
export function toCompanyEntry(id: string, data: Company, body: string): CompanyEntry {
  return { ...data, slug: id, intro: body };
}

/** A case file's entry: its id is `<company>/<case id>`, its body the maintainer's note. */
export function toCaseOverride(id: string, data: CaseOverrideData, body: string): CaseOverride {
  const [folder = '', caseId = ''] = id.split('/');
  return { ...data, company: data.company ?? folder, caseId, note: body };
}

/** A post's entry: its id is the slug, its body the Markdown text. */
export function toPost(id: string, data: PostData, body: string): Post {
  return { ...data, slug: id, body };
}

/**
 * Validates and converts every file into the watch blog's input. Files that do not fit
 * are reported, not thrown; the rest are kept.
 */
export function readContentFiles(files: readonly ContentFile[]): { input: WatchblogInput; problems: ContentProblem[] } {
  const input: WatchblogInput = { companies: [], mentions: [], responses: [], overrides: [], posts: [] };
  const problems: ContentProblem[] = [];
  const accept = <S extends z.ZodType>(file: ContentFile, schema: S, use: (data: z.infer<S>) => void) => {
    const result = schema.safeParse(file.data);
    if (result.success) use(result.data);
    else problems.push(...describeProblems(file, result.error));
  };

  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const kind = file.path.split('/')[0];
    const id = entryId(file);
    if (kind === 'companies') accept(file, CompanySchema, (data) => input.companies.push(toCompanyEntry(id, data, file.body)));
    else if (kind === 'mentions') accept(file, MentionSchema, (data) => input.mentions.push({ ...data, excerpt: file.body } satisfies Mention));
    else if (kind === 'responses') accept(file, ResponseSchema, (data) => input.responses.push({ ...data, excerpt: file.body } satisfies Response));
    else if (kind === 'cases') accept(file, CaseOverrideSchema, (data) => input.overrides.push(toCaseOverride(id, data, file.body)));
    else if (kind === 'posts') accept(file, PostSchema, (data) => input.posts.push(toPost(id, data, file.body)));
  }
  return { input, problems };
}
