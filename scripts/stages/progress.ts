/**
 * What fetch tells the person running it: on a terminal, one progress line rewritten in
 * place; elsewhere (CI, pipes), plain `[fetch] ...` lines, one per source.
 */

/** Where progress goes: a stream, and whether it is a terminal. */
export type ProgressStream = { write(text: string): unknown; isTTY?: boolean };

/** A progress reporter for `total` sources. */
export type Progress = {
  /** A source finished; `line` describes it (printed in plain mode, counted on a terminal). */
  sourceDone(line: string, failed: boolean): void;
  /** A line that always prints (warnings, the plan, the summary). */
  log(line: string): void;
  /** Clears the terminal line before the summary. */
  finish(): void;
};

/** Builds a reporter for `stream`; `total` is the number of sources. */
export function createProgress(stream: ProgressStream, total: number): Progress {
  const tty = stream.isTTY === true;
  let done = 0;
  let failed = 0;
  const draw = () => {
    if (!tty) return;
    stream.write(`\r\u001b[2K[fetch] ${done}/${total} sources${failed > 0 ? ` · ${failed} failed` : ''}`);
  };
  return {
    sourceDone(line, isFailure) {
      done += 1;
      if (isFailure) failed += 1;
      if (tty) draw();
      else stream.write(`[fetch] ${line}\n`);
    },
    log(line) {
      if (tty) stream.write('\r\u001b[2K');
      stream.write(`[fetch] ${line}\n`);
      draw();
    },
    finish() {
      if (tty) stream.write('\r\u001b[2K');
    },
  };
}
