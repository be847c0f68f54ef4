import path from 'node:path';
import { chooseContentFolder } from '../core/content-folder.ts';

/** The data folder: WATCHBLOG_CONTENT when set (relative to the working directory), else `content/`. */
export function resolveContentDir(fromEnv: string | undefined, cwd: string = process.cwd()): string {
  return path.resolve(cwd, chooseContentFolder(fromEnv));
}
