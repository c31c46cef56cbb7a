/**
 * Per-key throttling with a trailing run: `request(key)` runs `run(key)` at once if the key has not run within
 * `intervalMs`, else once at the end of the interval. Requests in between collapse into that one trailing run, which
 * reads the state when it runs — so the last run after a burst always sees the latest state.
 */

export type Throttle = {
  request(key: string): void;
  /** Runs every pending trailing run now (before shutting down). */
  flush(): void;
  /** Drops pending runs and forgets every key. */
  cancel(): void;
};

export function createThrottle(
  run: (key: string) => void,
  intervalMs: number,
  now: () => number = () => performance.now(),
): Throttle {
  const lastRun = new Map<string, number>();
  const pending = new Map<string, NodeJS.Timeout>();

  const fire = (key: string) => {
    pending.delete(key);
    lastRun.set(key, now());
    run(key);
  };

  return {
    request(key) {
      if (pending.has(key)) return;
      const last = lastRun.get(key);
      const wait = last === undefined ? 0 : last + intervalMs - now();
      if (wait <= 0) {
        fire(key);
        return;
      }
      const timer = setTimeout(() => fire(key), wait);
      timer.unref();
      pending.set(key, timer);
    },
    flush() {
      for (const [key, timer] of [...pending]) {
        clearTimeout(timer);
        fire(key);
      }
    },
    cancel() {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
      lastRun.clear();
    },
  };
}
