/**
 * Concurrency limits for polite fetching: at most `perHost` requests in flight to one host
 * and at most `global` in total. A waiting request holds no slot, so a slow host never
 * starves the others of global slots.
 */

/** Limits for createRequestLimiter. */
export type RequestLimits = { perHost: number; global: number };

/** Runs tasks under both limits. */
export type RequestLimiter = {
  /** Runs `task` once a slot for `host` and a global slot are free; releases both when it settles. */
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
};

/** Default requests in flight per host. */
export const PER_HOST_CONCURRENCY = 2;
/** Default requests in flight in total. */
export const GLOBAL_CONCURRENCY = 16;

/** A limiter with FIFO fairness: the longest-waiting request whose host has room goes next. */
export function createRequestLimiter(limits: RequestLimits): RequestLimiter {
  const perHost = Math.max(1, Math.floor(limits.perHost));
  const global = Math.max(1, Math.floor(limits.global));
  const active = new Map<string, number>();
  let activeTotal = 0;
  const waiting: { host: string; start: () => void }[] = [];

  const pump = () => {
    for (let i = 0; i < waiting.length && activeTotal < global; ) {
      const next = waiting[i]!;
      if ((active.get(next.host) ?? 0) < perHost) {
        waiting.splice(i, 1);
        active.set(next.host, (active.get(next.host) ?? 0) + 1);
        activeTotal += 1;
        next.start();
      } else {
        i += 1;
      }
    }
  };

  return {
    run<T>(host: string, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          host,
          start: () => {
            task()
              .then(resolve, reject)
              .finally(() => {
                const left = (active.get(host) ?? 1) - 1;
                if (left === 0) active.delete(host);
                else active.set(host, left);
                activeTotal -= 1;
                pump();
              });
          },
        });
        pump();
      });
    },
  };
}
