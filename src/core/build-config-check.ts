/**
 * The build's settings that come from the environment (see astro.config.mjs), checked before
 * a build would fail on them or publish broken links. Pure: the caller passes the variables.
 */
import type { ContentWarning } from './content-lint.ts';

/** The variables the build reads. */
export type BuildEnv = { WATCHBLOG_SITE?: string; WATCHBLOG_BASE?: string; WATCHBLOG_NOW?: string };

/** Errors for a site URL, base path or as-of time the build cannot use. */
export function checkBuildConfig(env: BuildEnv): ContentWarning[] {
  const problems: ContentWarning[] = [];
  const problem = (field: string, message: string, fix: string) => problems.push({ file: '(environment)', field, message, fix, severity: 'error' });
  const site = env.WATCHBLOG_SITE;
  if (site !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(site)) {
    problem('WATCHBLOG_SITE', `"${site}" is not an origin such as https://user.github.io`, 'set the scheme and host only; put a path in WATCHBLOG_BASE');
  }
  const base = env.WATCHBLOG_BASE;
  if (base !== undefined && !/^\/[^\s?#]*$/.test(base)) {
    problem('WATCHBLOG_BASE', `"${base}" is not a path starting with /`, 'use the project path, e.g. /watchblog (a GitHub Pages project site), or / (a user site or any host root)');
  }
  const now = env.WATCHBLOG_NOW?.trim();
  if (now && Number.isNaN(new Date(now).getTime())) {
    problem('WATCHBLOG_NOW', `"${now}" is not a time`, 'use an ISO-8601 time such as 2026-11-21T00:00:00Z, or unset it to use the build time');
  }
  return problems;
}
