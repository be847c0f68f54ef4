/** `npm run scorecard` computes as of the same instant as the build: --now, else WATCHBLOG_NOW. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/harness/build-site.ts';

function scorecard(args: string[], env: Record<string, string>) {
  const { WATCHBLOG_NOW: _drop, ...base } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scorecard.ts', '--content', 'content', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...base, ...env },
  });
}

describe('npm run scorecard as of', () => {
  it('WATCHBLOG_NOW when --now is not given, and --now over it', () => {
    const fromEnv = scorecard([], { WATCHBLOG_NOW: '2026-11-20T12:00:00Z' });
    expect(fromEnv.status, fromEnv.stderr).toBe(0);
    expect((JSON.parse(fromEnv.stdout) as { asOf: string }[])[0]!.asOf).toBe('2026-11-20T12:00:00.000Z');
    const fromFlag = scorecard(['--now', '2026-10-01T00:00:00Z'], { WATCHBLOG_NOW: '2026-11-20T12:00:00Z' });
    expect((JSON.parse(fromFlag.stdout) as { asOf: string }[])[0]!.asOf).toBe('2026-10-01T00:00:00.000Z');
  });

  it('names WATCHBLOG_NOW when its time is not ISO-8601 and exits 2', () => {
    const bad = scorecard([], { WATCHBLOG_NOW: 'yesterday' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('WATCHBLOG_NOW: expected an ISO-8601 time');
  });
});
