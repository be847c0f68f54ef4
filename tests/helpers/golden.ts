/**
 * Golden files: a test's output compared with a file committed beside its input. Run the
 * tests with `UPDATE_GOLDEN=1` to rewrite the files after an intended change, then read the
 * diff in git before committing it: the diff is the review.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const UPDATING_GOLDEN = process.env.UPDATE_GOLDEN === '1';

/** Asserts `actual` equals the golden file (written instead when UPDATE_GOLDEN=1). */
export function expectGolden(file: string, actual: string): void {
  if (UPDATING_GOLDEN) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`no golden file ${file}: run the test with UPDATE_GOLDEN=1 to write it, then review it`);
  expect(actual, `${path.basename(file)} differs from its golden file (UPDATE_GOLDEN=1 rewrites it after an intended change)`).toBe(readFileSync(file, 'utf8'));
}

/** JSON as the golden files hold it: two-space indent, a final newline. */
export function goldenJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
