import { describe, expect, it } from 'vitest';
import { checkBuildConfig } from '../../src/core/build-config-check.ts';

describe('checkBuildConfig', () => {
  it.each([
    [{}],
    [{ WATCHBLOG_SITE: 'https://user.github.io', WATCHBLOG_BASE: '/watchblog', WATCHBLOG_NOW: '2026-11-21T00:00:00Z' }],
    [{ WATCHBLOG_SITE: 'https://watch.example/', WATCHBLOG_BASE: '/' }],
  ])('accepts %o', (env) => {
    expect(checkBuildConfig(env)).toEqual([]);
  });

  it.each([
    [{ WATCHBLOG_SITE: 'https://user.github.io/watchblog' }, 'WATCHBLOG_SITE', /WATCHBLOG_BASE/],
    [{ WATCHBLOG_SITE: 'user.github.io' }, 'WATCHBLOG_SITE', /scheme and host/],
    [{ WATCHBLOG_BASE: 'watchblog' }, 'WATCHBLOG_BASE', /\/watchblog/],
    [{ WATCHBLOG_NOW: 'yesterday' }, 'WATCHBLOG_NOW', /ISO-8601/],
  ])('rejects %o in %s, with a fix', (env, field, fix) => {
    expect(checkBuildConfig(env)).toEqual([expect.objectContaining({ field, severity: 'error', fix: expect.stringMatching(fix) })]);
  });
});
