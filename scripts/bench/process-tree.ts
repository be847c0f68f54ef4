/**
 * Runs a command and measures it as a whole: wall time, peak resident memory of its whole
 * process tree (npm → node → workers, sampled from /proc), and the time at which each
 * marker line first appeared in its output (to split a build into its phases).
 */
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';

export type TreeRun = { code: number; wallSeconds: number; peakRssBytes: number; markers: Record<string, number>; output: string };

const SAMPLE_MS = 200;
const PAGE_BYTES = 4096;

/** Resident bytes of `root` and every process below it, from /proc; 0 where /proc is missing. */
async function treeRssBytes(root: number): Promise<number> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  await Promise.all(
    pids.map(async (name) => {
      try {
        const stat = await readFile(`/proc/${name}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const pid = Number(name);
        const parent = Number(fields[1]);
        children.set(parent, [...(children.get(parent) ?? []), pid]);
        rss.set(pid, Number(fields[21]) * PAGE_BYTES);
      } catch {
        // The process ended while we looked.
      }
    }),
  );
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Runs `command args` in `cwd` with `env`; resolves when it exits, whatever its code. */
export async function runMeasured(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; markers?: Record<string, RegExp> }): Promise<TreeRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const markers: Record<string, number> = {};
  let output = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    output += text;
    for (const [name, pattern] of Object.entries(options.markers ?? {})) {
      if (markers[name] === undefined && pattern.test(output)) markers[name] = (performance.now() - started) / 1000;
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let peakRssBytes = 0;
  const sampler = setInterval(() => {
    if (child.pid) void treeRssBytes(child.pid).then((bytes) => (peakRssBytes = Math.max(peakRssBytes, bytes)));
  }, SAMPLE_MS);
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  clearInterval(sampler);
  return { code, wallSeconds: (performance.now() - started) / 1000, peakRssBytes, markers, output };
}
