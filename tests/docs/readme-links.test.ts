import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/project-root.ts';

const readme = readFileSync(resolve(PROJECT_ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('names only files that exist (links, and documents such as DESIGN.md named in the text)', () => {
    const linked = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/i.test(target));
    const named = [...readme.matchAll(/(?<![\w/.-])([A-Z][A-Z_-]*\.md)\b/g)].map((m) => m[1]!);
    const missing = [...new Set([...linked, ...named])].filter((path) => !existsSync(resolve(PROJECT_ROOT, path)));
    expect(missing).toEqual([]);
  });
});
