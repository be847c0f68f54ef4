import path from 'node:path';

/** The data folder: WATCHBLOG_CONTENT when set (relative to the working directory), else `content/`. */
export function resolveContentDir(fromEnv: string | undefined, cwd: string = process.cwd()): string {
  return path.resolve(cwd, fromEnv && fromEnv.trim() !== '' ? fromEnv : 'content');
}
