/**
 * Content that fits the schemas but does nothing, or contradicts itself: a maintainer's edit
 * that silently has no effect is worse than an error. Pure; `npm run scorecard -- --check`
 * prints these as warnings.
 */
import { NO_ANSWER_CHANNEL_WARNING, type Watchblog, type WatchblogInput } from './watchblog.ts';

/**
 * One finding: the file (relative to the content folder, when known), what is wrong, and,
 * for `npm run check`, the field, the fix and whether it is an error (a reference that
 * points at nothing: the edit silently does nothing) or a warning (it works, but probably
 * not as meant). Unset severity means a warning.
 */
export type ContentWarning = { file: string; message: string; field?: string; fix?: string; severity?: 'error' | 'warning' };

/** Where each item's file is (`mentions/acme/2026-03-01-abc.md`), by `<folder>/<company>/<id>`, when the caller read them. */
export type ItemFiles = ReadonlyMap<string, string>;

/** Warnings for references that point at nothing and overrides that contradict the record. */
export function lintContent(input: WatchblogInput, watchblog: Watchblog, itemFiles: ItemFiles = new Map()): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  const companies = new Set(input.companies.map((c) => c.slug));
  const mentionIds = new Set(input.mentions.map((m) => `${m.company}/${m.id}`));
  const caseById = new Map(watchblog.companies.flatMap((record) => record.cases.map((kase) => [`${record.company.slug}/${kase.id}`, kase] as const)));
  const caseIds = new Set(watchblog.companies.flatMap((record) => record.cases.map((kase) => kase.id)));

  for (const kind of ['mentions', 'responses'] as const) {
    for (const item of input[kind]) {
      if (!companies.has(item.company)) warnings.push({ file: `${kind}/${item.company}/`, message: `item ${item.id}: company "${item.company}" has no file in companies/, so it is not shown`, field: 'company', fix: `add companies/${item.company}.md, or move the item to the folder of the company it is about`, severity: 'error' });
    }
  }

  for (const override of input.overrides) {
    const file = `cases/${override.company}/${override.caseId}.md`;
    if (!companies.has(override.company)) {
      warnings.push({ file, message: `company "${override.company}" has no file in companies/`, field: 'company', fix: `add companies/${override.company}.md, or move the file under cases/<company slug>/`, severity: 'error' });
      continue;
    }
    if (!mentionIds.has(`${override.company}/${override.caseId}`)) {
      warnings.push({ file, message: `no mention has the id "${override.caseId}", so this override changes nothing (a case id is its first mention's id)`, field: '(file name)', fix: `rename the file to the id of the case's first mention (its case page URL ends with it), or delete it`, severity: 'error' });
      continue;
    }
    for (const merged of override.merge) {
      if (!mentionIds.has(`${override.company}/${merged}`)) warnings.push({ file, message: `merge: no mention has the id "${merged}"`, field: 'merge', fix: `use the id of a mention under mentions/${override.company}/, or remove "${merged}"`, severity: 'error' });
    }
    const kase = caseById.get(`${override.company}/${override.caseId}`);
    if (override.status === 'answered' && kase && kase.firstResponseAt === null) {
      warnings.push({ file, message: 'status "answered", but no counted company response answers this case: the scorecard still counts it as unanswered', field: 'status', fix: 'add the answer under responses/ with respondsTo naming the case, or remove the status' });
    }
    if (override.status !== undefined && override.status !== 'resolved' && override.resolvedAt !== undefined) {
      warnings.push({ file, message: `status "${override.status}" with a resolvedAt: the date is ignored; remove one of them`, field: 'resolvedAt', fix: 'remove resolvedAt, or set status: resolved' });
    }
  }

  for (const record of watchblog.companies) {
    if (!record.scorecard.graded) warnings.push({ file: `companies/${record.company.slug}.md`, message: NO_ANSWER_CHANNEL_WARNING, field: 'sources', fix: 'add a source with voice: company (its blog, status page or support forum), or official.authors' });
  }

  for (const post of input.posts) {
    const file = `posts/${post.slug}.md`;
    for (const slug of post.companies) if (!companies.has(slug)) warnings.push({ file, message: `companies: no company "${slug}"`, field: 'companies', fix: `use the slug of a file in companies/ (its name without .md), or remove "${slug}"`, severity: 'error' });
    for (const id of post.cases) if (!caseIds.has(id)) warnings.push({ file, message: `cases: no case "${id}"`, field: 'cases', fix: `use a case id (the id of the case's first mention), or remove "${id}"`, severity: 'error' });
  }
  warnings.push(...lintItemReferences(input, itemFiles), ...lintCompanySources(input, watchblog), ...lintSharedAliases(input.companies));
  return warnings;
}

/** The file of an item: as read when known, else the folder it should be in. */
function itemFile(itemFiles: ItemFiles, folder: 'mentions' | 'responses', item: { company: string; id: string }): string {
  return itemFiles.get(`${folder}/${item.company}/${item.id}`) ?? `${folder}/${item.company}/ (id ${item.id})`;
}

