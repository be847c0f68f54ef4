import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defineCli, formatUsage } from '../../scripts/cli-args.ts';
import { PROJECT_ROOT } from '../../scripts/harness/corpora.ts';

const run = promisify(execFile);

type Result = { code: number; stdout: string; stderr: string };

/** Runs a script the way its npm script does (tsx), without npm's own start-up. */
async function runScript(script: string, args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], { cwd: PROJECT_ROOT, timeout: 150_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

/** Every npm script that runs a file in scripts/, with that file. */
const SCRIPTS = Object.entries(JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>)
  .map(([name, command]) => [name, /\btsx (scripts\/\S+\.ts)/.exec(command)?.[1]] as const)
  .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);

/** Each run starts tsx (seconds on 2 busy cores), so these get a long time limit. */
describe('every maintainer command answers --help and rejects unknown options', { timeout: 320_000 }, () => {
  it('covers the commands the README lists', () => {
    expect(SCRIPTS.map(([name]) => name).sort()).toEqual(['accuracy', 'bench', 'bench:fetch', 'build:shards', 'check', 'check:budgets', 'demo', 'fetch', 'fuzz', 'generate', 'new-company', 'scorecard', 'sources', 'test:corpora', 'test:hostile', 'watch:commit']);
  });

  it.each(SCRIPTS)('npm run %s -- --help prints usage with options, environment and exit codes, and exits 0', async (_name, script) => {
    for (const flag of ['--help', '-h']) {
      const result = await runScript(script, [flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^usage: npm run \S+ -- \[options\]/);
      expect(result.stdout).toContain('options:');
      expect(result.stdout).toContain('-h, --help');
      expect(result.stdout).toMatch(/exit status:\n {2}0 /);
      expect(result.stderr).not.toMatch(/Unknown option/);
    }
  });

  it.each(SCRIPTS)('npm run %s -- --no-such-flag exits 2 and lists the valid options', async (_name, script) => {
    const result = await runScript(script, ['--no-such-flag']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--no-such-flag'/);
    expect(result.stderr).toMatch(/valid options: .*-h\/--help/);
  });

  it('npm run fetch -- --help works through npm itself', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'fetch', '--', '--help'], { cwd: PROJECT_ROOT, timeout: 60_000 });
    expect(stdout).toContain('WATCHBLOG_CONTACT');
    expect(stdout).toContain('--dry-run');
  });
});

describe('formatUsage', () => {
  const spec = defineCli({
    command: 'npm run tool --',
    tag: 'tool',
    summary: 'Does a thing.',
    options: {
      name: { type: 'string', value: '<slug>', multiple: true, description: 'one name' },
      quiet: { type: 'boolean', short: 'q', description: 'say less' },
    },
    env: { TOOL_HOME: 'where it lives' },
    exitCodes: { 0: 'done', 2: 'bad options' },
  });

  it('lists options (value placeholders, short forms, repeatable), environment and exit codes', () => {
    expect(formatUsage(spec)).toBe(
      [
        'usage: npm run tool -- [options]',
        '',
        'Does a thing.',
        '',
        'options:',
        '  --name <slug>  one name (repeatable)',
        '  -q, --quiet    say less',
        '  -h, --help     print this help and exit 0',
        '',
        'environment:',
        '  TOOL_HOME  where it lives',
        '',
        'exit status:',
        '  0  done',
        '  2  bad options',
        '',
      ].join('\n'),
    );
  });

  it('names the one argument a command takes after its options, and explains it', () => {
    const usage = formatUsage({ ...spec, positional: { name: 'name', description: 'what to call it' } });
    expect(usage.startsWith('usage: npm run tool -- [options] <name>\n\nDoes a thing.\n\narguments:\n  <name>  what to call it\n\noptions:\n')).toBe(true);
  });

  it('leaves out the environment section when there is none', () => {
    expect(formatUsage({ ...spec, env: {} })).not.toContain('environment:');
  });
});
