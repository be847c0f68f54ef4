/**
 * Reads `content/companies/<slug>.md` through the front-matter module and CompanySchema.
 * A bad file becomes a ConfigProblem naming the file, the field and what is expected.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFieldIssues } from '../../src/core/schema-issues.ts';
import { CompanySchema, type Company } from '../../src/core/schemas.ts';
import { isSafeSlug } from '../../src/core/write/file-names.ts';
import { parseContentFile } from '../../src/core/write/front-matter.ts';

/** A valid company file. */
export type CompanyFile = { slug: string; file: string; company: Company };

/** Something wrong with the configuration: which file, which field, what is expected. */
export type ConfigProblem = { file: string; field: string; message: string };

/** Reads and validates one company file. */
export async function readCompanyFile(file: string): Promise<{ ok: true; company: CompanyFile } | { ok: false; problems: ConfigProblem[] }> {
  const slug = path.basename(file, '.md');
  if (!isSafeSlug(slug)) {
    return { ok: false, problems: [{ file, field: '(file name)', message: 'expected a slug of lower-case letters, digits and hyphens, e.g. "zephyr-telecom.md"' }] };
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file, field: '(file)', message: `cannot read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const parsed = parseContentFile(text);
  if (!parsed.ok) return { ok: false, problems: [{ file, field: '(front matter)', message: parsed.message }] };
  const result = CompanySchema.safeParse(parsed.file.data);
  if (!result.success) {
    return {
      ok: false,
      problems: listFieldIssues(result.error, '(front matter)').map((issue) => ({ file, ...issue })),
    };
  }
  return { ok: true, company: { slug, file, company: result.data } };
}

/**
 * Every company file in `<contentDir>/companies`, or only the `slugs` asked for (an
 * unknown slug is a problem). Sorted by slug.
 */
export async function readCompanyFiles(contentDir: string, slugs: readonly string[] = []): Promise<{ companies: CompanyFile[]; problems: ConfigProblem[] }> {
  const folder = path.join(contentDir, 'companies');
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  } catch {
    return { companies: [], problems: [{ file: folder, field: '(folder)', message: 'expected a folder of company files, e.g. companies/acme.md' }] };
  }
  const problems: ConfigProblem[] = [];
  const wanted = new Set(slugs);
  for (const slug of wanted) {
    if (!names.includes(`${slug}.md`)) problems.push({ file: path.join(folder, `${slug}.md`), field: '--company', message: `no company file for "${slug}"` });
  }
  const chosen = wanted.size === 0 ? names : names.filter((name) => wanted.has(name.slice(0, -3)));
  const results = await Promise.all(chosen.map((name) => readCompanyFile(path.join(folder, name))));
  const companies: CompanyFile[] = [];
  for (const result of results) {
    if (result.ok) companies.push(result.company);
    else problems.push(...result.problems);
  }
  return { companies, problems };
}