/**
 * A response's `respondsTo` and a mention's `caseId` that name no mention of the company: the
 * link a maintainer meant to make is silently not made. They name a mention exactly as
 * threading looks it up: its id, URL or canonical URL.
 */
function lintItemReferences(input: WatchblogInput, itemFiles: ItemFiles): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  const refs = new Map<string, Set<string>>();
  const ids = new Set<string>();
  for (const mention of input.mentions) {
    const set = refs.get(mention.company) ?? new Set<string>();
    for (const ref of [mention.id, mention.url, mention.canonicalUrl]) set.add(ref);
    refs.set(mention.company, set);
    ids.add(`${mention.company}/${mention.id}`);
  }
  for (const response of input.responses) {
    for (const ref of response.respondsTo) {
      if (refs.get(response.company)?.has(ref)) continue;
      warnings.push({
        file: itemFile(itemFiles, 'responses', response),
        field: 'respondsTo',
        message: `no mention of "${response.company}" has the id or URL "${ref}", so this answer is not linked to it`,
        fix: `use the id (front matter id:) or url of a file under mentions/${response.company}/, or remove "${ref}"`,
        severity: 'error',
      });
    }
  }
  for (const mention of input.mentions) {
    if (mention.caseId === undefined || ids.has(`${mention.company}/${mention.caseId}`)) continue;
    warnings.push({
      file: itemFile(itemFiles, 'mentions', mention),
      field: 'caseId',
      message: `no mention of "${mention.company}" has the id "${mention.caseId}", so this mention is not joined to a case`,
      fix: `use a case id (the id of the case's first mention, under mentions/${mention.company}/), or remove caseId`,
      severity: 'error',
    });
  }
  return warnings;
}

/** A company that fetch reads nothing for, or whose own voice no source carries. */
function lintCompanySources(input: WatchblogInput, watchblog: Watchblog): ContentWarning[] {
  const ungraded = new Set(watchblog.companies.filter((record) => !record.scorecard.graded).map((record) => record.company.slug));
  const warnings: ContentWarning[] = [];
  for (const company of input.companies) {
    const file = `companies/${company.slug}.md`;
    if (company.sources.length === 0) {
      warnings.push({ file, field: 'sources', message: 'no sources: npm run fetch reads nothing for this company', fix: 'add a source (url, channel, voice), see "Add a company" in the README' });
    } else if (!company.sources.some((source) => source.voice === 'company') && !ungraded.has(company.slug)) {
      warnings.push({
        file,
        field: 'sources',
        message: 'no source in the company\'s own voice: only replies by official.authors in public threads are read as its answers',
        fix: 'add its blog, status page or support feed with voice: company',
      });
    }
  }
  return warnings;
}

/** An alias as the matcher reads it: the words, and whether case matters. */
function aliasForms(company: WatchblogInput['companies'][number]): { text: string; key: string; caseSensitive: boolean }[] {
  const aliases = company.aliases.length > 0 ? company.aliases : [company.name];
  return aliases.flatMap((alias) => {
    // An alias with context words counts only next to them: that is how two companies share a name.
    if (typeof alias !== 'string' && alias.context.length > 0) return [];
    const text = (typeof alias === 'string' ? alias : alias.text).trim().replace(/\s+/g, ' ');
    return [{ text, key: text.toLowerCase(), caseSensitive: typeof alias !== 'string' && alias.caseSensitive }];
  });
}

/** The same alias on two companies: an item naming it becomes a mention of both. */
function lintSharedAliases(companies: WatchblogInput['companies']): ContentWarning[] {
  const warnings: ContentWarning[] = [];
  const seen = new Map<string, { slug: string; text: string; caseSensitive: boolean }[]>();
  for (const company of [...companies].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    const reported = new Set<string>();
    for (const alias of aliasForms(company)) {
      const earlier = seen.get(alias.key) ?? [];
      // Two case-sensitive aliases overlap only when written alike; a case-insensitive one overlaps any case.
      const clash = earlier.find((other) => other.slug !== company.slug && (!other.caseSensitive || !alias.caseSensitive || other.text === alias.text));
      if (clash && !reported.has(`${clash.slug}/${alias.key}`)) {
        reported.add(`${clash.slug}/${alias.key}`);
        warnings.push({
          file: `companies/${company.slug}.md`,
          field: 'aliases',
          message: `"${alias.text}" is also an alias of companies/${clash.slug}.md: an item naming it becomes a mention of both`,
          fix: `keep it on one company, or give it context words on each ({ text: "${alias.text}", context: [...] }) so it counts only next to them`,
        });
      }
      seen.set(alias.key, [...earlier, { slug: company.slug, text: alias.text, caseSensitive: alias.caseSensitive }]);
    }
  }
  return warnings;
}
