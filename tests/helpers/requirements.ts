/**
 * What some tests need from outside the repository, and the one way they skip without it:
 * `describe.skipIf(skipWithout(CHROMIUM))(…)`. The reason for each requirement below is printed
 * once per run, before the tests, by ./print-skips.ts (the e2e tier's globalSetup); a test's
 * own requirement (e.g. some corpus files) is printed by `skipWithout` when it skips.
 *
 * `.ci/run` installs Chromium and feedparser, so under CI=true their absence FAILS the tests
 * that need them: a CI run that skipped every browser test would pass while testing nothing.
 * The corpora are third-party files kept outside the repository, which a fresh clone never
 * has, so their tests skip in CI too; so do the disk-fault tests, which need root to mount.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_MISSING } from '../../scripts/harness/browser.ts';
import { CORPORA_SKIP_MESSAGE, HAS_CORPORA } from '../../scripts/harness/corpora.ts';
import { FEEDPARSER_MISSING } from './independent-rss-readers.ts';

/** Something a group of tests needs from the machine. */
export type Requirement = {
  /** Why it is missing and how to get it, or null when it is here. */
  missing: string | null;
  /** True when `.ci/run` installs it, so that under CI=true its absence is an error, not a skip. */
  requiredInCi: boolean;
};

/** Debian's Chromium at /usr/bin/chromium, for the browser tests. */
export const CHROMIUM: Requirement = { missing: CHROMIUM_MISSING, requiredInCi: true };

/** Debian's python3-feedparser, the independent reader of our feeds. */
export const FEEDPARSER: Requirement = { missing: FEEDPARSER_MISSING, requiredInCi: true };

/** The third-party corpora (WATCHBLOG_CORPORA, else ../shared/corpora); never in a clone. */
export const CORPORA: Requirement = { missing: HAS_CORPORA ? null : CORPORA_SKIP_MESSAGE, requiredInCi: false };

/** Mounting a tmpfs (root), which the disk-fault tests use to fill and write-protect a folder. */
export const MOUNT: Requirement = { missing: probeMount(), requiredInCi: false };

/** The shared requirements, whose reasons ./print-skips.ts prints once per run. */
export const REQUIREMENTS: readonly Requirement[] = [CHROMIUM, FEEDPARSER, CORPORA, MOUNT];

/** True under CI=true (or CI=1), as CI services set it. */
export function isCi(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

/**
 * For `describe.skipIf` / `it.skipIf`: true when the requirement is missing. Under CI=true a
 * missing requirement that CI installs throws instead, which fails the test file.
 */
export function skipWithout(requirement: Requirement): boolean {
  if (requirement.missing === null) return false;
  if (requirement.requiredInCi && isCi()) throw new Error(`CI=true, so this fails instead of skipping (.ci/run installs what it needs): ${requirement.missing}`);
  if (!REQUIREMENTS.includes(requirement) && !printed.has(requirement.missing)) {
    printed.add(requirement.missing);
    console.warn(`[skip] ${requirement.missing}`);
  }
  return true;
}

/** Reasons this test file has printed already. */
const printed = new Set<string>();

/** Why a tmpfs cannot be mounted here, or null when it can (tried once, then unmounted). */
function probeMount(): string | null {
  if (process.getuid?.() !== 0) return 'disk-fault tests skipped: they mount a tiny tmpfs and need root';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'watchblog-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return null;
  } catch {
    return 'disk-fault tests skipped: mounting a tmpfs is not permitted here';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
