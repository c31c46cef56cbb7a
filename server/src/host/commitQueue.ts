/**
 * Group commit for one exercise's event log. Events are applied in memory at once but queued here; once per tick
 * (`flushMs`) everything queued goes to the store in one `appendEvents` transaction, and only when that resolves
 * are the entries settled (senders acknowledged). One flush is in flight at a time, so batches reach the store in
 * sequence order. When a flush fails, that batch and everything queued behind it (built on the unsaved state) are
 * lost together: `onFailed` runs first (the host reloads from the store), then every lost entry settles `false`.
 *
 * `cut()` is called when a batch is taken: it snapshots what the events lead to (the host's state at that moment
 * includes exactly the events of this batch and every earlier one), so that after the flush only saved state is shown.
 */
import type { ExerciseEvent } from '@parley/shared';
import type { WallClock } from './clock.ts';

type Entry = { readonly events: readonly ExerciseEvent[]; readonly settle: (saved: boolean) => void };

export type CommitQueueDeps<S> = {
  readonly write: (events: readonly ExerciseEvent[]) => Promise<void>;
  readonly wall: WallClock;
  readonly flushMs: number;
  readonly cut: () => S;
  /** After a successful write, before the entries settle. */
  readonly onFlushed: (events: readonly ExerciseEvent[], snapshot: S, seconds: number) => void;
  /** After a failed write, before the lost entries settle (false). */
  readonly onFailed: (error: unknown, lost: readonly ExerciseEvent[]) => Promise<void>;
};

export class CommitQueue<S> {
  private readonly deps: CommitQueueDeps<S>;
  private queued: Entry[] = [];
  private inflight: Promise<void> | null = null;
  private timer: unknown = null;
  private lastStart = Number.NEGATIVE_INFINITY;

  constructor(deps: CommitQueueDeps<S>) {
    this.deps = deps;
  }

  /** Events waiting for a flush or being written. */
  get pending(): number {
    return this.queued.reduce((n, e) => n + e.events.length, 0) + (this.inflight ? 1 : 0);
  }

  /** Queue events; resolves true once they are durable, false if their flush failed. */
  push(events: readonly ExerciseEvent[]): Promise<boolean> {
    return new Promise((resolve) => {
      this.queued.push({ events, settle: resolve });
      this.arm();
    });
  }

  /** Write everything queued now, and resolve once nothing is queued or in flight. */
  async drain(): Promise<void> {
    if (this.timer !== null) {
      this.deps.wall.clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.inflight !== null || this.queued.length > 0) {
      if (this.inflight !== null) await this.inflight;
      else await this.flush();
    }
  }

  private arm(): void {
    if (this.timer !== null || this.inflight !== null || this.queued.length === 0) return;
    const delay = Math.max(0, this.lastStart + this.deps.flushMs - this.deps.wall.now());
    this.timer = this.deps.wall.setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private flush(): Promise<void> {
    if (this.inflight !== null || this.queued.length === 0) return this.inflight ?? Promise.resolve();
    const batch = this.queued;
    this.queued = [];
    this.lastStart = this.deps.wall.now();
    this.inflight = this.write(batch).finally(() => {
      this.inflight = null;
      this.arm();
    });
    return this.inflight;
  }

  private async write(batch: Entry[]): Promise<void> {
    const events = batch.flatMap((e) => e.events);
    const snapshot = this.deps.cut();
    const started = performance.now();
    let saved = true;
    try {
      await this.deps.write(events);
    } catch (error) {
      saved = false;
      const lost = [...batch, ...this.queued];
      this.queued = [];
      try {
        await this.deps.onFailed(
          error,
          lost.flatMap((e) => e.events),
        );
      } finally {
        for (const e of lost) e.settle(false);
      }
    }
    if (!saved) return;
    try {
      this.deps.onFlushed(events, snapshot, (performance.now() - started) / 1000);
    } finally {
      for (const e of batch) e.settle(true);
    }
  }
}
