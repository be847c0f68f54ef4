/**
 * The first step of a fetch after reading the configuration: which sources to read, once
 * each, and what their last read lets this one skip (validators for a conditional GET, and
 * the digest of the body last read). Pure: company files and state in, a plan out.
 */
import type { Company, Source } from '../schemas.ts';
import { NO_ANSWER_CHANNEL_WARNING, watchesAnswerChannel } from '../watchblog.ts';
import { computeDigest } from '../write/digest.ts';
import type { FetchState, SourceHealth, Validators } from '../write/fetch-state.ts';

/** A company as fetch reads it: its slug, its company file (named in warnings) and its settings. */
export type CompanyToFetch = { slug: string; file: string; company: Company };

/** One source of one company, as this run will read it. */
export type SourceRead<C extends CompanyToFetch = CompanyToFetch> = {
  company: C;
  source: Source;
  /** What the body is read with (see computeConfigDigest). */
  configDigest: string;
  /**
   * The source's last recorded read when it can stand for this one (no refresh, the same
   * settings, the feed's title on record); absent otherwise, and the source is read in full.
   */
  lastRead?: SourceHealth;
  /** Validators for a conditional GET: those of `lastRead`, else none. */
  validators: Validators;
};

/** The sources to read, in company-file order, and warnings about the configuration. */
export type SourceReadPlan<C extends CompanyToFetch = CompanyToFetch> = {
  reads: SourceRead<C>[];
  /** Sentences for the maintainer, each starting with the company file. */
  warnings: string[];
};

/**
 * Digest of what a body is read with: the company's matching settings and the source's own.
 * When it changes (an alias added, a channel corrected), an unchanged body is read again.
 */
export function computeConfigDigest(company: Pick<Company, 'name' | 'aliases' | 'exclude' | 'ignore' | 'official'>, source: Source): string {
  return computeDigest(JSON.stringify([company.name, company.aliases, company.exclude, company.ignore, company.official, source]));
}

/**
 * The last read worth building on, or undefined. Validators and the body digest are only
 * worth using when the body would be read with the same settings, and once the feed's title
 * is on record (state written before titles were kept reads each source in full once).
 * `refresh` (fetch --refresh) ignores every last read.
 */
export function findReusableLastRead(previous: SourceHealth | undefined, configDigest: string, refresh: boolean): SourceHealth | undefined {
  if (refresh || previous === undefined) return undefined;
  return previous.configDigest === configDigest && previous.feedTitle !== undefined ? previous : undefined;
}

/** The validators of a health record to send again; an empty one is never sent. */
export function pickValidators(health: SourceHealth | undefined): Validators {
  if (!health) return {};
  return { ...(health.etag ? { etag: health.etag } : {}), ...(health.lastModified ? { lastModified: health.lastModified } : {}) };
}

/**
 * Every source of every company to read, each once (a url listed twice is read once, with a
 * warning), with what its last read in `state` lets it skip. Also warns about a company
 * whose answers no channel watches, unless it has responses added by hand
 * (`companiesWithResponses`, slugs).
 */
export function planSourceReads<C extends CompanyToFetch>(
  companies: readonly C[],
  state: FetchState,
  options: { refresh: boolean; companiesWithResponses: ReadonlySet<string> },
): SourceReadPlan<C> {
  const reads: SourceRead<C>[] = [];
  const warnings: string[] = [];
  for (const company of companies) {
    if (!watchesAnswerChannel(company.company, []) && !options.companiesWithResponses.has(company.slug)) warnings.push(`${company.file}: ${NO_ANSWER_CHANNEL_WARNING}`);
    const seen = new Set<string>();
    for (const source of company.company.sources) {
      if (seen.has(source.url)) {
        warnings.push(`${company.file}: source ${source.url} is listed twice; reading it once`);
        continue;
      }
      seen.add(source.url);
      const configDigest = computeConfigDigest(company.company, source);
      const lastRead = findReusableLastRead(state.sources[company.slug]?.[source.url], configDigest, options.refresh);
      reads.push({ company, source, configDigest, ...(lastRead ? { lastRead } : {}), validators: pickValidators(lastRead) });
    }
  }
  return { reads, warnings };
}
