/**
 * Holds the dependency rule of STYLE.md by reading every import: src/core is pure, scripts/
 * only reach into src/core, only src/queries talks to astro:content, and pages and
 * components take their figures from the page models of src/core/site, not from metrics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers/build-site.ts';

function listFiles(dir: string, extensions: RegExp): string[] {
  return readdirSync(path.join(PROJECT_ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.test(entry.name))
    .map((entry) => path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name)));
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

function resolvesInto(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return path.relative(PROJECT_ROOT, path.resolve(PROJECT_ROOT, path.dirname(file), specifier));
}

const coreFiles = listFiles('src/core', /\.ts$/);
const scriptFiles = listFiles('scripts', /\.ts$/);
const siteFiles = [...listFiles('src/pages', /\.(ts|astro)$/), ...listFiles('src/components', /\.(ts|astro)$/), ...listFiles('src/layouts', /\.(ts|astro)$/)];

/** Node modules that do I/O or read ambient state; pure helpers such as node:crypto are allowed. */
const IMPURE_NODE = /^(node:)?(fs|fs\/promises|http|https|http2|net|dns|child_process|os|process|worker_threads|cluster|tls|dgram|readline)$/;

describe('the dependency rule', () => {
  it('finds the files it checks', () => {
    expect(coreFiles.length).toBeGreaterThan(5);
    expect(siteFiles.length).toBeGreaterThan(2);
  });

  it.each(coreFiles)('%s imports no I/O, no astro:* module and nothing outside src/core', (file) => {
    for (const specifier of importsOf(file)) {
      expect(specifier, `${file} imports ${specifier}`).not.toMatch(IMPURE_NODE);
      expect(specifier, `${file} imports ${specifier}`).not.toMatch(/^astro:/);
      const target = resolvesInto(file, specifier);
      if (target) expect(target.startsWith('src/core/'), `${file} imports ${specifier}`).toBe(true);
    }
  });

  it.each(coreFiles)('%s reads neither the environment nor the clock', (file) => {
    const code = readFileSync(path.join(PROJECT_ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code, `${file} reads process.env`).not.toMatch(/\bprocess\.(env|argv|cwd)\b/);
    expect(code, `${file} reads the clock`).not.toMatch(/\bDate\.now\(|new Date\(\s*\)|performance\.now\(/);
  });

  it.each(scriptFiles)('%s imports only src/core from src/', (file) => {
    for (const specifier of importsOf(file)) {
      const target = resolvesInto(file, specifier);
      if (target?.startsWith('src/')) expect(target.startsWith('src/core/'), `${file} imports ${specifier}`).toBe(true);
    }
  });

  it.each(siteFiles)('%s gets content through src/queries, never astro:content', (file) => {
    expect(importsOf(file)).not.toContain('astro:content');
  });

  it.each(siteFiles.filter((file) => file.endsWith('.astro')))('%s gets its figures from a page model in src/core/site, never from src/core/metrics', (file) => {
    for (const specifier of importsOf(file)) {
      const target = resolvesInto(file, specifier);
      expect(target?.startsWith('src/core/metrics') ?? false, `${file} imports ${specifier}`).toBe(false);
    }
  });
});
