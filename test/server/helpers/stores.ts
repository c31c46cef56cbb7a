/**
 * Event stores for tests that watch durability: a memory store whose appends can be held back until released,
 * made to fail, and whose saved seqs can be read synchronously (to check, the moment an ack arrives, that its events
 * were already saved).
 */
import { MemoryStore } from '@parley/server/store/memoryStore.ts';
import type { ExerciseEvent } from '@parley/shared';

export class GatedStore extends MemoryStore {
  /** Seqs saved, per exercise. */
  readonly durable = new Map<string, Set<number>>();
  /** Events per successful append (one append = one flush). */
  readonly batches: number[] = [];
  failNext = 0;
  private held: (() => void)[] | null = null;

  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    for (const go of waiting) go();
  }

  saved(exerciseId: string, seqs: readonly number[]): boolean {
    const set = this.durable.get(exerciseId);
    return seqs.length > 0 && seqs.every((s) => set?.has(s));
  }

  override async appendEvents(exerciseId: string, events: readonly ExerciseEvent[]): Promise<void> {
    if (this.held) await new Promise<void>((resolve) => this.held?.push(resolve));
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('simulated disk failure');
    }
    await super.appendEvents(exerciseId, events);
    const set = this.durable.get(exerciseId) ?? new Set<number>();
    for (const e of events) set.add(e.seq);
    this.durable.set(exerciseId, set);
    this.batches.push(events.length);
  }
}
