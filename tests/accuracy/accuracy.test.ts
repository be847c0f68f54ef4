/**
 * The labelled set against the real ingest path (scripts/accuracy/evaluate.ts): the kind
 * targets and the pooled matcher floor on the held-out half, and every label's reference
 * resolving to one corpus item.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAccuracy, loadLabelSet, refKey, splitOf, type AccuracyReport } from '../../scripts/accuracy/evaluate.ts';
import { CORPORA_DIR, PROJECT_ROOT } from '../../scripts/harness/corpora.ts';
import { CORPORA, skipWithout } from '../helpers/requirements.ts';

/** Targets for "asks for an answer" (problem ∪ question) on the held-out half. */
const ASKS_PRECISION_MIN = 0.9;
const ASKS_RECALL_MIN = 0.85;
/**
 * Floor for the matcher over all companies (every item × company pair) on the held-out
 * half. The goal is precision ≥ 0.95 at recall ≥ 0.90; phrase rules reach recall 1.00 but
 * only about half that precision, because most false positives left are passing mentions
 * (a comparison, a backdrop, a shop in a deal post) that no general phrase names (see
 * tests/accuracy/README.md). The floor keeps today's figure from slipping.
 */
const MATCHER_POOLED_PRECISION_MIN = 0.45;
const MATCHER_POOLED_RECALL_MIN = 0.9;
/** Reading and normalizing ~400 corpus items takes a few seconds. */
const EVALUATION_TIMEOUT_MS = 60_000;

describe('the labelled set', () => {
  const { labels } = loadLabelSet(PROJECT_ROOT);

  it('holds a few hundred labels, each reference once', () => {
    expect(labels.length).toBeGreaterThanOrEqual(300);
    const keys = labels.map((label) => refKey(label.ref));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('splits into two halves of similar size, the same way every run', () => {
    const heldOut = labels.filter((label) => splitOf(label.ref) === 'heldout').length;
    expect(heldOut / labels.length).toBeGreaterThan(0.4);
    expect(heldOut / labels.length).toBeLessThan(0.6);
    expect(labels.map((label) => splitOf(label.ref))).toEqual(labels.map((label) => splitOf(label.ref)));
  });
});

describe.skipIf(skipWithout(CORPORA))('accuracy on the corpora', () => {
  let report: AccuracyReport;
  const run = async () => (report ??= await evaluateAccuracy(PROJECT_ROOT, CORPORA_DIR));

  it('resolves every reference in the labels file to exactly one corpus item', async () => {
    expect((await run()).unresolved).toEqual([]);
  }, EVALUATION_TIMEOUT_MS);

  it(`reads "asks for an answer" on the held-out half with precision ≥ ${ASKS_PRECISION_MIN} and recall ≥ ${ASKS_RECALL_MIN}`, async () => {
    const { asksForAnswer } = (await run()).splits.heldout;
    expect(asksForAnswer.support).toBeGreaterThan(20);
    expect(asksForAnswer.precision).toBeGreaterThanOrEqual(ASKS_PRECISION_MIN);
    expect(asksForAnswer.recall).toBeGreaterThanOrEqual(ASKS_RECALL_MIN);
  }, EVALUATION_TIMEOUT_MS);

  it(`keeps held-out items for the companies they are about with pooled precision ≥ ${MATCHER_POOLED_PRECISION_MIN} and recall ≥ ${MATCHER_POOLED_RECALL_MIN}`, async () => {
    const { matcherPooled } = (await run()).splits.heldout;
    expect(matcherPooled.support).toBeGreaterThan(15);
    expect(matcherPooled.precision).toBeGreaterThanOrEqual(MATCHER_POOLED_PRECISION_MIN);
    expect(matcherPooled.recall).toBeGreaterThanOrEqual(MATCHER_POOLED_RECALL_MIN);
  }, EVALUATION_TIMEOUT_MS);
});
