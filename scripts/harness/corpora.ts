/**
 * Where the third-party corpora live (their own README.md says what each set is): the folder
 * named by $WATCHBLOG_CORPORA, else `../shared/corpora` beside the project folder. They are
 * never copied into the repository, so a fresh clone has none: the tests that need them
 * skip with `CORPORA_SKIP_MESSAGE` (also in CI), and the reports say so.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { PROJECT_ROOT } from '../../scripts/project-root.ts';

export { PROJECT_ROOT };

/** The corpora folder, whether or not it exists. */
export const CORPORA_DIR = process.env.WATCHBLOG_CORPORA ? path.resolve(process.env.WATCHBLOG_CORPORA) : path.resolve(PROJECT_ROOT, '..', 'shared', 'corpora');

/** True when the corpora folder is present (its README is the marker). */
export const HAS_CORPORA = existsSync(path.join(CORPORA_DIR, 'README.md'));

/** Why corpus tests were skipped, for describe titles and logs. */
export const CORPORA_SKIP_MESSAGE = `corpora not found at ${CORPORA_DIR}: set WATCHBLOG_CORPORA or put them in ../shared/corpora (tests skipped)`;

/** Absolute path of a file inside the corpora. */
export function corpusPath(...parts: string[]): string {
  return path.join(CORPORA_DIR, ...parts);
}
