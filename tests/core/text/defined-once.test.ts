/**
 * The text and identity rules each have one definition (issue 9): this reads the sources so
 * a second copy of a rule is caught when it is written, not when the copies disagree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../scripts/project-root.ts';

/** Every source file of the project (not tests: they may spell out the values they expect). */
const SOURCES = ['src', 'scripts']
  .flatMap((dir) => readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true }).map((entry) => ({ entry, dir })))
  .filter(({ entry }) => entry.isFile() && /\.(ts|mjs|astro)$/.test(entry.name))
  .map(({ entry }) => path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name)))
  .concat('astro.config.mjs');

/** The code of a file without its comments (which may quote a rule's values). */
function codeOf(file: string): string {
  return readFileSync(path.join(PROJECT_ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|(?<!:)\/\/.*$/gm, '');
}

function filesMatching(pattern: RegExp): string[] {
  return SOURCES.filter((file) => pattern.test(codeOf(file))).sort();
}

describe('one definition of each text and identity rule', () => {
  it.each([
    ['the fallback site URL', /['"`]https:\/\/watchblog\.example['"`/]/, ['src/core/site/site-url.ts']],
    ['the project root', /\bPROJECT_ROOT\s*=/, ['scripts/project-root.ts']],
    ['the characters XML 1.0 forbids', /\\u000[bB]\\u000[cC]\\u000[eE]-\\u001[fF]/, ['src/core/text/xml-chars.ts']],
    ['how author names compare', /normalize\(['"]NFKC['"]\)/, ['src/core/author-name.ts']],
  ])('%s is written in one file', (_rule, pattern, expected) => {
    expect(filesMatching(pattern)).toEqual(expected);
  });
});
