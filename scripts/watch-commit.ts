/**
 * `npm run watch:commit` — the scheduled workflow's commit step: stages content/ only, and
 * when something changed commits it as github-actions[bot] with a message that says what
 * fetch brought (`watch: +12 mentions, +3 responses (acme, globex)`). Nothing else in the
 * work tree is staged or committed. Prints `changed=true|false` for $GITHUB_OUTPUT.
 *
 *   npm run watch:commit -- [--content content] [--dry-run]
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { buildWatchCommitMessage, parseNameStatus } from '../src/core/watch-commit-message.ts';
import { defineCli, parseCliArgs } from './cli-args.ts';

const CLI = defineCli({
  command: 'npm run watch:commit --',
  tag: 'watch:commit',
  summary: 'Stages the content folder and, when fetch changed it, commits only it as github-actions[bot] with a message counting new mentions and responses per company.',
  options: {
    content: { type: 'string', value: '<dir>', description: 'the content folder, relative to the repository (default content)' },
    'dry-run': { type: 'boolean', default: false, description: 'print the message and commit nothing (content/ is still staged)' },
  },
  env: {
    GITHUB_OUTPUT: 'when set (GitHub Actions), `changed=true|false` is appended to it for later steps',
    WATCHBLOG_BOT_NAME: 'the commit author name (default github-actions[bot])',
    WATCHBLOG_BOT_EMAIL: 'the commit author e-mail (default the github-actions[bot] noreply address)',
  },
  exitCodes: { 0: 'committed, or nothing to commit; also after --help', 1: 'git failed', 2: 'bad options' },
});

const values = parseCliArgs(CLI);
const content = values.content ?? 'content';
const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

// -A: new, changed and deleted files; the pathspec keeps everything outside content/ out.
git(['add', '-A', '--', content]);
const message = buildWatchCommitMessage(parseNameStatus(git(['diff', '--cached', '--name-status', '--', content])));
const output = (changed: boolean) => {
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `changed=${changed}\n`);
  console.log(`changed=${changed}`);
};

if (message === null) {
  console.error('[watch:commit] nothing changed under content/: no commit');
  output(false);
} else if (values['dry-run']) {
  console.error(`[watch:commit] would commit: ${message}`);
  output(true);
} else {
  const name = process.env.WATCHBLOG_BOT_NAME || 'github-actions[bot]';
  const email = process.env.WATCHBLOG_BOT_EMAIL || '41898282+github-actions[bot]@users.noreply.github.com';
  // `commit -- <path>` commits only that path, even if something else was staged by hand.
  git(['-c', `user.name=${name}`, '-c', `user.email=${email}`, 'commit', '--quiet', '-m', message, '--', content]);
  console.error(`[watch:commit] ${message}`);
  output(true);
}
