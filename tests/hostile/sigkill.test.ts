/**
 * SIGKILL at 20 seeded random moments of the real `npm run fetch` (scripts/fetch.ts as a child
 * process) over a few hundred items whose feed changes every round. Guards: atomic writes
 * (temp file + rename: a killed write never truncates an item), ledgers written after the
 * items (an id is never recorded for a file that was not written), stale temp files removed
 * by the next run (apply-plan's removeStaleTempFiles), and idempotent planning (the next run
 * finishes the work: the folder equals a clean run's).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runSigkillScenario, type SigkillResult } from '../../scripts/harness/sigkill.ts';

/** Kills per run and the seed that places them (fixed, so a failure reproduces). */
const KILLS = 20;
const SEED = 5;

describe(`fetch killed with SIGKILL at ${KILLS} random moments`, () => {
  let result: SigkillResult;
  beforeAll(async () => {
    result = await runSigkillScenario({ kills: KILLS, seed: SEED, itemsPerSource: 100 });
  }, 200_000);

  it('kills most runs while they are still working', () => {
    expect(result.rounds).toHaveLength(KILLS);
    expect(result.rounds.filter((round) => !round.exitedBeforeKill).length).toBeGreaterThanOrEqual(KILLS / 2);
  });

  it('leaves every content file readable and valid after each kill', () => {
    expect(result.rounds.flatMap((round) => round.problems.filter((problem) => problem.startsWith('unreadable')))).toEqual([]);
    expect(result.unreadableFiles).toBe(0);
  });

  it('never loses a file that existed before the kill', () => {
    expect(result.rounds.flatMap((round) => round.problems.filter((problem) => problem.startsWith('lost')))).toEqual([]);
    expect(result.filesLost).toBe(0);
  });

  it('cleans up temp files of killed runs on the next run', () => {
    expect(result.strayTempFiles).toBe(0);
  });

  it('completes the work on the next run: the folder equals a clean run’s', () => {
    expect(result.finalProblems).toEqual([]);
    expect(result.finalMatchesClean).toBe(true);
  });
});
