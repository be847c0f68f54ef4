/**
 * npm run accuracy: how well the mention-kind reading and the company matcher do on
 * hand-labelled real text (tests/accuracy/). Prints per-kind precision/recall, the
 * "asks for an answer" line and the matcher per company, for the dev and held-out halves.
 *
 *   npm run accuracy              Markdown tables
 *   npm run accuracy -- --json    the whole report as JSON
 *   npm run accuracy -- --mistakes  also list the dev half's misread items and matcher
 *                                   mistakes (for tuning; never the held-out half)
 *
 * Corpora: $WATCHBLOG_CORPORA, else ../shared/corpora next to the project; when absent the
 * command says "skipped" and exits 0.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MENTION_KINDS } from '../src/core/schemas.ts';
import { defineCli, parseCliArgs } from './cli-args.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { evaluateAccuracy, SPLITS, type AccuracyReport, type Split } from './accuracy/evaluate.ts';
import type { Score } from './accuracy/metrics.ts';

const corporaDir = process.env.WATCHBLOG_CORPORA ? path.resolve(process.env.WATCHBLOG_CORPORA) : path.resolve(PROJECT_ROOT, '..', 'shared', 'corpora');
const CLI = defineCli({
  command: 'npm run accuracy --',
  tag: 'accuracy',
  summary: 'Measures the mention-kind reading and the company matcher on hand-labelled real text (tests/accuracy/): precision and recall per kind, for "asks for an answer", and per company, on the dev and held-out halves.',
  options: {
    json: { type: 'boolean', default: false, description: 'print the whole report as JSON' },
    mistakes: { type: 'boolean', default: false, description: "also list the dev half's misread items (for tuning; never tune on the held-out half)" },
  },
  env: { WATCHBLOG_CORPORA: 'the corpora folder (default ../shared/corpora next to the project); absent: the command says "skipped" and exits 0' },
  exitCodes: { 0: 'measured, or skipped because the corpora are absent; also after --help', 1: 'a label refers to no corpus item', 2: 'bad options' },
});
const values = parseCliArgs(CLI);
const asJson = values.json;

function figure(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

function row(label: string, scores: Record<Split, Score>): string {
  return `| ${label} | ${SPLITS.map((s) => `${figure(scores[s].precision)} | ${figure(scores[s].recall)} | ${scores[s].support}`).join(' | ')} |`;
}

function printTables(report: AccuracyReport): void {
  const { dev, heldout } = report.splits;
  console.log(`[accuracy] ${report.labels} labels: ${heldout.items} held-out, ${dev.items} dev${report.unresolved.length ? `, ${report.unresolved.length} unresolved` : ''}\n`);
  console.log('| kind | held-out P | R | n | dev P | R | n |\n|---|---|---|---|---|---|---|');
  const order: Split[] = ['heldout', 'dev'];
  const pick = (f: (s: Split) => Score) => Object.fromEntries(order.map((s) => [s, f(s)])) as Record<Split, Score>;
  const line = (label: string, scores: Record<Split, Score>) => console.log(row(label, { dev: scores.heldout, heldout: scores.dev }));
  for (const kind of MENTION_KINDS) line(kind, pick((s) => report.splits[s].perKind[kind]));
  line('**asks for an answer** (problem ∪ question)', pick((s) => report.splits[s].asksForAnswer));
  line('asks for an answer, text only (every item read as a forum post)', pick((s) => report.splits[s].asksForAnswerTextOnly));
  console.log('\n| matcher (normalize keeps the item) | held-out P | R | n | dev P | R | n |\n|---|---|---|---|---|---|---|');
  for (const company of Object.keys(heldout.matcher)) line(company, pick((s) => report.splits[s].matcher[company]!));
  line('**all companies** (every item × company pair)', pick((s) => report.splits[s].matcherPooled));
  for (const miss of report.unresolved) console.log(`[accuracy] unresolved: ${JSON.stringify(miss.ref)} matches ${miss.matches} items`);
  if (!values.mistakes) return;
  for (const m of report.mistakes.dev) console.log(`[accuracy] dev: ${m.expected} read as ${m.predicted}: ${m.title} (${m.key})`);
  for (const m of report.matcherMistakes.dev) {
    const why = m.kept ? `kept for ${m.company} on "${m.term ?? ''}": ${m.passage ?? ''}` : `missed for ${m.company}`;
    console.log(`[accuracy] dev matcher: ${why} | ${m.title} (${m.key})`);
  }
}

if (!existsSync(path.join(corporaDir, 'README.md'))) {
  const message = `corpora not found at ${corporaDir}: set WATCHBLOG_CORPORA or put them in ../shared/corpora (skipped)`;
  console.log(asJson ? JSON.stringify({ skipped: true, message }) : `[accuracy] ${message}`);
} else {
  const report = await evaluateAccuracy(PROJECT_ROOT, corporaDir);
  if (asJson) console.log(JSON.stringify(report, null, 2));
  else printTables(report);
  if (report.unresolved.length > 0) process.exitCode = 1;
}
