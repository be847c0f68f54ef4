/**
 * Zod's verdict on a file or a state, as sentences for the maintainer: which field, what was
 * expected. One wording for content files, company files, the fetch state and the accuracy
 * inputs. Pure.
 */
import type { z } from 'astro/zod';

/** One field that does not fit its schema. */
export type FieldIssue = {
  /** Where the field is, written as in the file: `sources[0].channel`; the `whole` name for the root. */
  field: string;
  /** What Zod expected, e.g. `Invalid option: expected one of "forum"|"news"`. */
  message: string;
};

/** `["sources", 0, "channel"]` → `sources[0].channel`; `[]` → ''. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}

/** Every issue of `error` as a field and a message; `whole` names the root (e.g. "(front matter)"). */
export function listFieldIssues(error: z.ZodError, whole: string): FieldIssue[] {
  return error.issues.map((issue) => ({ field: formatIssuePath(issue.path) || whole, message: issue.message }));
}

/** Every issue of `error` on one line: `sources[0].channel: Invalid option…; name: Required`. */
export function formatFieldIssues(error: z.ZodError, whole: string): string {
  return listFieldIssues(error, whole)
    .map((issue) => `${issue.field}: ${issue.message}`)
    .join('; ');
}
