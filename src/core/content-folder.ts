/**
 * Which content folder a command or the build reads: the one named (by a flag, else by
 * WATCHBLOG_CONTENT) unless that is blank, else `content`. A blank setting counts as unset,
 * as CI services leave an unset variable empty. Pure: callers resolve it against their cwd.
 */
export function chooseContentFolder(named: string | undefined): string {
  return named !== undefined && named.trim() !== '' ? named : 'content';
}
