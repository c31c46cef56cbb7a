/**
 * A sliding-window counter in one-second buckets: "how many in the last minute". Used by `Metrics` for
 * `commandsPerSecond()` and by the host for per-exercise live figures (commands/min, refused/min on the feed).
 *
 *     const refused = createRateWindow();      // 60 s window, performance.now() clock
 *     refused.add();                           // one more now
 *     refused.total();                         // how many in the last 60 s
 *     refused.perMinute();                     // the same, scaled to a minute
 *
 * Memory is constant (one slot per second of the window); nothing runs in the background.
 */

export type RateWindow = {
  add(n?: number): void;
  /** Events in the window ending now. */
  total(): number;
  perSecond(): number;
  perMinute(): number;
};

export type RateWindowOptions = {
  /** Window length in whole seconds (default 60). */
  readonly seconds?: number;
  /** Milliseconds from any fixed origin (default `performance.now()`). */
  readonly now?: () => number;
};

export function createRateWindow(options: RateWindowOptions = {}): RateWindow {
  const size = Math.max(1, Math.floor(options.seconds ?? 60));
  const now = options.now ?? (() => performance.now());
  const counts = new Array<number>(size).fill(0);
  // The second each slot currently counts for (-Infinity: never used).
  const stamps = new Array<number>(size).fill(Number.NEGATIVE_INFINITY);

  const second = () => Math.floor(now() / 1000);
  const slot = (s: number) => ((s % size) + size) % size;

  const total = () => {
    const current = second();
    let sum = 0;
    for (let i = 0; i < size; i++) {
      const age = current - (stamps[i] as number);
      if (age >= 0 && age < size) sum += counts[i] as number;
    }
    return sum;
  };

  return {
    add(n = 1) {
      const s = second();
      const i = slot(s);
      if (stamps[i] !== s) {
        stamps[i] = s;
        counts[i] = 0;
      }
      counts[i] = (counts[i] as number) + n;
    },
    total,
    perSecond: () => total() / size,
    perMinute: () => (total() * 60) / size,
  };
}
