/**
 * The commit message of a scheduled watch run, from what fetch changed under content/:
 * `watch: +12 mentions, +3 responses (acme, globex)`. Pure: the caller passes the lines of
 * `git diff --cached --name-status -- content` after staging content/.
 */

/** One changed path: git's status letter (A added, M modified, D deleted, R renamed…) and the path. */
export type ChangedPath = { status: string; path: string };

/** `A\tcontent/mentions/acme/x.md` lines → changed paths (renames keep their new path). */
export function parseNameStatus(text: string): ChangedPath[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [status = '', ...paths] = line.split('\t');
      return { status: status.charAt(0), path: paths.at(-1) ?? '' };
    });
}

const ITEM_PATH = /^(?:.*\/)?content\/(mentions|responses)\/([^/]+)\/[^/]+\.md$/;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * The message, or null when nothing under content/ changed (no commit). New files count as
 * new mentions and responses; changed ones (fetch rewrote machine fields) as updated; the
 * companies are those with any item changed, sorted. Only state changed (validators, health):
 * `watch: source state only`.
 */
export function buildWatchCommitMessage(changes: readonly ChangedPath[]): string | null {
  if (changes.length === 0) return null;
  let mentions = 0;
  let responses = 0;
  let updated = 0;
  let removed = 0;
  const companies = new Set<string>();
  for (const change of changes) {
    const match = ITEM_PATH.exec(change.path);
    if (!match) continue;
    const [, folder, company = ''] = match;
    companies.add(company);
    if (change.status === 'A') {
      if (folder === 'mentions') mentions += 1;
      else responses += 1;
    } else if (change.status === 'D') removed += 1;
    else updated += 1;
  }
  const parts = [
    ...(mentions > 0 ? [`+${plural(mentions, 'mention')}`] : []),
    ...(responses > 0 ? [`+${plural(responses, 'response')}`] : []),
    ...(updated > 0 ? [`${plural(updated, 'item')} updated`] : []),
    ...(removed > 0 ? [`${plural(removed, 'item')} removed`] : []),
  ];
  if (parts.length === 0) return 'watch: source state only';
  return `watch: ${parts.join(', ')} (${[...companies].sort().join(', ')})`;
}
