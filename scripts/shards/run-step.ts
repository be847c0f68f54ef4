/**
 * One step of a sharded build as a child process (an `astro build`, a Pagefind run), its
 * output shown as it comes: a failed step stops the build before anything is merged.
 */
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from '../project-root.ts';

/** Runs `command args` in the project; resolves when it exits 0, rejects naming `what` otherwise. */
export function runStep(what: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (exit ${code}); nothing was merged`))));
  });
}
