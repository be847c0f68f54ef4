/**
 * What a source preset is: a name written in a company file (`preset: reddit-search`), the
 * few fields it takes, and a pure function from those fields to the feeds to read, each
 * with the parsing hints its platform's feed format needs (channel, voice, threading, and
 * whether every item is about the company). Pure: no I/O.
 */
import { z } from 'astro/zod';
import type { SourceInput } from '../schemas.ts';

/** One preset. `F` is the shape of its own fields (beyond `preset` and the source options). */
export type PresetDefinition<F extends z.ZodRawShape = z.ZodRawShape> = {
  /** The name written in a company file, e.g. "reddit-search". */
  name: string;
  /** What it reads, one line, for `npm run sources` and docs/presets.md. */
  summary: string;
  /** Its fields, each with an error message that says what to write. */
  fields: F;
  /** A note for the maintainer about the feed's voice (e.g. that staff need `official.authors`); optional. */
  note?: string;
  /** The fields → the sources to read. Pure; the fields are already validated. */
  expand(fields: z.output<z.ZodObject<F>>): SourceInput[];
};

/** A preset definition, its field types kept for `expand`. */
export function definePreset<const F extends z.ZodRawShape>(preset: PresetDefinition<F>): PresetDefinition<F> {
  return preset;
}

/** A required, non-blank text field whose error says which preset needs it and what it is. */
export function requiredText(preset: string, field: string, meaning: string) {
  const message = `${preset} needs ${field}: ${meaning}`;
  return z.string({ error: message }).trim().min(1, message);
}

/** A required field that must match `pattern`; the error shows an example. */
export function requiredMatching(preset: string, field: string, meaning: string, pattern: RegExp) {
  const message = `${preset} needs ${field}: ${meaning}`;
  return z.string({ error: message }).trim().regex(pattern, message);
}

/**
 * A site's address: an http(s) URL ("https://forum.acme.example", a path kept for sites
 * served under one) or a bare host name, read as https. Always returned without a trailing slash.
 */
export function siteField(preset: string, field: string, example: string) {
  const message = `${preset} needs ${field}: the site's address, e.g. "${example}"`;
  return z
    .string({ error: message })
    .trim()
    .transform((value, ctx) => {
      const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`;
      try {
        const url = new URL(withScheme);
        if (url.hostname === '' || url.search !== '' || url.hash !== '') throw new Error('not a site');
        return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
      } catch {
        ctx.addIssue({ code: 'custom', message: `${message}; got "${value}"` });
        return z.NEVER;
      }
    });
}

/** `base` + `path` + query parameters (encoded), as one URL string. */
export function buildUrl(base: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(`${base.replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}

/**
 * A required id that YAML may read as a number (`id: 41234567`) or a string: returned as
 * the string it was written as, checked against `pattern`.
 */
export function requiredId(preset: string, field: string, meaning: string, pattern: RegExp) {
  const message = `${preset} needs ${field}: ${meaning}`;
  return z
    .union([z.string(), z.number().int().nonnegative()], { error: message })
    .transform((value) => String(value).trim())
    .refine((value) => pattern.test(value), { message });
}
