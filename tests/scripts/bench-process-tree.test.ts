/**
 * The benchmark's measuring stick: wall time, the peak memory of a whole process tree (a
 * parent and the child it starts), and when marker lines first appear in the output.
 */
import { describe, expect, it } from 'vitest';
import { runMeasured } from '../../scripts/bench/process-tree.ts';

const MB = 1024 * 1024;

describe('runMeasured', () => {
  it("counts a child process's memory in the peak, and times the marker lines", async () => {
    // The parent starts a child that holds 300 MB for a second, then prints "done".
    const child = `const b = Buffer.alloc(300 * 1024 * 1024, 1); setTimeout(() => { console.log('done', b.length); }, 1000);`;
    const parent = `console.log('started'); require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' });`;
    const run = await runMeasured(process.execPath, ['-e', parent], { cwd: process.cwd(), markers: { started: /started/, done: /done/ } });
    expect(run.code).toBe(0);
    expect(run.peakRssBytes).toBeGreaterThan(250 * MB);
    expect(run.markers.started).toBeLessThan(run.markers.done!);
    expect(run.markers.done).toBeGreaterThan(0.9);
    expect(run.wallSeconds).toBeGreaterThanOrEqual(run.markers.done!);
  }, 30_000);

  it('reports a failing command by its exit code, with its output', async () => {
    const run = await runMeasured(process.execPath, ['-e', "console.error('broken'); process.exit(3)"], { cwd: process.cwd() });
    expect(run.code).toBe(3);
    expect(run.output).toContain('broken');
  });
});
